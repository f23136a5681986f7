import { describe, expect, it } from 'vitest';
import { agencyFindings } from '../../../domain/rules/agency-rules';
import { oseiRecord } from '../../../main/demo/scenarios';
import { blocking, listOf, readiness } from '../template/fixture-helpers';

describe('duplicate agencies', () => {
  it('a second agency of the same name blocks signing with a sentence saying how to fix it', () => {
    const record = oseiRecord();
    const agencies = listOf(record, 'agencies');
    const police = agencies.find((a) => a.values['agency'] === 'police');
    if (!police) throw new Error('Osei has a police agency');
    agencies.push({ id: globalThis.crypto.randomUUID(), values: { ...police.values } });
    const findings = agencyFindings(record);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/is listed more than once in Agency contributions\. Remove the duplicate, or give each its own name/);
    expect(blocking(readiness(record)).map((f) => f.rule)).toContain('agencies.duplicate');
  });

  it('two agencies of one kind with their own names are not duplicates', () => {
    const record = oseiRecord();
    const agencies = listOf(record, 'agencies');
    agencies.push({ id: globalThis.crypto.randomUUID(), values: { agency: 'police', agencyName: 'Police (public protection unit)' } });
    expect(agencyFindings(record)).toEqual([]);
  });

  it('names differing only in case are the same agency', () => {
    const record = oseiRecord();
    const agencies = listOf(record, 'agencies');
    agencies.push({ id: globalThis.crypto.randomUUID(), values: { agency: 'other', agencyName: 'HILLSIDE YOUTH CLUB' } });
    agencies.push({ id: globalThis.crypto.randomUUID(), values: { agency: 'other', agencyName: 'Hillside youth club' } });
    expect(agencyFindings(record)).toHaveLength(1);
  });
});
