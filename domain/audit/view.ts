import { z } from 'zod';
import { figureFacts, figuresOf, FiguresSchema, judgementProgress, type FigureFacts } from './charts';
import { applyFilters, cohortOrder, filterChoices, SORT_KEYS, sortRows } from './filters';
import { AuditFiltersSchema, cohortKey, CohortRowSchema, NO_FILTERS, type AuditFilters, type CohortRow } from './types';

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

const Count = z.number().int().nonnegative();

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
  figures: FiguresSchema,
});
export type CohortView = z.infer<typeof CohortViewSchema>;


/** What a view of the whole cohort, unfiltered, shows that its rows alone decide: kept with a cohort's copy (cohort-copy.ts). */
export const UnfilteredViewSchema = CohortViewSchema.pick({ choices: true, figures: true });
export type UnfilteredView = z.infer<typeof UnfilteredViewSchema>;

const isUnfiltered = (filters: AuditFilters): boolean => (Object.keys(NO_FILTERS) as (keyof AuditFilters)[]).every((key) => filters[key] === NO_FILTERS[key]);

/**
 * A cohort kept whole where it was built, in the cohort's own order, answering views of itself.
 * What does not change between views is worked out once: the filters' choices, the charts of the
 * whole cohort, what the charts read of each row (charts.ts, figureFacts), and each sort order
 * asked for (a filter keeps the order of what it filters, so a view filters the cohort already
 * sorted; sorting 12,000 names with the collator costs 25 ms, each time). The choices and the
 * whole cohort's charts may be given, as worked out when its copy was kept: the first view of a
 * year drawn from a copy then works out neither (50-100 ms at 12,000 children).
 */
export class KeptCohort<R extends CohortRow> {
  readonly #rows: R[];
  readonly #at: Map<string, number>;
  readonly #sorted = new Map<string, R[]>();
  readonly #figureFacts = new Map<R, FigureFacts>();
  #choices: CohortView['choices'] | null;
  #unfilteredFigures: CohortView['figures'] | null;

  constructor(rows: readonly R[], known?: UnfilteredView) {
    // In the cohort's own order (the service's answer is already, so this costs one pass).
    this.#rows = [...rows].sort(cohortOrder);
    this.#at = new Map(this.#rows.map((row, index) => [cohortKey(row), index]));
    this.#choices = known?.choices ?? null;
    this.#unfilteredFigures = known?.figures ?? null;
  }

  /** The choices and the charts of the whole cohort (to keep with a copy of it). */
  unfiltered(): UnfilteredView {
    this.#choices ??= filterChoices(this.#rows);
    this.#unfilteredFigures ??= figuresOf(this.#rows.map((row) => this.#factsOf(row)));
    return { choices: this.#choices, figures: this.#unfilteredFigures };
  }

  get rows(): readonly R[] {
    return this.#rows;
  }

  /** A child's row, or undefined when the child is not in this cohort. */
  row(key: { conferenceId: string; childId: string }): R | undefined {
    const index = this.#at.get(cohortKey(key));
    return index === undefined ? undefined : this.#rows[index];
  }

  /**
   * Puts a child's row back changed (a judgement added); the orders are worked out again when next
   * asked for. The whole cohort's charts stay: no chart reads a judgement.
   */
  replace(row: R): void {
    const index = this.#at.get(cohortKey(row));
    if (index === undefined) return;
    this.#figureFacts.delete(this.#rows[index]!);
    this.#rows[index] = row;
    this.#sorted.clear();
  }

  view(request: CohortViewRequest, page: (row: R) => CohortRow = (row) => row): CohortView {
    const sort = request.sort ?? DEFAULT_SORT;
    const filters = request.filters ?? NO_FILTERS;
    // Unfiltered (the first view, and every "clear filters"): the whole cohort, its charts kept.
    const unfiltered = isUnfiltered(filters);
    const filtered = unfiltered ? this.#inOrder(sort) : applyFilters(this.#inOrder(sort), filters);
    const { choices, figures } = unfiltered ? this.unfiltered() : { choices: (this.#choices ??= filterChoices(this.#rows)), figures: figuresOf(filtered.map((row) => this.#factsOf(row))) };
    return {
      rows: filtered.slice(0, request.limit ?? COHORT_PAGE_ROWS).map(page),
      shown: filtered.length,
      choices,
      progress: judgementProgress(this.#rows),
      figures,
    };
  }

  #factsOf(row: R): FigureFacts {
    let facts = this.#figureFacts.get(row);
    if (facts === undefined) this.#figureFacts.set(row, (facts = figureFacts(row)));
    return facts;
  }

  #inOrder(sort: CohortSort): readonly R[] {
    // The cohort's own order is by date.
    if (sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction) return this.#rows;
    const key = `${sort.key}:${sort.direction}`;
    let sorted = this.#sorted.get(key);
    if (sorted === undefined) this.#sorted.set(key, (sorted = sortRows(this.#rows, sort.key, sort.direction)));
    return sorted;
  }
}

/** One view of rows in the cohort's own order (a cohort looked at once). */
export function cohortView<R extends CohortRow>(rows: readonly R[], request: CohortViewRequest, page?: (row: R) => CohortRow): CohortView {
  return new KeptCohort(rows).view(request, page);
}
