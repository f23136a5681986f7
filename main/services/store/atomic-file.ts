import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Durable file primitives. A file is replaced only by renaming a complete, fsynced temp file
 * over it, so a crash leaves either the old bytes or the new ones, never a mixture; the folder
 * is fsynced afterwards so the rename itself survives a power cut.
 */

const TEMP_SUFFIX = '.tmp';

/** Temp files are hidden, carry the pid and a random tag (two writers never collide) and end in .tmp. */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface WriteOptions {
  /** false only for bulk set-up paths (benchmarks) that fsync once at the end. */
  durable?: boolean;
}

export async function writeFileAtomic(path: string, data: Buffer, options: WriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true;
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
  if (durable) await fsyncDir(dir);
}

/**
 * Appends in one write call and fdatasyncs before returning, so an acknowledged append is on
 * disk. A crash part-way can leave only a torn final line, which readers recognise.
 */
export async function appendDurable(path: string, data: Buffer): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  let created = false;
  try {
    created = (await handle.stat()).size === 0;
    await handle.writeFile(data);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  // A new file's directory entry must be durable too.
  if (created) await fsyncDir(dirname(path));
}

/** Cuts a file back to `length` bytes durably (used only to drop a torn, unreadable final line). */
export async function truncateDurable(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/**
 * Keeps an unreadable file's bytes under a new name instead of overwriting them, so a damaged
 * file can still be handed to someone who might recover it.
 */
export async function moveAside(path: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = `${path}.unreadable-${stamp}-${randomBytes(3).toString('hex')}`;
  await rename(path, target);
  await fsyncDir(dirname(path));
  return target;
}

/** Removes temp files a crash left behind: they were never renamed, so they hold nothing acknowledged. */
export async function removeStaleTemps(dir: string, names?: readonly string[]): Promise<void> {
  const list = names ?? (await readdir(dir).catch(() => [] as string[]));
  await Promise.all(list.filter(isTempName).map((name) => unlink(join(dir, name)).catch(() => undefined)));
}
