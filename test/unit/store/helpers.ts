import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { NewConference } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch, type Handlers } from '../../../main/services/dispatch';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { ConferenceStore, type StoreOptions } from '../../../main/services/store/store';

/** Fictional throughout: no name here belongs to a real family. */
export const PASSPHRASE = 'lantern orchard pebble violin';

const made: string[] = [];
const opened: ConferenceStore[] = [];

afterEach(async () => {
  // Lock first so no folder lock outlives its test.
  await Promise.all(opened.splice(0).map((store) => store.lock().catch(() => undefined)));
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-store-test-'));
  made.push(dir);
  return dir;
}

export class FakeClock {
  constructor(public ms = Date.parse('2025-06-02T09:00:00.000Z')) {}
  now = (): Date => new Date(this.ms);
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export interface Harness {
  dir: string;
  store: ConferenceStore;
  handlers: Handlers;
  call(operation: string, input?: unknown): ReturnType<typeof dispatch>;
  /** Calls and insists on success, returning the value. */
  ok<T = unknown>(operation: string, input?: unknown): Promise<T>;
}

export function harness(dir: string, options: Partial<StoreOptions> = {}): Harness {
  const store = new ConferenceStore({ dataDir: dir, kdf: TEST_KDF, ...options });
  opened.push(store);
  const handlers = handlersFor(store);
  const call = (operation: string, input?: unknown) => dispatch(handlers, operation, input);
  return {
    dir,
    store,
    handlers,
    call,
    async ok<T>(operation: string, input?: unknown): Promise<T> {
      const result = await call(operation, input);
      if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
  };
}

/** A fresh, unlocked store in a new temp folder. */
export async function openStore(options: Partial<StoreOptions> = {}): Promise<Harness> {
  const h = harness(await tempDir(), options);
  await h.ok('vault.create', { passphrase: PASSPHRASE });
  return h;
}

export const ASHDOWN: NewConference = {
  type: 'initial',
  date: '2025-05-14',
  children: [{ name: 'Ruby Ashdown' }, { name: 'Tobias Ashdown' }],
};

export function createConference(h: Harness, input: NewConference = ASHDOWN): Promise<ConferenceRecord> {
  return h.ok<ConferenceRecord>('conferences.create', input);
}

export async function expectFailure(result: Promise<Awaited<ReturnType<typeof dispatch>>>, code: string): Promise<string> {
  const settled = await result;
  expect(settled.ok).toBe(false);
  if (settled.ok) return '';
  expect(settled.error.code).toBe(code);
  return settled.error.message;
}

/** Every file under the folder with its bytes, to prove an operation changed nothing. */
export async function snapshotFolder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length), (await readFile(path)).toString('base64'));
  }
  return files;
}

export async function flipByte(path: string, offsetFromEnd = 20): Promise<void> {
  const bytes = await readFile(path);
  const at = bytes.length - offsetFromEnd;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  await writeFile(path, bytes);
}
