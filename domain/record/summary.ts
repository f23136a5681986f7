import { z } from 'zod';
import { assessReadiness, localRuleSets, type RuleSet } from '../rules/readiness';
import type { ConferenceTemplate } from '../template/types';
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
});
export type ReadinessSummary = z.infer<typeof ReadinessSummarySchema>;

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
});
export type ConferenceSummary = z.infer<typeof ConferenceSummarySchema>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The readiness the guided page shows, with the domain's default local rules: the index
 * is written without the council's settings to hand, so a council that changed its quorum or
 * timescales may see the count differ until the conference is opened (the page is authoritative).
 */
let defaultRules: readonly RuleSet[] | undefined;

export function readinessSummary(record: ConferenceRecord, template: ConferenceTemplate): ReadinessSummary {
  // Built once: the default rule sets do not change while the app runs.
  defaultRules ??= localRuleSets();
  const report = assessReadiness(template, record, defaultRules);
  return { toFinish: report.findings.filter((finding) => finding.severity === 'blocking').length };
}

/**
 * Derives the index entry from the record, so the two can never disagree. The template is
 * passed in (the domain never imports templates/): main/services/store/summary.ts binds it.
 */
export function summarise(record: ConferenceRecord, template: ConferenceTemplate): ConferenceSummary {
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
      name: text(child.values['name']),
      outcome: decisionFor(child.id),
      caseNumber: text(child.values['caseNumber']),
      dateOfBirth: text(child.values['dateOfBirth']),
      planStatus: text(child.values['planStatus']),
    })),
    updatedAt: record.updatedAt,
    readiness: readinessSummary(record, template),
  };
}
