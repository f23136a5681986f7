import { describe, expect, it } from 'vitest';
import { isScaleScore, itemsOf, perChildOf, textOf } from '../../../domain/record/access';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { forChildren, items, RecordBuilder, scale } from '../../../main/demo/record-builder';
import { brennanRecord, oseiRecord, scenarioRecords, whitfieldRecord } from '../../../main/demo/scenarios';
import { agency, childId, childSection, listOf, singleOf } from './fixture-helpers';

/** The fixtures tell the stories they stand for: the facts a reader of the minutes would check. */

describe('Whitfield', () => {
  const record = whitfieldRecord();
  const maya = childId(record, 'Maya Whitfield');
  const leo = childId(record, 'Leo Whitfield');

  it('keeps Maya’s own words verbatim', () => {
    const words = textOf(childSection(record, 'voice', maya)['ownWords']);
    expect(words).toContain('“I don’t like it when Daddy shouts. I go under my bed with Leo and put my hands on his ears.”');
    expect(words).toContain('“Mummy does my hair and we have pancakes on Saturdays.”');
    expect(words).toContain('“I want Daddy to stop drinking the beer that makes him cross.”');
    const visits = itemsOf(childSection(record, 'voice', maya)['visits']);
    expect(visits.map((v) => [v.values['date'], v.values['seenAlone']])).toEqual([['2026-01-08', true]]);
  });

  it('records Leo by observation, as a pre-verbal child, on two dates', () => {
    const voice = childSection(record, 'voice', leo);
    expect(voice['ownWords']).toBeUndefined();
    expect(textOf(voice['observations'])).toContain('startled when voices were raised');
    expect(voice['methods']).toEqual(['observation']);
    expect(voice['conferenceParticipation']).toBe('too-young');
    expect(itemsOf(voice['visits']).map((v) => v.values['date'])).toEqual(['2026-01-06', '2026-01-12']);
  });

  it('has Jason attending separately, with the reason', () => {
    const jason = listOf(record, 'family').find((m) => m.values['name'] === 'Jason Whitfield');
    expect(jason?.values['attendance']).toBe('separately');
    expect(textOf(jason?.values['attendanceNotes'])).toContain('domestic abuse');
  });

  it('keeps the police report unshared and its third-party information restricted', () => {
    const police = agency(record, 'police');
    expect([police.values['reportReceived'], police.values['reportSharedWithFamily'], police.values['restricted']]).toEqual([true, false, true]);
    expect(textOf(police.values['restrictedDetail'])).toContain('previous partner');
    expect(itemsOf(police.values['specialistTools']).map((t) => [t.values['tool'], t.values['result']])).toEqual([
      ['dash', '16 “yes” answers: high risk; MARAC referral made'],
    ]);
  });

  it('records the IDVA’s dissent for both children, not escalated', () => {
    const [dissent, ...others] = listOf(record, 'dissent');
    expect(others).toEqual([]);
    expect(dissent?.values['agency']).toBe(agency(record, 'idva').id);
    expect(dissent?.values['children']).toEqual([maya, leo]);
    expect(dissent?.values['escalation']).toBe('not-escalating');
  });

  it('gives both children a plan under emotional abuse with the outline plan’s dates', () => {
    for (const child of [maya, leo]) {
      expect(childSection(record, 'decision', child)['categories']).toEqual(['emotional-abuse']);
      const plan = childSection(record, 'plan', child);
      expect([plan['lead'], plan['firstCoreGroupDate'], plan['reviewDate']]).toEqual(['Sam Okafor, social worker', '2026-01-29', '2026-04-15']);
      expect(itemsOf(plan['actions']).map((a) => a.values['dueDate'])).toContain('2026-01-30');
    }
  });
});

describe('Osei', () => {
  const record = oseiRecord();
  const daniel = childId(record, 'Daniel Osei');

  it('has Daniel seen alone, attending part with an advocate he accepted', () => {
    const voice = childSection(record, 'voice', daniel);
    expect(itemsOf(voice['visits']).map((v) => [v.values['date'], v.values['seenBy'], v.values['seenAlone']])).toEqual([
      ['2026-01-27', 'Leah Carter, social worker', true],
    ]);
    expect([voice['conferenceParticipation'], voice['advocateOffered']]).toEqual(['attended-part', true]);
    expect(textOf(voice['advocate'])).toContain('Jade Morris');
    expect(textOf(voice['ownWords'])).toContain('“My mum and dad aren’t the problem. If you put me on a plan it’s like saying they did something wrong.”');
  });

  it('decides on a contextual safeguarding plan with its lead, review and step-down', () => {
    expect(childSection(record, 'decision', daniel)['outcome']).toBe('contextual-plan');
    const plan = childSection(record, 'plan', daniel);
    expect(textOf(plan['lead'])).toContain('Leah Carter');
    expect(plan['reviewDate']).toBe('2026-03-03');
    expect(textOf(plan['stepDownCriteria'])).not.toBe('');
  });

  it('records the police dissent, to be escalated', () => {
    const [dissent] = listOf(record, 'dissent');
    expect([dissent?.values['agency'], dissent?.values['escalation']]).toEqual([agency(record, 'police').id, 'will-escalate']);
    expect(textOf(dissent?.values['escalationDetail'])).toContain('5 working days');
  });
});

describe('Brennan', () => {
  const record = brennanRecord();
  const ava = childId(record, 'Ava Brennan');

  it('says why the review is a day late', () => {
    const meeting = singleOf(record, 'meeting');
    expect([meeting['previousConferenceDate'], meeting['previousConferenceType']]).toEqual(['2025-12-10', 'initial']);
    expect(textOf(meeting['lateReason'])).toContain('chair was ill');
  });

  it('marks every previous action met except the home-conditions follow-up', () => {
    const actions = itemsOf(singleOf(record, 'reason')['previousPlanActions']);
    expect(actions.map((a) => a.values['status'])).toEqual(['met', 'met', 'met', 'partly-met']);
    expect(textOf(actions[3]?.values['action'])).toContain('home conditions');
  });

  it('keeps both Graded Care Profile 2 grades', () => {
    const tools = itemsOf(agency(record, 'health-visiting').values['specialistTools']);
    expect(tools.map((t) => [t.values['tool'], t.values['result']])).toEqual([
      ['gcp2', 'Overall grade 4'],
      ['gcp2', 'Overall grade 2'],
    ]);
  });

  it('saw Ava with her mother present, and says why', () => {
    const [visit] = itemsOf(childSection(record, 'voice', ava)['visits']);
    expect(visit?.values['seenAlone']).toBe(false);
    expect(textOf(visit?.values['whoPresent'])).toContain('would not separate');
  });

  it('ends the plan to a child in need plan reviewed by 22/04/2026', () => {
    expect(childSection(record, 'decision', ava)['outcome']).toBe('end-plan-cin');
    expect(childSection(record, 'decision', ava)['endReason']).toBe('no-longer-at-risk');
    expect(childSection(record, 'plan', ava)['reviewDate']).toBe('2026-04-22');
  });
});

describe('every scenario', () => {
  it.each(scenarioRecords().map((r): [string, ConferenceRecord] => [textOf(listOf(r, 'children')[0]?.values['name']), r]))(
    '%s: every score carries the scale definition of the meeting, and the chair scored each child',
    (_name, record) => {
      const definition = singleOf(record, 'meeting')['scaleDefinition'];
      const scores = listOf(record, 'agencies').map((a) => a.values['scale']).filter(isScaleScore);
      expect(scores.length).toBeGreaterThan(0);
      expect(scores.every((s) => s.definition === definition)).toBe(true);
      const chairScale = singleOf(record, 'risk')['chairScale'];
      for (const child of listOf(record, 'children')) {
        const score = perChildOf(chairScale, child.id)['scale'];
        expect(isScaleScore(score) && score.definition === definition).toBe(true);
      }
    },
  );
});

describe('RecordBuilder', () => {
  const options = { createdAt: '2026-02-10T09:00:00.000Z' };

  it('gives every item a fresh UUID', () => {
    const ids = [...items({}, {}), ...items({})].map((i) => i.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('merges values set twice on a single or per-child section', () => {
    const b = new RecordBuilder('initial', options);
    const child = b.addChild({ name: 'Rosie Hart' });
    b.single('meeting', { date: '2026-02-10' }).single('meeting', { chair: 'Martin Lowe' });
    b.forChild('voice', child, { ownWords: 'Hello' }).forChild('voice', child, { conferenceParticipation: 'attended' });
    const record = b.build();
    expect(singleOf(record, 'meeting')).toEqual({ date: '2026-02-10', chair: 'Martin Lowe' });
    expect(childSection(record, 'voice', child)).toEqual({ ownWords: 'Hello', conferenceParticipation: 'attended' });
  });

  it('refuses to use one section as two kinds', () => {
    const b = new RecordBuilder('initial', options);
    b.single('meeting', {});
    expect(() => b.addItem('meeting', {})).toThrow('Section “meeting” is not a list.');
    expect(() => b.forChild('meeting', globalThis.crypto.randomUUID(), {})).toThrow('is not a per-child section');
  });

  it('builds records that do not share state with each other', () => {
    const b = new RecordBuilder('review', { ...options, revision: 3 });
    const child = b.addChild({ name: 'Rosie Hart' });
    b.addItem('agencies', { scale: scale(4, '0 = unsafe; 10 = safe'), recommendations: forChildren({ [child]: { recommendation: 'no-view' } }) });
    const first = b.build();
    const second = b.build();
    expect(first.id).not.toBe(second.id);
    expect([first.type, first.revision, first.schemaVersion, first.updatedAt]).toEqual(['review', 3, 1, options.createdAt]);
    listOf(first, 'children')[0]!.values['name'] = 'Changed';
    expect(listOf(second, 'children')[0]?.values['name']).toBe('Rosie Hart');
  });
});
