import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiFailure } from '../../domain/api/result';
import { DOCUMENT_TITLES } from '../../domain/signoff/file-name';
import type { FileVerdict } from '../../domain/signoff/verification';
import { storeOptionsFor } from '../app-root';
import { resolveDataDir } from '../services/data-dir';
import { exportConference } from '../services/export/conference-export';
import { ConferenceStore } from '../services/store/store';
import { verifyFile } from '../services/verify/verify-file';
import { parseCommand, UsageError, USAGE, type Command } from './arguments';
import { NoPassphrase, readPassphrase } from './passphrase';
import { ProgressBar } from './progress';

/**
 * `conference-recorder export|verify`: the same services as the app, on the same records
 * folder, for records officers and scheduled jobs. It unlocks the store for the one command
 * and locks it again (the key leaves memory) however the command ends. The app and the
 * command line cannot have the folder open at once: the store's folder lock says so.
 */

export const EXIT = { valid: 0, altered: 1, unknown: 2, failed: 3 } as const;

const VERDICT_EXIT: Record<FileVerdict, number> = { valid: EXIT.valid, altered: EXIT.altered, unknown: EXIT.unknown, newer: EXIT.unknown, 'not-a-document': EXIT.unknown };

export interface Io {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.failed;
  }
  if (command.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The app's own rule for the folder (CPC_DATA_DIR, else the per-user records folder) and for its head anchor.
  const root = { env: io.env, platform: process.platform, homedir: homedir() };
  const dataDir = command.data ? resolve(io.cwd, command.data) : resolveDataDir(io.env, process.platform, homedir());
  const store = new ConferenceStore(storeOptionsFor(dataDir, root));
  try {
    if ((await store.status()) === 'new') {
      io.stderr.write(`There are no records in ${store.paths.root}: open the app once to set it up, or give the records folder with --data.\n`);
      return EXIT.failed;
    }
    const problems = await store.unlock(await readPassphrase(io.env, io.stdin, io.stderr));
    // The problems' sentences name conferences by id and date only, so they are safe to print.
    for (const problem of problems) io.stderr.write(`Note: ${problem.message}\n`);
    return command.kind === 'verify' ? await verify(store, command, io) : await exportAll(store, command, io);
  } catch (error) {
    if (error instanceof ApiFailure || error instanceof NoPassphrase) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.failed;
    }
    // Unexpected: its type only, as the app logs, since a message might quote a record.
    io.stderr.write(`Something went wrong (${error instanceof Error ? error.name : typeof error}). Nothing in the records has changed.\n`);
    return EXIT.failed;
  } finally {
    await store.lock().catch(() => undefined);
  }
}

async function verify(store: ConferenceStore, command: Extract<Command, { kind: 'verify' }>, io: Io): Promise<number> {
  const path = resolve(io.cwd, command.file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(code === 'ENOENT' ? `There is no file at ${path}.\n` : code === 'EISDIR' ? `${path} is a folder, not a file.\n` : `The file could not be read (${code ?? 'error'}).\n`);
    return EXIT.failed;
  }
  const result = await verifyFile(bytes, path, store);
  const word = { valid: 'VALID', altered: 'ALTERED', unknown: 'UNKNOWN', newer: 'UNKNOWN (newer than this store)', 'not-a-document': 'UNKNOWN (not a conference document)' }[result.verdict];
  io.stdout.write(`${word}: ${result.summary}\n`);
  for (const detail of result.details) io.stdout.write(`  ${detail}\n`);
  return VERDICT_EXIT[result.verdict];
}

async function exportAll(store: ConferenceStore, command: Extract<Command, { kind: 'export' }>, io: Io): Promise<number> {
  const ids: string[] = [];
  if ('conferenceId' in command.target) ids.push(command.target.conferenceId);
  else {
    for (const summary of (await store.list()).conferences) {
      if ((await store.signatures(summary.id)).versions.length > 0) ids.push(summary.id);
    }
    if (ids.length === 0) {
      io.stderr.write('No conference in this store is signed yet: nothing was exported.\n');
      return EXIT.valid;
    }
  }
  const out = resolve(io.cwd, command.out);
  await mkdir(out, { recursive: true, mode: 0o700 });
  const total = ids.length * command.documents.length * command.formats.length;
  const bar = new ProgressBar(total, io.stderr);
  let written = 0;
  const skipped: string[] = [];
  for (const [n, id] of ids.entries()) {
    const source = await store.exportSource(id);
    for (const document of command.documents) {
      for (const format of command.formats) {
        const file = await exportConference(source, document, format, () => store.pdfCertificate(), () => store.documentKey());
        const path = join(out, file.fileName);
        if (await writeNew(path, Buffer.from(file.base64, 'base64'), command.overwrite)) written += 1;
        else skipped.push(file.fileName);
        bar.step(`conference ${n + 1} of ${ids.length}: ${DOCUMENT_TITLES[document].toLowerCase()} (${format.toUpperCase()}${file.draft ? ', draft' : ''})`);
      }
    }
  }
  io.stderr.write(`Wrote ${written} file${written === 1 ? '' : 's'} to ${out}.\n`);
  if (skipped.length > 0) {
    io.stderr.write(`${skipped.length} file${skipped.length === 1 ? ' was' : 's were'} already there and left as they were (use --overwrite to replace them).\n`);
    return EXIT.failed;
  }
  return EXIT.valid;
}

/** Written readable by this user only (the files hold personal data), and never over a file unless asked. */
async function writeNew(path: string, bytes: Buffer, overwrite: boolean): Promise<boolean> {
  const flags = overwrite ? constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC : constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
  let handle;
  try {
    handle = await open(path, flags, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
  return true;
}
