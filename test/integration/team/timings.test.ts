import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import { DEFAULT_KDF } from '../../../main/services/store/kdf';
import { addMember, confirmMember, enrol } from '../../../main/services/team/membership';
import { PgConferenceStore } from '../../../main/services/team/pg-store';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * What a chair waits for on the team store, measured on the test machine (a loaded, shared one:
 * the bounds are generous ceilings that catch a regression by an order of magnitude, not the
 * targets; `npm run bench` is where the 200,000-conference figures belong).
 */

let cluster: Cluster;
let team: Team;
beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'timings');
}, 120_000);
afterAll(async () => {
  await team?.close();
  await cluster?.stop();
});

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] as number;

test('saving and opening a full conference on PostgreSQL', async () => {
  const login = team.login('ch.marsh');
  await team.join(login, 'chair');
  const store = team.storeFor(login);
  await store.unlock(passphraseOf(login));
  const full = whitfieldRecord();
  const others: ConferenceRecord[] = [];
  for (let i = 0; i < 300; i += 1) others.push(await store.createConference({ type: 'initial', date: '2026-01-15', children: [{ name: `Child ${i} Fenwick` }] }));
  const record = await store.createConference({ type: full.type, date: '2026-01-15', children: [{ name: 'Maya Whitfield' }] });
  let revision = (await store.save({ id: record.id, baseRevision: 1, sections: full.sections })).revision;
  const saves: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    revision = (await store.save({ id: record.id, baseRevision: revision, sections: { risk: { kind: 'single', values: { harm: `Worry restated, draft ${i}.` } } } })).revision;
    saves.push(performance.now() - started);
    const opening = performance.now();
    await store.get(record.id);
    opens.push(performance.now() - opening);
  }
  const listing = performance.now();
  const list = await store.list();
  const listMs = performance.now() - listing;
  expect(list.conferences).toHaveLength(301);
  const figures = {
    saveP50: percentile(saves, 50),
    saveP95: percentile(saves, 95),
    openP50: percentile(opens, 50),
    openP95: percentile(opens, 95),
    list301: listMs,
    historyEntries: revision,
  };
  console.info(`team store timings (ms): ${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
  expect(figures.saveP95).toBeLessThan(500);
  expect(figures.openP95).toBeLessThan(1_000);
}, 240_000);

test('sign-in with the app’s real key-derivation cost (scrypt N=2^17, r=8), TLS aside', async () => {
  const login = team.login('ch.quinn');
  const { setupCode } = await addMember(team.admin.client, login, 'chair');
  await enrol(team.server, login, setupCode, passphraseOf(login), DEFAULT_KDF);
  await confirmMember(team.admin, login);
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const store = new PgConferenceStore({ server: team.server, login, kdf: DEFAULT_KDF });
    const started = performance.now();
    await store.unlock(passphraseOf(login));
    times.push(performance.now() - started);
    await store.lock();
  }
  console.info(`team sign-in (ms), scrypt + SCRAM + opening the keys: ${times.map((t) => Math.round(t)).join(', ')}`);
  expect(Math.min(...times)).toBeLessThan(10_000);
}, 120_000);
