import {
  CHILDREN_SECTION,
  MEETING_SECTION,
  PRE_BIRTH_TYPES,
  type ConferenceType,
  type ConferenceRecord,
  type FieldValue,
  type GroupItem,
  type ScaleScore,
  type Values,
} from './conference';

/** Read helpers: a missing or differently shaped section reads as empty, never throws. */

/**
 * A record's own entry, never one every object inherits: `sections['constructor']` or
 * `perChild['toString']` on a plain object is a function, not a stored value.
 */
function own<T>(entries: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(entries, key) ? entries[key] : undefined;
}

export function singleValues(record: ConferenceRecord, sectionId: string): Values {
  const section = own(record.sections, sectionId);
  return section?.kind === 'single' ? section.values : {};
}

export function listItems(record: ConferenceRecord, sectionId: string): GroupItem[] {
  const section = own(record.sections, sectionId);
  return section?.kind === 'list' ? section.items : [];
}

export function childValues(record: ConferenceRecord, sectionId: string, childId: string): Values {
  const section = own(record.sections, sectionId);
  return section?.kind === 'perChild' ? (own(section.perChild, childId) ?? {}) : {};
}

export function childrenOf(record: ConferenceRecord): GroupItem[] {
  return listItems(record, CHILDREN_SECTION);
}

export function meetingValues(record: ConferenceRecord): Values {
  return singleValues(record, MEETING_SECTION);
}

export function textOf(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function isScaleScore(value: FieldValue | undefined): value is ScaleScore {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'score' in value;
}

export function itemsOf(value: FieldValue | undefined): GroupItem[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'id' in v)
    ? (value as GroupItem[])
    : [];
}

export function stringsOf(value: FieldValue | undefined): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : [];
}

export function perChildOf(value: FieldValue | undefined, childId: string): Values {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'perChild' in value) {
    return own(value.perChild, childId) ?? {};
  }
  return {};
}

/** Only a pre-birth conference asks whether a child is born, so only there can the answer count. */
export function isUnbornValues(type: ConferenceType, values: Values): boolean {
  return (PRE_BIRTH_TYPES as readonly ConferenceType[]).includes(type) && values['bornStatus'] === 'unborn';
}

/**
 * A child's display name; "Child 2" when the name is still blank. An unborn baby need not be
 * named (the chair may write "Unborn baby of …"): unnamed, they are "Unborn baby", numbered
 * only when there are two (twins).
 */
export function childName(record: ConferenceRecord, childId: string): string {
  return childNameAmong(record.type, childrenOf(record), childId);
}

/** childName for a children list not (yet) in a record, e.g. one being edited on the page. */
export function childNameAmong(type: ConferenceType, children: readonly GroupItem[], childId: string): string {
  const index = children.findIndex((child) => child.id === childId);
  const name = textOf(children[index]?.values['name']).trim();
  if (name) return name;
  const unborn = children.filter((child) => isUnbornValues(type, child.values));
  const position = unborn.findIndex((child) => child.id === childId);
  if (position >= 0) return unborn.length === 1 ? 'Unborn baby' : `Unborn baby ${position + 1}`;
  return `Child ${index + 1}`;
}

/** Filled means the chair has answered: blank text, empty lists and unset choices are not. */
export function isFilled(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.length > 0;
  if ('score' in value) return Number.isInteger(value.score);
  return Object.keys(value.perChild).length > 0;
}
