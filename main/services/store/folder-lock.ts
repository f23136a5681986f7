import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { ApiFailure } from '../../../domain/api/result';
import { isNotFound } from './atomic-file';

/**
 * A lock file so two copies of the app never have the same data folder open: both would keep
 * their own index in memory and their saves would silently undo each other's index lines.
 * A lock left by a process that no longer exists (a crash) is taken over.
 */

const LockFileSchema = z.strictObject({ pid: z.number().int().positive(), token: z.string() });

/** Locks held by this process, released on exit so a normal quit never leaves one behind. */
const held = new Map<string, string>();
let exitHookInstalled = false;

function releaseAllSync(): void {
  for (const [path, token] of held) {
    try {
      if (ownerToken(readFileSync(path, 'utf8')) === token) unlinkSync(path);
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  held.clear();
}

function ownerToken(text: string): string | null {
  try {
    const parsed = LockFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.token : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

export const FOLDER_IN_USE_MESSAGE =
  'This data folder is already open in another copy of Conference Recorder. Close that copy first; nothing has been changed.';

export class FolderLock {
  private constructor(
    private readonly path: string,
    private readonly token: string,
  ) {}

  static async acquire(path: string): Promise<FolderLock> {
    const token = randomBytes(16).toString('hex');
    const content = JSON.stringify({ pid: process.pid, token });
    // Written whole to a private name, then hard-linked into place: the link either succeeds or
    // fails with EEXIST atomically, and nobody ever reads a half-written lock.
    // A temp-file name, so a draft orphaned by a crash is swept like any other temp file.
    const draft = join(dirname(path), `.${basename(path)}.${token}.tmp`);
    await writeFile(draft, content, { flag: 'wx', mode: 0o600 });
    try {
      return await FolderLock.#place(path, draft, token);
    } finally {
      await unlink(draft).catch(() => undefined);
    }
  }

  static async #place(path: string, draft: string, token: string): Promise<FolderLock> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await link(draft, path);
        held.set(path, token);
        if (!exitHookInstalled) {
          process.once('exit', releaseAllSync);
          exitHookInstalled = true;
        }
        return new FolderLock(path, token);
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      }
      if (!(await FolderLock.isStale(path))) break;
      await unlink(path).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
    throw new ApiFailure('STORE_IN_USE', FOLDER_IN_USE_MESSAGE);
  }

  private static async isStale(path: string): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return true;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const lock = LockFileSchema.safeParse(parsed);
    // Locks are only ever linked in whole, so an unreadable one is not ours to respect.
    if (!lock.success) return true;
    if (lock.data.pid === process.pid) return ![...held.values()].includes(lock.data.token);
    return !isAlive(lock.data.pid);
  }

  async release(): Promise<void> {
    if (held.get(this.path) !== this.token) return;
    held.delete(this.path);
    try {
      if (ownerToken(await readFile(this.path, 'utf8')) === this.token) await unlink(this.path);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
