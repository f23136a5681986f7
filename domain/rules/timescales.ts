import {
  addMonths,
  compareDates,
  daysBetween,
  formatUkDate,
  isValidIsoDate,
  type IsoDate,
} from '../calendar/dates';
import {
  addWorkingDays,
  lastWorkingDayOnOrBefore,
  nonWorkingReason,
  workingDaysBetween,
  type HolidayOptions,
} from '../calendar/working-days';
import { isOnPlan } from '../decision/child-status';
import { isOutcome, OUTCOMES } from '../decision/outcomes';
import { childName, childrenOf, childValues, isUnbornValues, meetingValues, textOf } from '../record/access';
import { dateAtWeeks, formatGestation, gestationOn, monthsBeforeDue } from '../calendar/gestation';
import type { ConferenceRecord, ConferenceType } from '../record/conference';
import type { FieldRef, RuleFinding } from './finding';
import { DEFAULT_LOCAL_SETTINGS, holidayOptions, type LocalSettings } from './local-settings';

/**
 * Statutory and local timescales for one conference.
 *
 * Readings decided here:
 * - Pre-birth initial and pre-birth review conferences use the same clocks as initial and
 *   review conferences. A pre-birth initial conference is also held to the council's
 *   pre-birth target (by a week of pregnancy, or months before the due date), counted from
 *   the earliest expected date of delivery; the review after the birth is due a number of
 *   working days after it (shown for a birth on the expected date).
 * - A transfer-in conference's clock starts when the receiving authority is notified of the
 *   move (15 working days by default); what follows it (first core group, review within
 *   the first-review period) is treated as after an initial conference.
 * - A conference held on the last permitted day is on time.
 */

export interface PlanDates {
  childId: string;
  /** Used in messages when given, e.g. "For Maya, …". */
  childName?: string | null;
  /**
   * A child protection plan (the default) or another multi-agency plan (child in need,
   * contextual safeguarding), which sets its own review: only that the review comes after
   * this conference is checked for it.
   */
  kind?: 'cp' | 'alternative';
  /** What the alternative plan is called in a sentence, e.g. "child in need plan". */
  planName?: string | null;
  /**
   * Whether the child's plan starts at this conference. Defaults to the conference type;
   * at a review, a child new to conference (a newborn sibling) starts a plan too, so their
   * first core group is due within 10 working days and their review within 3 months.
   */
  startsPlan?: boolean | null;
  firstCoreGroupDate?: string | null;
  reviewDate?: string | null;
}

export interface ConferenceFacts {
  type: ConferenceType;
  /** The conference date (meeting.date). */
  date: string | null | undefined;
  strategyDiscussionDate?: string | null;
  previousConferenceDate?: string | null;
  /**
   * Whether the previous conference was the one that started the plan (initial, pre-birth
   * initial or transfer-in): that decides whether this review was due within 3 or 6 months.
   */
  previousWasInitial?: boolean | null;
  lateReason?: string | null;
  /** Transfer-in: when this (receiving) authority was notified of the transfer; starts its clock. */
  transferNotifiedDate?: string | null;
  /** Pre-birth: the earliest expected date of delivery of the unborn children, and whose it is. */
  expectedDelivery?: { date: string; childId: string; childName?: string | null } | null;
  /** When the draft minutes went to agencies; starts the accuracy-comments window. */
  draftMinutesSentDate?: string | null;
  /** One entry per child with a child protection plan made or continued at this conference. */
  plans?: readonly PlanDates[];
}

export interface Deadline {
  /** The last permitted day, inclusive. */
  due: IsoDate;
  /** `due`, or the working day before it when `due` is a weekend or bank holiday. */
  lastWorkingDay: IsoDate;
  /** How it was worked out, for the chair: "15 working days after the conference on 15/01/2026". */
  basis: string;
  /**
   * For the conference's own deadline: how it was held against it, as a sentence the chair
   * reads beside the date ("Held 15 working days after the strategy discussion on …"), and
   * whether that is late.
   */
  held?: { sentence: string; late: boolean };
}

export interface Deadlines {
  /** When this conference itself was due; null when that cannot be worked out. */
  conference: Deadline | null;
  /** Only after a conference that starts a plan. */
  firstCoreGroup: Deadline | null;
  nextReview: Deadline | null;
  decisionLetter: Deadline | null;
  minutes: Deadline | null;
  accuracyComments: Deadline | null;
  /** Pre-birth initial: the local target for holding the conference, from the due date. */
  preBirthTarget: Deadline | null;
  /** Pre-birth: the review after the birth, if the baby is born on the expected date. */
  reviewAfterBirth: Deadline | null;
}

export interface TimescaleResult {
  deadlines: Deadlines;
  findings: RuleFinding[];
}

type Stage = 'starts-plan' | 'reviews-plan';

const STAGE: Record<ConferenceType, Stage> = {
  initial: 'starts-plan',
  'pre-birth-initial': 'starts-plan',
  'transfer-in': 'starts-plan',
  review: 'reviews-plan',
  'pre-birth-review': 'reviews-plan',
};

const meetingRef = (field: string): FieldRef => ({ section: 'meeting', field });
const planRef = (field: string, childId: string): FieldRef => ({ section: 'plan', field, childId });

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function hasText(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function deadline(due: IsoDate, basis: string, holidays: HolidayOptions): Deadline {
  return { due, lastWorkingDay: lastWorkingDayOnOrBefore(due, holidays), basis };
}

/**
 * Reads an optional date fact: null when absent; when present but not a real date, records
 * a blocking finding (nothing can be counted from it) and returns null.
 */
function readDate(
  value: string | null | undefined,
  label: string,
  ref: FieldRef,
  findings: RuleFinding[],
): IsoDate | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (isValidIsoDate(value)) return value;
  findings.push({
    rule: 'timescale.invalid-date',
    severity: 'blocking',
    message: `The ${label} "${value}" is not a real date.`,
    ref,
  });
  return null;
}

function lateFinding(
  kind: 'icpc' | 'review' | 'transfer-in' | 'pre-birth',
  lateness: string,
  lateReason: string | null | undefined,
): RuleFinding {
  const reasoned = hasText(lateReason);
  return {
    rule: `timescale.${kind}-late-${reasoned ? 'with' : 'without'}-reason`,
    severity: reasoned ? 'info' : 'blocking',
    message: reasoned
      ? `${lateness} The reason it is late is recorded.`
      : `${lateness} Record why it is late.`,
    ref: meetingRef('lateReason'),
  };
}

/**
 * A conference held within a number of working days of a start date (the strategy discussion
 * for an initial conference, the notification of a transfer-in): the one shape both clocks
 * share. The start date is read (an unreal date is a finding), must not be after the
 * conference, and the conference is late past the limit, with its reason asked for.
 */
interface WorkingDayClock {
  /** The start date as recorded. */
  start: string | null | undefined;
  /** How an unreadable start date is named: "strategy discussion date". */
  label: string;
  ref: FieldRef;
  limit: number;
  /** The start, as the sentences name it: "the strategy discussion on 09/03/2026". */
  since: (start: IsoDate) => string;
  /** The conference, as a late finding opens: "The conference", "The transfer-in conference". */
  subject: string;
  kind: 'icpc' | 'transfer-in';
  /** The finding when the start date is after the conference: the dates are in the wrong order. */
  startAfter: { rule: string; message: (start: IsoDate, date: IsoDate) => string };
}

function checkWorkingDayClock(
  clock: WorkingDayClock,
  facts: ConferenceFacts,
  date: IsoDate,
  holidays: HolidayOptions,
  findings: RuleFinding[],
): Deadline | null {
  const start = readDate(clock.start, clock.label, clock.ref, findings);
  // A missing date is the template's required-field check's business, not a second finding.
  if (start === null) return null;
  if (compareDates(start, date) > 0) {
    findings.push({ rule: clock.startAfter.rule, severity: 'blocking', message: clock.startAfter.message(start, date), ref: clock.ref });
    return null;
  }
  const { limit } = clock;
  const since = clock.since(start);
  const due = addWorkingDays(start, limit, holidays);
  const taken = workingDaysBetween(start, date, holidays);
  const late = taken > limit;
  if (late) findings.push(lateFinding(clock.kind, `${clock.subject} is ${count(taken, 'working day')} after ${since}; the limit is ${limit}.`, facts.lateReason));
  return {
    ...deadline(due, `${count(limit, 'working day')} after ${since}`, holidays),
    held: { sentence: `Held ${count(taken, 'working day')} after ${since}; the limit is ${limit}, so it is ${late ? 'late' : 'on time'}.`, late },
  };
}

function checkInitialTiming(
  facts: ConferenceFacts,
  date: IsoDate,
  settings: LocalSettings,
  holidays: HolidayOptions,
  findings: RuleFinding[],
): Deadline | null {
  const clock: WorkingDayClock = {
    start: facts.strategyDiscussionDate,
    label: 'strategy discussion date',
    ref: meetingRef('strategyDiscussionDate'),
    limit: settings.timescales.icpcWorkingDays,
    since: (strategy) => `the strategy discussion on ${formatUkDate(strategy)}`,
    subject: 'The conference',
    kind: 'icpc',
    startAfter: {
      rule: 'timescale.strategy-after-conference',
      message: (strategy, held) =>
        `The strategy discussion is dated ${formatUkDate(strategy)}, after the conference on ${formatUkDate(held)}. The strategy discussion comes first: check both dates.`,
    },
  };
  return checkWorkingDayClock(clock, facts, date, holidays, findings);
}

function checkReviewTiming(
  facts: ConferenceFacts,
  date: IsoDate,
  settings: LocalSettings,
  holidays: HolidayOptions,
  findings: RuleFinding[],
): Deadline | null {
  const ref = meetingRef('previousConferenceDate');
  const previous = readDate(facts.previousConferenceDate, 'previous conference date', ref, findings);
  const { firstReviewMonths, laterReviewMonths } = settings.timescales;
  if (previous === null) return null;
  if (compareDates(previous, date) >= 0) {
    findings.push({
      rule: 'timescale.review-not-after-previous',
      severity: 'blocking',
      message: `The review is dated ${formatUkDate(date)}, which is not after the previous conference on ${formatUkDate(previous)}. Check both dates.`,
      ref,
    });
    return null;
  }
  let months = laterReviewMonths;
  let since = `the previous review on ${formatUkDate(previous)}`;
  if (facts.previousWasInitial === true) {
    months = firstReviewMonths;
    since = `the initial conference on ${formatUkDate(previous)}`;
  } else if (facts.previousWasInitial !== false) {
    // Unknown (the template asks for it): only the longer limit is certain, so lateness
    // beyond it is still reported.
    since = `the previous conference on ${formatUkDate(previous)}`;
  }
  const due = addMonths(previous, months);
  const basis = `within ${count(months, 'month')} of ${since}`;
  const late = compareDates(date, due) > 0;
  const held = {
    sentence: late
      ? `Held ${count(daysBetween(due, date), 'day')} after it was due on ${formatUkDate(due)} (${basis}), so it is late.`
      : daysBetween(date, due) === 0
        ? `Due by ${formatUkDate(due)} (${basis}); held on that last day, so it is on time.`
        : `Due by ${formatUkDate(due)} (${basis}); held ${count(daysBetween(date, due), 'day')} before that, so it is on time.`,
    late,
  };
  if (late) {
    findings.push(
      lateFinding(
        'review',
        `The review is on ${formatUkDate(date)}, ${count(daysBetween(due, date), 'day')} after it was due on ${formatUkDate(due)} (${basis}).`,
        facts.lateReason,
      ),
    );
  }
  return { ...deadline(due, basis, holidays), held };
}

function checkTransferTiming(
  facts: ConferenceFacts,
  date: IsoDate,
  settings: LocalSettings,
  holidays: HolidayOptions,
  findings: RuleFinding[],
): Deadline | null {
  const clock: WorkingDayClock = {
    start: facts.transferNotifiedDate,
    label: 'date this authority was notified of the transfer',
    ref: meetingRef('transferNotifiedDate'),
    limit: settings.timescales.transferInWorkingDays,
    since: (notified) => `this authority was notified of the transfer on ${formatUkDate(notified)}`,
    subject: 'The transfer-in conference',
    kind: 'transfer-in',
    startAfter: {
      rule: 'timescale.transfer-notified-after-conference',
      message: (notified, held) =>
        `This authority is recorded as notified of the transfer on ${formatUkDate(notified)}, after the conference on ${formatUkDate(held)}. The notification comes first: check both dates.`,
    },
  };
  return checkWorkingDayClock(clock, facts, date, holidays, findings);
}

function preBirthTargetDate(due: IsoDate, settings: LocalSettings): { date: IsoDate; words: string } {
  const p = settings.preBirth;
  return p.target === 'weeks'
    ? { date: dateAtWeeks(p.targetWeeks, due), words: `by ${p.targetWeeks} weeks of pregnancy` }
    : { date: monthsBeforeDue(p.targetMonthsBeforeDue, due), words: `${count(p.targetMonthsBeforeDue, 'month')} before the due date` };
}

/**
 * The local pre-birth target, from the earliest expected date of delivery: by a week of
 * pregnancy, or months before the due date. Checked like the other clocks: late without a
 * reason blocks, with one it is noted.
 */
function checkPreBirthTarget(
  facts: ConferenceFacts,
  date: IsoDate,
  settings: LocalSettings,
  holidays: HolidayOptions,
  findings: RuleFinding[],
): Deadline | null {
  const expected = facts.expectedDelivery;
  if (!expected) return null;
  const ref: FieldRef = { section: 'children', itemId: expected.childId, field: 'expectedDeliveryDate' };
  const due = readDate(expected.date, 'expected date of delivery', ref, findings);
  if (due === null || compareDates(date, due) > 0) return null; // after the due date: child-rules says so
  const target = preBirthTargetDate(due, settings);
  const gestation = formatGestation(gestationOn(date, due));
  const late = compareDates(date, target.date) > 0;
  const basis = `${target.words}, from the expected date of delivery ${formatUkDate(due)}`;
  if (late) {
    findings.push(
      lateFinding(
        'pre-birth',
        `The pre-birth conference on ${formatUkDate(date)} is at ${gestation} of pregnancy, after the local target (${target.words}: ${formatUkDate(target.date)}).`,
        facts.lateReason,
      ),
    );
  }
  return {
    ...deadline(target.date, basis, holidays),
    held: {
      sentence: `Held at ${gestation} of pregnancy (expected date of delivery ${formatUkDate(due)}); the local target is ${target.words}, ${formatUkDate(target.date)}, so it is ${late ? 'late' : 'on time'}.`,
      late,
    },
  };
}

function childPrefix(plan: PlanDates): string {
  return hasText(plan.childName) ? `For ${plan.childName?.trim()}, the` : 'The';
}

function checkPlanDates(
  plan: PlanDates,
  date: IsoDate,
  deadlines: Deadlines,
  limits: { firstCoreGroup: Deadline | null; nextReview: Deadline | null },
  holidays: HolidayOptions,
  findings: RuleFinding[],
): void {
  const prefix = childPrefix(plan);
  const conference = formatUkDate(date);
  const alternative = plan.kind === 'alternative';

  const coreRef = planRef('firstCoreGroupDate', plan.childId);
  const coreGroup = alternative ? null : readDate(plan.firstCoreGroupDate, 'first core group date', coreRef, findings);
  if (coreGroup !== null && limits.firstCoreGroup) {
    const limit = limits.firstCoreGroup;
    if (compareDates(coreGroup, date) < 0) {
      findings.push({
        rule: 'timescale.core-group-before-conference',
        severity: 'blocking',
        message: `${prefix} first core group is dated ${formatUkDate(coreGroup)}, before the conference on ${conference}.`,
        ref: coreRef,
      });
    } else if (compareDates(coreGroup, limit.due) > 0) {
      // A warning, not blocking: the lead social worker often fixes the date after the
      // conference, and the chair must still be able to sign an honest record.
      findings.push({
        rule: 'timescale.core-group-beyond-limit',
        severity: 'warning',
        message: `${prefix} first core group on ${formatUkDate(coreGroup)} is ${count(workingDaysBetween(date, coreGroup, holidays), 'working day')} after the conference; it should be by ${formatUkDate(limit.due)} (${limit.basis}).`,
        ref: coreRef,
      });
    }
    const closed = nonWorkingReason(coreGroup, holidays);
    if (closed) {
      findings.push({
        rule: 'timescale.core-group-non-working-day',
        severity: 'warning',
        message: `${prefix} first core group on ${formatUkDate(coreGroup)} falls on ${closed}.`,
        ref: coreRef,
      });
    }
  }

  const reviewRef = planRef('reviewDate', plan.childId);
  const review = readDate(plan.reviewDate, 'review date', reviewRef, findings);
  // An alternative plan's review is its own, so only its order is checked; a child
  // protection plan's review is also held to the review timescale.
  const what = alternative ? `review of the ${plan.planName?.trim() || 'plan'}` : 'review conference';
  if (review !== null && (alternative || deadlines.nextReview)) {
    if (compareDates(review, date) <= 0) {
      findings.push({
        rule: 'timescale.review-date-not-after-conference',
        severity: 'blocking',
        message: `${prefix} ${what} is dated ${formatUkDate(review)}, which is not after this conference on ${conference}.`,
        ref: reviewRef,
      });
    } else if (limits.nextReview && compareDates(review, limits.nextReview.due) > 0) {
      const limit = limits.nextReview;
      findings.push({
        rule: 'timescale.review-date-beyond-limit',
        severity: 'blocking',
        message: `${prefix} review conference on ${formatUkDate(review)} is too late: it must be by ${formatUkDate(limit.due)} (${limit.basis}). Set an earlier date.`,
        ref: reviewRef,
      });
    }
    const closed = nonWorkingReason(review, holidays);
    if (closed) {
      findings.push({
        rule: 'timescale.review-date-non-working-day',
        severity: 'warning',
        message: `${prefix} ${what} on ${formatUkDate(review)} falls on ${closed}.`,
        ref: reviewRef,
      });
    }
  }
}

const NO_DEADLINES: Deadlines = {
  preBirthTarget: null,
  reviewAfterBirth: null,
  conference: null,
  firstCoreGroup: null,
  nextReview: null,
  decisionLetter: null,
  minutes: null,
  accuracyComments: null,
};

/**
 * Works out every deadline that follows from the conference facts and reports each
 * timescale that is missed, impossible or unrecorded. Without a conference date nothing
 * can be counted, and the template's required-field check already asks for it.
 */
export function checkTimescales(
  facts: ConferenceFacts,
  settings: LocalSettings = DEFAULT_LOCAL_SETTINGS,
): TimescaleResult {
  const findings: RuleFinding[] = [];
  const date = readDate(facts.date, 'conference date', meetingRef('date'), findings);
  if (date === null) return { deadlines: { ...NO_DEADLINES }, findings };

  const holidays = holidayOptions(settings);
  const t = settings.timescales;
  const stage = STAGE[facts.type];
  const conference = formatUkDate(date);
  const afterConference = (n: number): Deadline =>
    deadline(
      addWorkingDays(date, n, holidays),
      `${count(n, 'working day')} after the conference on ${conference}`,
      holidays,
    );

  let conferenceDue: Deadline | null = null;
  if (facts.type === 'initial' || facts.type === 'pre-birth-initial') {
    conferenceDue = checkInitialTiming(facts, date, settings, holidays, findings);
  } else if (facts.type === 'transfer-in') {
    conferenceDue = checkTransferTiming(facts, date, settings, holidays, findings);
  } else if (stage === 'reviews-plan') {
    conferenceDue = checkReviewTiming(facts, date, settings, holidays, findings);
  }
  const preBirthTarget = facts.type === 'pre-birth-initial' ? checkPreBirthTarget(facts, date, settings, holidays, findings) : null;
  const expected = facts.expectedDelivery && isValidIsoDate(facts.expectedDelivery.date) ? facts.expectedDelivery.date : null;
  const reviewAfterBirth =
    expected && (facts.type === 'pre-birth-initial' || facts.type === 'pre-birth-review')
      ? deadline(
          addWorkingDays(expected, settings.preBirth.reviewAfterBirthWorkingDays, holidays),
          `${count(settings.preBirth.reviewAfterBirthWorkingDays, 'working day')} after the birth, if the baby is born on the expected date, ${formatUkDate(expected)}`,
          holidays,
        )
      : null;


  const reviewMonths = stage === 'starts-plan' ? t.firstReviewMonths : t.laterReviewMonths;
  const minutes = afterConference(t.minutesWorkingDays);
  const sent = readDate(
    facts.draftMinutesSentDate,
    'date the draft minutes were sent',
    meetingRef('draftMinutesSentDate'),
    findings,
  );
  const accuracyComments = sent
    ? deadline(
        addWorkingDays(sent, t.accuracyCommentsWorkingDays, holidays),
        `${count(t.accuracyCommentsWorkingDays, 'working day')} after the draft minutes were sent on ${formatUkDate(sent)}`,
        holidays,
      )
    : deadline(
        addWorkingDays(minutes.due, t.accuracyCommentsWorkingDays, holidays),
        `${count(t.accuracyCommentsWorkingDays, 'working day')} after the latest date for the minutes, ${formatUkDate(minutes.due)}; it moves earlier when the draft is sent sooner`,
        holidays,
      );

  const deadlines: Deadlines = {
    conference: conferenceDue,
    firstCoreGroup: stage === 'starts-plan' ? afterConference(t.firstCoreGroupWorkingDays) : null,
    nextReview: deadline(
      addMonths(date, reviewMonths),
      `within ${count(reviewMonths, 'month')} of the conference on ${conference}`,
      holidays,
    ),
    decisionLetter: afterConference(t.decisionLetterWorkingDays),
    minutes,
    accuracyComments,
    preBirthTarget,
    reviewAfterBirth,
  };

  // A child whose plan starts here (at a review, a child new to conference) has the first
  // core group and first review of a new plan, whatever the conference type.
  const startingReview = deadline(
    addMonths(date, t.firstReviewMonths),
    `within ${count(t.firstReviewMonths, 'month')} of the conference on ${conference}, where the plan started`,
    holidays,
  );
  for (const plan of facts.plans ?? []) {
    const starts = plan.startsPlan ?? stage === 'starts-plan';
    const limits =
      plan.kind === 'alternative'
        ? { firstCoreGroup: null, nextReview: null }
        : starts && stage !== 'starts-plan'
          ? { firstCoreGroup: afterConference(t.firstCoreGroupWorkingDays), nextReview: startingReview }
          : { firstCoreGroup: starts ? deadlines.firstCoreGroup : null, nextReview: deadlines.nextReview };
    checkPlanDates(plan, date, deadlines, limits, holidays, findings);
  }
  return { deadlines, findings };
}

function dateText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The facts above, read from a record by the template's field ids. A child protection plan's
 * dates are held to the timescales; an alternative plan (child in need, contextual
 * safeguarding) sets its own review, which must still come after the conference.
 */
export function timescaleFactsFromRecord(record: ConferenceRecord): ConferenceFacts {
  const meeting = meetingValues(record);
  const previousType = textOf(meeting['previousConferenceType']);
  const plans: PlanDates[] = [];
  for (const child of childrenOf(record)) {
    const outcome = childValues(record, 'decision', child.id)['outcome'];
    if (!isOutcome(outcome)) continue;
    const facts = OUTCOMES[outcome];
    if (!facts.plan && !facts.alternative) continue;
    const plan = childValues(record, 'plan', child.id);
    plans.push({
      childId: child.id,
      childName: childName(record, child.id),
      kind: facts.plan ? 'cp' : 'alternative',
      planName: facts.plan ? null : facts.planName,
      startsPlan: isOnPlan(record, child.id) === false,
      firstCoreGroupDate: dateText(plan['firstCoreGroupDate']),
      reviewDate: dateText(plan['reviewDate']),
    });
  }
  return {
    type: record.type,
    date: dateText(meeting['date']),
    strategyDiscussionDate: dateText(meeting['strategyDiscussionDate']),
    previousConferenceDate: dateText(meeting['previousConferenceDate']),
    previousWasInitial: previousType === 'initial' ? true : previousType === 'review' ? false : null,
    lateReason: textOf(meeting['lateReason']),
    transferNotifiedDate: dateText(meeting['transferNotifiedDate']),
    expectedDelivery: earliestExpectedDelivery(record),
    plans,
  };
}

/** The unborn child due first: a pre-birth conference's target is set by them. */
function earliestExpectedDelivery(record: ConferenceRecord): ConferenceFacts['expectedDelivery'] {
  let earliest: ConferenceFacts['expectedDelivery'] = null;
  for (const child of childrenOf(record)) {
    if (!isUnbornValues(record.type, child.values)) continue;
    const due = dateText(child.values['expectedDeliveryDate']);
    if (due === null) continue;
    if (!earliest || (isValidIsoDate(due) && (!isValidIsoDate(earliest.date) || due < earliest.date))) {
      earliest = { date: due, childId: child.id, childName: childName(record, child.id) };
    }
  }
  return earliest;
}

/** A rule set for `assessReadiness`: the timescale findings for a record. */
export function timescaleRules(
  settings: LocalSettings = DEFAULT_LOCAL_SETTINGS,
): (record: ConferenceRecord) => RuleFinding[] {
  return (record) => checkTimescales(timescaleFactsFromRecord(record), settings).findings;
}

/**
 * Whether the conference was held outside its timescale, by the council's settings: the late
 * reason is then required, and the form marks it so before the chair reaches readiness.
 */
export function isConferenceLate(record: ConferenceRecord, settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): boolean {
  const { deadlines } = checkTimescales(timescaleFactsFromRecord(record), settings);
  return deadlines.conference?.held?.late === true || deadlines.preBirthTarget?.held?.late === true;
}
