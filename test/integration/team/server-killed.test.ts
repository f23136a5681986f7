import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * The server stopped without warning (pg_ctl -m immediate: no checkpoint, WAL replay at start)
 * while two members save, twenty times over. Afterwards every save that was answered as saved is
 * there, each history verifies, and the stores carry on by reconnecting on their own.
 */

const ROUNDS = 20;
let cluster: Cluster;
let team: Team;

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'server killed');
}, 120_000);

afterAll(async () => {
  await team?.close();
  await cluster?.stop();
});

interface Writer {
  name: string;
  call(operation: string, input?: unknown): ReturnType<typeof dispatch>;
  id: string;
  revision: number;
  /** Every save answered as saved: revision → the text it carried. */
  acknowledged: Map<number, string>;
}

const harm = (text: string) => ({ risk: { kind: 'single', values: { harm: text } } });

async function saveUntilRefused(writer: Writer, round: number, stop: { now: boolean }): Promise<void> {
  for (let n = 0; !stop.now; n += 1) {
    const text = `${writer.name}: round ${round}, save ${n}.`;
    const result = await writer.call('conferences.save', { id: writer.id, baseRevision: writer.revision, sections: harm(text) });
    if (!result.ok) return; // the server went away mid-save: not acknowledged, so nothing is owed
    const { revision } = result.value as { revision: number };
    writer.acknowledged.set(revision, text);
    writer.revision = revision;
  }
}

async function untilAnswered<T>(writer: Writer, operation: string, input: unknown): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const result = await writer.call(operation, input);
    if (result.ok) return result.value as T;
    await sleep(100);
  }
  throw new Error(`${operation} never answered after the restart`);
}

test(`the server killed ${ROUNDS} times during saves from two members: every acknowledged save is there and every history verifies`, async () => {
  const writers: Writer[] = [];
  for (const [name, role] of [
    ['ch.marsh', 'chair'],
    ['mt.okafor', 'minute_taker'],
  ] as const) {
    const login = team.login(name);
    await team.join(login, role);
    const handlers = handlersFor(team.storeFor(login));
    const call = (operation: string, input?: unknown) => dispatch(handlers, operation, input);
    const unlocked = await call('vault.unlock', { passphrase: passphraseOf(login) });
    expect(unlocked.ok).toBe(true);
    const created = await call('conferences.create', { type: 'initial', date: '2026-04-07', children: [{ name: `Isla Brook (${name})` }] });
    if (!created.ok) throw new Error(created.error.message);
    const record = created.value as ConferenceRecord;
    writers.push({ name, call, id: record.id, revision: record.revision, acknowledged: new Map() });
  }

  for (let round = 0; round < ROUNDS; round += 1) {
    const stop = { now: false };
    const saving = writers.map((w) => saveUntilRefused(w, round, stop));
    await sleep(40 + ((round * 37) % 120)); // a different point in the burst each round
    await cluster.kill();
    stop.now = true;
    await Promise.all(saving);
    await cluster.restart();
    for (const writer of writers) {
      const { conference } = await untilAnswered<{ conference: ConferenceRecord }>(writer, 'conferences.get', { id: writer.id });
      const lastAcknowledged = Math.max(1, ...writer.acknowledged.keys());
      // At most one save beyond the last answered one can have landed: the one cut off mid-answer.
      expect(conference.revision - lastAcknowledged).toBeGreaterThanOrEqual(0);
      expect(conference.revision - lastAcknowledged).toBeLessThanOrEqual(1);
      if (conference.revision === lastAcknowledged && writer.acknowledged.size > 0) {
        expect(conference.sections['risk']).toEqual(harm(writer.acknowledged.get(lastAcknowledged) as string).risk);
      }
      writer.revision = conference.revision;
    }
  }

  // The owner's own connection went down with the server: a fresh one to look at the rows.
  const owner = new pg.Client(cluster.config(team.server.database));
  await owner.connect();
  const totalAcknowledged = writers.reduce((sum, w) => sum + w.acknowledged.size, 0);
  expect(totalAcknowledged).toBeGreaterThan(ROUNDS); // the kills did land during real bursts of saves
  for (const writer of writers) {
    const history = await untilAnswered<{ entries: HistoryEntry[]; intact: boolean }>(writer, 'conferences.history', { id: writer.id });
    expect(history.intact).toBe(true);
    const revisionsInHistory = new Set(history.entries.map((e) => e.revision));
    for (const revision of writer.acknowledged.keys()) expect(revisionsInHistory.has(revision)).toBe(true);
    const { rows } = await owner.query<{ revision: number }>('SELECT revision FROM cpc.conference_versions WHERE conference_id = $1', [writer.id]);
    const stored = new Set(rows.map((r) => r.revision));
    for (const revision of writer.acknowledged.keys()) expect(stored.has(revision)).toBe(true);
  }
  await owner.end();
  console.info(`server killed ${ROUNDS} times; acknowledged saves: ${writers.map((w) => `${w.name} ${w.acknowledged.size}`).join(', ')}`);
}, 240_000);
