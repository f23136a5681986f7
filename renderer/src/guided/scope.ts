import type { FieldRef } from '../../../domain/rules/finding';

/**
 * Where a block of fields sits, in the same terms as a rule finding's FieldRef. The form
 * derives every element id from it, so a finding's ref names the element to focus without
 * any lookup table: the two must enter lists and children exactly as validate.ts does.
 */
export interface FieldScope {
  section: string;
  childId?: string;
  itemId?: string;
  subItemId?: string;
}

/** An item of a list: the first list level is `itemId`, anything deeper is `subItemId` (as validate.ts). */
export function enterItem(scope: FieldScope, itemId: string): FieldScope {
  return scope.itemId ? { ...scope, subItemId: itemId } : { ...scope, itemId };
}

export function enterChild(scope: FieldScope, childId: string): FieldScope {
  return { ...scope, childId };
}

/**
 * The element id for a ref. Ids are uuids and template ids (letters, digits, _ and -), so
 * the result is a valid, CSS-safe id. With no field it names the block itself (a child's
 * heading, an item's heading, or a list section's "Add" button).
 */
export function refDomId(ref: FieldRef): string {
  let id = `f--${ref.section}`;
  if (ref.childId) id += `--c-${ref.childId}`;
  if (ref.itemId) id += `--i-${ref.itemId}`;
  if (ref.subItemId) id += `--s-${ref.subItemId}`;
  if (ref.field) id += `--${ref.field}`;
  return id;
}

export function fieldDomId(scope: FieldScope, fieldId: string): string {
  return refDomId({ ...scope, field: fieldId });
}

/** Ids to try, most precise first, when a finding's exact field is not on screen (e.g. hidden). */
export function fallbackDomIds(ref: FieldRef): string[] {
  const tries: FieldRef[] = [
    ref,
    { ...ref, subItemId: undefined },
    { ...ref, subItemId: undefined, field: undefined },
    { section: ref.section, childId: ref.childId, itemId: ref.itemId },
    { section: ref.section, childId: ref.childId },
    { section: ref.section, itemId: ref.itemId },
  ];
  const ids = tries.map((r) => refDomId(r));
  ids.push(sectionHeadingId(ref.section));
  return [...new Set(ids)];
}

export function sectionHeadingId(sectionId: string): string {
  return `h--${sectionId}`;
}

/** Ids for a hint and an error: the form components' own (components/FieldShell). */
export { errorId, hintId } from '../components/field-ids';
