import { ageAtConference, isOnPlan, isUnborn } from '../decision/child-status';
import { departuresFor } from '../decision/departures';
import { isOutcome, OUTCOMES } from '../decision/outcomes';
import { childValues, isFilled, singleValues } from '../record/access';
import type { LocalSettings } from '../rules/local-settings';
import { isConferenceLate } from '../rules/timescales';
import type { ConferenceRecord, Values } from '../record/conference';
import type { Condition, FieldDef, OutcomeKind } from './types';

/** Where a field sits: the values beside it and, for per-child values, whose they are. */
export interface FieldContext {
  record: ConferenceRecord;
  values: Values;
  childId?: string;
  /** The council's settings, for conditions that depend on them (a late conference); defaults otherwise. */
  settings?: LocalSettings;
  /**
   * Answers worked out once per check of a whole record (validate.ts makes one per call): whether
   * the conference was late is asked field by field, and each asking counted working days afresh.
   */
  memo?: { late?: boolean };
}

export function evaluate(condition: Condition, ctx: FieldContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, ctx));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, ctx));
  if ('not' in condition) return !evaluate(condition.not, ctx);
  if ('conferenceType' in condition) return condition.conferenceType.includes(ctx.record.type);
  if ('outcomeIs' in condition) return outcomeIs(condition.outcomeIs, ctx);
  if ('childStatus' in condition) return childStatusIs(condition.childStatus, ctx);
  if ('viewsDiffer' in condition) return ctx.childId !== undefined && departuresFor(ctx.record, ctx.childId).length > 0;
  if ('conferenceLate' in condition) {
    const late = ctx.memo ? (ctx.memo.late ??= isConferenceLate(ctx.record, ctx.settings)) : isConferenceLate(ctx.record, ctx.settings);
    return late === condition.conferenceLate;
  }
  if ('childAgeUnder' in condition) {
    const age = ctx.childId ? ageAtConference(ctx.record, ctx.childId) : null;
    return age !== null && age < condition.childAgeUnder;
  }
  const values = condition.section ? singleValues(ctx.record, condition.section) : ctx.values;
  const value = values[condition.field];
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return typeof value === 'string' && condition.in.includes(value);
  return isFilled(value) === condition.filled;
}

function childStatusIs(status: 'unborn' | 'born' | 'new' | 'on-plan', ctx: FieldContext): boolean {
  if (!ctx.childId) return false;
  switch (status) {
    case 'unborn':
      return isUnborn(ctx.record, ctx.childId);
    case 'born':
      return !isUnborn(ctx.record, ctx.childId);
    case 'new':
      return isOnPlan(ctx.record, ctx.childId) === false;
    case 'on-plan':
      return isOnPlan(ctx.record, ctx.childId) === true;
  }
}

function outcomeIs(kind: OutcomeKind, ctx: FieldContext): boolean {
  if (!ctx.childId) return false;
  const outcome = childValues(ctx.record, 'decision', ctx.childId)['outcome'];
  if (!isOutcome(outcome)) return false;
  const facts = OUTCOMES[outcome];
  switch (kind) {
    case 'plan':
      return facts.plan;
    case 'non-plan':
      return !facts.plan;
    case 'alternative-plan':
      return facts.alternative;
    case 'ends-plan':
      return facts.endsPlan;
    case 'no-further-action':
      return facts.destination === 'none';
    case 'contextual-plan':
      return facts.contextual;
  }
}

export function isVisible(field: { visibleWhen?: Condition }, ctx: FieldContext): boolean {
  return field.visibleWhen === undefined || evaluate(field.visibleWhen, ctx);
}

export function isRequired(field: FieldDef, ctx: FieldContext): boolean {
  if (!isVisible(field, ctx)) return false;
  if (field.required === undefined || field.required === false) return false;
  return field.required === true || evaluate(field.required, ctx);
}

const presented = new WeakMap<FieldDef, Map<number, FieldDef>>();

/**
 * The field as this child (or item) is asked it: the first variant whose condition holds
 * gives the label and hint. The same object is returned for the same variant, so a form
 * that memoises on the field does not redraw it on every pass.
 */
export function presentField(field: FieldDef, ctx: FieldContext): FieldDef {
  if (!field.variants) return field;
  const index = field.variants.findIndex((variant) => evaluate(variant.when, ctx));
  if (index < 0) return field;
  let byVariant = presented.get(field);
  if (!byVariant) {
    byVariant = new Map();
    presented.set(field, byVariant);
  }
  let shown = byVariant.get(index);
  if (!shown) {
    const variant = field.variants[index]!;
    shown = { ...field, label: variant.label ?? field.label, hint: variant.hint ?? field.hint };
    byVariant.set(index, shown);
  }
  return shown;
}
