import { SECTION } from '../template/field-names';
import { textOf } from '../record/access';
import type { ConferenceRecord, GroupItem, SectionValue, Values } from '../record/conference';
import type { FieldRef } from '../rules/finding';

/**
 * Answers the chair has marked restricted (third-party or confidential police information).
 * The marks live in the record, in the `restricted` section's `marks` list, one item per
 * marked answer naming where it is in the same terms as a finding's FieldRef. They are kept
 * apart from the answers so that marking never rewrites the text, unmarking never touches
 * anything written because of the mark (the family version of a rationale), and any long
 * answer anywhere can be marked without a companion field in every section of the template.
 */

export const RESTRICTED_SECTION = SECTION.restricted;
export const MARKS_FIELD = 'marks';
export const CLOSED_PARTS_FIELD = 'closedParts';

/** One empty list, so a form memoising on the marks sees the same object while there are none. */
const NO_MARKS: GroupItem[] = Object.freeze([]) as unknown as GroupItem[];

/** Where a marked answer is: the same parts as a FieldRef, with the field always named. */
export interface RestrictedMark {
  section: string;
  field: string;
  childId?: string;
  itemId?: string;
  subItemId?: string;
}

/** The stored marks, readable ones only (an item missing its section or field marks nothing). */
export function marksOf(record: ConferenceRecord): RestrictedMark[] {
  return marksIn(markItems(record));
}

export function marksIn(items: readonly GroupItem[]): RestrictedMark[] {
  const marks: RestrictedMark[] = [];
  for (const item of items) {
    const mark = markOfValues(item.values);
    if (mark) marks.push(mark);
  }
  return marks;
}

export function markItems(record: ConferenceRecord): GroupItem[] {
  return markItemsIn(Object.hasOwn(record.sections, RESTRICTED_SECTION) ? record.sections[RESTRICTED_SECTION] : undefined);
}

/** The marks list of a stored `restricted` section (the form holds the section, not the record). */
export function markItemsIn(section: SectionValue | undefined): GroupItem[] {
  if (section?.kind !== 'single') return NO_MARKS;
  const value = Object.hasOwn(section.values, MARKS_FIELD) ? section.values[MARKS_FIELD] : undefined;
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'values' in v) ? (value as GroupItem[]) : NO_MARKS;
}

function markOfValues(values: Values): RestrictedMark | null {
  const section = textOf(values['section']);
  const field = textOf(values['field']);
  if (!section || !field) return null;
  const mark: RestrictedMark = { section, field };
  const childId = textOf(values['childId']);
  const itemId = textOf(values['itemId']);
  const subItemId = textOf(values['subItemId']);
  if (childId) mark.childId = childId;
  if (itemId) mark.itemId = itemId;
  if (subItemId) mark.subItemId = subItemId;
  return mark;
}

function valuesOfMark(ref: RestrictedMark): Values {
  const values: Values = { section: ref.section, field: ref.field };
  if (ref.childId) values['childId'] = ref.childId;
  if (ref.itemId) values['itemId'] = ref.itemId;
  if (ref.subItemId) values['subItemId'] = ref.subItemId;
  return values;
}

/** Two refs name the same answer. */
export function sameAnswer(a: FieldRef, b: FieldRef): boolean {
  return (
    a.section === b.section &&
    a.field === b.field &&
    (a.childId ?? '') === (b.childId ?? '') &&
    (a.itemId ?? '') === (b.itemId ?? '') &&
    (a.subItemId ?? '') === (b.subItemId ?? '')
  );
}

export function isMarked(record: ConferenceRecord, ref: FieldRef): boolean {
  return marksOf(record).some((mark) => sameAnswer(mark, ref));
}

/**
 * The marks list with `ref` marked (on) or unmarked (off). Unchanged (the same array) when it
 * already says so, so a repeated click saves nothing. `newId` makes the new item's id.
 */
export function withMark(items: readonly GroupItem[], ref: RestrictedMark, on: boolean, newId: () => string): GroupItem[] {
  const matches = (item: GroupItem) => {
    const mark = markOfValues(item.values);
    return mark !== null && sameAnswer(mark, ref);
  };
  const present = items.some(matches);
  if (on) return present ? (items as GroupItem[]) : [...items, { id: newId(), values: valuesOfMark(ref) }];
  return present ? items.filter((item) => !matches(item)) : (items as GroupItem[]);
}

