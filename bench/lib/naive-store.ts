import type { Low } from 'lowdb';
import { z } from 'zod';
import type { HistoryEntry } from '../../domain/api/contract';
import type { ConferenceRecord, SectionValue } from '../../domain/record/conference';
import { EncryptedJsonAdapter, openDocument } from '../../main/services/store/encrypted-adapter';
import { nextEntry, recordHash } from '../../main/services/store/history';
import type { DataKey } from '../../main/services/store/key';
import type { SeededConference } from './seed-store';

/**
 * The baseline the store is compared against: the obvious design, every conference and its
 * history in one lowdb document, encrypted and replaced atomically exactly as the real store's
 * files are (same adapter). A save changes one conference in memory and rewrites everything.
 */

interface NaiveData {
  conferences: Record<string, ConferenceRecord>;
  history: Record<string, HistoryEntry[]>;
}

// Only ever written by the benchmark; it is never read back, so a shallow shape check suffices.
const NaiveDataSchema = z.custom<NaiveData>((value) => typeof value === 'object' && value !== null);

export class NaiveSingleFileStore {
  private constructor(private readonly db: Low<NaiveData | null>) {}

  static async build(path: string, key: DataKey, seeded: Iterable<SeededConference>): Promise<{ store: NaiveSingleFileStore; bytes: number }> {
    const adapter = new EncryptedJsonAdapter(path, key, 'naive-store', NaiveDataSchema);
    const db = await openDocument(adapter);
    const data: NaiveData = { conferences: {}, history: {} };
    for (const { record, entry } of seeded) {
      data.conferences[record.id] = record;
      data.history[record.id] = [entry];
    }
    db.data = data;
    await db.write();
    return { store: new NaiveSingleFileStore(db), bytes: adapter.bytesOnDisk };
  }

  async save(id: string, sections: Record<string, SectionValue>, at: string): Promise<void> {
    const data = this.db.data;
    const record = data?.conferences[id];
    const history = data?.history[id];
    if (data == null || record === undefined || history === undefined) throw new Error('Unknown conference.');
    const next: ConferenceRecord = { ...record, sections: { ...record.sections, ...sections }, revision: record.revision + 1, updatedAt: at };
    history.push(
      nextEntry(id, history.at(-1) ?? null, {
        at,
        actor: 'benchmark',
        action: 'saved',
        sections: Object.keys(sections),
        revision: next.revision,
        recordHash: recordHash(next),
      }),
    );
    data.conferences[id] = next;
    await this.db.write();
  }
}
