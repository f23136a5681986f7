import { describe, expect, it } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { childName } from '../../../domain/record/access';
import { childFindings } from '../../../domain/rules/child-rules';
import { fullMinutes } from '../../../templates/layouts/full-minutes';
import { createConference, expectFailure, openStore, snapshotFolder } from './helpers';

type Listed = { conferences: ConferenceSummary[] };

/**
 * An unborn baby has no name or date of birth of their own: a pre-birth conference is created
 * without asking for either, and the list, the record's own naming and the minutes call the
 * baby "Unborn baby" (or what the chair chose, e.g. "Unborn baby of Jade Osei").
 */
describe('creating a pre-birth conference for an unborn baby', () => {
  it('creates an unnamed unborn baby with the expected date of delivery, listed as “Unborn baby”', async () => {
    const h = await openStore();
    const record = await createConference(h, {
      type: 'pre-birth-initial',
      date: '2026-02-10',
      children: [{ name: '', bornStatus: 'unborn', expectedDeliveryDate: '2026-05-01' }, { name: 'Kai Osei', bornStatus: 'born' }],
    });
    const children = record.sections['children'];
    if (children?.kind !== 'list') throw new Error('no children section');
    expect(children.items.map((item) => item.values)).toEqual([
      { name: '', bornStatus: 'unborn', expectedDeliveryDate: '2026-05-01' },
      { name: 'Kai Osei', bornStatus: 'born' },
    ]);
    const [baby, brother] = children.items;
    expect(childName(record, baby!.id)).toBe('Unborn baby');
    expect(childName(record, brother!.id)).toBe('Kai Osei');
    // Nothing contradicts: no date of birth was asked or stored.
    expect(childFindings(record)).toEqual([]);
    const { conferences } = await h.ok<Listed>('conferences.list');
    expect(conferences[0]?.children.map((child) => child.name)).toEqual(['Unborn baby', 'Kai Osei']);
  });

  it('names the family in the minutes from the family members when the only child is an unnamed unborn baby', async () => {
    const h = await openStore();
    const created = await createConference(h, { type: 'pre-birth-initial', date: '2026-02-10', children: [{ name: '', bornStatus: 'unborn' }] });
    const record: ConferenceRecord = {
      ...created,
      sections: {
        ...created.sections,
        family: { kind: 'list', items: [{ id: '7f0f7d0e-8a0c-4a47-9c39-1f4b5c1f2a01', values: { name: 'Jade Osei', relationship: 'Mother' } }] },
      },
    };
    const title = fullMinutes(record).blocks.find((block) => block.kind === 'paragraph' && block.style === 'title');
    expect(JSON.stringify(title)).toContain('Pre-birth initial child protection conference: Osei');
    expect(JSON.stringify(fullMinutes(record))).toContain('Unborn baby');
  });

  it('refuses, and stores nothing for, a blank name for a born child or any child outside a pre-birth conference', async () => {
    const h = await openStore();
    const before = await snapshotFolder(h.dir);
    const cases = [
      { type: 'pre-birth-initial', date: '2026-02-10', children: [{ name: '', bornStatus: 'born' }] },
      { type: 'pre-birth-initial', date: '2026-02-10', children: [{ name: '' }] },
      { type: 'initial', date: '2026-02-10', children: [{ name: '', bornStatus: 'unborn' }] },
      { type: 'review', date: '2026-02-10', children: [{ name: 'Kai Osei', bornStatus: 'born' }] },
      { type: 'pre-birth-initial', date: '2026-02-10', children: [{ name: 'Kai Osei', bornStatus: 'born', expectedDeliveryDate: '2026-05-01' }] },
      { type: 'pre-birth-initial', date: '2026-02-10', children: [{ name: '', bornStatus: 'unborn', dateOfBirth: '2026-01-30' }] },
    ];
    for (const input of cases) {
      const message = await expectFailure(h.call('conferences.create', input), 'INVALID_INPUT');
      expect(message).toMatch(/Nothing was changed/);
    }
    expect(await snapshotFolder(h.dir)).toEqual(before);
  });
});
