import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import type { NewConferenceRows } from '../../main/services/team/pg-store';
import type { ChunkRequest, ChunkRows } from './seed-team-worker';

/**
 * The team benchmark's fast set-up path: the very rows createConference writes (built by the
 * store's own newConferenceRows: same summary, same sealing, a fresh data key per conference,
 * on one thread per core), sent as multi-row INSERTs by the database owner with triggers off
 * (session_replication_role = replica: the per-row checks that guard members' writes have
 * nothing to check in a load of brand-new conferences). Through the API, 200,000 conferences
 * would take an hour of round trips and fsyncs and measure nothing the benchmark reports.
 */

const CHUNK = 500;

function insert(table: string, columns: string, rows: readonly (readonly unknown[])[]): { text: string; values: unknown[] } {
  const width = rows[0]?.length ?? 0;
  const values: unknown[] = [];
  const tuples = rows.map((row, r) => {
    values.push(...row);
    return `(${row.map((_, c) => `$${r * width + c + 1}`).join(', ')})`;
  });
  return { text: `INSERT INTO cpc.${table} (${columns}) VALUES ${tuples.join(', ')}`, values };
}

const TABLES: [string, string, (r: NewConferenceRows) => readonly unknown[]][] = [
  ['conferences', 'id, revision, summary, summary_key_id, conference_month, audit_facts', (r) => r.conference],
  ['conference_keys', 'conference_id, key_id, team_key_version, wrapped', (r) => r.key],
  ['conference_versions', 'conference_id, revision, key_id, sealed', (r) => r.version],
  ['history', 'conference_id, seq, key_id, sealed', (r) => r.history],
];

export interface TeamSeeded {
  /** A conference from the middle of the set, for the save measurements. */
  sampleId: string;
  /** Every seeded id (to open a spread of them). */
  ids: string[];
  threads: number;
  /** Time the threads spent building and sealing rows, in all. */
  buildMs: number;
  /** Time spent in the database, inserting, then VACUUM ANALYZE. */
  databaseMs: number;
  analyseMs: number;
}

export async function seedTeam(config: pg.ClientConfig, team: { version: number; key: Buffer }, total: number, at: string, progress?: (done: number) => void): Promise<TeamSeeded> {
  const client = new pg.Client(config);
  await client.connect();
  const threads = Math.max(1, cpus().length);
  // The threads run TypeScript like the rest of the bench: tsx is registered in each before the worker module loads.
  const entry = new URL('./seed-team-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const workers = Array.from({ length: threads }, () => new Worker(boot, { eval: true }));
  const ids: string[] = [];
  let buildMs = 0;
  let databaseMs = 0;
  let analyseMs = 0;
  try {
    await client.query('SET session_replication_role = replica');
    await client.query('SET synchronous_commit = off');
    const chunks = Math.ceil(total / CHUNK);
    let nextChunk = 0;
    const ask = (worker: Worker): Promise<ChunkRows> | null => {
      if (nextChunk >= chunks) return null;
      const chunk = nextChunk;
      nextChunk += 1;
      const request: ChunkRequest = { chunk, size: Math.min(CHUNK, total - chunk * CHUNK), at, team: { version: team.version, key: new Uint8Array(team.key) } };
      return new Promise((resolve, reject) => {
        const failed = (error: Error) => {
          worker.off('message', done);
          reject(error);
        };
        const done = (rows: ChunkRows) => {
          worker.off('error', failed);
          resolve(rows);
        };
        worker.once('message', done);
        worker.once('error', failed);
        worker.postMessage(request);
      });
    };
    // Each thread always has a chunk in hand while the database takes the one before.
    let inFlight = workers.map((w) => ({ worker: w, job: ask(w) }));
    while (inFlight.some((f) => f.job !== null)) {
      const next: typeof inFlight = [];
      for (const { worker, job } of inFlight) {
        if (job === null) continue;
        const done = await job;
        const followUp = ask(worker);
        buildMs += done.ms;
        const started = performance.now();
        await client.query('BEGIN');
        for (const [table, columns, pick] of TABLES) {
          const { text, values } = insert(table, columns, done.rows.map(pick));
          await client.query(text, values);
        }
        await client.query('COMMIT');
        databaseMs += performance.now() - started;
        for (const rows of done.rows) ids.push(rows.conference[0]);
        progress?.(ids.length);
        next.push({ worker, job: followUp });
      }
      inFlight = next;
    }
    // A server in use has had autovacuum's statistics for a while; a fresh load has not.
    await client.query('SET session_replication_role = origin');
    const started = performance.now();
    await client.query('VACUUM ANALYZE cpc.conferences, cpc.conference_keys, cpc.conference_versions, cpc.history');
    analyseMs = performance.now() - started;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await client.end();
  }
  return { sampleId: ids[Math.floor(ids.length / 2)] ?? '', ids, threads, buildMs, databaseMs, analyseMs };
}
