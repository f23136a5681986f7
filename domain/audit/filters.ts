import { INDICATOR_LABELS, INDICATOR_STATUS_LABELS, NOT_RECORDED, type AuditFilters, type CohortRow } from './types';

/**
 * The cohort's filters and sorting, pure so the screen's view of a cohort (view.ts) and the
 * exports apply exactly the same ones.
 */

export function applyFilters<R extends CohortRow>(rows: readonly R[], filters: AuditFilters): R[] {
  return rows.filter((row) => {
    if (filters.chair !== '' && row.chair !== filters.chair) return false;
    if (filters.outcome !== '' && row.outcome !== filters.outcome) return false;
    if (filters.concern !== '' && row.concern !== filters.concern) return false;
    if (filters.primaryConcern !== '' && row.primaryConcern !== filters.primaryConcern) return false;
    if (filters.departsFromMajority && !row.departsFromMajority.departs) return false;
    if (filters.cameBack === 'any-match' ? row.cameBack.status === 'not-back' : filters.cameBack !== '' && row.cameBack.status !== filters.cameBack) return false;
    if (filters.judged === 'judged' && row.judgements.length === 0) return false;
    if (filters.judged === 'not-judged' && row.judgements.length > 0) return false;
    if (filters.indicator !== '') {
      const indicator = row.indicators.find((i) => i.id === filters.indicator);
      if (!indicator) return false;
      if (filters.indicatorStatus !== '' && indicator.status !== filters.indicatorStatus) return false;
    }
    return true;
  });
}

export const SORT_KEYS = ['date', 'child', 'chair', 'outcome', 'indicatorsMet'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABELS: Record<SortKey, string> = {
  date: 'Conference date',
  child: 'Child',
  chair: 'Chair',
  outcome: 'Outcome',
  indicatorsMet: 'Indicators met',
};

export function indicatorsMet(row: CohortRow): number {
  return row.indicators.filter((i) => i.status === 'met').length;
}

// One collator for the module, made once rather than at every sort.
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * The cohort's own order: by conference date (ISO dates compare as plain strings), then child,
 * then ids (a total order).
 * The service sorts its answer with it too, so the table's "by date" and the answer agree.
 */
export function cohortOrder(
  a: Pick<CohortRow, 'conferenceDate' | 'childName' | 'conferenceId' | 'childId'>,
  b: Pick<CohortRow, 'conferenceDate' | 'childName' | 'conferenceId' | 'childId'>,
): number {
  return (
    (a.conferenceDate < b.conferenceDate ? -1 : a.conferenceDate > b.conferenceDate ? 1 : 0) ||
    collator.compare(a.childName, b.childName) ||
    // Two children of one name on one day (two conferences, or twins named alike): by ids, so the
    // order never depends on the order a store happened to list its conferences in.
    (a.conferenceId < b.conferenceId ? -1 : a.conferenceId > b.conferenceId ? 1 : 0) ||
    (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0)
  );
}

/** Stable: rows equal on the key keep date-then-child order, so the table never jumps about. */
export function sortRows<R extends CohortRow>(rows: readonly R[], key: SortKey, direction: 'ascending' | 'descending'): R[] {
  const base = cohortOrder;
  const by: Record<SortKey, (a: CohortRow, b: CohortRow) => number> = {
    date: base,
    child: (a, b) => collator.compare(a.childName, b.childName),
    chair: (a, b) => collator.compare(a.chair, b.chair),
    outcome: (a, b) => collator.compare(a.outcomeLabel, b.outcomeLabel),
    indicatorsMet: (a, b) => indicatorsMet(a) - indicatorsMet(b),
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * by[key](a, b) || base(a, b));
}

/** The choices each filter offers, from the rows themselves (no empty options). */
export function filterChoices(rows: readonly CohortRow[]): { chairs: string[]; outcomes: { value: string; label: string }[]; concerns: string[]; primaryConcerns: string[] } {
  const chairs = [...new Set(rows.map((r) => r.chair).filter((c) => c !== ''))].sort();
  const outcomes = [...new Map(rows.map((r) => [r.outcome, r.outcomeLabel || r.outcome])).entries()].map(([value, label]) => ({ value, label }));
  const concerns = [...new Set(rows.map((r) => r.concern).filter((c) => c !== ''))].sort();
  // "Not recorded" (older records) is a choice too: a manager may want to see which those are.
  const primaryConcerns = [...new Set(rows.map((r) => r.primaryConcern))].sort((a, b) => (a === NOT_RECORDED ? 1 : b === NOT_RECORDED ? -1 : a.localeCompare(b)));
  return { chairs, outcomes, concerns, primaryConcerns };
}

const CAME_BACK_FILTER_LABELS: Record<Exclude<AuditFilters['cameBack'], ''>, string> = {
  'came-back': 'came back (case number)',
  'possible-match': 'possible match to confirm',
  'not-back': 'did not come back',
  'any-match': 'came back or possible match',
};

/** The filters in words, for the PDF summary's opening line. */
export function describeFilters(filters: AuditFilters): string[] {
  const words: string[] = [];
  if (filters.chair) words.push(`chair: ${filters.chair}`);
  if (filters.outcome) words.push(`outcome: ${filters.outcome}`);
  if (filters.primaryConcern) words.push(`primary concern: ${filters.primaryConcern}`);
  if (filters.concern) words.push(`harm from: ${filters.concern}`);
  if (filters.indicator) {
    words.push(`${INDICATOR_LABELS[filters.indicator]}${filters.indicatorStatus ? `: ${INDICATOR_STATUS_LABELS[filters.indicatorStatus].toLowerCase()}` : ''}`);
  }
  if (filters.cameBack) words.push(CAME_BACK_FILTER_LABELS[filters.cameBack]);
  if (filters.departsFromMajority) words.push('departs from the majority of agencies');
  if (filters.judged) words.push(filters.judged === 'judged' ? 'judged' : 'not yet judged');
  return words;
}
