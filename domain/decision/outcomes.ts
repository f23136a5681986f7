import { REVIEW_TYPES, type ConferenceType } from '../record/conference';

/**
 * Outcomes a conference can decide for a child. At an initial (or pre-birth initial or
 * transfer-in) conference the question is whether to make a child protection plan; at a
 * review it is whether to continue, change or end one.
 */
export const OUTCOMES = {
  'cp-plan': { label: 'Child protection plan', plan: true, alternative: false, endsPlan: false },
  'cin-plan': { label: 'Child in need plan (section 17)', plan: false, alternative: true, endsPlan: false },
  'multi-agency-plan': {
    label: 'Other multi-agency plan (e.g. contextual safeguarding)',
    plan: false,
    alternative: true,
    endsPlan: false,
  },
  'early-help': { label: 'Early help', plan: false, alternative: false, endsPlan: false },
  'no-further-action': { label: 'No further action', plan: false, alternative: false, endsPlan: false },
  'continue-plan': { label: 'Continue the child protection plan', plan: true, alternative: false, endsPlan: false },
  'continue-plan-change-category': {
    label: 'Continue the plan under a different category',
    plan: true,
    alternative: false,
    endsPlan: false,
  },
  'end-plan-cin': { label: 'End the plan: child in need plan', plan: false, alternative: true, endsPlan: true },
  'end-plan-multi-agency': {
    label: 'End the plan: other multi-agency plan',
    plan: false,
    alternative: true,
    endsPlan: true,
  },
  'end-plan-early-help': { label: 'End the plan: early help', plan: false, alternative: false, endsPlan: true },
  'end-plan-nfa': { label: 'End the plan: no further action', plan: false, alternative: false, endsPlan: true },
} as const;

export type Outcome = keyof typeof OUTCOMES;

const INITIAL_OUTCOMES: readonly Outcome[] = ['cp-plan', 'cin-plan', 'multi-agency-plan', 'early-help', 'no-further-action'];
const REVIEW_OUTCOMES: readonly Outcome[] = [
  'continue-plan',
  'continue-plan-change-category',
  'end-plan-cin',
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
 * Does a recommendation agree with the outcome? Continuing under a changed category still
 * agrees with "continue"; ending to a child in need plan agrees with "child in need plan".
 */
export function recommendationAgrees(recommendation: string, outcome: Outcome): boolean {
  if (recommendation === NO_VIEW || recommendation === '') return true;
  if (recommendation === outcome) return true;
  if (!isOutcome(recommendation)) return false;
  const a = OUTCOMES[recommendation];
  const b = OUTCOMES[outcome];
  return a.plan === b.plan && a.plan; // both keep a plan: same direction, category aside
}
