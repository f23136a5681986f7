import { randomBytes } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { newConferenceRows, type NewConferenceRows } from '../../main/services/team/pg-store';
import { withAuditFields } from '../audit.bench';
import { fictionalSeedConferences } from './seed-store';

/**
 * One thread of the team bench's seeder: builds a chunk of conferences' rows with the store's own
 * newConferenceRows (summary, sealing, a fresh data key each) and hands them back.
 */

export interface ChunkRequest {
  chunk: number;
  size: number;
  at: string;
  team: { version: number; key: Uint8Array };
}

export interface ChunkRows {
  chunk: number;
  rows: NewConferenceRows[];
  ms: number;
}

parentPort?.on('message', (request: ChunkRequest) => {
  const started = performance.now();
  const team = { version: request.team.version, key: Buffer.from(request.team.key) };
  const rows: NewConferenceRows[] = [];
  for (const { record, entry } of fictionalSeedConferences(request.size, request.at, withAuditFields, 20_000 + request.chunk)) {
    const dataKey = randomBytes(32);
    rows.push(newConferenceRows(record, entry, team, dataKey));
    dataKey.fill(0);
  }
  team.key.fill(0);
  parentPort?.postMessage({ chunk: request.chunk, rows, ms: performance.now() - started } satisfies ChunkRows);
});
