import { CONFERENCE_TYPES, type ConferenceType } from '../record/conference';
import { INDICATOR_IDS, INDICATOR_STATUSES, type CameBack, type CohortRow, type DissentView, type IndicatorId, type IndicatorStatus, type RecommendationView } from './types';

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
  /** Every repeated word once; rows name them by index. */
  words: string[];
  rows: PackedRow[];
}

/** A row by position (see packRow). Numbers in it are indices into `words`, except templateVersion and departs. */
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
  categories: number[],
  /** Agency, recommendation, stance: three per agency. */
  recommendations: number[],
  outcome: number,
  outcomeLabel: number,
  planName: number,
  planLead: string,
  planReviewDate: string,
  departs: 0 | 1,
  /** Agency, escalation, label: three per dissent. */
  dissent: number[],
  /** Indicator and status: two per indicator. */
  indicators: number[],
  cameBack: number,
];

export function packCohort(rows: readonly CohortRow[]): PackedCohort {
  const words: string[] = [];
  const at = new Map<string, number>();
  const w = (word: string): number => {
    let index = at.get(word);
    if (index === undefined) {
      index = words.length;
      words.push(word);
      at.set(word, index);
    }
    return index;
  };
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
      row.categories.map(w),
      row.recommendations.flatMap((r) => [w(r.agency), w(r.recommendation), w(r.stance)]),
      w(row.outcome),
      w(row.outcomeLabel),
      w(row.alternativePlan.name),
      row.alternativePlan.lead,
      row.alternativePlan.reviewDate,
      row.departsFromMajority.departs ? 1 : 0,
      row.dissent.flatMap((d) => [w(d.agency), w(d.escalation), w(d.label)]),
      row.indicators.flatMap((i) => [w(i.id), w(i.status)]),
      w(row.cameBack.status),
    ],
  );
  return { words, rows: packed };
}

/** Thrown for a packed cohort this build does not read; the caller works the cohort out afresh. */
export class UnreadablePackedCohort extends Error {}

const STANCES = new Set<RecommendationView['stance']>(['agrees', 'differs', 'no-view']);
const ESCALATIONS = new Set<DissentView['escalation']>(['will-escalate', 'not-escalating', 'not-recorded']);
const CAME_BACK = new Set<CameBack['status']>(['came-back', 'possible-match', 'not-back']);
const TYPES = new Set<string>(CONFERENCE_TYPES);
const IDS = new Set<string>(INDICATOR_IDS);
const STATUSES = new Set<string>(INDICATOR_STATUSES);

/** The rows, without judgements (empty, none missing); throws UnreadablePackedCohort for anything this build did not write. */
export function unpackCohort(packed: PackedCohort): CohortRow[] {
  const { words } = packed;
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
  const triples = <T>(flat: unknown, make: (a: unknown, b: unknown, c: unknown) => T): T[] => {
    if (!Array.isArray(flat) || flat.length % 3 !== 0) throw new UnreadablePackedCohort('A row’s list is not in threes.');
    const out: T[] = [];
    for (let i = 0; i < flat.length; i += 3) out.push(make(flat[i], flat[i + 1], flat[i + 2]));
    return out;
  };
  return packed.rows.map((row) => {
    if (!Array.isArray(row) || row.length !== 21) throw new UnreadablePackedCohort('A row is not the length this build writes.');
    const [conferenceId, childId, childName, caseNumber, conferenceDate, type, templateVersion, chair, primaryConcern, concern, categories, recommendations, outcome, outcomeLabel, planName, planLead, planReviewDate, departs, dissent, indicators, cameBack] = row;
    if (!Number.isInteger(templateVersion) || !Array.isArray(categories) || !Array.isArray(indicators) || indicators.length % 2 !== 0) {
      throw new UnreadablePackedCohort('A row is not the shape this build writes.');
    }
    const pairs: CohortRow['indicators'] = [];
    for (let i = 0; i < indicators.length; i += 2) pairs.push({ id: oneOf(IDS, indicators[i]) as IndicatorId, status: oneOf(STATUSES, indicators[i + 1]) as IndicatorStatus });
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
      categories: categories.map(word),
      recommendations: triples(recommendations, (agency, recommendation, stance) => ({ agency: word(agency), recommendation: word(recommendation), stance: oneOf(STANCES, stance) })),
      outcome: word(outcome),
      outcomeLabel: word(outcomeLabel),
      alternativePlan: { name: word(planName), lead: text(planLead), reviewDate: text(planReviewDate) },
      departsFromMajority: { departs: departs === 1 },
      dissent: triples(dissent, (agency, escalation, label) => ({ agency: word(agency), escalation: oneOf(ESCALATIONS, escalation), label: word(label) })),
      indicators: pairs,
      cameBack: { status: oneOf(CAME_BACK, cameBack) },
      judgements: [],
      judgementsMissing: 0,
    };
  });
}
