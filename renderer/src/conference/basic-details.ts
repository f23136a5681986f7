import {
  CHILDREN_SECTION,
  MEETING_SECTION,
  type ConferenceRecord,
  type GroupItem,
  type SectionValue,
  type Values,
} from '../../../domain/record/conference';
import { fromDraft, toDraft, type FieldDescription } from '../forms/fields';

/**
 * The basic details editor's field lists. Ids are the templates' (templates/sections/meeting.ts
 * and children.ts), so these values are the ones the template-driven form will edit later.
 */
export const MEETING_FIELDS: readonly FieldDescription[] = [
  { id: 'date', type: 'date', label: 'Conference date', messageName: 'the conference date' },
  { id: 'startTime', type: 'time', label: 'Start time' },
  { id: 'endTime', type: 'time', label: 'End time' },
  { id: 'venue', type: 'text', label: 'Venue', hint: 'For example, the office and room, or “video call”' },
  { id: 'chair', type: 'text', label: 'Chair', autoComplete: 'name', width: 'medium' },
  { id: 'minuteTaker', type: 'text', label: 'Minute-taker', width: 'medium' },
];

export const CHILD_FIELDS: readonly FieldDescription[] = [
  { id: 'name', type: 'text', label: 'Full name', required: true, maxLength: 500, messageName: 'the child’s full name', width: 'medium' },
  { id: 'dateOfBirth', type: 'date', label: 'Date of birth' },
];

export type Drafts = Record<string, string>;

export interface ChildDraft {
  id: string;
  /** Values of fields this editor does not show, kept so a save never drops them. */
  base: Values;
  drafts: Drafts;
}

export function draftsFor(fields: readonly FieldDescription[], values: Values): Drafts {
  return Object.fromEntries(fields.map((field) => [field.id, toDraft(field, values[field.id])]));
}

export function meetingValues(record: ConferenceRecord): Values {
  const section = record.sections[MEETING_SECTION];
  return section?.kind === 'single' ? section.values : {};
}

export function childItems(record: ConferenceRecord): GroupItem[] {
  const section = record.sections[CHILDREN_SECTION];
  return section?.kind === 'list' ? section.items : [];
}

export function childDrafts(record: ConferenceRecord): ChildDraft[] {
  return childItems(record).map((item) => ({ id: item.id, base: item.values, drafts: draftsFor(CHILD_FIELDS, item.values) }));
}

/** Every field's problem, if any (shown once the field has been left or a save is held). */
export function fieldErrors(fields: readonly FieldDescription[], drafts: Drafts): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const result = fromDraft(field, drafts[field.id] ?? '');
    if (!result.ok) errors[field.id] = result.message;
  }
  return errors;
}

/** The stored values for the drafts, or null while any of them cannot be saved. */
export function valuesFrom(fields: readonly FieldDescription[], base: Values, drafts: Drafts): Values | null {
  const values: Values = { ...base };
  for (const field of fields) {
    const result = fromDraft(field, drafts[field.id] ?? '');
    if (!result.ok) return null;
    values[field.id] = result.value;
  }
  return values;
}

export function meetingSection(base: Values, drafts: Drafts): SectionValue | null {
  const values = valuesFrom(MEETING_FIELDS, base, drafts);
  return values ? { kind: 'single', values } : null;
}

export function childrenSection(children: readonly ChildDraft[]): SectionValue | null {
  const items: GroupItem[] = [];
  for (const child of children) {
    const values = valuesFrom(CHILD_FIELDS, child.base, child.drafts);
    if (!values) return null;
    items.push({ id: child.id, values });
  }
  return { kind: 'list', items };
}
