import { CONFERENCE_TYPES, type ConferenceType } from '../record/conference';
import { z } from 'zod';
import { CameBackMatchSchema, CameBackSchema, DissentViewSchema, INDICATOR_IDS, RecommendationViewSchema, INDICATOR_STATUSES, type AuditRow, type CameBack, type CameBackMatch, type CohortRow, type DissentView, type IndicatorId, type IndicatorStatus, type RecommendationView } from './types';

/**
 * A cohort as the screen reads it (CohortRow: no sentences, no came-back matches), packed small
 * for keeping between looks (the team store's cohort copies, main/services/team/audit-cohorts.ts).
 * A large council's year is some 12,000 children: as objects in JSON that is 16 MB to read back,
 * most of it the same few hundred words again and again (chairs, agencies, outcomes, statuses).
 * Here each row is an array by position and every such word is written once, in a table, and
 * named by its place in it: about a quarter of the size, and a quarter of the reading.
 *
 * Judgements are not packed: they change without the conferences changing, and are always read
 * afresh (the caller fills them in).
 */

export interface PackedCohort {
  /** Every repeated word once; rows and lists name them by index. */
  words: string[];
  /** Every distinct list once, as word indices: categories one per item, recommendations and dissent three, indicators two. */
  lists: { categories: number[][]; recommendations: number[][]; dissent: number[][]; indicators: number[][] };
  rows: PackedRow[];
}

/** A row by position (see packCohort). Numbers in it are indices into `words` or into its kind of `lists`, except templateVersion and departs. */
export type PackedRow = [
  conferenceId: string,
  childId: string,
  childName: string,
  caseNumber: string,
  conferenceDate: string,
  conferenceType: number,
  templateVersion: number,
  chair: number,
  primaryConcern: number,
  concern: number,
  categories: number,
  recommendations: number,
  outcome: number,
  outcomeLabel: number,
  planName: number,
  planLead: string,
  planReviewDate: string,
  departs: 0 | 1,
  dissent: number,
  indicators: number,
  cameBack: number,
];

/** Numbers each distinct word once, in the order first met. */
class Words {
  readonly values: string[] = [];
  readonly #at = new Map<string, number>();
  of(word: string): number {
    let index = this.#at.get(word);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(word);
      this.#at.set(word, index);
    }
    return index;
  }
}

/**
 * Numbers each distinct list once. Looked up by its words joined (a separator no label holds),
 * and only packed the first time: most rows' lists have been met before, and building each
 * row's list of numbers to look it up cost a third of the packing (12,000 rows).
 */
class Lists<T> {
  readonly values: number[][] = [];
  readonly #at = new Map<string, number>();
  constructor(
    readonly key: (list: readonly T[]) => string,
    readonly pack: (list: readonly T[]) => number[],
  ) {}
  of(list: readonly T[]): number {
    const key = this.key(list);
    let index = this.#at.get(key);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(this.pack(list));
      this.#at.set(key, index);
    }
    return index;
  }
}

const SEPARATOR = '\u0000';

function joined<T>(list: readonly T[], fields: (item: T) => string): string {
  let key = '';
  for (const item of list) key += fields(item) + SEPARATOR;
  return key;
}

export function packCohort(rows: readonly CohortRow[]): PackedCohort {
  const words = new Words();
  const w = (word: string) => words.of(word);
  const categories = new Lists<string>(
    (list) => joined(list, (c) => c),
    (list) => list.map(w),
  );
  const recommendations = new Lists<RecommendationView>(
    (list) => joined(list, (r) => r.agency + SEPARATOR + r.recommendation + SEPARATOR + r.stance),
    (list) => list.flatMap((r) => [w(r.agency), w(r.recommendation), w(r.stance)]),
  );
  const dissent = new Lists<DissentView>(
    (list) => joined(list, (d) => d.agency + SEPARATOR + d.escalation + SEPARATOR + d.label),
    (list) => list.flatMap((d) => [w(d.agency), w(d.escalation), w(d.label)]),
  );
  const indicators = new Lists<CohortRow['indicators'][number]>(
    (list) => joined(list, (i) => i.id + SEPARATOR + i.status),
    (list) => list.flatMap((i) => [w(i.id), w(i.status)]),
  );
  const packed = rows.map(
    (row): PackedRow => [
      row.conferenceId,
      row.childId,
      row.childName,
      row.caseNumber,
      row.conferenceDate,
      w(row.conferenceType),
      row.templateVersion,
      w(row.chair),
      w(row.primaryConcern),
      w(row.concern),
      categories.of(row.categories),
      recommendations.of(row.recommendations),
      w(row.outcome),
      w(row.outcomeLabel),
      w(row.alternativePlan.name),
      row.alternativePlan.lead,
      row.alternativePlan.reviewDate,
      row.departsFromMajority.departs ? 1 : 0,
      dissent.of(row.dissent),
      indicators.of(row.indicators),
      w(row.cameBack.status),
    ],
  );
  return {
    words: words.values,
    lists: { categories: categories.values, recommendations: recommendations.values, dissent: dissent.values, indicators: indicators.values },
    rows: packed,
  };
}

/** Thrown for a packed cohort this build does not read; the caller works the cohort out afresh. */
export class UnreadablePackedCohort extends Error {}

// The values this build knows, from the row's own schemas.
const STANCES = new Set<RecommendationView['stance']>(RecommendationViewSchema.shape.stance.options);
const ESCALATIONS = new Set<DissentView['escalation']>(DissentViewSchema.shape.escalation.options);
const CAME_BACK = new Set<CameBack['status']>(CameBackSchema.shape.status.options);
const TYPES = new Set<string>(CONFERENCE_TYPES);
const IDS = new Set<string>(INDICATOR_IDS);
const STATUSES = new Set<string>(INDICATOR_STATUSES);

/**
 * The rows, without judgements (empty, none missing); throws UnreadablePackedCohort for anything
 * this build did not write. Rows with the same list (the same indicators' statuses, the same
 * agencies' recommendations) share one object, frozen so that nothing can change one row through
 * another: a year's 12,000 rows are then a few tens of thousands of objects, not 300,000.
 */
export function unpackCohort(packed: PackedCohort): CohortRow[] {
  const { words, lists } = packed;
  const word = (index: unknown): string => {
    const found = typeof index === 'number' ? words[index] : undefined;
    if (typeof found !== 'string') throw new UnreadablePackedCohort('A word the cohort names is not in its table.');
    return found;
  };
  const oneOf = <T extends string>(set: ReadonlySet<T>, index: unknown): T => {
    const found = word(index);
    if (!set.has(found as T)) throw new UnreadablePackedCohort(`"${found}" is not a value this build knows.`);
    return found as T;
  };
  const text = (value: unknown): string => {
    if (typeof value !== 'string') throw new UnreadablePackedCohort('A row holds something other than text where text belongs.');
    return value;
  };
  /** A kind of list, each made once, in groups of `width`. */
  const table = <T>(packedLists: unknown, width: number, make: (group: unknown[]) => T): T[][] => {
    if (!Array.isArray(packedLists)) throw new UnreadablePackedCohort('The cohort’s lists are not the shape this build writes.');
    return packedLists.map((flat: unknown) => {
      if (!Array.isArray(flat) || flat.length % width !== 0) throw new UnreadablePackedCohort('A list is not the shape this build writes.');
      const made: T[] = [];
      for (let i = 0; i < flat.length; i += width) made.push(Object.freeze(make(flat.slice(i, i + width))));
      return Object.freeze(made) as T[];
    });
  };
  const categories = table(lists.categories, 1, ([c]) => word(c));
  const recommendations = table(lists.recommendations, 3, ([agency, recommendation, stance]): RecommendationView => ({ agency: word(agency), recommendation: word(recommendation), stance: oneOf(STANCES, stance) }));
  const dissent = table(lists.dissent, 3, ([agency, escalation, label]): DissentView => ({ agency: word(agency), escalation: oneOf(ESCALATIONS, escalation), label: word(label) }));
  const indicators = table(lists.indicators, 2, ([id, status]) => ({ id: oneOf(IDS, id) as IndicatorId, status: oneOf(STATUSES, status) as IndicatorStatus }));
  const pick = <T>(made: readonly T[], index: unknown): T => {
    const found = typeof index === 'number' ? made[index] : undefined;
    if (found === undefined) throw new UnreadablePackedCohort('A list the cohort names is not in its table.');
    return found;
  };
  const departs = [Object.freeze({ departs: false }), Object.freeze({ departs: true })];
  const cameBacks = new Map<unknown, CohortRow['cameBack']>();
  return packed.rows.map((row) => {
    if (!Array.isArray(row) || row.length !== 21) throw new UnreadablePackedCohort('A row is not the length this build writes.');
    const [conferenceId, childId, childName, caseNumber, conferenceDate, type, templateVersion, chair, primaryConcern, concern, category, recommendation, outcome, outcomeLabel, planName, planLead, planReviewDate, departsFromMajority, dissenting, indicator, cameBack] = row;
    if (!Number.isInteger(templateVersion) || (departsFromMajority !== 0 && departsFromMajority !== 1)) throw new UnreadablePackedCohort('A row is not the shape this build writes.');
    let came = cameBacks.get(cameBack);
    if (came === undefined) cameBacks.set(cameBack, (came = Object.freeze({ status: oneOf(CAME_BACK, cameBack) })));
    return {
      conferenceId: text(conferenceId),
      childId: text(childId),
      childName: text(childName),
      caseNumber: text(caseNumber),
      conferenceDate: text(conferenceDate),
      conferenceType: oneOf(TYPES, type) as ConferenceType,
      templateVersion,
      chair: word(chair),
      primaryConcern: word(primaryConcern),
      concern: word(concern),
      categories: pick(categories, category),
      recommendations: pick(recommendations, recommendation),
      outcome: word(outcome),
      outcomeLabel: word(outcomeLabel),
      alternativePlan: { name: word(planName), lead: text(planLead), reviewDate: text(planReviewDate) },
      departsFromMajority: departs[departsFromMajority]!,
      dissent: pick(dissent, dissenting),
      indicators: pick(indicators, indicator),
      cameBack: came,
      judgements: [],
      judgementsMissing: 0,
    };
  });
}

/**
 * What a whole row (AuditRow) has beyond the screen's (CohortRow): each indicator's sentence,
 * the majority sentence, and whether and how the child came back. Kept beside a cohort's copy
 * and read only when whole rows are needed (the drill-down, the exports), one per row in the
 * copy's order.
 */
export type RowDetails = [explanations: string[], departs: string, cameBack: string, matches: CameBackMatch[]];

export function detailsOf(row: AuditRow): RowDetails {
  return [row.indicators.map((i) => i.explanation), row.departsFromMajority.explanation, row.cameBack.explanation, row.cameBack.matches];
}

/** The whole row from the screen's and its details; throws UnreadablePackedCohort when they do not fit. */
export function wholeRow(row: CohortRow, details: unknown): AuditRow {
  if (!Array.isArray(details) || details.length !== 4) throw new UnreadablePackedCohort('A row’s details are not the shape this build writes.');
  const [explanations, departs, cameBack, matches] = details as unknown[];
  if (!Array.isArray(explanations) || explanations.length !== row.indicators.length || !explanations.every((e) => typeof e === 'string')) {
    throw new UnreadablePackedCohort('A row’s sentences do not fit its indicators.');
  }
  if (typeof departs !== 'string' || typeof cameBack !== 'string' || !Array.isArray(matches)) throw new UnreadablePackedCohort('A row’s details are not the shape this build writes.');
  // Most children did not come back: no matches to check.
  const found = matches.length === 0 ? { success: true as const, data: [] } : z.array(CameBackMatchSchema).safeParse(matches);
  if (!found.success) throw new UnreadablePackedCohort('A row’s came-back matches are not the shape this build writes.');
  return {
    ...row,
    indicators: row.indicators.map((indicator, i) => ({ ...indicator, explanation: explanations[i] as string })),
    departsFromMajority: { departs: row.departsFromMajority.departs, explanation: departs },
    cameBack: { status: row.cameBack.status, matches: found.data, explanation: cameBack },
  };
}

/** Rows' details packed: each distinct sentence once (most are said of many children alike). */
export interface PackedDetails {
  sentences: string[];
  rows: [explanations: number[], departs: number, cameBack: number, matches: CameBackMatch[]][];
}

export function packDetails(details: readonly RowDetails[]): PackedDetails {
  const sentences = new Words();
  return {
    sentences: sentences.values,
    rows: details.map(([explanations, departs, cameBack, matches]) => [explanations.map((e) => sentences.of(e)), sentences.of(departs), sentences.of(cameBack), matches]),
  };
}

/** The details back, each as wholeRow reads it; throws UnreadablePackedCohort for what this build did not write. */
export function unpackDetails(packed: PackedDetails): RowDetails[] {
  const { sentences, rows } = packed;
  if (!Array.isArray(sentences) || !Array.isArray(rows)) throw new UnreadablePackedCohort('The details are not the shape this build writes.');
  const sentence = (index: unknown): string => {
    const found = typeof index === 'number' ? sentences[index] : undefined;
    if (typeof found !== 'string') throw new UnreadablePackedCohort('A sentence the details name is not in their table.');
    return found;
  };
  return rows.map((row) => {
    if (!Array.isArray(row) || row.length !== 4 || !Array.isArray(row[0])) throw new UnreadablePackedCohort('A row’s details are not the shape this build writes.');
    return [row[0].map(sentence), sentence(row[1]), sentence(row[2]), row[3]];
  });
}
