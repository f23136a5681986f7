import { MONTH_NAMES } from '../calendar/dates';
import { z } from 'zod';
import { INDICATOR_IDS, INDICATOR_LABELS, IndicatorIdSchema, type CohortRow } from './types';

/**
 * The figures a manager puts in a performance report, worked out once for the screen's charts,
 * their table alternatives and the PDF summary alike.
 */

/**
 * What the figures read of a child's row, worked out once per row: a cohort kept whole redraws
 * its charts for some 12,000 children at every filter change, and reading each row's indicators
 * four times over cost more than the filter itself.
 */
export interface FigureFacts {
  /** yyyy-mm */
  month: string;
  /** The outcome's label (or its value when it has none). */
  outcome: string;
  chair: string;
  /** Each indicator's answer, in INDICATOR_IDS order: NOT_COUNTED (absent or not applicable), MET, or NOT_MET (not met or not recorded). */
  answers: number[];
  /** Indicators met, and that applied, of all the row has (a chair's rate). */
  met: number;
  applicable: number;
  back: CohortRow['cameBack']['status'];
}

const NOT_COUNTED = 0;
const MET = 1;
const NOT_MET = 2;

export function figureFacts(row: CohortRow): FigureFacts {
  let met = 0;
  let applicable = 0;
  for (const indicator of row.indicators) {
    if (indicator.status === 'not-applicable') continue;
    applicable += 1;
    if (indicator.status === 'met') met += 1;
  }
  const answers = INDICATOR_IDS.map((id) => {
    const status = row.indicators.find((i) => i.id === id)?.status;
    return status === undefined || status === 'not-applicable' ? NOT_COUNTED : status === 'met' ? MET : NOT_MET;
  });
  return { month: row.conferenceDate.slice(0, 7), outcome: row.outcomeLabel || row.outcome, chair: row.chair || 'Chair not recorded', answers, met, applicable, back: row.cameBack.status };
}

const Percent = z.number().int().min(0).max(100).nullable();
const Count = z.number().int().nonnegative();

export const MonthCountSchema = z.strictObject({
  /** yyyy-mm */
  month: z.string(),
  label: z.string(),
  /** Children by outcome label. */
  byOutcome: z.record(z.string(), Count),
  total: Count,
});
export type MonthCount = z.infer<typeof MonthCountSchema>;

/** Met out of those it applies to: "not applicable" is left out rather than counted as met. */
export const IndicatorRateSchema = z.strictObject({
  id: IndicatorIdSchema,
  label: z.string(),
  met: Count,
  /** Children for whom the indicator applies and is recorded either way (met + not met + not recorded). */
  applicable: Count,
  /** Whole per cent met of applicable; null when nothing applies. */
  percent: Percent,
});
export type IndicatorRate = z.infer<typeof IndicatorRateSchema>;

/** Indicators met out of indicators that applied, over all the chair's children. */
export const ChairRatesSchema = z.strictObject({ chair: z.string(), children: Count, met: Count, applicable: Count, percent: Percent });
export type ChairRates = z.infer<typeof ChairRatesSchema>;

/** Confirmed (case-number) returns only in the rate; possible matches are counted beside it, for the manager to confirm. */
export const CameBackRateSchema = z.strictObject({ outcome: z.string(), children: Count, cameBack: Count, possible: Count, percent: Percent });
export type CameBackRate = z.infer<typeof CameBackRateSchema>;

/** The figures behind the three charts and their tables, for the screen and the PDF summary alike. */
export const FiguresSchema = z.strictObject({
  months: z.strictObject({ months: z.array(MonthCountSchema), outcomes: z.array(z.string()) }),
  rates: z.array(IndicatorRateSchema),
  chairs: z.strictObject({ chairs: z.array(ChairRatesSchema), overall: ChairRatesSchema }),
  back: z.array(CameBackRateSchema),
});
export type Figures = z.infer<typeof FiguresSchema>;

const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 100));

/** Every chart's figures, in one pass over the children. */
export function figuresOf(facts: readonly FigureFacts[]): Figures {
  const months = new Map<string, MonthCount>();
  const outcomes = new Set<string>();
  const rates = INDICATOR_IDS.map(() => ({ met: 0, applicable: 0 }));
  const byChair = new Map<string, ChairRates>();
  const overall: ChairRates = { chair: 'All chairs', children: 0, met: 0, applicable: 0, percent: null };
  const back = new Map<string, CameBackRate>();
  for (const f of facts) {
    let month = months.get(f.month);
    if (month === undefined) months.set(f.month, (month = { month: f.month, label: monthLabel(f.month), byOutcome: {}, total: 0 }));
    outcomes.add(f.outcome);
    month.byOutcome[f.outcome] = (month.byOutcome[f.outcome] ?? 0) + 1;
    month.total += 1;

    for (let i = 0; i < rates.length; i += 1) {
      const answer = f.answers[i];
      if (answer === NOT_COUNTED || answer === undefined) continue;
      rates[i]!.applicable += 1;
      if (answer === MET) rates[i]!.met += 1;
    }

    let chair = byChair.get(f.chair);
    if (chair === undefined) byChair.set(f.chair, (chair = { chair: f.chair, children: 0, met: 0, applicable: 0, percent: null }));
    for (const entry of [chair, overall]) {
      entry.children += 1;
      entry.met += f.met;
      entry.applicable += f.applicable;
    }

    let returns = back.get(f.outcome);
    if (returns === undefined) back.set(f.outcome, (returns = { outcome: f.outcome, children: 0, cameBack: 0, possible: 0, percent: null }));
    returns.children += 1;
    if (f.back === 'came-back') returns.cameBack += 1;
    if (f.back === 'possible-match') returns.possible += 1;
  }
  const withPercent = (r: ChairRates): ChairRates => ({ ...r, percent: percentOf(r.met, r.applicable) });
  return {
    months: { months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)), outcomes: [...outcomes].sort() },
    rates: INDICATOR_IDS.map((id, i) => ({ id, label: INDICATOR_LABELS[id], ...rates[i]!, percent: percentOf(rates[i]!.met, rates[i]!.applicable) })),
    chairs: { chairs: [...byChair.values()].map(withPercent).sort((a, b) => a.chair.localeCompare(b.chair)), overall: withPercent(overall) },
    // Confirmed (case-number) returns only in the rate; possible matches are counted beside it, for the manager to confirm.
    back: [...back.values()].map((r) => ({ ...r, percent: percentOf(r.cameBack, r.children) })).sort((a, b) => a.outcome.localeCompare(b.outcome)),
  };
}

function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]?.slice(0, 3) ?? month} ${year}`;
}

/** Every chart's figures for these rows. */
export function cohortFigures(rows: readonly CohortRow[]): Figures {
  return figuresOf(rows.map(figureFacts));
}

export function judgementProgress(rows: readonly CohortRow[]): { judged: number; total: number } {
  return { judged: rows.filter((r) => r.judgements.length > 0).length, total: rows.length };
}
