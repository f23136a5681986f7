import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { readIfExists, writeFileAtomic, type WriteOptions } from './atomic-file';
import { openJson, sealJson } from './crypto';
import type { DataKey } from './key';

/** A file exists but cannot be decrypted or does not have the expected shape. */
export class UnreadableFileError extends Error {
  constructor(readonly path: string) {
    super('A store file could not be read.');
    this.name = 'UnreadableFileError';
  }
}

/**
 * lowdb adapter that keeps one JSON document encrypted at rest and replaces it atomically.
 *
 * It refuses to write a file it has not first read successfully (or found missing): the store
 * never overwrites a file it could not read, so damaged bytes stay available for recovery.
 */
export class EncryptedJsonAdapter<T> implements Adapter<T | null> {
  #readOk = false;
  /** Bytes on disk after the last read or write; the index records it to spot truncated files cheaply. */
  bytesOnDisk = 0;

  constructor(
    private readonly path: string,
    private readonly key: DataKey,
    private readonly role: string,
    private readonly schema: z.ZodType<T>,
    private readonly options: WriteOptions = {},
  ) {}

  async read(): Promise<T | null> {
    this.#readOk = false;
    const bytes = await readIfExists(this.path);
    if (bytes === null) {
      this.#readOk = true;
      this.bytesOnDisk = 0;
      return null;
    }
    this.bytesOnDisk = bytes.length;
    let value: unknown;
    try {
      value = openJson(this.key.get(), bytes, this.role);
    } catch (error) {
      if (error instanceof Error && error.name === 'ApiFailure') throw error; // locked meanwhile
      throw new UnreadableFileError(this.path);
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw new UnreadableFileError(this.path);
    this.#readOk = true;
    return parsed.data;
  }

  /** lowdb never passes null (it skips falsy data); the type admits it so Low<T | null> can mean "no file". */
  async write(data: T | null): Promise<void> {
    if (data === null) throw new Error('Nothing to write.');
    if (!this.#readOk) throw new Error('Refusing to replace a store file that was not read first.');
    const sealed = sealJson(this.key.get(), data, this.role);
    await writeFileAtomic(this.path, sealed, this.options);
    this.bytesOnDisk = sealed.length;
  }
}

/** Opens a lowdb document over an encrypted file; `data` is null when the file does not exist yet. */
export async function openDocument<T>(adapter: EncryptedJsonAdapter<T>): Promise<Low<T | null>> {
  const db = new Low<T | null>(adapter, null);
  await db.read();
  return db;
}
