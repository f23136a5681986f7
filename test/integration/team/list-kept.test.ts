import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * pgbench9: what a session keeps between calls on the team store must never show an old state.
 * The whole list keeps the summaries it opened, by revision; a save keeps the version it wrote.
 * Another member's save moves the revision on, so the next whole list and the next save use theirs.
 */

let cluster: Cluster;
let team: Team;
beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'list_kept');
}, 120_000);
afterAll(async () => {
  await team?.close();
  await cluster?.stop();
});

const dateOf = (list: { conferences: ConferenceSummary[] }, id: string) => list.conferences.find((c) => c.id === id)?.conferenceDate;
const meeting = (date: string) => ({ meeting: { kind: 'single' as const, values: { date, chair: 'Helen Marsh' } } });

test("another member's save shows in the next whole list and is the base of the next save, after both were kept", async () => {
  const marsh = team.login('ch.marsh');
  const okafor = team.login('ch.okafor');
  await team.join(marsh, 'chair');
  await team.join(okafor, 'chair');
  const mine = team.storeFor(marsh);
  const theirs = team.storeFor(okafor);
  await mine.unlock(passphraseOf(marsh));
  await theirs.unlock(passphraseOf(okafor));
  const created = await mine.createConference({ type: 'initial', date: '2026-01-15', children: [{ name: 'Wren Penhallow' }] });
  const { revision } = await mine.save({ id: created.id, baseRevision: 1, sections: meeting('2026-01-16') });
  expect(dateOf(await mine.list(), created.id)).toBe('2026-01-16');

  const moved = await theirs.save({ id: created.id, baseRevision: revision, sections: meeting('2026-02-20') });
  expect(dateOf(await mine.list(), created.id)).toBe('2026-02-20');
  // My kept version is behind: a save on my old revision is a conflict, and on theirs it builds on their text.
  await expect(mine.save({ id: created.id, baseRevision: revision, sections: meeting('2026-01-17') })).rejects.toMatchObject({ code: 'CONFLICT' });
  await mine.save({ id: created.id, baseRevision: moved.revision, sections: { risk: { kind: 'single', values: { harm: 'Worry agreed.' } } } });
  const { conference } = await mine.get(created.id);
  expect(conference.sections['meeting']).toEqual(meeting('2026-02-20').meeting);
  expect((await mine.history(created.id)).intact).toBe(true);
  expect(dateOf(await theirs.list(), created.id)).toBe('2026-02-20');
}, 120_000);
