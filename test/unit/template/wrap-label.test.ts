import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../renderer/src/guided/collation/wrap-label';

describe('agency names on the score chart', () => {
  it('wraps at word boundaries and never exceeds the line length or the number of lines', () => {
    const names = [
      'Northshire Police Public Protection Unit',
      'Carrowby Women’s Aid Independent Domestic Violence Advisers',
      'School',
      'Supercalifragilisticexpialidociousservice of Northshire',
    ];
    for (const name of names) {
      const lines = wrapLabel(name, 22, 2);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(22);
    }
    expect(wrapLabel('Northshire Police Public Protection Unit', 22, 2)).toEqual(['Northshire Police', 'Public Protection Unit']);
    expect(wrapLabel('School', 22, 2)).toEqual(['School']);
    expect(wrapLabel('Carrowby Women’s Aid Independent Domestic Violence Advisers', 22, 2)).toEqual(['Carrowby Women’s Aid', 'Independent Domestic…']);
  });
});
