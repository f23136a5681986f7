import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HistoryEntry, StoreProblem } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { QueueingTeamStore } from '../../../main/services/team/offline-store';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * The team server goes away while a chair types (issue 9, item 6). Saves the server cannot be
 * reached for are kept, sealed, in the chair's queue file and answered as `queued`; when the server
 * is back they reach it in order, and every save that was answered — sent or kept — is there, with
 * histories that verify. Fictional names and text throughout.
 */

const ROUNDS = 5;
let cluster: Cluster;
let team: Team;
let queueDir: string;
const stores: QueueingTeamStore[] = [];

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'offline queue');
  queueDir = await mkdtemp(join(tmpdir(), 'cpc-team-queue-'));
  // Everyone joins before any test stops the server (the admin's own connection goes with it).
  for (const name of ['ch.marsh', 'ch.adeyemi', 'ch.okoro', 'ch.brennan']) await team.join(team.login(name), 'chair');
  await team.join(team.login('mt.quayle'), 'minute_taker');
}, 120_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.lock().catch(() => undefined)));
  await team?.close();
  await cluster?.stop();
  if (queueDir) await rm(queueDir, { recursive: true, force: true });
});

function storeFor(login: string, retryDelaysMs: readonly number[] = [50, 100, 200]) {
  const store = new QueueingTeamStore({ server: team.server, login, kdf: TEST_KDF, queueDir, retryDelaysMs });
  stores.push(store);
  const handlers = handlersFor(store);
  return {
    store,
    call: (operation: string, input?: unknown) => dispatch(handlers, operation, input),
    async ok<T>(operation: string, input?: unknown): Promise<T> {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
  };
}

type Member = ReturnType<typeof storeFor>;
type Answer = { revision: number; savedAt: string; queued?: true };

const harm = (text: string) => ({ risk: { kind: 'single', values: { harm: text } } });
const harmOf = (record: ConferenceRecord) => (record.sections['risk'] as { values: { harm?: string } } | undefined)?.values.harm ?? '';

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
}

async function chairWithConference(name: string, child: string, retryDelaysMs?: readonly number[]): Promise<{ member: Member; id: string; revision: number }> {
  const login = team.login(name);
  const member = storeFor(login, retryDelaysMs);
  await member.ok('vault.unlock', { passphrase: passphraseOf(login) });
  const record = await member.ok<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-04-07', children: [{ name: child }] });
  return { member, id: record.id, revision: record.revision };
}

/** The chair types on top of what is there: each save carries every sentence before it. */
async function typeSentence(member: Member, id: string, state: { revision: number; text: string; answered: string[] }, sentence: string): Promise<Answer | null> {
  const text = state.text === '' ? sentence : `${state.text} ${sentence}`;
  const result = await member.call('conferences.save', { id, baseRevision: state.revision, sections: harm(text) });
  if (!result.ok) return null;
  const answer = result.value as Answer;
  state.revision = answer.revision;
  state.text = text;
  state.answered.push(sentence);
  return answer;
}

test(`the server stopped mid-burst ${ROUNDS} times: saves go on (kept on this computer), and after the restart every answered save is on the server and the history verifies`, async () => {
  const { member, id, revision } = await chairWithConference('ch.marsh', 'Isla Brook');
  const state = { revision, text: '', answered: [] as string[] };
  await member.ok('conferences.list', {});
  let keptWhileAway = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    // A burst against a live server, stopped part-way through (a different point each round).
    const burst = (async () => {
      for (let n = 0; n < 400; n += 1) {
        const answer = await typeSentence(member, id, state, `Isla said the kitchen is loud, round ${round} note ${n}.`);
        if (answer?.queued) return;
      }
    })();
    await sleep(80 + ((round * 53) % 150));
    await cluster.kill();
    await burst;
    expect(member.store.connection().state).toBe('away');

    // Typing carries on while the server is away: every save is answered, as kept on this computer.
    for (let n = 0; n < 4; n += 1) {
      const answer = await typeSentence(member, id, state, `Away note ${round}.${n}: Isla's grandmother Vera visits on Sundays.`);
      expect(answer?.queued).toBe(true);
    }
    const waiting = member.store.connection().waiting;
    expect(waiting).toBeGreaterThanOrEqual(4);
    keptWhileAway += waiting;
    // Reading the conference shows the kept text, so the chair carries on on top of it.
    const whileAway = await member.ok<{ conference: ConferenceRecord }>('conferences.get', { id });
    expect(harmOf(whileAway.conference)).toBe(state.text);
    expect(whileAway.conference.revision).toBe(state.revision);
    if (round === 0) {
      // The list, as last read, still opens.
      const listed = await member.ok<{ conferences: { id: string }[] }>('conferences.list', {});
      expect(listed.conferences.map((c) => c.id)).toContain(id);
      // Signing says plainly that it needs the server.
      const signing = await member.call('conferences.sign', { id, baseRevision: state.revision });
      expect(signing.ok).toBe(false);
      if (!signing.ok) expect(signing.error.message).toMatch(/^Signing needs the team server, which cannot be reached just now/);
      // The queue file holds none of what was typed, nor the child's name; nothing else is in its folder.
      const bytes = await readFile(member.store.queuePath);
      for (const plain of ['Isla', 'Brook', 'Vera', 'grandmother', 'kitchen', 'Away note', id]) expect(bytes.includes(Buffer.from(plain, 'utf8'))).toBe(false);
      expect(basename(member.store.queuePath)).not.toMatch(/marsh/);
      // Beside it only this member's record of the versions seen (seen-heads.ts), named by the same hash.
      const queueName = basename(member.store.queuePath);
      expect((await readdir(dirname(member.store.queuePath))).sort()).toEqual([queueName, queueName.replace(/\.queue$/, '.seen')].sort());
    }

    await cluster.restart();
    await until('the queue drained by the timer', () => member.store.connection().waiting === 0 && member.store.connection().state === 'online');
    await expect(readFile(member.store.queuePath)).rejects.toThrow(/ENOENT/);
  }

  // What the server holds, read by a fresh session: every answered sentence, in order, and a history that verifies.
  const reader = storeFor(team.login('ch.marsh'));
  await reader.ok('vault.unlock', { passphrase: passphraseOf(team.login('ch.marsh')) });
  const { conference } = await reader.ok<{ conference: ConferenceRecord }>('conferences.get', { id });
  expect(harmOf(conference)).toBe(state.text);
  expect(conference.revision).toBe(state.revision);
  let from = 0;
  for (const sentence of state.answered) {
    const at = harmOf(conference).indexOf(sentence, from);
    expect(at).toBeGreaterThanOrEqual(from);
    from = at + sentence.length;
  }
  const history = await reader.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id });
  expect(history.intact).toBe(true);
  expect(history.entries.at(-1)?.revision).toBe(state.revision);
  expect(history.entries.map((e) => e.revision)).toEqual(history.entries.map((_, i) => i + 1));
  console.info(`server stopped ${ROUNDS} times; answered saves: ${state.answered.length}, of which kept while away: ${keptWhileAway}`);
}, 120_000);

test('the app restarted with saves waiting: a new store (as after a restart) sends them after sign-in; locking leaves them sealed on disk', async () => {
  const login = team.login('ch.adeyemi');
  const { member, id, revision } = await chairWithConference('ch.adeyemi', 'Noah Fairweather');
  const state = { revision, text: '', answered: [] as string[] };
  await member.ok('conferences.get', { id });
  await cluster.kill();
  for (let n = 0; n < 3; n += 1) expect((await typeSentence(member, id, state, `Noah's teacher Mrs Quill reported ${n}.`))?.queued).toBe(true);
  await member.ok('vault.lock', {});
  const sealed = await readFile(member.store.queuePath);
  expect(sealed.includes(Buffer.from('Quill'))).toBe(false);
  await cluster.restart();

  const restarted = storeFor(login, [60_000]);
  expect(restarted.store.connection()).toEqual({ state: 'online', waiting: 0, kept: 0 });
  await restarted.ok('vault.unlock', { passphrase: passphraseOf(login) });
  expect(restarted.store.connection().waiting).toBe(0);
  const { conference } = await restarted.ok<{ conference: ConferenceRecord }>('conferences.get', { id });
  expect(harmOf(conference)).toBe(state.text);
  expect(conference.revision).toBe(state.revision);
  expect((await restarted.ok<{ intact: boolean }>('conferences.history', { id })).intact).toBe(true);
}, 120_000);

test('someone else changed the conference meanwhile: the kept saves are set aside, not sent over theirs and never dropped', async () => {
  // The chair's timer waits long: nothing is sent before the colleague has saved.
  const { member, id, revision } = await chairWithConference('ch.okoro', 'Maya Thornbury', [60_000]);
  const colleagueLogin = team.login('mt.quayle');
  const colleague = storeFor(colleagueLogin);
  await colleague.ok('vault.unlock', { passphrase: passphraseOf(colleagueLogin) });
  await member.ok('conferences.get', { id });
  await cluster.kill();
  const mine = { revision, text: '', answered: [] as string[] };
  expect((await typeSentence(member, id, mine, 'Maya wants her dog at the next meeting.'))?.queued).toBe(true);
  await cluster.restart();
  // The minute-taker saves first (their store reconnects on its own).
  await until('the colleague’s save', async () => {
    const saved = await colleague.call('conferences.save', { id, baseRevision: revision, sections: harm('Maya’s father Tobias attended.') });
    return saved.ok && !(saved.value as Answer).queued;
  });

  // The chair's next call sends the kept save: it meets the colleague's revision, is refused as
  // a conflict, and is set aside rather than written over theirs or dropped.
  await until('the kept save sent and refused', async () => {
    await member.call('conferences.get', { id });
    return member.store.connection().kept === 1;
  });
  const after = await member.ok<{ conference: ConferenceRecord; problems: StoreProblem[] }>('conferences.get', { id });
  expect(member.store.connection()).toMatchObject({ state: 'online', waiting: 0, kept: 1 });
  expect(harmOf(after.conference)).toBe('Maya’s father Tobias attended.');
  expect(after.problems).toEqual([]);
  const kept = await member.store.keptSaves(id);
  expect(kept).toHaveLength(1);
  expect(kept[0]?.reason).toBe('CONFLICT');
  expect(kept[0]?.sections).toEqual(harm('Maya wants her dog at the next meeting.'));
  // Still on disk, sealed.
  const bytes = await readFile(member.store.queuePath);
  expect(bytes.includes(Buffer.from('Maya'))).toBe(false);
  // Through the API, as the conference page shows it.
  const shown = await member.ok<{ kept: { sections: unknown }[] }>('team.keptChanges', { id });
  expect(shown.kept.map((k) => k.sections)).toEqual([harm('Maya wants her dog at the next meeting.')]);

  // The chair puts their version on top: a new save, so both versions stay in the history.
  const resolved = await member.ok<{ revision: number }>('team.resolveKept', { id, action: 'send' });
  expect(resolved.revision).toBe(revision + 2);
  const reader = await colleague.ok<{ conference: ConferenceRecord }>('conferences.get', { id });
  expect(harmOf(reader.conference)).toBe('Maya wants her dog at the next meeting.');
  const history = await colleague.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id });
  expect(history.intact).toBe(true);
  expect(history.entries.slice(-2).map((e) => [e.revision, e.actor])).toEqual([
    [revision + 1, colleagueLogin],
    [revision + 2, team.login('ch.okoro')],
  ]);
  expect(member.store.connection().kept).toBe(0);
  await expect(readFile(member.store.queuePath)).rejects.toThrow(/ENOENT/);
}, 120_000);

test('a damaged queue file is reported plainly and kept aside, never deleted', async () => {
  const login = team.login('ch.brennan');
  const { member, id, revision } = await chairWithConference('ch.brennan', 'Leo Ashdown');
  await member.ok('conferences.get', { id });
  await cluster.kill();
  const state = { revision, text: '', answered: [] as string[] };
  expect((await typeSentence(member, id, state, 'Leo is settled at school.'))?.queued).toBe(true);
  await member.ok('vault.lock', {});
  await cluster.restart();
  const path = member.store.queuePath;
  const original = await readFile(path);
  const damaged = Buffer.from(original);
  damaged[damaged.length - 5] = (damaged[damaged.length - 5] ?? 0) ^ 0xff;
  await writeFile(path, damaged);

  const again = storeFor(login);
  const problems = await again.ok<{ problems: StoreProblem[] }>('vault.unlock', { passphrase: passphraseOf(login) });
  const problem = problems.problems.find((p) => p.kind === 'corrupt');
  expect(problem?.message).toMatch(/could not be opened .* It has been kept, unopened, as .*\.queue\.unreadable-.* tell your team admin/);
  const names = await readdir(dirname(path));
  const aside = names.find((n) => n.startsWith(`${basename(path)}.unreadable-`));
  expect(aside).toBeDefined();
  expect((await readFile(join(dirname(path), aside as string))).equals(damaged)).toBe(true);
  expect(names).not.toContain(basename(path));
  // The app carries on with the server's copy.
  const { conference } = await again.ok<{ conference: ConferenceRecord }>('conferences.get', { id });
  expect(conference.revision).toBe(revision);
}, 120_000);
