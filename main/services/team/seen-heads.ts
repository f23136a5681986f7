import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { moveAside, readIfExists, writeFileAtomic } from '../store/atomic-file';
import { openJson, sealJson } from '../store/crypto';

/**
 * The newest revision (and history entry) of each conference this member's app has seen on the
 * team server, kept on this computer (the team store's equivalent of the local store's head anchored outside its
 * folder, store-head.ts).
 *
 * Why: the server's triggers stop members moving a revision back or removing a conference, but
 * not the database's owner, and not a server restored from last night's backup. Either would
 * put conferences back to earlier versions and every member's app would simply show them: a
 * chair's signed minutes could go back to a draft unnoticed, and the next save would bury the
 * gap. With the revisions kept here, signing in compares them with the server and says which
 * conferences are behind, and the store will not save over one until someone has checked.
 *
 * One file per member and server (named by a hash of both, like the offline queue), sealed whole
 * with a key from the member's personal key, so only their passphrase opens it and the server,
 * which never sees it, cannot forge it. It holds conference ids, revisions and dates: no names.
 * Written in the background, newest wins and never fsynced: a write lost to a power cut only
 * makes the record lag (the newest saves are then not checked), never report a false rollback.
 */

const SeenSchema = z.strictObject({
  format: z.literal(1),
  /** id → [revision, history's last entry, conference date or null]: arrays keep a file of 10,000 conferences small. */
  heads: z.record(z.string(), z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.string().nullable()])),
});

const MAGIC = Buffer.from('CPC-TEAM-SEEN-1\n', 'utf8');

/**
 * Where a conference stood: its revision, and its history's last entry (an addendum, a manager's
 * judgement or a review step adds an entry without a new revision). Both only ever grow.
 */
export interface SeenHead {
  revision: number;
  seq: number;
  date: string | null;
}

/** A conference the server holds at an earlier revision than this computer saw, or not at all. */
export interface WentBack {
  id: string;
  seen: SeenHead;
  /** Where the server has it now; null when the conference is not on the server at all. */
  server: { revision: number; seq: number } | null;
  date: string | null;
}

const behind = (server: { revision: number; seq: number }, seen: SeenHead) => server.revision < seen.revision || server.seq < seen.seq;

export class SeenHeads {
  readonly #dir: string;
  readonly #path: string;
  readonly #role: string;
  readonly #key: Buffer;
  readonly #heads = new Map<string, SeenHead>();
  /** Found behind and not yet accepted: refused for saving, reported on opening. */
  readonly #behind = new Map<string, WentBack>();
  #dirty = false;
  #writing: Promise<void> | null = null;

  private constructor(dir: string, fileName: string, login: string, key: Buffer) {
    this.#dir = dir;
    this.#path = join(dir, fileName);
    this.#role = `team-seen-heads:${login}`;
    this.#key = key;
  }

  /**
   * Opens this member's file (none yet: nothing seen). One that will not open is moved aside,
   * kept, and named in `damaged`; checking starts afresh from what is seen next.
   */
  static async open(dir: string, fileName: string, login: string, key: Buffer, now: Date): Promise<{ seen: SeenHeads; damaged: string | null }> {
    const seen = new SeenHeads(dir, fileName, login, key);
    const bytes = await readIfExists(seen.#path);
    if (bytes === null) return { seen, damaged: null };
    try {
      if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a seen-heads file');
      const parsed = SeenSchema.parse(openJson(key, bytes.subarray(MAGIC.length), seen.#role));
      for (const [id, [revision, seq, date]] of Object.entries(parsed.heads)) seen.#heads.set(id, { revision, seq, date });
      return { seen, damaged: null };
    } catch {
      return { seen, damaged: await moveAside(seen.#path, now) };
    }
  }

  /** Every conference seen, for the sign-in check. */
  ids(): string[] {
    return [...this.#heads.keys()];
  }

  /**
   * The sign-in check: where the server has the conferences seen (an id missing from the map is
   * not on the server). Answers those that went back, and remembers them as behind.
   */
  compare(server: ReadonlyMap<string, { revision: number; seq: number }>): WentBack[] {
    this.#behind.clear();
    for (const [id, head] of this.#heads) {
      const now = server.get(id);
      if (now === undefined || behind(now, head)) this.#behind.set(id, { id, seen: head, server: now ?? null, date: head.date });
    }
    return [...this.#behind.values()];
  }

  /**
   * A conference read from the server. Answers the report when it is behind what was seen
   * before (it then stays behind until accepted); otherwise records it.
   */
  read(id: string, at: { revision: number; seq: number }, date: () => string | null): WentBack | null {
    const head = this.#heads.get(id);
    if (head !== undefined && behind(at, head)) {
      const found: WentBack = { id, seen: head, server: at, date: head.date };
      this.#behind.set(id, found);
      return found;
    }
    // At or past what was seen: put right (a newer backup restored), or never behind.
    this.#behind.delete(id);
    this.#record(id, at, date);
    return null;
  }

  /** What this member's own save, signing, addendum, judgement or import made. */
  wrote(id: string, at: { revision: number; seq: number }, date: () => string | null): void {
    this.#record(id, at, date);
  }

  /**
   * Someone has checked, and the member accepts the server as it is: its revisions become the
   * ones seen (a conference gone from the server is forgotten), and nothing is reported again.
   */
  accept(): void {
    if (this.#behind.size === 0) return;
    for (const found of this.#behind.values()) {
      if (found.server === null) this.#heads.delete(found.id);
      else this.#heads.set(found.id, { ...found.server, date: found.date });
    }
    this.#behind.clear();
    this.#schedule();
  }

  /** Waits for the newest state to be on disk (before locking). */
  async flush(): Promise<void> {
    while (this.#writing !== null) await this.#writing;
  }

  /** Flushes, then wipes the key copy: the object is unusable afterwards. */
  async close(): Promise<void> {
    await this.flush();
    this.#key.fill(0);
  }

  /** The date is asked for only when something is recorded (working it out means summarising the record). */
  #record(id: string, at: { revision: number; seq: number }, date: () => string | null): void {
    const head = this.#heads.get(id);
    if (head !== undefined && head.revision >= at.revision && head.seq >= at.seq) return;
    const revision = Math.max(at.revision, head?.revision ?? 0);
    // A new revision may have moved the date; otherwise the date kept is still the conference's.
    this.#heads.set(id, { revision, seq: Math.max(at.seq, head?.seq ?? 0), date: head === undefined || revision > head.revision ? (date() ?? head?.date ?? null) : head.date });
    this.#schedule();
  }

  #schedule(): void {
    this.#dirty = true;
    this.#writing ??= this.#drain();
  }

  /** Writes never overlap; whatever changed during one write goes in the next. */
  async #drain(): Promise<void> {
    try {
      while (this.#dirty) {
        this.#dirty = false;
        const heads: Record<string, [number, number, string | null]> = {};
        for (const [id, head] of this.#heads) heads[id] = [head.revision, head.seq, head.date];
        const bytes = Buffer.concat([MAGIC, sealJson(this.#key, { format: 1, heads }, this.#role)]);
        try {
          await writeFileAtomic(this.#path, bytes, { durable: false });
        } catch {
          try {
            await mkdir(this.#dir, { recursive: true, mode: 0o700 });
            await writeFileAtomic(this.#path, bytes, { durable: false });
          } catch (error) {
            // Must not fail the save the chair is waiting for: logged by code, tried again at the next change.
            console.warn(`The versions this computer has seen could not be recorded (${error instanceof Error && 'code' in error ? String(error.code) : 'unknown'}).`);
          }
        }
      }
    } finally {
      this.#writing = null;
    }
  }
}
