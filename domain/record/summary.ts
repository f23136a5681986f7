import { z } from 'zod';
import { DEFAULT_LOCAL_SETTINGS, type LocalSettings } from '../rules/local-settings';
import { assessReadiness, localRuleSets } from '../rules/readiness';
import type { ConferenceTemplate } from '../template/types';
import { childName, isUnbornValues } from './access';
import {
  CHILDREN_SECTION,
  ConferenceTypeSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MAX_TEXT_LENGTH,
  MEETING_SECTION,
  type ConferenceRecord,
} from './conference';

/**
 * What the conference list and, later, the manager's audit need without opening each
 * conference: kept in the store's index so that listing 20,000 conferences reads one file.
 *
 * Every text here is copied from a field the save accepts, so it is capped by the same
 * constant as the input (MAX_TEXT_LENGTH): a lower cap here once let a long chair's name
 * save and then made the whole list unreadable.
 */
const SummaryText = z.string().max(MAX_TEXT_LENGTH);

/**
 * How far the conference is from being signed, by the domain's rules, worked out when it is
 * saved (the list cannot open 20,000 records to ask). Absent for entries written before it.
 */
export const ReadinessSummarySchema = z.strictObject({
  /** Blocking findings left: 0 means ready to sign. */
  toFinish: z.number().int().nonnegative(),
  /**
   * Which local rules the count was made under (localRulesKey): after the council changes its
   * quorum or timescales, a count made under the old rules is not shown as if it were current.
   * Absent for entries written before it.
   */
  rules: z.string().max(32).optional(),
});
export type ReadinessSummary = z.infer<typeof ReadinessSummarySchema>;

export const ReviewDueSummarySchema = z.strictObject({
  /** The first day a copy of the draft minutes went to an agency; null while none has. */
  firstSentOn: IsoDateSchema.nullable(),
  /** The due day of each agency sent the latest approved draft that still owes its comments. */
  commentsDueOn: z.array(IsoDateSchema).max(200),
});
export type ReviewDueSummary = z.infer<typeof ReviewDueSummarySchema>;

/** A conference no draft of which has gone out. */
export const NO_REVIEW: ReviewDueSummary = { firstSentOn: null, commentsDueOn: [] };

export const ConferenceSummarySchema = z.strictObject({
  id: IdSchema,
  type: ConferenceTypeSchema,
  revision: z.number().int().nonnegative(),
  conferenceDate: IsoDateSchema.nullable(),
  chair: SummaryText,
  children: z.array(
    z.strictObject({
      id: IdSchema,
      name: SummaryText,
      /** The outcome decided for this child, once recorded (used by the non-plan audit). */
      outcome: SummaryText.nullable(),
      // The manager's audit matches a child across conferences ("came back") without opening
      // each one: by case number, else by name and date of birth. Absent in entries written before.
      caseNumber: SummaryText.optional(),
      dateOfBirth: SummaryText.optional(),
      /** At a review: 'on-plan' or 'new' (new to conference), as the chair answered; '' if not. */
      planStatus: SummaryText.optional(),
    }),
  ),
  updatedAt: IsoDateTimeSchema,
  readiness: ReadinessSummarySchema.optional(),
  /**
   * The latest signed version, so the list can show "Signed" without opening the conference.
   * Absent while unsigned, and for entries written before it was kept (until the next unlock's
   * rebuild or the next signature).
   */
  signed: z.strictObject({ version: z.number().int().min(1), signedAt: IsoDateTimeSchema }).optional(),
  /**
   * The agencies' accuracy review, as due dates (domain/review/circulation.ts reviewDueDates):
   * the list compares them with today (domain/review/list-overdue.ts), so what it calls overdue
   * is never a verdict gone stale. Absent for entries written before it was kept.
   */
  review: ReviewDueSummarySchema.optional(),
});
export type ConferenceSummary = z.infer<typeof ConferenceSummarySchema>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A short fingerprint of the council's local rules (FNV-1a of their JSON; not a security
 * measure, only a way to tell one set of rules from another). Settings are always parsed
 * through LocalSettingsSchema, so equal rules give equal JSON, key for key.
 */
export function localRulesKey(settings: LocalSettings): string {
  // The cohort asks once for each of thousands of conferences, with the same settings object.
  let key = rulesKeys.get(settings);
  if (key === undefined) rulesKeys.set(settings, (key = hashRules(settings)));
  return key;
}

/** Keys by settings object: settings are parsed afresh when they change, never changed in place. */
const rulesKeys = new WeakMap<LocalSettings, string>();

function hashRules(settings: LocalSettings): string {
  const json = JSON.stringify(settings);
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i += 1) {
    hash ^= json.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The readiness the guided page shows, under the council's local rules (quorum, quorum groups,
 * timescales) as they were when the conference was saved; the key says which rules those were.
 */
export function readinessSummary(record: ConferenceRecord, template: ConferenceTemplate, settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): ReadinessSummary {
  const report = assessReadiness(template, record, localRuleSets(settings), settings);
  return { toFinish: report.findings.filter((finding) => finding.severity === 'blocking').length, rules: localRulesKey(settings) };
}

/**
 * Derives the index entry from the record, so the two can never disagree. The template is
 * passed in (the domain never imports templates/): main/services/store/summary.ts binds it,
 * with the council's local settings.
 */
export interface LatestSignature {
  version: number;
  signedAt: string;
}

export function summarise(
  record: ConferenceRecord,
  template: ConferenceTemplate,
  settings: LocalSettings = DEFAULT_LOCAL_SETTINGS,
  signed?: LatestSignature,
  review: ReviewDueSummary = NO_REVIEW,
): ConferenceSummary {
  const meeting = record.sections[MEETING_SECTION];
  const meetingValues = meeting?.kind === 'single' ? meeting.values : {};
  const childrenSection = record.sections[CHILDREN_SECTION];
  const children = childrenSection?.kind === 'list' ? childrenSection.items : [];
  const decisions = Object.hasOwn(record.sections, 'decision') ? record.sections['decision'] : undefined;
  const decisionFor = (childId: string): string | null => {
    if (decisions?.kind !== 'perChild' || !Object.hasOwn(decisions.perChild, childId)) return null;
    const outcome = decisions.perChild[childId]?.['outcome'];
    return typeof outcome === 'string' && outcome !== '' ? outcome : null;
  };
  const date = text(meetingValues['date']);
  return {
    id: record.id,
    type: record.type,
    revision: record.revision,
    conferenceDate: IsoDateSchema.safeParse(date).success ? date : null,
    chair: text(meetingValues['chair']),
    children: children.map((child) => ({
      id: child.id,
      // An unnamed unborn baby is listed as the record names them ("Unborn baby"), not as blank.
      name: isUnbornValues(record.type, child.values) ? childName(record, child.id) : text(child.values['name']),
      outcome: decisionFor(child.id),
      caseNumber: text(child.values['caseNumber']),
      dateOfBirth: text(child.values['dateOfBirth']),
      planStatus: text(child.values['planStatus']),
    })),
    updatedAt: record.updatedAt,
    readiness: readinessSummary(record, template, settings),
    ...(signed ? { signed: { version: signed.version, signedAt: signed.signedAt } } : {}),
    review,
  };
}
