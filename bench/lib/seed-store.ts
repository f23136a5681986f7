import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import type { HistoryEntry } from '../../domain/api/contract';
import type { ConferenceRecord } from '../../domain/record/conference';
import { summarise } from '../../domain/record/summary';
import type { StoredConference } from '../../main/services/store/conference-file';
import { IndexSnapshotSchema, type IndexEntry } from '../../main/services/store/conference-index';
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

export interface Seeded {
  conferences: SeededConference[];
  /** Bytes of conference files written, to describe the data set. */
  documentBytes: number;
}

export async function seedStore(dataDir: string, passphrase: string, total: number): Promise<Seeded> {
  const paths = storePaths(dataDir);
  await mkdir(paths.conferencesDir, { recursive: true });
  await mkdir(paths.historyDir, { recursive: true });
  const storeVersion = latestVersion(MIGRATIONS);
  const { file, dataKey } = await newVaultFile(passphrase, DEFAULT_KDF, storeVersion);
  await writeVaultFile(paths.vault, file);
  const key = new DataKey(dataKey);
  try {
    const random = seededRandom(20_000);
    const at = new Date().toISOString();
    const conferences: SeededConference[] = [];
    const indexEntries: IndexEntry[] = [];
    let documentBytes = 0;
    const batch = 256;
    for (let start = 0; start < total; start += batch) {
      const writes: Promise<void>[] = [];
      for (let i = start; i < Math.min(total, start + batch); i += 1) {
        const record = fictionalConference(random, at);
        const entry = nextEntry(record.id, null, {
          at,
          actor: 'benchmark set-up',
          action: 'created',
          sections: Object.keys(record.sections).sort(),
          revision: record.revision,
          recordHash: recordHash(record),
        });
        const stored: StoredConference = { format: 1, storeVersion, record, entry };
        const sealed = sealJson(key.get(), stored, roles.conference(record.id));
        documentBytes += sealed.length;
        conferences.push({ record, entry });
        indexEntries.push({ summary: summarise(record), bytes: sealed.length });
        writes.push(writeFile(paths.conference(record.id), sealed));
        writes.push(writeFile(paths.history(record.id), encodeHistoryLines(key.get(), record.id, [entry])));
      }
      await Promise.all(writes);
    }
    const index = new EncryptedJsonAdapter(paths.index, key, roles.index, IndexSnapshotSchema);
    await index.read();
    await index.write({ format: 1, entries: indexEntries });
    // One flush for everything, so the measured saves do not pay for the set-up's dirty pages.
    spawnSync('sync');
    return { conferences, documentBytes };
  } finally {
    key.wipe();
  }
}
