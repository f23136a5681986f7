import { z } from 'zod';
import type { BankHolidayChange } from '../calendar/bank-holidays';
import type { HolidayOptions } from '../calendar/working-days';
import { isValidIsoDate } from '../calendar/dates';

/**
 * What each council sets for itself. The statutory figures (15 working days, 3 and 6
 * months, 10 working days) are defaults too: they come from Working Together, which has
 * changed before, and a council may run tighter targets. Nothing in the rules hard-codes
 * a number that lives here.
 */

const IsoDateSettingSchema = z.string().refine(isValidIsoDate, {
  message: 'Use a real date written yyyy-mm-dd.',
});

const workingDays = (fallback: number, min = 1) =>
  z.number().int().min(min).max(120).default(fallback);
const months = (fallback: number) => z.number().int().min(1).max(24).default(fallback);

export const TimescaleSettingsSchema = z.strictObject({
  /** ICPC within this many working days of the strategy discussion that started s47 enquiries. */
  icpcWorkingDays: workingDays(15),
  /** First core group within this many working days of the initial conference. */
  firstCoreGroupWorkingDays: workingDays(10),
  /** First review within this many months of the initial conference. */
  firstReviewMonths: months(3),
  /** Each later review within this many months of the previous review. */
  laterReviewMonths: months(6),
  /** Decision letter to the family, working days after the conference. */
  /** Zero means the same day. */
  decisionLetterWorkingDays: workingDays(1, 0),
  /** Full minutes, working days after the conference (councils use 15–20). */
  minutesWorkingDays: workingDays(15),
  /** Agencies' accuracy comments, working days after the draft minutes are sent. */
  accuracyCommentsWorkingDays: workingDays(10),
  /** A transfer-in conference within this many working days of the receiving authority being notified. */
  transferInWorkingDays: workingDays(15),
  /** Each agency's report reaches the family at least this many working days before an initial (or transfer-in) conference. */
  reportNoticeInitialWorkingDays: workingDays(2, 0),
  /** …and before a review conference. */
  reportNoticeReviewWorkingDays: workingDays(5, 0),
});

/**
 * Pre-birth targets differ most between councils: a conference by a week of pregnancy
 * (34 is common, some say 28 or 30), or a number of months before the due date; and the
 * review after the birth within a number of working days of it.
 */
export const PreBirthSettingsSchema = z.strictObject({
  /** Which of the two targets the council uses. */
  target: z.enum(['weeks', 'months-before-due']).default('weeks'),
  /** The conference is held by this week of pregnancy (e.g. 34 weeks). */
  targetWeeks: z.number().int().min(12).max(40).default(34),
  /** Or at least this many months before the expected date of delivery. */
  targetMonthsBeforeDue: z.number().int().min(1).max(6).default(3),
  /** The review conference within this many working days of the birth (about 4 weeks). */
  reviewAfterBirthWorkingDays: workingDays(20),
});

/** The chair's practice alerts (escalations to managers): how long a manager has to answer. */
export const PracticeAlertSettingsSchema = z.strictObject({
  /** A response is due this many working days after the alert is raised (councils commonly give 5). */
  responseWorkingDays: workingDays(5),
});

export const QuorumGroupSchema = z.strictObject({
  /** How the group is named in the quorum sentence, e.g. "health". */
  name: z.string().trim().min(1, 'Give the quorum group a name, such as “health”.').max(100),
  /** Agency kinds (see domain/agencies/agency-kinds.ts), e.g. `health-visiting`. */
  agencies: z.array(z.string().min(1).max(100)).min(1, 'A quorum group must name at least one agency.').max(30),
});
export type QuorumGroup = z.infer<typeof QuorumGroupSchema>;

export const QuorumSettingsSchema = z.strictObject({
  /** Children's social care must attend. */
  requireSocialCare: z.boolean().default(true),
  /** How many agencies other than social care must attend. */
  minOtherAgencies: z.number().int().min(0).max(20).default(2),
  /** Whether those agencies must have direct contact with the child (the common rule). */
  requireDirectContact: z.boolean().default(true),
  /**
   * Whether an agency that sent a report but did not attend counts. The common rule is
   * no: quorum is about the agencies in the room who can test each other's views.
   */
  countReportOnly: z.boolean().default(false),
  /** Whether attending part of the meeting counts (it usually does). */
  countPartAttendance: z.boolean().default(true),
  /**
   * Agencies that count as one for the quorum, as councils write it: e.g. every health
   * service (health visiting, school nursing, the GP, midwifery…) is one "health" agency.
   */
  groups: z.array(QuorumGroupSchema).max(20).default([]),
}).refine((quorum) => new Set(quorum.groups.flatMap((g) => g.agencies)).size === quorum.groups.flatMap((g) => g.agencies).length, {
  message: 'An agency can count towards only one quorum group.',
  path: ['groups'],
});

const BankHolidayChangeSchema: z.ZodType<BankHolidayChange> = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('added'),
    date: IsoDateSettingSchema,
    name: z.string().min(1).max(200),
  }),
  z.strictObject({
    kind: z.literal('moved'),
    from: IsoDateSettingSchema,
    to: IsoDateSettingSchema,
    name: z.string().min(1).max(200),
  }),
]);

export const LocalSettingsSchema = z.strictObject({
  // `prefault` runs the defaults through the schema, so `{}` fills every leaf.
  timescales: TimescaleSettingsSchema.prefault({}),
  quorum: QuorumSettingsSchema.prefault({}),
  // Settings stored before pre-birth targets existed still parse: the defaults fill them.
  preBirth: PreBirthSettingsSchema.prefault({}),
  // Settings stored before practice alerts existed still parse.
  practiceAlerts: PracticeAlertSettingsSchema.prefault({}),
  /** Bank-holiday changes proclaimed after this release (see bank-holidays.ts). */
  bankHolidayChanges: z.array(BankHolidayChangeSchema).max(200).default([]),
  /** Other days the council does not count as working days, e.g. office closures. */
  extraNonWorkingDays: z.array(IsoDateSettingSchema).max(500).default([]),
});

export type TimescaleSettings = z.infer<typeof TimescaleSettingsSchema>;
export type QuorumSettings = z.infer<typeof QuorumSettingsSchema>;
export type PreBirthSettings = z.infer<typeof PreBirthSettingsSchema>;
export type PracticeAlertSettings = z.infer<typeof PracticeAlertSettingsSchema>;
export type LocalSettings = z.infer<typeof LocalSettingsSchema>;

export const DEFAULT_LOCAL_SETTINGS: LocalSettings = LocalSettingsSchema.parse({});

export type LocalSettingsResult =
  | { ok: true; settings: LocalSettings }
  | { ok: false; message: string };

/** Reads stored settings, filling anything missing with the defaults above. */
export function parseLocalSettings(input: unknown): LocalSettingsResult {
  const parsed = LocalSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return {
    ok: false,
    message: `The local settings are not valid${where}: ${(issue?.message ?? 'unknown problem').replace(/\.$/, '')}.`,
  };
}

/** The calendar options the working-day functions need, from the settings. */
export function holidayOptions(settings: LocalSettings): HolidayOptions {
  return {
    bankHolidayChanges: settings.bankHolidayChanges,
    extraHolidays: settings.extraNonWorkingDays,
  };
}
