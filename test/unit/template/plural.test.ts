import { describe, expect, it } from 'vitest';
import { countOf, pluralOf } from '../../../domain/template/plural';
import { templateFor } from '../../../templates/conference-templates';
import type { FieldDef } from '../../../domain/template/types';

describe('plurals of the nouns templates use', () => {
  it('spells each item label’s plural as English does', () => {
    expect(pluralOf('agency')).toBe('agencies');
    expect(pluralOf('child')).toBe('children');
    expect(pluralOf('Child')).toBe('Children');
    expect(pluralOf('family member')).toBe('family members');
    expect(pluralOf('danger statement')).toBe('danger statements');
    expect(pluralOf('day')).toBe('days');
    expect(pluralOf('address')).toBe('addresses');
    expect(countOf(1, 'agency')).toBe('1 agency');
    expect(countOf(3, 'agency')).toBe('3 agencies');
  });

  it('gives no template item label a plural ending “ys” or “childs”', () => {
    const labels = new Set<string>();
    const walk = (fields: readonly FieldDef[]) => {
      for (const field of fields) {
        if (field.itemLabel) labels.add(field.itemLabel);
        walk(field.fields ?? []);
      }
    };
    for (const section of templateFor('initial').sections) {
      if (section.itemLabel) labels.add(section.itemLabel);
      walk(section.fields);
    }
    expect(labels.size).toBeGreaterThan(5);
    for (const label of labels) expect(pluralOf(label)).not.toMatch(/[^aeiou]ys$|childs$/);
  });
});
