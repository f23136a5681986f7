import { describe, expect, it } from 'vitest';
import { collate, type ChildCollation } from '../../../domain/collation/collate';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { agency, singleOf } from '../template/fixture-helpers';

function forChild(collations: ChildCollation[], name: string): ChildCollation {
  const found = collations.find((c) => c.childName === name);
  if (!found) throw new Error(`No collation for ${name}.`);
  return found;
}

const WHITFIELD_SCALE = '0 = the children are not safe in their parents’ care; 10 = there is enough safety for the case to close.';

describe('Whitfield: every agency’s view of each child side by side', () => {
  const collations = collate(whitfieldRecord());

  it('collates both children, in the order they were entered', () => {
    expect(collations.map((c) => c.childName)).toEqual(['Maya Whitfield', 'Leo Whitfield']);
  });

  it.each(['Maya Whitfield', 'Leo Whitfield'])('%s: six agency views in the order given', (name) => {
    const child = forChild(collations, name);
    expect(child.views.map((v) => [v.agency, v.attendance, v.recommendation])).toEqual([
      ['Children’s social care', 'present', 'cp-plan'],
      ['Police', 'present', 'cp-plan'],
      ['Hollin Lane Primary School', 'present', 'cp-plan'],
      ['Health visiting', 'present', 'cin-plan'],
      ['IDVA service', 'present', 'cin-plan'],
      ['GP', 'report-only', 'no-view'],
    ]);
    expect(child.outcome).toBe('cp-plan');
    expect(child.outcomeLabel).toBe('Child protection plan');
  });

  it.each(['Maya Whitfield', 'Leo Whitfield'])('%s: health visiting and the IDVA service depart from the plan', (name) => {
    const child = forChild(collations, name);
    expect(child.departures.map((v) => v.agency)).toEqual(['Health visiting', 'IDVA service']);
    expect(child.views.filter((v) => v.departs).map((v) => v.representative)).toEqual([
      'Claire Dunn, health visitor',
      'Nadia Rahman, independent domestic violence advocate',
    ]);
  });

  it.each(['Maya Whitfield', 'Leo Whitfield'])('%s: recommendations counted — 3 for a plan, 2 for child in need, 1 none', (name) => {
    expect(forChild(collations, name).recommendations).toEqual([
      { recommendation: 'cp-plan', label: 'Child protection plan', count: 3 },
      { recommendation: 'cin-plan', label: 'Child in need plan (section 17)', count: 2 },
      { recommendation: 'no-view', label: 'No recommendation given', count: 1 },
    ]);
  });

  it.each(['Maya Whitfield', 'Leo Whitfield'])('%s: score spread from 2 to 6, median 3, with the scale’s definition', (name) => {
    const child = forChild(collations, name);
    expect(child.scores).toEqual({ count: 5, min: 2, max: 6, median: 3 });
    expect(child.views.map((v) => v.score)).toEqual([3, 2, 3, 5, 6, null]);
    expect(child.chairScore).toBe(3);
    expect(child.scaleDefinition).toBe(WHITFIELD_SCALE);
    expect(child.scoresHidden).toBe(false);
  });

  it('each view carries its own reasons for the child', () => {
    const leo = forChild(collations, 'Leo Whitfield');
    expect(leo.views[2]?.reasons).toContain('shielding her brother');
    expect(leo.views[5]?.reasons).toBe('');
    expect(leo.views[5]?.recommendationLabel).toBe('No recommendation given');
  });
});

describe('blind scaling', () => {
  function blindWhitfield(): ConferenceRecord {
    const record = whitfieldRecord();
    singleOf(record, 'meeting')['blindScaling'] = true;
    return record;
  }

  it('shows the scores once every attending agency has scored; the GP sent a report only and is not awaited', () => {
    const [maya] = collate(blindWhitfield());
    expect(maya?.scoresHidden).toBe(false);
    expect(maya?.awaitingScores).toEqual([]);
    expect(maya?.scores).toEqual({ count: 5, min: 2, max: 6, median: 3 });
  });

  it('hides every score and reason until the last attending agency has scored', () => {
    const record = blindWhitfield();
    delete agency(record, 'idva').values['scale'];
    for (const child of collate(record)) {
      expect(child.scoresHidden).toBe(true);
      expect(child.awaitingScores).toEqual(['IDVA service']);
      expect(child.views.map((v) => v.score)).toEqual([null, null, null, null, null, null]);
      expect(child.views.map((v) => v.scoreReason)).toEqual(['', '', '', '', '', '']);
      expect(child.scores).toEqual({ count: 0, min: null, max: null, median: null });
    }
  });

  it('an agency at part of the meeting is awaited too', () => {
    const record = blindWhitfield();
    const gp = agency(record, 'gp');
    gp.values['attendance'] = 'part';
    expect(collate(record)[0]?.awaitingScores).toEqual(['GP']);
    gp.values['scale'] = { score: 4, definition: WHITFIELD_SCALE };
    const [maya] = collate(record);
    expect(maya?.scoresHidden).toBe(false);
    expect(maya?.scores).toEqual({ count: 6, min: 2, max: 6, median: 3.5 });
  });

  it('without blind scaling, the scores given so far show', () => {
    const record = whitfieldRecord();
    delete agency(record, 'idva').values['scale'];
    const [maya] = collate(record);
    expect(maya?.scoresHidden).toBe(false);
    expect(maya?.scores).toEqual({ count: 4, min: 2, max: 5, median: 3 });
  });
});

describe('Osei and Brennan', () => {
  it('Osei: only the police depart from the contextual safeguarding plan; CAMHS gave no view', () => {
    const [daniel] = collate(oseiRecord());
    expect(daniel?.outcome).toBe('contextual-plan');
    expect(daniel?.departures.map((v) => v.agency)).toEqual(['Police']);
    expect(daniel?.recommendations).toEqual([
      { recommendation: 'contextual-plan', label: 'Contextual safeguarding plan (extra-familial harm)', count: 3 },
      { recommendation: 'cp-plan', label: 'Child protection plan', count: 1 },
      { recommendation: 'no-view', label: 'No recommendation given', count: 1 },
    ]);
    expect(daniel?.scores).toEqual({ count: 4, min: 2, max: 4, median: 4 });
  });

  it('Brennan: every agency agrees with ending the plan; scores 7 to 8', () => {
    const [ava] = collate(brennanRecord());
    expect(ava?.departures).toEqual([]);
    expect(ava?.recommendations).toEqual([{ recommendation: 'end-plan-cin', label: 'End the plan: child in need plan', count: 4 }]);
    expect(ava?.scores).toEqual({ count: 4, min: 7, max: 8, median: 7 });
    expect(ava?.chairScore).toBe(7);
  });
});
