import { describe, expect, it } from 'vitest';
import { cohortFigures } from '../../../domain/audit/charts';
import { applyFilters, describeFilters, sortRows } from '../../../domain/audit/filters';
import { NO_FILTERS, type AuditRow } from '../../../domain/audit/types';
import { cohortRows } from './records';

const rows = cohortRows;

describe('the figures behind the charts', () => {
  it('counts outcomes by month', () => {
    expect(cohortFigures(rows()).months.months.map((m) => [m.label, m.total])).toEqual([
      ['Jan 2026', 2],
      ['Feb 2026', 1],
    ]);
  });

  it('leaves "not applicable" out of an indicator’s rate rather than counting it as met', () => {
    const dissent = cohortFigures(rows()).rates.find((r) => r.id === 'dissent')!;
    // Osei's police dissent and the Whitfield IDVA dissent (both children) all apply.
    expect(dissent).toMatchObject({ met: 3, applicable: 3, percent: 100 });
    const single = cohortFigures([rows()[0]!]).rates.find((r) => r.id === 'rationale-engages')!;
    expect(single).toMatchObject({ met: 1, applicable: 1 });
  });

  it('gives each chair and all chairs their share of indicators met', () => {
    const { chairs, overall } = cohortFigures(rows()).chairs;
    expect(chairs.map((c) => c.chair)).toEqual(['Martin Lowe (independent chair)', 'Priya Natarajan (independent chair)']);
    expect(overall.children).toBe(3);
    expect(overall.met).toBe(chairs.reduce((n, c) => n + c.met, 0));
  });

  it('counts only case-number returns in the came-back rate, possible matches beside it', () => {
    const cin = cohortFigures(rows()).back.find((r) => r.outcome === 'Child in need plan (section 17)')!;
    expect(cin).toMatchObject({ children: 2, cameBack: 1, possible: 1, percent: 50 });
  });
});

describe('filters and sorting', () => {
  it('filters to decisions that depart from the majority, and by indicator result', () => {
    expect(applyFilters(rows(), { ...NO_FILTERS, departsFromMajority: true }).map((r) => r.childName)).toEqual(['Maya Whitfield', 'Leo Whitfield']);
    expect(applyFilters(rows(), { ...NO_FILTERS, indicator: 'rationale-engages', indicatorStatus: 'met' }).map((r) => r.childName)).toEqual(['Daniel Osei']);
    expect(applyFilters(rows(), { ...NO_FILTERS, cameBack: 'any-match' })).toHaveLength(2);
    expect(applyFilters(rows(), { ...NO_FILTERS, judged: 'judged' })).toHaveLength(0);
  });

  it('sorts by child, and by date then child for ties', () => {
    expect(sortRows(rows(), 'child', 'ascending').map((r) => r.childName)).toEqual(['Daniel Osei', 'Leo Whitfield', 'Maya Whitfield']);
    expect(sortRows(rows(), 'date', 'descending').map((r) => r.childName)).toEqual(['Daniel Osei', 'Maya Whitfield', 'Leo Whitfield']);
  });

  it('orders two children of one name on one day the same way whatever order the store listed them in', () => {
    const [first] = rows();
    const twin = (conferenceId: string, childId: string): AuditRow => ({ ...first!, conferenceId, childId });
    const listed = [twin('c-2', 'k-1'), twin('c-1', 'k-2'), twin('c-1', 'k-1')];
    const ids = (sorted: AuditRow[]) => sorted.map((r) => `${r.conferenceId}/${r.childId}`);
    const expected = ['c-1/k-1', 'c-1/k-2', 'c-2/k-1'];
    expect(ids(sortRows(listed, 'date', 'ascending'))).toEqual(expected);
    expect(ids(sortRows([...listed].reverse(), 'date', 'ascending'))).toEqual(expected);
    expect(ids(sortRows([...listed].reverse(), 'chair', 'descending'))).toEqual(expected);
  });

  it('says the filters in words for the PDF', () => {
    expect(describeFilters({ ...NO_FILTERS, departsFromMajority: true, indicator: 'voice', indicatorStatus: 'not-met' })).toEqual([
      'Child’s voice recorded: not met',
      'departs from the majority of agencies',
    ]);
  });
});
