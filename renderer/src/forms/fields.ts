import type { FieldValue } from '../../../domain/record/conference';
import type { FieldDef } from '../../../domain/template/types';
import { formatIsoDate, parseTime, parseUkDate } from '../format/dates';

/**
 * What the section editor needs to know about a field. It is a narrowed FieldDef from the
 * templates (same ids, types and labels), so the template-driven form can later hand template
 * fields straight to SectionForm instead of this app's hand-written lists.
 */
export type EditableFieldType = 'text' | 'longtext' | 'date' | 'time';

export interface FieldDescription extends Pick<FieldDef, 'id' | 'label' | 'hint' | 'maxLength'> {
  type: EditableFieldType;
  required?: boolean;
  /** How wide the input is drawn; the value is not limited by it. */
  width?: 'short' | 'medium' | 'full';
  autoComplete?: string;
  /** The noun used in messages when the label alone reads oddly ("the child's name"). */
  messageName?: string;
}

export const DATE_HINT = 'For example, 27/03/2025';
export const TIME_HINT = 'Use the 24-hour clock, for example 09:30 or 14:00';

/** The text shown in the input for a stored value. */
export function toDraft(field: FieldDescription, value: FieldValue | undefined): string {
  if (typeof value !== 'string') return '';
  return field.type === 'date' ? formatIsoDate(value) || value : value;
}

export type DraftResult = { ok: true; value: string } | { ok: false; message: string };

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Turns what was typed into the stored value, or says (GOV.UK style) what to fix. */
export function fromDraft(field: FieldDescription, draft: string): DraftResult {
  const name = field.messageName ?? lowerFirst(field.label);
  if (draft.trim() === '') {
    return field.required ? { ok: false, message: `Enter ${name}` } : { ok: true, value: '' };
  }
  if (field.maxLength !== undefined && draft.length > field.maxLength) {
    return { ok: false, message: `${field.label} must be ${field.maxLength} characters or fewer` };
  }
  switch (field.type) {
    case 'date': {
      const parsed = parseUkDate(draft);
      return parsed.ok ? { ok: true, value: parsed.iso } : { ok: false, message: `${field.label} must be a real date, like 27/03/2025` };
    }
    case 'time': {
      const parsed = parseTime(draft);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : { ok: false, message: `${field.label} must be a time on the 24-hour clock, like 09:30 or 14:00` };
    }
    default:
      return { ok: true, value: draft };
  }
}

export function hintFor(field: FieldDescription): string | undefined {
  if (field.hint) return field.hint;
  if (field.type === 'date') return DATE_HINT;
  if (field.type === 'time') return TIME_HINT;
  return undefined;
}

export function inputId(prefix: string, fieldId: string): string {
  return `${prefix}-${fieldId}`;
}
