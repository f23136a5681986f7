import type { ConferenceRecord, SectionValue, Values } from '../record/conference';
import { isVisible } from './conditions';
import type { ConferenceTemplate, FieldDef } from './types';

/**
 * The sections that gain a template default (the usual safety-scale definition, blind
 * scaling off, "unborn" for a child of a pre-birth conference) because the record has never
 * held that field. A field the chair has cleared holds '' and is left alone. A default is
 * given only where the field is shown: "born or unborn" is asked only at a pre-birth
 * conference, so only there is it preset. Items of list sections (children named when the
 * conference was created) get their defaults here too; items added later get them when added.
 */
export function missingDefaults(template: ConferenceTemplate, record: ConferenceRecord): Record<string, SectionValue> {
  const changed: Record<string, SectionValue> = {};
  for (const section of template.sections) {
    const current = record.sections[section.id];
    if (section.kind === 'single') {
      const values = current?.kind === 'single' ? current.values : {};
      const next = withDefaults(section.fields, values, record);
      if (next) changed[section.id] = { kind: 'single', values: next };
    } else if (section.kind === 'list' && current?.kind === 'list') {
      let touched = false;
      const items = current.items.map((item) => {
        const next = withDefaults(section.fields, item.values, record);
        if (!next) return item;
        touched = true;
        return { ...item, values: next };
      });
      if (touched) changed[section.id] = { kind: 'list', items };
    }
  }
  return changed;
}

function withDefaults(fields: readonly FieldDef[], values: Values, record: ConferenceRecord): Values | null {
  const added = fields.filter(
    (field) => field.defaultValue !== undefined && values[field.id] === undefined && isVisible(field, { record, values }),
  );
  if (added.length === 0) return null;
  const next = { ...values };
  for (const field of added) if (field.defaultValue !== undefined) next[field.id] = field.defaultValue;
  return next;
}
