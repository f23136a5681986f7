import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { HistoryEntry } from '../../domain/api/contract';
import type { ConferenceRecord } from '../../domain/record/conference';
import { summarise, summariseConference } from '../../main/services/store/summary';
import type { StoredConference } from '../../main/services/store/conference-file';
import { fileStamp, IndexSnapshotSchema, type IndexEntry } from '../../main/services/store/conference-index';
import { sealJson } from '../../main/services/store/crypto';
import { EncryptedJsonAdapter } from '../../main/services/store/encrypted-adapter';
import { encodeHistoryLines, nextEntry, recordHash } from '../../main/services/store/history';
import { DEFAULT_KDF } from '../../main/services/store/kdf';
import { DataKey } from '../../main/services/store/key';
import { latestVersion, MIGRATIONS } from '../../main/services/store/migrations';
import { roles, storePaths } from '../../main/services/store/paths';
import { newVaultFile, writeVaultFile } from '../../main/services/store/vault-file';
import { fictionalConference, seededRandom } from './fictional-conferences';

/**
 * The benchmark's fast set-up path: writes the very same file formats the store writes, but
 * with plain writes (no temp file, no fsync per file) and the index written once at the end,
 * then one `sync`. Creating 20,000 conferences through the API would take minutes of fsyncs
 * and measure nothing the benchmark reports.
 */

export interface SeededConference {
  record: ConferenceRecord;
  entry: HistoryEntry;
}

/**
 * The same fictional conferences, in the same order, every time: the baseline is built from a
 * second pass rather than by keeping 20,000 records in memory while the store is measured
 * (a heap that size makes every garbage collection, and so every figure, slower).
 */
export function* fictionalSeedConferences(total: number, at: string, adjust?: (record: ConferenceRecord) => ConferenceRecord, seed = 20_000): Generator<SeededConference> {
  // `seed`: the team bench builds its 200,000 in chunks on several threads, each chunk its own stream.
  const random = seededRandom(seed);
  for (let i = 0; i < total; i += 1) {
    // `adjust` (the audit bench) adds fields without drawing from `random`, so every bench sees the same conferences.
    const drawn = fictionalConference(random, at);
    const record = adjust ? adjust(drawn) : drawn;
    const entry = nextEntry(record.id, null, {
      at,
      actor: 'benchmark set-up',
      action: 'created',
      sections: Object.keys(record.sections).sort(),
      revision: record.revision,
      recordHash: recordHash(record),
    });
    yield { record, entry };
  }
}

export interface Seeded {
  /** A conference from the middle of the set, for the save measurements. */
  sampleId: string;
  /** Bytes of conference files written, to describe the data set. */
  documentBytes: number;
}

export interface SeedOptions {
  /**
   * Index entries as a version from before the audit's facts were kept wrote them (summary
   * only): the audit then opens each cohort conference, as it used to. For before/after
   * comparisons and the fallback's tests.
   */
  withoutAuditFacts?: boolean;
}

export async function seedStore(
  dataDir: string,
  passphrase: string,
  total: number,
  at: string,
  adjust?: (record: ConferenceRecord) => ConferenceRecord,
  options: SeedOptions = {},
): Promise<Seeded> {
  const paths = storePaths(dataDir);
  await mkdir(paths.conferencesDir, { recursive: true });
  await mkdir(paths.historyDir, { recursive: true });
  const storeVersion = latestVersion(MIGRATIONS);
  const { file, dataKey } = await newVaultFile(passphrase, DEFAULT_KDF, storeVersion);
  await writeVaultFile(paths.vault, file);
  const key = new DataKey(dataKey);
  try {
    const indexEntries: IndexEntry[] = [];
    let documentBytes = 0;
    let sampleId = '';
    let writes: Promise<void>[] = [];
    for (const { record, entry } of fictionalSeedConferences(total, at, adjust)) {
      const stored: StoredConference = { format: 1, storeVersion, record, entry };
      const sealed = sealJson(key.get(), stored, roles.conference(record.id));
      documentBytes += sealed.length;
      if (indexEntries.length === Math.floor(total / 2)) sampleId = record.id;
      // The entry a save would have made (summariseConference: summary and audit facts together).
      const made = options.withoutAuditFacts
        ? { summary: summarise(record) }
        : summariseConference({ record, judgements: { views: [], missing: 0, recorded: [] } });
      indexEntries.push({ ...made, bytes: sealed.length, head: entry.hash });
      writes.push(writeFile(paths.conference(record.id), sealed));
      writes.push(writeFile(paths.history(record.id), encodeHistoryLines(key.get(), record.id, [entry])));
      if (writes.length >= 512) {
        await Promise.all(writes);
        writes = [];
      }
    }
    await Promise.all(writes);
    // Each file's stamp as the store records it after a save (size, inode, change time).
    for (const entry of indexEntries) Object.assign(entry, fileStamp(statSync(paths.conference(entry.summary.id))));
    const index = new EncryptedJsonAdapter(paths.index, key, roles.index, IndexSnapshotSchema);
    await index.read();
    const chainStart = randomBytes(32).toString('hex');
    await index.write({ format: 2, counter: 1, chainStart, folded: chainStart, entries: indexEntries });
    // One flush for everything, so the measured saves do not pay for the set-up's dirty pages.
    spawnSync('sync');
    return { sampleId, documentBytes };
  } finally {
    key.wipe();
  }
}
