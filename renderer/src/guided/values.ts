import type { FieldValue, GroupItem, PerChildValues, SectionValue, Values } from '../../../domain/record/conference';

/**
 * Immutable updates along one path of the record. Every level hands its children a stable
 * `Update` that takes a function of the previous value, so a keystroke rebuilds only the
 * objects on its own path and memoised siblings see the same props and skip rendering.
 */
export type Updater<T> = (prev: T) => T;
export type Update<T> = (updater: Updater<T>) => void;
export type SetField = (fieldId: string, updater: Updater<FieldValue | undefined>) => void;

const EMPTY_VALUES: Values = Object.freeze({}) as Values;
const EMPTY_ITEMS: GroupItem[] = Object.freeze([]) as unknown as GroupItem[];

export function singleOf(section: SectionValue | undefined): Values {
  return section?.kind === 'single' ? section.values : EMPTY_VALUES;
}

export function itemsOfSection(section: SectionValue | undefined): GroupItem[] {
  return section?.kind === 'list' ? section.items : EMPTY_ITEMS;
}

export function childOfSection(section: SectionValue | undefined, childId: string): Values {
  return section?.kind === 'perChild' ? (section.perChild[childId] ?? EMPTY_VALUES) : EMPTY_VALUES;
}

export function withSingle(section: SectionValue | undefined, updater: Updater<Values>): SectionValue {
  return { kind: 'single', values: updater(singleOf(section)) };
}

export function withItems(section: SectionValue | undefined, updater: Updater<GroupItem[]>): SectionValue {
  return { kind: 'list', items: updater(itemsOfSection(section)) };
}

export function withChild(section: SectionValue | undefined, childId: string, updater: Updater<Values>): SectionValue {
  const perChild = section?.kind === 'perChild' ? section.perChild : {};
  return { kind: 'perChild', perChild: { ...perChild, [childId]: updater(perChild[childId] ?? EMPTY_VALUES) } };
}

/** A list field's items; anything else stored there reads as no items. */
export function itemsOfValue(value: FieldValue | undefined): GroupItem[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'id' in v)
    ? (value as GroupItem[])
    : EMPTY_ITEMS;
}

export function childOfValue(value: FieldValue | undefined, childId: string): Values {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'perChild' in value) {
    return value.perChild[childId] ?? EMPTY_VALUES;
  }
  return EMPTY_VALUES;
}

export function withChildValue(value: FieldValue | undefined, childId: string, updater: Updater<Values>): PerChildValues {
  const perChild = typeof value === 'object' && value !== null && !Array.isArray(value) && 'perChild' in value ? value.perChild : {};
  return { perChild: { ...perChild, [childId]: updater(perChild[childId] ?? EMPTY_VALUES) } };
}

export function updateItem(items: GroupItem[], itemId: string, updater: Updater<Values>): GroupItem[] {
  return items.map((item) => (item.id === itemId ? { ...item, values: updater(item.values) } : item));
}

export function setIn(values: Values, fieldId: string, updater: Updater<FieldValue | undefined>): Values {
  const next = updater(values[fieldId]);
  if (next === undefined) {
    const { [fieldId]: _removed, ...rest } = values;
    return rest;
  }
  return { ...values, [fieldId]: next };
}

/** Record ids are UUIDs (they end up in file names); randomUUID needs a secure context, which the app always is. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
