import { describe, expect, it } from 'vitest';
import { childName } from '../../../domain/record/access';
import type { ConferenceRecord, ConferenceType, Values } from '../../../domain/record/conference';
import { childFindings } from '../../../domain/rules/child-rules';
import { parseLocalSettings } from '../../../domain/rules/local-settings';
import { quorumRules } from '../../../domain/rules/quorum';
import { assessReadiness } from '../../../domain/rules/readiness';
import { summaryLines } from '../../../domain/rules/summaries';
import { timescaleRules } from '../../../domain/rules/timescales';
import { voiceFindings } from '../../../domain/rules/voice-rules';
import { isRequired, isVisible, presentField } from '../../../domain/template/conditions';
import { missingDefaults } from '../../../domain/template/defaults';
import { validateAgainstTemplate } from '../../../domain/template/validate';
import type { FieldDef } from '../../../domain/template/types';
import { RecordBuilder } from '../../../main/demo/record-builder';
import { brennanRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';
import { childId, childSection, describeFindings, listOf, singleOf } from '../template/fixture-helpers';

/** Rules that fired where they should not, found by trying the app as a new chair would. */

function field(type: ConferenceType, section: string, id: string): FieldDef {
  const found = templateFor(type).sections.find((s) => s.id === section)?.fields.find((f) => f.id === id);
  if (!found) throw new Error(`no field ${section}.${id}`);
  return found;
}

/** A pre-birth initial conference on Tuesday 10/02/2026 for one unborn baby. */
function preBirth(child: Values = {}): { record: ConferenceRecord; baby: string } {
  const b = new RecordBuilder('pre-birth-initial', { createdAt: '2026-02-10T09:00:00.000Z' });
  b.single('meeting', { date: '2026-02-10' });
  const baby = b.addChild({ bornStatus: 'unborn', expectedDeliveryDate: '2026-05-01', ...child });
  b.forChild('voice', baby, {});
  return { record: b.build(), baby };
}

describe('an unborn baby', () => {
  it('is asked nothing in the voice of the child: no own words, participation or how views informed the decision', () => {
    const { record, baby } = preBirth();
    const voice = validateAgainstTemplate(templateFor(record.type), record).findings.filter((f) => f.ref.section === 'voice');
    expect(voice, describeFindings(voice)).toEqual([]);
    expect(voiceFindings(record)).toEqual([]);
    const ctx = { record, values: {}, childId: baby };
    expect(isVisible(field('pre-birth-initial', 'voice', 'ownWords'), ctx)).toBe(false);
    expect(isVisible(field('pre-birth-initial', 'voice', 'unbornFocus'), ctx)).toBe(true);
  });

  it('needs no name: unnamed, the baby is “Unborn baby”; the chair may write “Unborn baby of …”', () => {
    const { record, baby } = preBirth();
    const children = validateAgainstTemplate(templateFor(record.type), record).findings.filter((f) => f.ref.section === 'children');
    expect(children, describeFindings(children)).toEqual([]);
    expect(childName(record, baby)).toBe('Unborn baby');
    const named = preBirth({ name: 'Unborn baby of Jade Osei' });
    expect(childName(named.record, named.baby)).toBe('Unborn baby of Jade Osei');
    const nameField = presentField(field('pre-birth-initial', 'children', 'name'), { record, values: listOf(record, 'children')[0]!.values });
    expect(nameField.label).toBe('Name, if you want to give one');
  });

  it('is preset as unborn in a pre-birth conference, named or not at creation; never elsewhere', () => {
    const created = (type: ConferenceType) => {
      const b = new RecordBuilder(type, { createdAt: '2026-02-10T09:00:00.000Z' });
      b.addChild({ name: 'Unborn baby of Jade Osei' });
      const record = b.build();
      const children = missingDefaults(templateFor(type), record)['children'];
      return children?.kind === 'list' ? children.items[0]?.values['bornStatus'] : undefined;
    };
    expect(created('pre-birth-initial')).toBe('unborn');
    expect(created('pre-birth-review')).toBe('unborn');
    expect(created('initial')).toBeUndefined();
    expect(created('review')).toBeUndefined();
  });

  it('is asked the significant-harm test as harm likely after birth, without the first limb', () => {
    const { record, baby } = preBirth();
    const ctx = { record, values: {}, childId: baby };
    expect(isVisible(field('pre-birth-initial', 'decision', 'limbA'), ctx)).toBe(false);
    expect(presentField(field('pre-birth-initial', 'decision', 'likelySignificantHarm'), ctx).label).toBe(
      'Is the baby likely to suffer significant harm after birth?',
    );
  });

  it('bad input: given a date of birth, the chair is told plainly and the date is kept and shown to clear', () => {
    const { record, baby } = preBirth({ name: 'Unborn baby of Jade Osei', dateOfBirth: '2026-01-30' });
    expect(childFindings(record)).toEqual([
      {
        rule: 'children.unborn-with-date-of-birth',
        severity: 'blocking',
        message: 'Unborn baby of Jade Osei is recorded as unborn but has a date of birth (30/01/2026). Clear the date, or record the baby as born.',
        ref: { section: 'children', itemId: baby, field: 'dateOfBirth' },
      },
    ]);
    const values = listOf(record, 'children')[0]!.values;
    expect(values['dateOfBirth']).toBe('2026-01-30');
    expect(isVisible(field('pre-birth-initial', 'children', 'dateOfBirth'), { record, values })).toBe(true);
  });

  it('bad input: a pre-birth conference after the expected date of delivery', () => {
    const { record, baby } = preBirth({ expectedDeliveryDate: '2026-02-02' });
    expect(childFindings(record)).toEqual([
      {
        rule: 'children.pre-birth-after-due-date',
        severity: 'warning',
        message: 'The conference on 10/02/2026 is after Unborn baby’s expected date of delivery, 02/02/2026. Check the date; if the baby has been born, record them as born.',
        ref: { section: 'children', itemId: baby, field: 'expectedDeliveryDate' },
      },
    ]);
  });
});

describe('a child too young to put their views into words', () => {
  it('Leo (11 months, too young) is answered by observation: his own words and an explanation are not demanded', () => {
    const record = whitfieldRecord();
    const leo = childId(record, 'Leo Whitfield');
    const voice = childSection(record, 'voice', leo);
    const ctx = { record, values: voice, childId: leo };
    expect(isRequired(field('initial', 'voice', 'ownWords'), ctx)).toBe(false);
    expect(isRequired(field('initial', 'voice', 'explainToChild'), ctx)).toBe(false);
    expect(presentField(field('initial', 'voice', 'informedDecision'), ctx).label).toBe('How what was seen of the child informed the decision');
    // By age alone, before participation is chosen: under two on the conference date.
    delete voice['conferenceParticipation'];
    expect(isRequired(field('initial', 'voice', 'ownWords'), ctx)).toBe(false);
  });

  it('Maya (five) is still asked for her own words when nothing else is recorded', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const voice = childSection(record, 'voice', maya);
    delete voice['ownWords'];
    delete voice['observations'];
    const ctx = { record, values: voice, childId: maya };
    expect(isRequired(field('initial', 'voice', 'ownWords'), ctx)).toBe(true);
  });
});

describe('plans other than a child protection plan', () => {
  it('a child in need plan’s review dated before the conference is caught, like a plan’s', () => {
    const record = brennanRecord();
    const ava = childId(record, 'Ava Brennan');
    childSection(record, 'plan', ava)['reviewDate'] = '2026-03-04';
    expect(timescaleRules()(record).filter((f) => f.rule === 'timescale.review-date-not-after-conference')).toEqual([
      {
        rule: 'timescale.review-date-not-after-conference',
        severity: 'blocking',
        message: 'For Ava Brennan, the review of the child in need plan is dated 04/03/2026, which is not after this conference on 11/03/2026.',
        ref: { section: 'plan', field: 'reviewDate', childId: ava },
      },
    ]);
  });

  it('no lead social worker is demanded for no further action; a child in need plan still needs its lead', () => {
    const record = brennanRecord();
    const ava = childId(record, 'Ava Brennan');
    const plan = childSection(record, 'plan', ava);
    delete plan['lead'];
    const leadFindings = () => validateAgainstTemplate(templateFor('review'), record).findings.filter((f) => f.ref.field === 'lead');
    expect(leadFindings().map((f) => f.message)).toEqual(['Plan, Ava Brennan: enter “Lead social worker or lead professional”.']);
    Object.assign(childSection(record, 'decision', ava), { outcome: 'end-plan-nfa' });
    expect(leadFindings()).toEqual([]);
    expect(isVisible(field('review', 'plan', 'lead'), { record, values: plan, childId: ava })).toBe(false);
  });
});

describe('attendance and quorum', () => {
  it('a new conference does not say “Not quorate” before any attendance is recorded', () => {
    const b = new RecordBuilder('initial', { createdAt: '2026-02-10T09:00:00.000Z' });
    const empty = b.build();
    expect(quorumRules()(empty)).toEqual([]);
    b.addItem('agencies', { agency: 'social-care' });
    expect(quorumRules()(b.build())).toEqual([]);
  });

  it('once every agency’s attendance is recorded, the quorum is judged', () => {
    const b = new RecordBuilder('initial', { createdAt: '2026-02-10T09:00:00.000Z' });
    b.addItem('agencies', { agency: 'social-care', attendance: 'present' });
    b.addItem('agencies', { agency: 'police', attendance: 'report-only', directContact: false });
    expect(quorumRules()(b.build()).map((f) => f.message)).toEqual([
      'Not quorate: children’s social care attended; no other agencies with direct contact with the child attended, and at least 2 are needed. A report without attendance does not count (Police). Record why the conference went ahead without a quorum.',
    ]);
  });

  it('the Attendance section shows each agency’s attendance from Agency contributions, and the quorum', () => {
    expect(summaryLines('attendance', whitfieldRecord())).toEqual([
      'Children’s social care: present, direct contact with the child.',
      'Police: present, direct contact with the child.',
      'Hollin Lane Primary School: present, direct contact with the child.',
      'Health visiting: present, direct contact with the child.',
      'IDVA service: present, no direct contact.',
      'GP: report only, no direct contact.',
      'Quorate: children’s social care attended; 3 other agencies with direct contact with the child attended (Police, Hollin Lane Primary School, Health visiting), and at least 2 are needed.',
    ]);
    const b = new RecordBuilder('initial', { createdAt: '2026-02-10T09:00:00.000Z' });
    b.addItem('agencies', { agency: 'police' });
    expect(summaryLines('attendance', b.build())).toEqual([
      'Police: attendance not yet recorded.',
      'The quorum is worked out once every agency’s attendance is recorded in Agency contributions.',
    ]);
  });
});

describe('a late conference and its timescales', () => {
  const lateReason = field('initial', 'meeting', 'lateReason');

  it('the late reason is marked required exactly when the conference is late, by the council’s own limit', () => {
    const record = whitfieldRecord();
    const meeting = singleOf(record, 'meeting');
    delete meeting['lateReason'];
    expect(isRequired(lateReason, { record, values: meeting })).toBe(false);
    // 16 working days after the strategy discussion on 22/12/2025 (one over the limit of 15).
    meeting['date'] = '2026-01-16';
    expect(isRequired(lateReason, { record, values: meeting })).toBe(true);
    const twenty = parseLocalSettings({ timescales: { icpcWorkingDays: 20 } });
    if (!twenty.ok) throw new Error(twenty.message);
    expect(isRequired(lateReason, { record, values: meeting, settings: twenty.settings })).toBe(false);
  });

  it('readiness says why once, in the timescale’s sentence, not also as a bare “enter …”', () => {
    const record = whitfieldRecord();
    const meeting = singleOf(record, 'meeting');
    delete meeting['lateReason'];
    meeting['date'] = '2026-01-16';
    const onLateReason = assessReadiness(templateFor('initial'), record).findings.filter((f) => f.ref.field === 'lateReason');
    expect(onLateReason.map((f) => [f.rule, f.message])).toEqual([
      ['timescale.icpc-late-without-reason', 'The conference is 16 working days after the strategy discussion on 22/12/2025; the limit is 15. Record why it is late.'],
    ]);
  });

  it('an on-time conference shows its working-day count and the dates that follow from it', () => {
    expect(summaryLines('timescales', whitfieldRecord())).toEqual([
      'Held 15 working days after the strategy discussion on 22/12/2025; the limit is 15, so it is on time.',
      'Decision letter to the family by 16/01/2026 (1 working day after the conference on 15/01/2026).',
      'Minutes to everyone invited by 05/02/2026 (15 working days after the conference on 15/01/2026).',
      'Agencies’ comments on accuracy by 19/02/2026 (10 working days after the latest date for the minutes, 05/02/2026; it moves earlier when the draft is sent sooner).',
    ]);
    expect(summaryLines('timescales', brennanRecord())[0]).toBe(
      'Held 1 day after it was due on 10/03/2026 (within 3 months of the initial conference on 10/12/2025), so it is late.',
    );
  });
});
