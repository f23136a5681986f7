import { MONTH_NAMES } from '../calendar/dates';
import { INDICATOR_IDS, INDICATOR_LABELS, type CohortRow, type IndicatorId } from './types';

/**
 * The figures a manager puts in a performance report, worked out once for the screen's charts,
 * their table alternatives and the PDF summary alike.
 */

export interface MonthCount {
  /** yyyy-mm */
  month: string;
  label: string;
  /** Children by outcome label. */
  byOutcome: Record<string, number>;
  total: number;
}

export function outcomesByMonth(rows: readonly CohortRow[]): { months: MonthCount[]; outcomes: string[] } {
  const months = new Map<string, MonthCount>();
  const outcomes = new Set<string>();
  for (const row of rows) {
    const month = row.conferenceDate.slice(0, 7);
    const entry = months.get(month) ?? { month, label: monthLabel(month), byOutcome: {}, total: 0 };
    const outcome = row.outcomeLabel || row.outcome;
    outcomes.add(outcome);
    entry.byOutcome[outcome] = (entry.byOutcome[outcome] ?? 0) + 1;
    entry.total += 1;
    months.set(month, entry);
  }
  return { months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)), outcomes: [...outcomes].sort() };
}

function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]?.slice(0, 3) ?? month} ${year}`;
}

export interface IndicatorRate {
  id: IndicatorId;
  label: string;
  met: number;
  /** Children for whom the indicator applies and is recorded either way (met + not met + not recorded). */
  applicable: number;
  /** Whole per cent met of applicable; null when nothing applies. */
  percent: number | null;
}

/** Met out of those it applies to: "not applicable" is left out rather than counted as met. */
export function indicatorRates(rows: readonly CohortRow[]): IndicatorRate[] {
  // One pass over the rows (a filter change redraws this for a whole year's cohort).
  const counts = new Map<string, { met: number; applicable: number }>(INDICATOR_IDS.map((id) => [id, { met: 0, applicable: 0 }]));
  for (const row of rows) {
    const seen = new Set<string>();
    for (const { id, status } of row.indicators) {
      // A row names each indicator once; were one named twice, its first answer counts, as before.
      if (seen.has(id)) continue;
      seen.add(id);
      const count = counts.get(id);
      if (count === undefined || status === 'not-applicable') continue;
      count.applicable += 1;
      if (status === 'met') count.met += 1;
    }
  }
  return INDICATOR_IDS.map((id) => {
    const { met, applicable } = counts.get(id)!;
    return { id, label: INDICATOR_LABELS[id], met, applicable, percent: applicable === 0 ? null : Math.round((met / applicable) * 100) };
  });
}

export interface ChairRates {
  chair: string;
  children: number;
  /** Indicators met out of indicators that applied, over all the chair's children. */
  met: number;
  applicable: number;
  percent: number | null;
}

export function indicatorsByChair(rows: readonly CohortRow[]): { chairs: ChairRates[]; overall: ChairRates } {
  const byChair = new Map<string, ChairRates>();
  const overall: ChairRates = { chair: 'All chairs', children: 0, met: 0, applicable: 0, percent: null };
  for (const row of rows) {
    const chair = row.chair || 'Chair not recorded';
    const entry = byChair.get(chair) ?? { chair, children: 0, met: 0, applicable: 0, percent: null };
    entry.children += 1;
    overall.children += 1;
    for (const indicator of row.indicators) {
      if (indicator.status === 'not-applicable') continue;
      entry.applicable += 1;
      overall.applicable += 1;
      if (indicator.status === 'met') {
        entry.met += 1;
        overall.met += 1;
      }
    }
    byChair.set(chair, entry);
  }
  const withPercent = (r: ChairRates): ChairRates => ({ ...r, percent: r.applicable === 0 ? null : Math.round((r.met / r.applicable) * 100) });
  return { chairs: [...byChair.values()].map(withPercent).sort((a, b) => a.chair.localeCompare(b.chair)), overall: withPercent(overall) };
}

export interface CameBackRate {
  outcome: string;
  children: number;
  cameBack: number;
  possible: number;
  percent: number | null;
}

/** Confirmed (case-number) returns only in the rate; possible matches are counted beside it, for the manager to confirm. */
export function cameBackByOutcome(rows: readonly CohortRow[]): CameBackRate[] {
  const map = new Map<string, CameBackRate>();
  for (const row of rows) {
    const outcome = row.outcomeLabel || row.outcome;
    const entry = map.get(outcome) ?? { outcome, children: 0, cameBack: 0, possible: 0, percent: null };
    entry.children += 1;
    if (row.cameBack.status === 'came-back') entry.cameBack += 1;
    if (row.cameBack.status === 'possible-match') entry.possible += 1;
    map.set(outcome, entry);
  }
  return [...map.values()]
    .map((r) => ({ ...r, percent: r.children === 0 ? null : Math.round((r.cameBack / r.children) * 100) }))
    .sort((a, b) => a.outcome.localeCompare(b.outcome));
}

export function judgementProgress(rows: readonly CohortRow[]): { judged: number; total: number } {
  return { judged: rows.filter((r) => r.judgements.length > 0).length, total: rows.length };
}
