import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { createConference, openStore } from './helpers';

type Listed = { conferences: ConferenceSummary[] };

/**
 * The list's "things to finish" is counted under the council's own rules, not the defaults:
 * with every health service grouped as one agency, a conference attended by social care and
 * three health services is not quorate, which is one more thing to finish.
 */
describe('the list’s readiness count follows the council’s local rules', () => {
  it('counts under the saved settings, and never shows a count made under rules since changed', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const agencies = ['social-care', 'health-visiting', 'gp', 'midwifery'].map((agency) => ({
      id: randomUUID(),
      values: { agency, attendance: 'present', directContact: true },
    }));
    const save = async (base: ConferenceRecord | number) =>
      h.ok<{ revision: number }>('conferences.save', {
        id: record.id,
        baseRevision: typeof base === 'number' ? base : base.revision,
        sections: { agencies: { kind: 'list', items: agencies }, opening: { kind: 'single', values: { interpreter: typeof base === 'number' ? 'None needed.' : 'None.' } } },
      });
    const toFinish = async () => (await h.ok<Listed>('conferences.list')).conferences[0]?.readiness?.toFinish;

    const first = await save(record);
    const underDefaults = await toFinish();
    expect(underDefaults).toBeGreaterThan(0);

    const settings = await h.ok<Settings>('settings.get');
    await h.ok('settings.update', {
      local: { ...settings.local, quorum: { ...settings.local.quorum, groups: [{ name: 'health', agencies: ['health-visiting', 'gp', 'midwifery'] }] } },
    });
    // Counted under the old rules: not shown as if current ("Open to check" in the list).
    expect((await h.ok<Listed>('conferences.list')).conferences[0]?.readiness).toBeUndefined();

    await save(first.revision);
    expect(await toFinish()).toBe(underDefaults! + 1);
  });
});
