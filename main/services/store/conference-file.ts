import { HistoryEntrySchema, type HistoryEntry } from '../../../domain/api/contract';
import { ConferenceRecordSchema, type ConferenceRecord } from '../../../domain/record/conference';
import { statSync } from 'node:fs';
import { z } from 'zod';
import type { Low } from 'lowdb';
import type { WriteOptions } from './atomic-file';
import { fileStamp, type IndexEntry } from './conference-index';
import { EncryptedJsonAdapter, openDocument, UnreadableFileError } from './encrypted-adapter';
import { appendHistory, genesisHash, readHistoryTail } from './history';
import type { DataKey } from './key';
import { migrateRecord, type JsonObject, type Migration } from './migrations';
import { roles, type StorePaths } from './paths';
import { SignedBlockSchema, type SignedBlock } from '../signing/signed-block';
import { ReviewBlockSchema, type ReviewBlock } from '../review/review-block';
import { StoredJudgementSchema, type StoredJudgement } from './judgement-schema';

/**
 * One conference on disk: `conferences/<id>.enc` holds the record together with the history
 * entry that describes it, and `history/<id>.log` holds every entry.
 *
 * Keeping the latest entry inside the document is what makes the write order crash-safe: the
 * document is written first (atomically), then the entry is appended to the history. If the
 * process dies between the two, the document still carries the entry the history lacks, so it
 * is completed — exactly, with its original time and author — instead of looking tampered.
 */

export const StoredConferenceSchema = z.strictObject({
  format: z.literal(1),
  /** The store schema version this record is written at (see migrations/). */
  storeVersion: z.number().int().min(1),
  /** Validated with ConferenceRecordSchema after any migration has run. */
  record: z.record(z.string(), z.unknown()),
  entry: HistoryEntrySchema,
  /**
   * Present once the conference is signed: every signed version, in order, and the addenda's
   * text. Kept in the same atomically replaced document as the record and its history entry,
   * so a signature can never be on disk without the record it signs, nor the other way round.
   */
  signed: SignedBlockSchema.optional(),
  /** The agencies' accuracy review of the draft (../review/review-block.ts), once a draft is approved. */
  review: ReviewBlockSchema.optional(),
  /** The manager's audit judgements (judgements.ts), chained by hash; the record is never touched by them. */
  judgements: z.array(StoredJudgementSchema).optional(),
});
export type StoredConference = z.infer<typeof StoredConferenceSchema>;

export interface LoadedConference {
  db: Low<StoredConference | null>;
  adapter: EncryptedJsonAdapter<StoredConference>;
  stored: StoredConference;
  /** The record after any pending migration, validated. */
  record: ConferenceRecord;
  /** True when the stored record was at an older store version and was migrated in memory. */
  migrated: boolean;
}

export type LoadResult =
  | { kind: 'ok'; conference: LoadedConference; bytes: number }
  | { kind: 'missing'; adapter: EncryptedJsonAdapter<StoredConference>; db: Low<StoredConference | null> }
  | { kind: 'unreadable' };

export class ConferenceFiles {
  constructor(
    private readonly paths: StorePaths,
    private readonly key: DataKey,
    private readonly migrations: readonly Migration[],
    private readonly storeVersion: number,
    private readonly writeOptions: WriteOptions = {},
  ) {}

  /** Size, inode and change time, which the index compares at unlock to find files changed behind its back. */
  stamp(id: string): Pick<IndexEntry, 'bytes' | 'ino' | 'ctimeMs'> {
    return fileStamp(statSync(this.paths.conference(id)));
  }

  adapterFor(id: string): EncryptedJsonAdapter<StoredConference> {
    return new EncryptedJsonAdapter(this.paths.conference(id), this.key, roles.conference(id), StoredConferenceSchema, this.writeOptions);
  }

  async load(id: string): Promise<LoadResult> {
    const adapter = this.adapterFor(id);
    let db: Low<StoredConference | null>;
    try {
      db = await openDocument(adapter);
    } catch (error) {
      if (error instanceof UnreadableFileError) return { kind: 'unreadable' };
      throw error;
    }
    const stored = db.data;
    if (stored === null) return { kind: 'missing', adapter, db };
    const migrated = stored.storeVersion !== this.storeVersion;
    let raw: JsonObject = stored.record;
    if (migrated) {
      try {
        // Either direction; a version this code has no migration for (a newer app's) throws.
        raw = migrateRecord(stored.record, stored.storeVersion, this.storeVersion, this.migrations);
      } catch {
        return { kind: 'unreadable' };
      }
    }
    const record = ConferenceRecordSchema.safeParse(raw);
    if (!record.success || record.data.id !== id) return { kind: 'unreadable' };
    return { kind: 'ok', conference: { db, adapter, stored, record: record.data, migrated }, bytes: adapter.bytesOnDisk };
  }

  /**
   * Writes a new version. If a crash had kept the current version's entry (`previous`) out of
   * the history, it is appended first; then the document (temp → fsync → rename → fsync folder);
   * then the new entry (append → fdatasync). Completing the history before the document moves
   * on means that, whatever moment a kill comes, the history lacks at most the document's own
   * entry — two crashes in a row can never leave a gap of two, which would read as tampering.
   * Returns the document's stamp on disk (taken after the rename, which itself moves the change time).
   */
  async commit(
    id: string,
    db: Low<StoredConference | null>,
    adapter: EncryptedJsonAdapter<StoredConference>,
    previous: HistoryEntry | null,
    next: { record: JsonObject; entry: HistoryEntry | null; signed?: SignedBlock; review?: ReviewBlock; judgements?: StoredJudgement[] },
  ): Promise<Pick<IndexEntry, 'bytes' | 'ino' | 'ctimeMs'>> {
    const entry = next.entry ?? previous;
    if (entry === null) throw new Error('A new conference needs a history entry.');
    const key = this.key.get();
    const path = this.paths.history(id);
    let tail = await readHistoryTail(path, key, id);
    if (previous !== null && tail.last?.hash !== previous.hash) {
      const chainEnd = tail.completeLength === 0 ? genesisHash(id) : tail.last?.hash;
      if (chainEnd === previous.prevHash) {
        await appendHistory(path, key, id, tail, [previous]);
        tail = await readHistoryTail(path, key, id);
      }
    }
    // Whatever rewrites the document (a migration, a sign-off, an addendum) keeps its signed
    // versions: only a sign-off or an addendum passes a new, longer list.
    const signed = next.signed ?? db.data?.signed;
    const review = next.review ?? db.data?.review;
    // Likewise every write keeps the audit judgements; only a new judgement passes a longer list.
    const judgements = next.judgements ?? db.data?.judgements;
    db.data = {
      format: 1,
      storeVersion: this.storeVersion,
      record: next.record,
      entry,
      ...(signed ? { signed } : {}),
      ...(review ? { review } : {}),
      ...(judgements ? { judgements } : {}),
    };
    await db.write();
    if (next.entry !== null) await appendHistory(path, key, id, tail, [next.entry]);
    return this.stamp(id);
  }
}
