import { z } from 'zod';
import { ConferenceTypeSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../record/conference';

/**
 * The manager's audit of children who left a conference without a child protection plan.
 * These schemas are the rows the cohort operation answers with: every indicator is worked out
 * in the domain (indicators.ts) so the screen, the CSV and the PDF summary can never disagree.
 */

/** Said of a fact the record does not hold (an older record, a question not answered). */
export const NOT_RECORDED = 'Not recorded';

/** How an indicator came out. "Not recorded" is said where the record holds no data, never guessed. */
export const INDICATOR_STATUSES = ['met', 'not-met', 'not-recorded', 'not-applicable'] as const;
export const IndicatorStatusSchema = z.enum(INDICATOR_STATUSES);
export type IndicatorStatus = z.infer<typeof IndicatorStatusSchema>;

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  met: 'Met',
  'not-met': 'Not met',
  'not-recorded': 'Not recorded',
  'not-applicable': 'Not applicable',
};

/** The quality indicators, in the order a manager reads them. */
export const INDICATOR_IDS = [
  'rationale-engages',
  'harm-coherent',
  'non-plan-fields',
  'voice',
  'dissent',
  'quorum',
  'timescales',
  'minutes-signed',
] as const;
export const IndicatorIdSchema = z.enum(INDICATOR_IDS);
export type IndicatorId = z.infer<typeof IndicatorIdSchema>;

export const INDICATOR_LABELS: Record<IndicatorId, string> = {
  'rationale-engages': 'Rationale engages every differing agency',
  'harm-coherent': 'Significant-harm finding and outcome coherent',
  'non-plan-fields': 'Non-plan fields complete',
  voice: 'Child’s voice recorded',
  dissent: 'Dissent recorded with escalation',
  quorum: 'Quorate, or reason recorded',
  timescales: 'Timescales met',
  'minutes-signed': 'Minutes signed and circulated',
};

export const IndicatorSchema = z.strictObject({
  id: IndicatorIdSchema,
  status: IndicatorStatusSchema,
  /** One sentence a manager can read without opening the record. */
  explanation: z.string(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const RecommendationViewSchema = z.strictObject({
  agency: z.string(),
  /** The recommendation's label, or "No recommendation given". */
  recommendation: z.string(),
  /** 'agrees' / 'differs' with the outcome, or 'no-view'. */
  stance: z.enum(['agrees', 'differs', 'no-view']),
});
export type RecommendationView = z.infer<typeof RecommendationViewSchema>;

export const DissentViewSchema = z.strictObject({
  agency: z.string(),
  escalation: z.enum(['will-escalate', 'not-escalating', 'not-recorded']),
  /** The escalation status as a manager reads it. */
  label: z.string(),
});
export type DissentView = z.infer<typeof DissentViewSchema>;

export const CameBackMatchSchema = z.strictObject({
  conferenceId: IdSchema,
  childId: IdSchema,
  date: IsoDateSchema,
  /** What brought the child back: a new initial conference, or a plan. */
  reason: z.enum(['initial-conference', 'plan']),
  /** By the council's case number (certain) or by name and date of birth (for the manager to confirm). */
  by: z.enum(['case-number', 'name-and-date-of-birth']),
});
export type CameBackMatch = z.infer<typeof CameBackMatchSchema>;

export const CameBackSchema = z.strictObject({
  status: z.enum(['came-back', 'possible-match', 'not-back']),
  matches: z.array(CameBackMatchSchema),
  explanation: z.string(),
});
export type CameBack = z.infer<typeof CameBackSchema>;

export const JUDGEMENT_RATINGS = ['good', 'requires-improvement', 'inadequate'] as const;
export const JudgementRatingSchema = z.enum(JUDGEMENT_RATINGS);
export type JudgementRating = z.infer<typeof JudgementRatingSchema>;
export const JUDGEMENT_RATING_LABELS: Record<JudgementRating, string> = {
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};

export const MAX_JUDGEMENT_COMMENT = 4000;
export const MAX_JUDGEMENT_ACTION = 2000;

/** What the manager records about one child's decision. */
export const JudgementInputSchema = z.strictObject({
  conferenceId: IdSchema,
  childId: IdSchema,
  rating: JudgementRatingSchema,
  comment: z.string().trim().min(1).max(MAX_JUDGEMENT_COMMENT),
  /** An action for the chair, where one is needed; '' for none. */
  actionForChair: z.string().trim().max(MAX_JUDGEMENT_ACTION).default(''),
});
export type JudgementInput = z.infer<typeof JudgementInputSchema>;

/** A recorded judgement as the cohort and the chair's conference page show it. */
export const JudgementViewSchema = z.strictObject({
  number: z.number().int().min(1),
  conferenceId: IdSchema,
  childId: IdSchema,
  rating: JudgementRatingSchema,
  comment: z.string(),
  actionForChair: z.string(),
  author: z.string(),
  at: IsoDateTimeSchema,
  /** Signed with the author's Ed25519 key (a signing profile exists), or recorded with a hash only. */
  signed: z.boolean(),
  /** Short code of the judgement's hash, for quoting it. */
  verificationCode: z.string(),
  /** The hash, signature and history entry all check out. */
  valid: z.boolean(),
});
export type JudgementView = z.infer<typeof JudgementViewSchema>;

export const AuditRowSchema = z.strictObject({
  conferenceId: IdSchema,
  childId: IdSchema,
  childName: z.string(),
  /** The council's case number; '' when the record has none. */
  caseNumber: z.string(),
  conferenceDate: IsoDateSchema,
  conferenceType: ConferenceTypeSchema,
  /** The record's template version: older records are read through the questions they were asked. */
  templateVersion: z.number().int().positive(),
  chair: z.string(),
  /** The primary concern as the council records it (neglect, domestic abuse…), or "Not recorded" (records from before it was asked). */
  primaryConcern: z.string(),
  /** Where the harm comes from (within or outside the family); '' when not recorded. */
  concern: z.string(),
  /** Categories of harm recorded with the decision (often none for a non-plan outcome). */
  categories: z.array(z.string()),
  recommendations: z.array(RecommendationViewSchema),
  outcome: z.string(),
  outcomeLabel: z.string(),
  alternativePlan: z.strictObject({ name: z.string(), lead: z.string(), reviewDate: z.string() }),
  departsFromMajority: z.strictObject({ departs: z.boolean(), explanation: z.string() }),
  dissent: z.array(DissentViewSchema),
  indicators: z.array(IndicatorSchema),
  cameBack: CameBackSchema,
  judgements: z.array(JudgementViewSchema),
  /** Judgements this conference's history records that its stored copy no longer holds (one removed from the end). */
  judgementsMissing: z.number().int().nonnegative(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

/**
 * A cohort row as the screen's table, filters and charts read it: each indicator's status
 * without its sentence, whether the decision departs from the majority without the sentence
 * saying so, and whether the child came back without the matches. Under half an AuditRow's size:
 * a year of 12,000 children crossed to the page as 44 MB of JSON. The drill-down fetches the
 * child's whole row (audit.child); the CSV and PDF are made from whole rows.
 */
export const CohortRowSchema = AuditRowSchema.extend({
  indicators: z.array(IndicatorSchema.pick({ id: true, status: true })),
  departsFromMajority: z.strictObject({ departs: z.boolean() }),
  cameBack: CameBackSchema.pick({ status: true }),
});
export type CohortRow = z.infer<typeof CohortRowSchema>;

/** The row without what only the drill-down reads (a row already without it is the same row). */
export function cohortRowOf(row: AuditRow | CohortRow): CohortRow {
  return {
    ...row,
    indicators: row.indicators.map(({ id, status }) => ({ id, status })),
    departsFromMajority: { departs: row.departsFromMajority.departs },
    cameBack: { status: row.cameBack.status },
  };
}

/** The key the screen selects a child of the cohort by. */
export function cohortKey(row: Pick<AuditRow, 'conferenceId' | 'childId'>): string {
  return `${row.conferenceId}:${row.childId}`;
}

/** Filters the screen, the CSV and the PDF share. Empty means "any". */
export const AuditFiltersSchema = z.strictObject({
  chair: z.string().max(500).default(''),
  outcome: z.string().max(100).default(''),
  concern: z.string().max(100).default(''),
  primaryConcern: z.string().max(100).default(''),
  indicator: IndicatorIdSchema.or(z.literal('')).default(''),
  indicatorStatus: IndicatorStatusSchema.or(z.literal('')).default(''),
  cameBack: z.enum(['', 'came-back', 'possible-match', 'not-back', 'any-match']).default(''),
  departsFromMajority: z.boolean().default(false),
  judged: z.enum(['', 'judged', 'not-judged']).default(''),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;
export const NO_FILTERS: AuditFilters = AuditFiltersSchema.parse({});

export const AuditPeriodSchema = z.strictObject({ from: IsoDateSchema, to: IsoDateSchema });
export type AuditPeriod = z.infer<typeof AuditPeriodSchema>;
