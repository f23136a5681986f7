import { mkdir, readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { isNotFound, isTempName, readIfExists, removeStaleTemps, writeFileAtomic } from './atomic-file';
import { DecryptError, openJson, sealJson } from './crypto';
import type { DataKey } from './key';
import { roles } from './paths';

/**
 * The store's head, kept OUTSIDE the data folder so that someone who can write to the folder
 * (but has no passphrase) cannot put the whole folder, or its index, back to an earlier state
 * unnoticed. The head is the index snapshot's counter and the hash of the last journal line
 * (or the snapshot's chain start when the journal is empty); it is sealed with the data key,
 * so it can be neither read nor forged without the passphrase.
 *
 * The anchor may lag the folder (it is written after the folder, without fsync, and a kill can
 * come between): the folder is accepted when it is the anchor's state or a later one. It is
 * reported when it is EARLIER: a lower snapshot counter, or the same counter with a journal
 * that no longer contains the anchored line.
 */

/** Where the sealed head is kept: a file in the user's config folder (main/app-root.ts says why not the OS keychain). */
export interface HeadAnchor {
  read(): Promise<Buffer | null>;
  write(bytes: Buffer): Promise<void>;
}

export const StoreHeadSchema = z.strictObject({
  format: z.literal(1),
  counter: z.number().int().nonnegative(),
  head: z.string(),
  /**
   * Set when a rollback was found, and kept until someone acknowledges it: otherwise the very
   * next checkpoint would move the head on and the folder's earlier state would be forgotten.
   */
  rolledBackAt: z.string().optional(),
});
export type StoreHead = z.infer<typeof StoreHeadSchema>;

/** A head file in the user's config folder: replaced atomically, readable by the user alone. */
export class FileHeadAnchor implements HeadAnchor {
  constructor(readonly path: string) {}

  async read(): Promise<Buffer | null> {
    // A kill during a write leaves its temp file; only this head's own temps are removed.
    const own = `.${basename(this.path)}.`;
    const names = await readdir(dirname(this.path)).catch(() => [] as string[]);
    await removeStaleTemps(dirname(this.path), names.filter((name) => name.startsWith(own) && isTempName(name)));
    return readIfExists(this.path);
  }

  async write(bytes: Buffer): Promise<void> {
    // Not fsynced: a head lost to a power cut only lags the folder, which is accepted. The
    // folder is made only when missing: a mkdir per save cost a third of the write.
    try {
      await writeFileAtomic(this.path, bytes, { durable: false });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.path, bytes, { durable: false });
    }
  }
}

/** Reads and writes the sealed head through an anchor; without an anchor it does nothing. */
export class HeadKeeper {
  constructor(
    private readonly anchor: HeadAnchor | undefined,
    private readonly key: DataKey,
  ) {}

  get enabled(): boolean {
    return this.anchor !== undefined;
  }

  /** null when there is no anchor, no head yet, or one this key cannot authenticate (another store's). */
  async read(): Promise<StoreHead | null> {
    if (this.anchor === undefined) return null;
    let bytes: Buffer | null;
    try {
      bytes = await this.anchor.read();
    } catch (error) {
      // As if lost: the folder opens, and the head is written afresh (which may then fail too).
      console.warn(`The store head could not be read outside the data folder (${codeOf(error)}).`);
      return null;
    }
    if (bytes === null) return null;
    try {
      const parsed = StoreHeadSchema.safeParse(openJson(this.key.get(), bytes, roles.storeHead));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      if (error instanceof DecryptError || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  #latest: Buffer | null = null;
  #writing: Promise<void> | null = null;

  /**
   * Seals the head now (while the key is certainly there) and writes it in the background, so a
   * save is answered without waiting for the anchor: the anchor may lag the folder anyway, and
   * a kill before the write lands only makes it lag. Writes never overlap and the newest head
   * wins, so a slow earlier write cannot land after a later one. A failed write must not fail
   * the save the chair is waiting for: it is logged by error code, and the next one tries again.
   */
  write(head: StoreHead): void {
    if (this.anchor === undefined) return;
    this.#latest = sealJson(this.key.get(), head, roles.storeHead);
    this.#writing ??= this.#drain(this.anchor);
  }

  /** Waits until the newest head is written (before locking, and before a checkpoint moves on). */
  async flush(): Promise<void> {
    await this.#writing;
  }

  async #drain(anchor: HeadAnchor): Promise<void> {
    try {
      while (this.#latest !== null) {
        const bytes = this.#latest;
        this.#latest = null;
        try {
          await anchor.write(bytes);
        } catch (error) {
          console.warn(`The store head could not be recorded outside the data folder (${codeOf(error)}).`);
        }
      }
    } finally {
      this.#writing = null;
    }
  }
}

/** Error codes only (EACCES…): a message could quote a path with a user's name in it. */
function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
}

/** Where the folder stands, as the index found it. */
export interface FolderHead {
  counter: number;
  /** Every head the current journal has passed through: its chain start and each line's hash. */
  chain: ReadonlySet<string>;
}

/** True when the folder is earlier than the anchored head: put back, or lines cut off. */
export function folderWentBack(anchored: StoreHead, folder: FolderHead): boolean {
  if (anchored.counter > folder.counter) return true;
  return anchored.counter === folder.counter && !folder.chain.has(anchored.head);
}
