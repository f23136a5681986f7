import { isOutcome, OUTCOMES } from '../decision/outcomes';
import { childValues, isFilled, singleValues } from '../record/access';
import type { ConferenceRecord, Values } from '../record/conference';
import type { Condition, FieldDef } from './types';

/** Where a field sits: the values beside it and, for per-child values, whose they are. */
export interface FieldContext {
  record: ConferenceRecord;
  values: Values;
  childId?: string;
}

export function evaluate(condition: Condition, ctx: FieldContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, ctx));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, ctx));
  if ('not' in condition) return !evaluate(condition.not, ctx);
  if ('conferenceType' in condition) return condition.conferenceType.includes(ctx.record.type);
  if ('outcomeIs' in condition) return outcomeIs(condition.outcomeIs, ctx);
  const values = condition.section ? singleValues(ctx.record, condition.section) : ctx.values;
  const value = values[condition.field];
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return typeof value === 'string' && condition.in.includes(value);
  return isFilled(value) === condition.filled;
}

function outcomeIs(kind: 'plan' | 'non-plan' | 'alternative-plan' | 'ends-plan', ctx: FieldContext): boolean {
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
