import type { ConferenceRecord, SectionValue } from '../record/conference';
import type { ConferenceTemplate } from './types';

/**
 * The sections that gain a template default (the usual safety-scale definition, blind
 * scaling off) because the record has never held that field. A field the chair has
 * cleared holds '' and is left alone. Only plain sections: list items get their defaults
 * when they are added.
 */
export function missingDefaults(template: ConferenceTemplate, record: ConferenceRecord): Record<string, SectionValue> {
  const changed: Record<string, SectionValue> = {};
  for (const section of template.sections) {
    if (section.kind !== 'single') continue;
    const current = record.sections[section.id];
    const values = current?.kind === 'single' ? current.values : {};
    const added = section.fields.filter((field) => field.defaultValue !== undefined && values[field.id] === undefined);
    if (added.length === 0) continue;
    const next = { ...values };
    for (const field of added) if (field.defaultValue !== undefined) next[field.id] = field.defaultValue;
    changed[section.id] = { kind: 'single', values: next };
  }
  return changed;
}
