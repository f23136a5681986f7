import { isValidIsoDate } from '../calendar/dates';
import { childrenOf, isUnbornValues, meetingValues, textOf } from '../record/access';
import { REVIEW_TYPES, type ConferenceRecord, type ConferenceType, type Values } from '../record/conference';

/**
 * Each child's status at this conference, which decides the question the conference answers
 * for them: a child already subject to a plan is reviewed (continue or end it); a child new
 * to conference, even at a review (a baby born since the last one, a sibling considered for
 * the first time), is asked whether to make a plan; an unborn baby is asked about the harm
 * likely after birth and has no voice, name or date of birth of their own.
 */

/** The children-section field holding whether a child at a review is already on a plan. */
export const PLAN_STATUS_FIELD = 'planStatus';
export const PLAN_STATUS_OPTIONS = [
  { value: 'on-plan', label: 'Already subject to a child protection plan' },
  { value: 'new', label: 'New to conference: considered for a plan for the first time' },
] as const;

function includesType(types: readonly ConferenceType[], type: ConferenceType): boolean {
  return types.includes(type);
}

export function isReviewConference(type: ConferenceType): boolean {
  return includesType(REVIEW_TYPES, type);
}

function childItemValues(record: ConferenceRecord, childId: string): Values | undefined {
  return childrenOf(record).find((child) => child.id === childId)?.values;
}

export { isUnbornValues };

export function isUnborn(record: ConferenceRecord, childId: string): boolean {
  const values = childItemValues(record, childId);
  return values !== undefined && isUnbornValues(record.type, values);
}

/**
 * Whether the child comes to this conference already subject to a plan. At an initial,
 * pre-birth initial or transfer-in conference no child is (a transfer-in makes this
 * authority's plan); at a review it is the chair's answer, or null until it is given.
 */
export function isOnPlan(record: ConferenceRecord, childId: string): boolean | null {
  if (!isReviewConference(record.type)) return false;
  const status = textOf(childItemValues(record, childId)?.[PLAN_STATUS_FIELD]);
  if (status === 'on-plan') return true;
  if (status === 'new') return false;
  return null;
}

/** The child's age in whole years on the conference date; null when either date is unknown. */
export function ageAtConference(record: ConferenceRecord, childId: string): number | null {
  const values = childItemValues(record, childId);
  if (!values || isUnbornValues(record.type, values)) return null;
  const born = textOf(values['dateOfBirth']);
  const date = textOf(meetingValues(record)['date']);
  if (!isValidIsoDate(born) || !isValidIsoDate(date) || born > date) return null;
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [cy, cm, cd] = date.split('-').map(Number) as [number, number, number];
  const hadBirthday = cm > bm || (cm === bm && cd >= bd);
  return cy - by - (hadBirthday ? 0 : 1);
}
