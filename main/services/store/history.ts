import { open as openFile } from 'node:fs/promises';
import { HistoryEntrySchema, type HistoryEntry } from '../../../domain/api/contract';
import { appendDurable, readIfExists, truncateDurable } from './atomic-file';
import { canonicalHash, sha256Hex } from './canonical';
import { DecryptError, openJson, sealJson } from './crypto';
import { roles } from './paths';

/**
 * The per-conference history: one encrypted line per entry, appended and fsynced, never
 * rewritten. Each entry hashes its own fields and names the previous entry's hash, so a
 * removed, reordered or altered entry breaks the chain. The first entry chains to a genesis
 * value derived from the conference id, so one conference's history cannot pass as another's.
 */

export function genesisHash(conferenceId: string): string {
  return sha256Hex(`conference-recorder:history-genesis:${conferenceId}`);
}

export function recordHash(record: unknown): string {
  return canonicalHash(record);
}

function hashOf(entry: Omit<HistoryEntry, 'hash'>): string {
  return canonicalHash(entry);
}

export function entryHashIsValid(entry: HistoryEntry): boolean {
  const { hash, ...fields } = entry;
  return hashOf(fields) === hash;
}

export function nextEntry(
  conferenceId: string,
  previous: HistoryEntry | null,
  fields: Pick<HistoryEntry, 'at' | 'actor' | 'action' | 'sections' | 'revision' | 'recordHash'> & Partial<Pick<HistoryEntry, 'signedVersionHash' | 'detail'>>,
): HistoryEntry {
  const withoutHash = {
    seq: previous === null ? 0 : previous.seq + 1,
    ...fields,
    prevHash: previous === null ? genesisHash(conferenceId) : previous.hash,
  };
  return { ...withoutHash, hash: hashOf(withoutHash) };
}

/** True when entries run 0, 1, 2… and each hash and back-link verifies. */
export function chainIsValid(conferenceId: string, entries: readonly HistoryEntry[]): boolean {
  let previousHash = genesisHash(conferenceId);
  return entries.every((entry, index) => {
    const ok = entry.seq === index && entry.prevHash === previousHash && entryHashIsValid(entry);
    previousHash = entry.hash;
    return ok;
  });
}

export function encodeHistoryLines(key: Buffer, conferenceId: string, entries: readonly HistoryEntry[]): Buffer {
  const role = roles.history(conferenceId);
  return Buffer.from(entries.map((entry) => `${sealJson(key, entry, role).toString('base64')}\n`).join(''), 'ascii');
}

function decodeLine(key: Buffer, conferenceId: string, line: string): HistoryEntry | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(line)) return null;
  try {
    const parsed = HistoryEntrySchema.safeParse(openJson(key, Buffer.from(line, 'base64'), roles.history(conferenceId)));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof DecryptError || error instanceof SyntaxError) return null;
    throw error;
  }
}

export interface HistoryRead {
  /** Every complete line that decrypted, in file order. */
  entries: HistoryEntry[];
  /** Complete (newline-terminated) lines that did not decrypt or parse: never a crash's doing. */
  unreadableLines: number;
  /** Bytes after the last newline: an append the process did not finish. */
  tornTail: boolean;
}

export async function readHistory(path: string, key: Buffer, conferenceId: string): Promise<HistoryRead> {
  const bytes = await readIfExists(path);
  if (bytes === null) return { entries: [], unreadableLines: 0, tornTail: false };
  const text = bytes.toString('latin1');
  const lastNewline = text.lastIndexOf('\n');
  const complete = lastNewline < 0 ? [] : text.slice(0, lastNewline).split('\n');
  const entries: HistoryEntry[] = [];
  let unreadableLines = 0;
  for (const line of complete) {
    const entry = decodeLine(key, conferenceId, line);
    if (entry === null) unreadableLines += 1;
    else entries.push(entry);
  }
  return { entries, unreadableLines, tornTail: lastNewline < text.length - 1 };
}

export interface HistoryTail {
  /** The last complete entry, or null when there is none or it does not decrypt. */
  last: HistoryEntry | null;
  /** Length of the file up to and including its last newline. */
  completeLength: number;
  tornBytes: number;
}

/** Enough lines for the last complete entry; entries are well under 2 KB each. */
const TAIL_WINDOW = 64 * 1024;

/** Reads only the end of the history, so a save costs the same however long the history is. */
export async function readHistoryTail(path: string, key: Buffer, conferenceId: string): Promise<HistoryTail> {
  let handle;
  try {
    handle = await openFile(path, 'r');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { last: null, completeLength: 0, tornBytes: 0 };
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const start = Math.max(0, size - TAIL_WINDOW);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString('latin1');
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline < 0) return { last: null, completeLength: start === 0 ? 0 : size, tornBytes: start === 0 ? size : 0 };
    const lineStart = text.lastIndexOf('\n', lastNewline - 1) + 1;
    const lineIsWhole = lineStart > 0 || start === 0;
    return {
      last: lineIsWhole ? decodeLine(key, conferenceId, text.slice(lineStart, lastNewline)) : null,
      completeLength: start + lastNewline + 1,
      tornBytes: text.length - lastNewline - 1,
    };
  } finally {
    await handle.close();
  }
}

/** Drops a torn final fragment (the only cut the store ever makes), then appends in one write. */
export async function appendHistory(
  path: string,
  key: Buffer,
  conferenceId: string,
  tail: HistoryTail,
  entries: readonly HistoryEntry[],
): Promise<void> {
  if (tail.tornBytes > 0) await truncateDurable(path, tail.completeLength);
  await appendDurable(path, encodeHistoryLines(key, conferenceId, entries));
}
