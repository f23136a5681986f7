import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/calendar/dates';
import { cohortChildIds } from '../../../domain/audit/cohort';
import { auditFromFacts, auditFromFactsUntil, recordAuditFacts } from '../../../domain/audit/indicators';
import { detailsOf, packCohort, packDetails, unpackCohort, unpackDetails, UnreadablePackedCohort, wholeRow, type PackedCohort } from '../../../domain/audit/packed-cohort';
import { cohortRowOf, type CohortRow } from '../../../domain/audit/types';
import { KeptCohort } from '../../../domain/audit/view';
import { copyOf, copyStillRight } from '../../../main/services/audit/cohort-copy';
import type { CohortSource } from '../../../main/services/audit/cohort-service';
import { templateForRecord } from '../../../templates/conference-templates';
import { cohortRows, osei } from './records';

/** The screen's rows of the fictional cohort, one given a name no table of words should bend. */
function screenRows(): CohortRow[] {
  const rows = cohortRows().map(cohortRowOf);
  rows[1] = { ...rows[1]!, childName: 'Zofia O’Brien-Łukasiewicz 🌱 <b>&amp;</b> زينب', alternativePlan: { ...rows[1]!.alternativePlan, lead: '=HYPERLINK("x")' } };
  return rows;
}

describe('a cohort packed for keeping', () => {
  it('reads back as the rows it was packed from, judgements left to be read afresh', () => {
    const rows = screenRows();
    const judged = rows.map((row) => ({ ...row, judgements: [], judgementsMissing: 0 }));
    const packed: PackedCohort = JSON.parse(JSON.stringify(packCohort(rows)));
    expect(unpackCohort(packed)).toEqual(judged);
  });

  it('writes each repeated word once', () => {
    const rows = Array.from({ length: 50 }, () => screenRows()).flat();
    const packed = packCohort(rows);
    expect(new Set(packed.words).size).toBe(packed.words.length);
    // Fifty times the rows, a handful more words than once: what repeats is not written again.
    expect(packed.words.length).toBe(packCohort(screenRows()).words.length);
    expect(packed.lists).toEqual(packCohort(screenRows()).lists);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(rows).length / 2);
  });

  it('refuses what this build did not write, rather than show a wrong row', () => {
    const good = () => JSON.parse(JSON.stringify(packCohort(screenRows()))) as PackedCohort;
    const broken: ((p: PackedCohort) => void)[] = [
      (p) => p.rows[0]!.pop(), // a row one short
      (p) => (p.rows[0]![7] = p.words.length + 3), // a chair's word not in the table
      (p) => (p.rows[0]![5] = p.words.indexOf(p.words[p.rows[0]![7]]!)), // a chair's name where the conference type belongs
      (p) => (p.lists.recommendations[0] = [0, 1]), // recommendations not in threes
      (p) => (p.rows[0]![11] = p.lists.recommendations.length), // a list not in the table
      (p) => (p.rows[0]![2] = 7 as unknown as string), // a name that is not text
      (p) => p.words.push(...p.words.splice(0, p.words.length, 'not-met')), // statuses where outcomes were
    ];
    for (const breakIt of broken) {
      const packed = good();
      breakIt(packed);
      expect(() => unpackCohort(packed)).toThrow(UnreadablePackedCohort);
    }
  });
});

describe('a row’s details kept beside the copy', () => {
  it('make the screen’s row whole again, exactly', () => {
    for (const row of cohortRows()) {
      const withMatch = { ...row, cameBack: { status: 'came-back' as const, explanation: 'Back at an initial conference on 02/09/2026.', matches: [{ conferenceId: row.conferenceId, childId: row.childId, date: '2026-09-02', reason: 'initial-conference' as const, by: 'case-number' as const }] } };
      for (const whole of [row, withMatch]) expect(wholeRow(cohortRowOf(whole), JSON.parse(JSON.stringify(detailsOf(whole))))).toEqual(whole);
    }
  });

  it('are packed with each sentence once, and read back as they were', () => {
    const rows = Array.from({ length: 20 }, () => cohortRows()).flat();
    const details = rows.map(detailsOf);
    const packed = packDetails(details);
    expect(unpackDetails(JSON.parse(JSON.stringify(packed)))).toEqual(details);
    expect(packed.sentences.length).toBe(packDetails(cohortRows().map(detailsOf)).sentences.length);
    expect(() => unpackDetails({ sentences: packed.sentences, rows: [[[packed.sentences.length], 0, 0, []]] })).toThrow(UnreadablePackedCohort);
  });

  it('that do not fit the row are refused', () => {
    const [row] = cohortRows();
    const details = detailsOf(row!);
    expect(() => wholeRow(cohortRowOf(row!), [details[0].slice(1), details[1], details[2], details[3]])).toThrow(UnreadablePackedCohort);
    expect(() => wholeRow(cohortRowOf(row!), [details[0], details[1], details[2], [{ conferenceId: 'x' }]])).toThrow(UnreadablePackedCohort);
    expect(() => wholeRow(cohortRowOf(row!), 'details')).toThrow(UnreadablePackedCohort);
  });
});

describe('when a kept copy still shows what working the cohort out would', () => {
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const source: CohortSource = { window: 'w1', conferences: [], today: '2026-03-02', rules: '{}', stableUntil: '2026-03-20' };
  const copy = copyOf(period, { rows: cohortRows(), total: 3, unreadable: 0, message: null }, source, new KeptCohort(cohortRows()).unfiltered())!.copy;

  it('while the window, the local rules and the day are as it allows', () => {
    expect(copyStillRight(copy, period, 'w1', '{}', '2026-03-02')).toBe(true);
    expect(copyStillRight(copy, period, 'w1', '{}', '2026-03-20')).toBe(true);
  });

  it('not once a conference of the window changed, the rules changed, a deadline passed, or the clock went back', () => {
    expect(copyStillRight(copy, period, 'w2', '{}', '2026-03-02')).toBe(false);
    expect(copyStillRight(copy, period, 'w1', '{"minutesWorkingDays":15}', '2026-03-02')).toBe(false);
    expect(copyStillRight(copy, period, 'w1', '{}', '2026-03-21')).toBe(false);
    expect(copyStillRight(copy, period, 'w1', '{}', '2026-03-01')).toBe(false);
    expect(copyStillRight(copy, { ...period, to: '2026-06-29' }, 'w1', '{}', '2026-03-02')).toBe(false);
  });

  it('and none is kept from a store that gives no fingerprint of what it read', () => {
    expect(copyOf(period, { rows: [], total: 0, unreadable: 0, message: null }, { ...source, window: undefined }, new KeptCohort([]).unfiltered())).toBeNull();
  });
});

describe('how long a conference’s rows stay as worked out with no save', () => {
  const { record } = osei();
  const facts = recordAuditFacts(record, cohortChildIds(record), templateForRecord(record));
  const unsigned = { signedAt: null, intact: true };
  const rowsStableUntil = (signOff: { signedAt: string | null; intact: boolean }, today: string) => auditFromFactsUntil(facts, { signOff, today }).stableUntil;
  const timescales = (today: string) => auditFromFacts(facts, { signOff: unsigned, today })[0]!.indicators.find((i) => i.id === 'timescales')!.status;

  it('until the unsigned minutes’ deadline, the last day "timescales" reads as it does today', () => {
    const until = rowsStableUntil(unsigned, '2026-02-05');
    expect(until).not.toBeNull();
    expect(timescales(until!)).toBe(timescales('2026-02-05'));
    expect(timescales(addDays(until!, 1))).not.toBe(timescales('2026-02-05'));
  });

  it('for ever once the minutes are signed, or their deadline has already passed', () => {
    expect(rowsStableUntil({ signedAt: '2026-02-06T10:00:00.000Z', intact: true }, '2026-02-07')).toBeNull();
    const until = rowsStableUntil(unsigned, '2026-02-05')!;
    expect(rowsStableUntil(unsigned, addDays(until, 1))).toBeNull();
  });
});
