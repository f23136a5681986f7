import { describe, expect, it } from 'vitest';
import { applyFilters, sortRows } from '../../../domain/audit/filters';
import { NO_FILTERS, type AuditRow, type JudgementView } from '../../../domain/audit/types';
import { cohortFigures } from '../../../domain/audit/charts';
import { KeptCohort } from '../../../domain/audit/view';
import { cohortRows } from './records';

/** Daniel Osei and the Whitfield children, in the cohort's order (by date). */
const rows = (): AuditRow[] => sortRows(cohortRows(), 'date', 'ascending');

const judgement = (row: AuditRow): JudgementView =>
  ({ conferenceId: row.conferenceId, childId: row.childId, number: 1, rating: 'good', comment: 'Clear.', actionForChair: '', author: 'A manager', at: '2026-03-01T10:00:00.000Z', signed: false, valid: true }) as JudgementView;

describe('a cohort kept whole answers views of itself', () => {
  it('filters, sorts and cuts as the exports do, with the charts of the children shown', () => {
    const all = rows();
    const kept = new KeptCohort(all);
    const departs = { ...NO_FILTERS, departsFromMajority: true };
    const view = kept.view({ filters: departs, sort: { key: 'child', direction: 'descending' }, limit: 1 });
    const expected = sortRows(applyFilters(all, departs), 'child', 'descending');
    expect(view.rows.map((r) => r.childName)).toEqual([expected[0]!.childName]);
    expect(view.shown).toBe(expected.length);
    expect(view.figures).toEqual(cohortFigures(expected));
    // The choices and the progress are the whole cohort's, whatever the filter.
    expect(view.progress).toEqual({ judged: 0, total: 3 });
    expect(view.choices.chairs).toEqual([...new Set(all.map((r) => r.chair))].sort());
    // Given in any order, the cohort is shown in its own (by date, then child).
    expect(new KeptCohort([...all].reverse()).view({}).rows.map((r) => r.childName)).toEqual(all.map((r) => r.childName));
  });

  it('shows a judgement put back in every order it was sorted in before', () => {
    const kept = new KeptCohort(rows());
    const byChild = { sort: { key: 'child', direction: 'ascending' } } as const;
    const leo = kept.view(byChild).rows.find((r) => r.childName === 'Leo Whitfield')!;
    const whole = kept.row(leo)!;
    kept.replace({ ...whole, judgements: [judgement(whole)] });
    expect(kept.view(byChild).rows.find((r) => r.childName === 'Leo Whitfield')!.judgements).toHaveLength(1);
    expect(kept.view({ filters: { ...NO_FILTERS, judged: 'judged' } }).rows.map((r) => r.childName)).toEqual(['Leo Whitfield']);
    expect(kept.view({}).progress).toEqual({ judged: 1, total: 3 });
    // A child who is not in the cohort is not added by a row put back for them.
    kept.replace({ ...whole, childId: 'someone-else' });
    expect(kept.rows).toHaveLength(3);
    expect(kept.row({ conferenceId: whole.conferenceId, childId: 'someone-else' })).toBeUndefined();
  });

  it('uses the whole cohort’s choices and charts when given them (a kept copy’s), and works out its filtered views itself', () => {
    const all = rows();
    const worked = new KeptCohort(all).unfiltered();
    expect(worked.figures).toEqual(cohortFigures(all));
    // Given (as a copy of the cohort keeps them), the unfiltered view shows them as they are…
    const known = { ...worked, figures: { ...worked.figures, rates: [] } };
    const kept = new KeptCohort(all, known);
    expect(kept.view({}).figures).toBe(known.figures);
    expect(kept.view({ filters: NO_FILTERS, sort: { key: 'child', direction: 'descending' } }).choices).toBe(known.choices);
    // …and a filtered view works its charts out from the rows it shows.
    const departs = { ...NO_FILTERS, departsFromMajority: true };
    expect(kept.view({ filters: departs }).figures).toEqual(cohortFigures(applyFilters(all, departs)));
    // A judgement changes no chart: the whole cohort's are kept.
    kept.replace({ ...all[0]!, judgements: [judgement(all[0]!)] });
    expect(kept.view({}).figures).toBe(known.figures);
    expect(kept.view({}).progress).toEqual({ judged: 1, total: 3 });
  });
});
