import { addMonths, compareDates, isValidIsoDate, type IsoDate } from '../calendar/dates';
import { isOnPlan } from '../decision/child-status';
import { isOutcome, isPlanOutcome } from '../decision/outcomes';
import { childrenOf, childValues, meetingValues, textOf } from '../record/access';
import { INITIAL_TYPES, REVIEW_TYPES, type ConferenceRecord, type ConferenceType } from '../record/conference';
import { z } from 'zod';
import { ConferenceSummarySchema, type ConferenceSummary } from '../record/summary';
import { DECISION, SECTION } from '../template/field-names';
import type { AuditPeriod } from './types';

/**
 * What the cohort reads of a conference's index entry: who the children are and what was
 * decided, for choosing the cohort and for "came back". A ConferenceSummary is one; the team
 * store's audit digests keep only this (main/services/team/audit-digests.ts), the list's other
 * fields (chair, readiness, signature, review dates) being no use to the audit.
 */
export const AuditSummarySchema = ConferenceSummarySchema.pick({ id: true, type: true, revision: true, conferenceDate: true }).extend({
  children: z.array(ConferenceSummarySchema.shape.children.element.pick({ id: true, name: true, outcome: true, caseNumber: true, dateOfBirth: true, planStatus: true })),
});
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

/** The audit's part of a conference's index entry (a new object: nothing of the list's is kept). */
export function auditSummaryOf(summary: ConferenceSummary): AuditSummary {
  return {
    id: summary.id,
    type: summary.type,
    revision: summary.revision,
    conferenceDate: summary.conferenceDate,
    children: summary.children.map(({ id, name, outcome, caseNumber, dateOfBirth, planStatus }) => ({ id, name, outcome, caseNumber, dateOfBirth, planStatus })),
  };
}

/**
 * Who is in the cohort: every child considered for a plan for the first time — at an initial
 * or pre-birth initial conference, or new to conference at a review (a newborn, a sibling) —
 * whose recorded outcome is not a child protection plan. A transfer-in child arrives on
 * another council's plan, and a child already on a plan at a review is asked another
 * question (continue or end), so neither is in it. A child with no outcome yet is not decided,
 * so not in it either.
 */

const isInitialType = (type: ConferenceType): boolean => (INITIAL_TYPES as readonly ConferenceType[]).includes(type);
const isReviewType = (type: ConferenceType): boolean => (REVIEW_TYPES as readonly ConferenceType[]).includes(type);

/**
 * The rule on the facts alone. `newToConference` is the chair's answer at a review (true,
 * false, or null when not given: such a child is not counted, as the record does not say).
 */
export function inCohort(type: ConferenceType, newToConference: boolean | null, outcome: unknown): boolean {
  if (!isOutcome(outcome) || isPlanOutcome(outcome)) return false;
  if (isInitialType(type)) return true;
  return isReviewType(type) && newToConference === true;
}

export function inPeriod(date: string | null | undefined, period: AuditPeriod): date is IsoDate {
  // Checked as text first: real yyyy-mm-dd dates sort as their text does, and most of a large
  // council's conferences are outside the period (this runs for each of them).
  if (typeof date !== 'string' || date < period.from || date > period.to) return false;
  return isValidIsoDate(date) && compareDates(date, period.from) >= 0 && compareDates(date, period.to) <= 0;
}

/** The children of a record who are in the cohort (the record is the authority, not the index). */
export function cohortChildIds(record: ConferenceRecord): string[] {
  return childrenOf(record)
    .filter((child) => inCohort(record.type, isOnPlan(record, child.id) === false, childValues(record, SECTION.decision, child.id)[DECISION.outcome]))
    .map((child) => child.id);
}

export function conferenceDateOf(record: ConferenceRecord): string {
  return textOf(meetingValues(record)['date']);
}

/**
 * Conferences worth opening, chosen from the index alone so that a period of a large store
 * does not open every conference. An index entry written before the child's status was kept
 * in it cannot say whether a child at a review is new, so that review is opened and the record
 * decides (generous here, exact in cohortChildIds).
 */
export function cohortCandidates(summaries: readonly AuditSummary[], period: AuditPeriod): string[] {
  const ids: string[] = [];
  for (const summary of summaries) {
    if (!inPeriod(summary.conferenceDate, period)) continue;
    const any = summary.children.some((child) => {
      const status = child.planStatus;
      const isNew = status === undefined ? true : status === 'new' ? true : status === 'on-plan' ? false : null;
      return inCohort(summary.type, isNew, child.outcome);
    });
    if (any) ids.push(summary.id);
  }
  return ids;
}

/** The longest period the screen audits in one go: child by child, a longer one is not an audit. */
export const MAX_PERIOD_MONTHS = 36;

export type PeriodCheck = { ok: true } | { ok: false; message: string };

/** A period's problems in the manager's words; an empty period is fine (the screen says it is empty). */
export function checkPeriod(period: AuditPeriod): PeriodCheck {
  if (!isValidIsoDate(period.from) || !isValidIsoDate(period.to)) {
    return { ok: false, message: 'Enter the start and end of the period as real dates, for example 01/04/2025 and 31/03/2026.' };
  }
  if (compareDates(period.from, period.to) > 0) {
    return { ok: false, message: 'The start of the period is after its end. Swap the dates, or choose the period again.' };
  }
  if (compareDates(period.to, addMonths(period.from, MAX_PERIOD_MONTHS)) >= 0) {
    const years = Math.round((Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4))) * 10) / 10;
    return {
      ok: false,
      message: `That period is about ${years} years long. An audit covers at most ${MAX_PERIOD_MONTHS / 12} years, so that each child's decision can be read and judged: choose a shorter period (a quarter or a year is usual) and audit a longer span one year at a time.`,
    };
  }
  return { ok: true };
}
