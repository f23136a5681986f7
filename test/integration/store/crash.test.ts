import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { CONFERENCE_FILE } from '../../../main/services/store/paths';
import { ConferenceStore } from '../../../main/services/store/store';
import { FileHeadAnchor } from '../../../main/services/store/store-head';

/**
 * Kills a saving process at random moments, over and over, then checks that every file
 * decrypts, every history verifies (a torn tail at most 'recovered'), and every save the
 * process acknowledged is there. The child is bundled once with esbuild (which tsx runs on)
 * because starting it through tsx costs ~1 s, and this test restarts it dozens of times.
 *
 * Why slow, and how it stays in its budget: every round starts a Node process (≈ 0.2 s on an
 * idle machine, over 1 s on a loaded two-core one). So the rounds are bounded twice: at most
 * ROUNDS kills, and no new round once KILL_BUDGET_MS has passed — but never fewer than
 * MIN_KILLS, the number that still makes random kill moments cover the write order's steps.
 * It reports what it did (kills, time, whether the budget cut it short).
 */

const ROUNDS = 60;
// Measured: ≈ 0.55 s a round on the shared two-core machine, 3.2 s a round with two more
// busy processes beside it (20 kills took 64 s). 12 keeps the worst case near 40 s.
const MIN_KILLS = 12;
const KILL_BUDGET_MS = 30_000;
/** The kill budget, the MIN_KILLS rounds a slow machine may need beyond it, and the final checks. */
const TEST_TIMEOUT_MS = 120_000;
const PASSPHRASE = 'crash test passphrase, fictional';

let work: string;
let childScript: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cpc-crash-'));
  childScript = join(work, 'crash-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
    // The child never creates a vault, so the passphrase dictionaries (1.7 MB) stay out of the
    // bundle each of its 60 starts would parse.
    external: ['@zxcvbn-ts/*'],
  });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Round {
  acks: [string, number][];
}

/** The store head anchored outside the data folder, as the app keeps it in the user's config folder. */
const headPath = () => join(work, 'config', 'store-head');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One life of the child: start, wait for the chosen moment, SIGKILL, collect what it acknowledged. */
function runAndKill(dataDir: string, during: 'unlock' | 'saves'): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, PASSPHRASE, headPath()], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: [string, number][] = [];
    let pending = '';
    let stderr = '';
    let killScheduled = false;
    const killAfter = (ms: number) => {
      if (killScheduled) return;
      killScheduled = true;
      void sleep(ms).then(() => child.kill('SIGKILL'));
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // an unfinished line is not an acknowledgement
      for (const line of lines) {
        const [word, id, revision] = line.split(' ');
        if (word === 'ACK' && id !== undefined && revision !== undefined) acks.push([id, Number(revision)]);
        // Timed from the first acknowledgement, so every such round really kills among saves.
        if (word === 'ACK' && during === 'saves') killAfter(Math.random() * 50);
        if (word === 'UNLOCKING' && during === 'unlock') killAfter(Math.random() * 15);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ acks });
      else reject(new Error(`child ended on its own (${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

describe('crash safety', () => {
  it(`loses no acknowledged save and never looks tampered after ${MIN_KILLS}–${ROUNDS} SIGKILLs`, async () => {
    const dataDir = join(work, 'data');
    const setup = new ConferenceStore({ dataDir, kdf: TEST_KDF, headAnchor: new FileHeadAnchor(headPath()) });
    await setup.create(PASSPHRASE);
    await setup.lock();

    const acknowledged = new Map<string, Set<number>>();
    let kills = 0;
    let savingRounds = 0;
    const started = performance.now();
    const withinBudget = () => performance.now() - started < KILL_BUDGET_MS;
    for (let round = 0; round < ROUNDS && (round < MIN_KILLS || withinBudget()); round += 1) {
      const during = round % 5 === 4 ? 'unlock' : 'saves';
      if (during === 'saves') savingRounds += 1;
      const { acks } = await runAndKill(dataDir, during);
      kills += 1;
      for (const [id, revision] of acks) {
        const set = acknowledged.get(id) ?? new Set<number>();
        set.add(revision);
        acknowledged.set(id, set);
      }
    }
    const killSeconds = (performance.now() - started) / 1000;
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    const totalAcks = [...acknowledged.values()].reduce((sum, set) => sum + set.size, 0);
    expect(totalAcks).toBeGreaterThanOrEqual(savingRounds);

    const store = new ConferenceStore({ dataDir, kdf: TEST_KDF, headAnchor: new FileHeadAnchor(headPath()) });
    expect(await store.unlock(PASSPHRASE)).toEqual([]);
    const listed = await store.list();
    const onDisk = (await readdir(join(dataDir, 'conferences'))).flatMap((name) => CONFERENCE_FILE.exec(name)?.[1] ?? []);
    expect(new Set(listed.conferences.map((c) => c.id))).toEqual(new Set(onDisk));

    let recovered = 0;
    for (const id of onDisk) {
      const { conference, problems } = await store.get(id); // throws if the file does not decrypt
      expect(problems.filter((p) => p.kind !== 'recovered')).toEqual([]);
      recovered += problems.length;
      const history = await store.history(id);
      expect(history.intact).toBe(true);
      const revisions = history.entries.map((e) => e.revision);
      expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => i + 1));
      expect(revisions.at(-1)).toBe(conference.revision);
      expect(listed.conferences.find((c) => c.id === id)?.revision).toBe(conference.revision);
    }
    for (const [id, revisions] of acknowledged) {
      expect(onDisk).toContain(id);
      const { entries } = await store.history(id);
      const kept = new Set(entries.map((e) => e.revision));
      for (const revision of revisions) expect(kept.has(revision), `${id} revision ${revision}`).toBe(true);
    }
    console.info(
      `crash test: ${kills} kills in ${killSeconds.toFixed(1)} s${kills < ROUNDS ? ` (stopped by the ${KILL_BUDGET_MS / 1000} s budget)` : ''}, ` +
        `${totalAcks} acknowledged saves over ${onDisk.length} conferences, ${recovered} histories completed after a kill`,
    );
    await store.lock();
  }, TEST_TIMEOUT_MS);
});
