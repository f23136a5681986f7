import { z } from 'zod';
import { cameBackByOutcome, indicatorRates, indicatorsByChair, judgementProgress, outcomesByMonth } from './charts';
import { applyFilters, filterChoices, SORT_KEYS, sortRows } from './filters';
import { AuditFiltersSchema, CohortRowSchema, IndicatorIdSchema, NO_FILTERS, type CohortRow } from './types';

/**
 * What the audit screen shows of a cohort, worked out where the cohort is kept (the app's main
 * process) rather than on the page: the children the filters leave, sorted, of which only the
 * rows the table draws cross to the page, with the charts' figures, the filters' choices and the
 * judgement progress. A large council's year is some 12,000 children: sent whole, that was
 * 17 MB of JSON at every look, parsed and held by the page, for a table that draws 100 rows.
 */

/** Rows the table draws at a time; "Show more" asks for this many more. */
export const COHORT_PAGE_ROWS = 100;

export const CohortSortSchema = z.strictObject({
  key: z.enum(SORT_KEYS),
  direction: z.enum(['ascending', 'descending']),
});
export type CohortSort = z.infer<typeof CohortSortSchema>;
export const DEFAULT_SORT: CohortSort = { key: 'date', direction: 'ascending' };

export const CohortViewRequestSchema = z.strictObject({
  filters: AuditFiltersSchema.optional(),
  sort: CohortSortSchema.optional(),
  /** How many of the filtered, sorted rows to send (the table's "Show more" raises it). */
  limit: z.number().int().min(1).max(1_000_000).optional(),
});
export type CohortViewRequest = z.infer<typeof CohortViewRequestSchema>;

const Percent = z.number().int().min(0).max(100).nullable();
const Count = z.number().int().nonnegative();
const ChairRatesSchema = z.strictObject({ chair: z.string(), children: Count, met: Count, applicable: Count, percent: Percent });

/** The figures behind the three charts and their tables (charts.ts), for the children shown. */
export const CohortFiguresSchema = z.strictObject({
  months: z.strictObject({
    months: z.array(z.strictObject({ month: z.string(), label: z.string(), byOutcome: z.record(z.string(), Count), total: Count })),
    outcomes: z.array(z.string()),
  }),
  rates: z.array(z.strictObject({ id: IndicatorIdSchema, label: z.string(), met: Count, applicable: Count, percent: Percent })),
  chairs: z.strictObject({ chairs: z.array(ChairRatesSchema), overall: ChairRatesSchema }),
  back: z.array(z.strictObject({ outcome: z.string(), children: Count, cameBack: Count, possible: Count, percent: Percent })),
});
export type CohortFigures = z.infer<typeof CohortFiguresSchema>;

export const CohortViewSchema = z.strictObject({
  /** The first `limit` children the filters leave, in the order asked for. */
  rows: z.array(CohortRowSchema),
  /** Children the filters leave (the table's "x of y"). */
  shown: Count,
  /** The filters' choices, from the whole cohort. */
  choices: z.strictObject({
    chairs: z.array(z.string()),
    outcomes: z.array(z.strictObject({ value: z.string(), label: z.string() })),
    concerns: z.array(z.string()),
    primaryConcerns: z.array(z.string()),
  }),
  /** Children judged so far, of the whole cohort. */
  progress: z.strictObject({ judged: Count, total: Count }),
  figures: CohortFiguresSchema,
});
export type CohortView = z.infer<typeof CohortViewSchema>;

export function cohortFigures(rows: readonly CohortRow[]): CohortFigures {
  return { months: outcomesByMonth(rows), rates: indicatorRates(rows), chairs: indicatorsByChair(rows), back: cameBackByOutcome(rows) };
}

/**
 * The view of a cohort (its rows in the cohort's own order). `page` turns each row sent into
 * what the screen reads of it (cohortRowOf, for whole rows).
 */
export function cohortView<R extends CohortRow>(rows: readonly R[], request: CohortViewRequest, page: (row: R) => CohortRow = (row) => row): CohortView {
  const filtered = applyFilters(rows, request.filters ?? NO_FILTERS);
  const sort = request.sort ?? DEFAULT_SORT;
  // The cohort comes in date order already: sorting it again that way would change nothing.
  const ordered = sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction ? filtered : sortRows(filtered, sort.key, sort.direction);
  return {
    rows: ordered.slice(0, request.limit ?? COHORT_PAGE_ROWS).map(page),
    shown: ordered.length,
    choices: filterChoices(rows),
    progress: judgementProgress(rows),
    figures: cohortFigures(filtered),
  };
}
