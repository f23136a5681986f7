import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL } from '../../../domain/api/operation-names';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { createClient } from '../../../renderer/src/api';

/** The page's own client, given answers through a stand-in for the preload bridge. */
function clientAnswering(value: unknown) {
  const answer = async () => ({ ok: true, value });
  vi.stubGlobal('window', { [BRIDGE_GLOBAL]: new Proxy({}, { get: () => answer }) });
  return createClient(() => undefined);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const entry = (id: string, chair: string): ConferenceSummary => ({
  id,
  type: 'initial',
  revision: 2,
  conferenceDate: '2025-05-14',
  chair,
  children: [{ id: 'c1b2c3d4-0000-4000-8000-000000000001', name: 'Ruby Ashdown', outcome: null }],
  updatedAt: '2025-05-14T10:00:00.000Z',
  readiness: { toFinish: 3 },
});

describe('the conference list on the page', () => {
  it('one unreadable entry is left out and counted; the others are still listed', async () => {
    const good = entry('0b7c5a6e-1f0d-4a57-9a55-5d8f4c1e2b3a', 'Harriet Quennell');
    const alsoGood = entry('7d1f0e2a-5b3c-4d6e-8f90-a1b2c3d4e5f6', 'Priya Anand');
    const unreadable = { ...entry('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'x'), revision: 'two' };
    const client = clientAnswering({ conferences: [good, unreadable, alsoGood], problems: [] });
    const list = await client['conferences.list']({});
    expect(list.conferences.map((c) => c.chair)).toEqual(['Harriet Quennell', 'Priya Anand']);
    expect(list.unreadable).toBe(1);
  });

  it('an answer that is not a list at all is still refused', async () => {
    const client = clientAnswering({ conferences: 'everything', problems: [] });
    await expect(client['conferences.list']({})).rejects.toThrow(/did not understand/);
  });

  it('other operations are still checked whole', async () => {
    const client = clientAnswering({ state: 'open sesame' });
    await expect(client['vault.status']({})).rejects.toThrow(/did not understand/);
  });
});
