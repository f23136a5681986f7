import { describe, expect, it } from 'vitest';
import { createConference, expectFailure, FakeClock, openStore, snapshotFolder } from './helpers';

type Saved = { revision: number; savedAt: string };

/**
 * A save whose answer was lost (the service was killed just after writing, the connection
 * dropped) is sent again by the page with the revision it started from. The store must see that
 * it already holds exactly that text and answer "saved", not "changed elsewhere", which would
 * tell the chair to reload and leave them doubting whether their words were kept.
 */
describe('a retried save that had already landed', () => {
  it('is answered with the current revision, adds nothing and writes nothing', async () => {
    const clock = new FakeClock();
    const h = await openStore({ now: clock.now });
    const record = await createConference(h);
    const risk = { kind: 'single', values: { harm: 'Bruising seen by the school nurse.', complicatingFactors: 'Missed appointments.' } };
    clock.advanceMinutes(2);
    const first = await h.ok<Saved>('conferences.save', { id: record.id, baseRevision: 1, sections: { risk } });
    expect(first).toEqual({ revision: 2, savedAt: '2025-06-02T09:02:00.000Z' });
    const before = await snapshotFolder(h.dir);

    clock.advanceMinutes(1);
    // Same text, keys in another order: equal canonically, so it is the same save.
    const retried = { kind: 'single', values: { complicatingFactors: 'Missed appointments.', harm: 'Bruising seen by the school nurse.' } };
    const again = await h.ok<Saved>('conferences.save', { id: record.id, baseRevision: 1, sections: { risk: retried } });
    expect(again).toEqual(first);
    expect(await snapshotFolder(h.dir)).toEqual(before);
    const history = await h.ok<{ entries: unknown[] }>('conferences.history', { id: record.id });
    expect(history.entries).toHaveLength(2);
  });

  it('is still a conflict when any section differs from what is stored', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const risk = { kind: 'single', values: { harm: 'first wording' } };
    await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections: { risk } });
    const before = await snapshotFolder(h.dir);
    await expectFailure(
      h.call('conferences.save', {
        id: record.id,
        baseRevision: 1,
        sections: { risk, opening: { kind: 'single', values: { purposeExplained: true } } },
      }),
      'CONFLICT',
    );
    expect(await snapshotFolder(h.dir)).toEqual(before);
  });
});
