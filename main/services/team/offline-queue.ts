import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SectionValueSchema } from '../../../domain/record/conference';
import { fsyncDir, moveAside, readIfExists, writeFileAtomic } from '../store/atomic-file';
import { openJson, sealJson } from '../store/crypto';

/**
 * One member's saves kept on this computer while the team server cannot be reached: one file,
 * sealed whole (AES-256-GCM) with the key from the member's personal key (pg-store.ts
 * localQueueKey), written atomically and fsynced before a save is acknowledged as kept. The file
 * name is a hash of server and login, so even the name says nothing about who or what.
 *
 * Why the personal key and not a conference's data key: it comes from the passphrase alone, so
 * the queue opens after a restart for this member only, before anything is fetched from the
 * server; data keys are per conference and only reachable through the server.
 */

export const QueuedSaveSchema = z.strictObject({
  id: z.uuid(),
  /** The revision this save was based on, as the page saw it. */
  base: z.number().int().nonnegative(),
  /** The revision the page was told; the server gives the same one when nobody else saved meanwhile. */
  ack: z.number().int().nonnegative(),
  sections: z.record(z.string(), SectionValueSchema),
  queuedAt: z.string(),
});
export type QueuedSave = z.infer<typeof QueuedSaveSchema>;

/** Saves the server refused when they were sent (someone else changed the conference meanwhile): kept, never dropped. */
export const KeptSaveSchema = z.strictObject({
  id: z.uuid(),
  sections: z.record(z.string(), SectionValueSchema),
  /** The API's code for the refusal (CONFLICT, SIGNED, …): never the server's text. */
  reason: z.string(),
  keptAt: z.string(),
});
export type KeptSave = z.infer<typeof KeptSaveSchema>;

const QueueContentSchema = z.strictObject({ format: z.literal(1), saves: z.array(QueuedSaveSchema), kept: z.array(KeptSaveSchema) });
export type QueueContent = z.infer<typeof QueueContentSchema>;

export const EMPTY_QUEUE: QueueContent = { format: 1, saves: [], kept: [] };
const MAGIC = Buffer.from('CPC-TEAM-QUEUE-1\n', 'utf8');

/** A member's files on this computer are named by a hash of server and login: the name says nothing about who. */
export function memberFileTag(server: { host: string; port: number; database: string; prefix: string }, login: string): string {
  return createHash('sha256').update(JSON.stringify([server.host, server.port, server.database, server.prefix, login]), 'utf8').digest('hex').slice(0, 32);
}

export function queueFileName(server: { host: string; port: number; database: string; prefix: string }, login: string): string {
  return `${memberFileTag(server, login)}.queue`;
}

export type Loaded = { content: QueueContent; damaged: null } | { content: QueueContent; damaged: string };

export class OfflineQueueFile {
  readonly #dir: string;
  readonly #path: string;
  readonly #role: string;

  constructor(dir: string, fileName: string, login: string) {
    this.#dir = dir;
    this.#path = join(dir, fileName);
    this.#role = `team-queue:${login}`;
  }

  get path(): string {
    return this.#path;
  }

  /** No file: nothing waiting. A file that will not open is moved aside (kept, never deleted) and named. */
  async load(key: Buffer, now: Date): Promise<Loaded> {
    const bytes = await readIfExists(this.#path);
    if (bytes === null) return { content: EMPTY_QUEUE, damaged: null };
    try {
      if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a queue file');
      return { content: QueueContentSchema.parse(openJson(key, bytes.subarray(MAGIC.length), this.#role)), damaged: null };
    } catch {
      return { content: EMPTY_QUEUE, damaged: await moveAside(this.#path, now) };
    }
  }

  /** Durable before it returns: an acknowledged "kept on this computer" is on disk. Empty: the file goes. */
  async write(key: Buffer, content: QueueContent): Promise<void> {
    if (content.saves.length === 0 && content.kept.length === 0) {
      await rm(this.#path, { force: true });
      await fsyncDir(this.#dir).catch(() => undefined);
      return;
    }
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.#path, Buffer.concat([MAGIC, sealJson(key, content, this.#role)]));
  }
}
