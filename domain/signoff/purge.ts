import { childrenOf } from '../record/access';
import type { ConferenceRecord, FieldValue, SectionValue, Values } from '../record/conference';

/**
 * Answers left behind by a child who was removed from the conference (a per-child decision,
 * a per-child voice answer inside an agency's report…) are kept while the record is a draft,
 * so an accidental removal can be undone. Once signed they would be frozen into a legal record
 * about a child the conference no longer covers, so sign-off drops them. Pure: the caller
 * decides whether anything changed by comparing the result.
 */
export function purgeRemovedChildren(record: ConferenceRecord): ConferenceRecord {
  const children = new Set(childrenOf(record).map((child) => child.id));
  const sections: Record<string, SectionValue> = {};
  for (const [id, section] of Object.entries(record.sections)) sections[id] = purgeSection(section, children);
  return { ...record, sections };
}

function purgeSection(section: SectionValue, children: ReadonlySet<string>): SectionValue {
  switch (section.kind) {
    case 'single':
      return { kind: 'single', values: purgeValues(section.values, children) };
    case 'list':
      return { kind: 'list', items: section.items.map((item) => ({ id: item.id, values: purgeValues(item.values, children) })) };
    case 'perChild':
      return { kind: 'perChild', perChild: keepChildren(section.perChild, children) };
  }
}

function keepChildren(perChild: Record<string, Values>, children: ReadonlySet<string>): Record<string, Values> {
  const kept: Record<string, Values> = {};
  for (const [childId, values] of Object.entries(perChild)) {
    if (children.has(childId)) kept[childId] = purgeValues(values, children);
  }
  return kept;
}

function purgeValues(values: Values, children: ReadonlySet<string>): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) out[key] = purgeValue(value, children);
  return out;
}

function purgeValue(value: FieldValue, children: ReadonlySet<string>): FieldValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.every((entry) => typeof entry === 'string')) return value;
    return (value as { id: string; values: Values }[]).map((item) => ({ id: item.id, values: purgeValues(item.values, children) }));
  }
  if ('perChild' in value) return { perChild: keepChildren(value.perChild, children) };
  return value; // a scale score
}
