import { REVIEW_TYPES, type ConferenceRecord, type ConferenceType } from '../record/conference';
import { isOnPlan } from './child-status';

/**
 * Outcomes a conference can decide for a child. For a child new to conference (at an
 * initial, pre-birth or transfer-in conference, or a sibling or newborn first considered at
 * a review) the question is whether to make a child protection plan; for a child already
 * on one, whether to continue, change or end it. `destination` is what the child has after
 * the conference, so "end the plan: child in need plan" agrees with "child in need plan".
 */

/** What the child has after the conference, whatever the route to it. */
export type Destination = 'cp' | 'cin' | 'multi-agency' | 'early-help' | 'none';

interface OutcomeFacts {
  label: string;
  /** What the plan is called in a sentence ("the review of the child in need plan"). */
  planName: string | null;
  /** A contextual safeguarding (extra-familial harm) plan: its own forum oversees it. */
  contextual: boolean;
  destination: Destination;
  /** The child is (or stays) subject to a child protection plan. */
  plan: boolean;
  /** Another multi-agency plan with its own lead and review (child in need, contextual safeguarding). */
  alternative: boolean;
  /** A plan the child was on ends. */
  endsPlan: boolean;
}

const PLAN_NAMES: Record<Destination, string | null> = {
  cp: 'child protection plan',
  cin: 'child in need plan',
  'multi-agency': 'multi-agency plan',
  'early-help': null,
  none: null,
};

const outcome = (label: string, destination: Destination, endsPlan = false, contextual = false): OutcomeFacts => ({
  label,
  planName: contextual ? 'contextual safeguarding plan' : PLAN_NAMES[destination],
  contextual,
  destination,
  plan: destination === 'cp',
  alternative: destination === 'cin' || destination === 'multi-agency',
  endsPlan,
});

export const OUTCOMES = {
  'cp-plan': outcome('Child protection plan', 'cp'),
  'cin-plan': outcome('Child in need plan (section 17)', 'cin'),
  // A contextual plan is a multi-agency plan, so a recommendation of either agrees with the other.
  'contextual-plan': outcome('Contextual safeguarding plan (extra-familial harm)', 'multi-agency', false, true),
  'multi-agency-plan': outcome('Other multi-agency plan', 'multi-agency'),
  'early-help': outcome('Early help', 'early-help'),
  'no-further-action': outcome('No further action', 'none'),
  'continue-plan': outcome('Continue the child protection plan', 'cp'),
  'continue-plan-change-category': outcome('Continue the plan under a different category', 'cp'),
  'end-plan-cin': outcome('End the plan: child in need plan', 'cin', true),
  'end-plan-contextual': outcome('End the plan: contextual safeguarding plan', 'multi-agency', true, true),
  'end-plan-multi-agency': outcome('End the plan: other multi-agency plan', 'multi-agency', true),
  'end-plan-early-help': outcome('End the plan: early help', 'early-help', true),
  'end-plan-nfa': outcome('End the plan: no further action', 'none', true),
} as const satisfies Record<string, OutcomeFacts>;

export type Outcome = keyof typeof OUTCOMES;

const INITIAL_OUTCOMES: readonly Outcome[] = ['cp-plan', 'cin-plan', 'contextual-plan', 'multi-agency-plan', 'early-help', 'no-further-action'];
const REVIEW_OUTCOMES: readonly Outcome[] = [
  'continue-plan',
  'continue-plan-change-category',
  'end-plan-cin',
  'end-plan-contextual',
  'end-plan-multi-agency',
  'end-plan-early-help',
  'end-plan-nfa',
];

export function isReviewType(type: ConferenceType): boolean {
  return (REVIEW_TYPES as readonly ConferenceType[]).includes(type);
}

export function outcomesFor(type: ConferenceType): readonly Outcome[] {
  return isReviewType(type) ? REVIEW_OUTCOMES : INITIAL_OUTCOMES;
}

/**
 * The outcomes open for one child: a plan can be made for a child new to conference and
 * continued or ended for a child already on one. Until the chair says which a child at a
 * review is, the review's outcomes are offered (the record's status question is still asked).
 */
export function outcomesForChild(record: ConferenceRecord, childId: string | undefined): readonly Outcome[] {
  if (childId === undefined) return outcomesFor(record.type);
  return isOnPlan(record, childId) === false ? INITIAL_OUTCOMES : REVIEW_OUTCOMES;
}

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && Object.hasOwn(OUTCOMES, value);
}

/** The child is (or stays) subject to a child protection plan. */
export function isPlanOutcome(outcome: Outcome): boolean {
  return OUTCOMES[outcome].plan;
}

export function outcomeLabel(value: unknown): string {
  return isOutcome(value) ? OUTCOMES[value].label : '';
}

/** Agencies give a view and a recommendation (never a vote); "no view" is a valid answer. */
export const NO_VIEW = 'no-view';
export const NO_VIEW_LABEL = 'No recommendation given';

export function recommendationLabel(value: unknown): string {
  return value === NO_VIEW ? NO_VIEW_LABEL : outcomeLabel(value);
}

/** The statutory categories of a child protection plan (several may apply). */
export const CATEGORIES = [
  { value: 'physical-abuse', label: 'Physical abuse' },
  { value: 'emotional-abuse', label: 'Emotional abuse' },
  { value: 'sexual-abuse', label: 'Sexual abuse' },
  { value: 'neglect', label: 'Neglect' },
] as const;

/**
 * Does a recommendation agree with the outcome? They agree when the child ends up with the
 * same thing: continuing under a changed category agrees with "continue" (and with "child
 * protection plan", said of a child on one); ending to a child in need plan agrees with
 * "child in need plan". So a view recorded in a review's or an initial's words is read the
 * same way for a child new to conference at a review.
 */
export function recommendationAgrees(recommendation: string, outcome: Outcome): boolean {
  if (recommendation === NO_VIEW || recommendation === '') return true;
  if (recommendation === outcome) return true;
  if (!isOutcome(recommendation)) return false;
  return OUTCOMES[recommendation].destination === OUTCOMES[outcome].destination;
}
