import { DEFAULT_SETTINGS } from '../../../domain/api/contract';
import { describe, expect, it } from 'vitest';
import { createConference, expectFailure, openStore, snapshotFolder } from './helpers';

/** Calls through `dispatch`, as the IPC and browser transports do: bad input changes nothing. */
describe('bad inputs through dispatch', () => {
  it('refuses missing, extra and wrongly typed fields with INVALID_INPUT and changes nothing', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const id = record.id;
    const risk = { kind: 'single', values: { harm: 'x' } };
    const cases: [string, unknown][] = [
      ['vault.create', {}],
      ['vault.unlock', { passphrase: 42 }],
      ['vault.lock', { now: true }],
      ['settings.update', { autoLockMinutes: -1 }],
      ['settings.update', { autoLockMinutes: 'ten' }],
      ['settings.update', { theme: 'dark' }],
      ['conferences.create', { type: 'initial', date: '2025-01-01' }],
      ['conferences.create', { type: 'initial', date: '01/01/2025', children: [{ name: 'Ruby Ashdown' }] }],
      ['conferences.create', { type: 'emergency', date: '2025-01-01', children: [{ name: 'Ruby Ashdown' }] }],
      ['conferences.create', { type: 'initial', date: '2025-01-01', children: [] }],
      ['conferences.create', { type: 'initial', date: '2025-01-01', children: [{ name: '   ' }] }],
      ['conferences.create', { type: 'initial', date: '2025-01-01', children: [{ name: 'A', age: 4 }] }],
      ['conferences.get', {}],
      ['conferences.get', { id: '../vault' }],
      ['conferences.get', { id, extra: 1 }],
      ['conferences.save', { id, sections: { risk } }],
      ['conferences.save', { id, baseRevision: '1', sections: { risk } }],
      ['conferences.save', { id, baseRevision: 1, sections: { risk: { kind: 'single' } } }],
      ['conferences.save', { id, baseRevision: 1, sections: { risk: { kind: 'essay', values: {} } } }],
      ['conferences.save', { id, baseRevision: 1, sections: { risk }, force: true }],
      ['conferences.history', { id: 7 }],
    ];
    const before = await snapshotFolder(h.dir);
    for (const [operation, input] of cases) {
      const message = await expectFailure(h.call(operation, input), 'INVALID_INPUT');
      expect(message).toMatch(/Nothing was changed/);
      expect(message).not.toMatch(/Ashdown/);
    }
    expect(await snapshotFolder(h.dir)).toEqual(before);
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 10 });
  });

  it('refuses an unknown operation', async () => {
    const h = await openStore();
    await expectFailure(h.call('conferences.delete', {}), 'UNKNOWN_OPERATION');
  });
});
