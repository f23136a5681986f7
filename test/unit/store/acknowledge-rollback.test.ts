import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../../domain/api/contract';
import { createConference, openStore, PASSPHRASE, tempDir, type Harness } from './helpers';

/**
 * `vault.acknowledgeRollback`, as the page calls it: after the whole folder was reported as put
 * back, and someone has checked it, the chair accepts the store as it is. The report goes at
 * once (from the list too) and at every later unlock; a single conference put back is not
 * accepted by it.
 */

class MemoryAnchor {
  bytes: Buffer | null = null;
  read = (): Promise<Buffer | null> => Promise.resolve(this.bytes === null ? null : Buffer.from(this.bytes));
  write = (bytes: Buffer): Promise<void> => {
    this.bytes = Buffer.from(bytes);
    return Promise.resolve();
  };
}

const OTHER = { type: 'review' as const, date: '2025-04-01', children: [{ name: 'Ottoline Fairbrother' }] };
type Listed = { problems: StoreProblem[] };
const unlockProblems = async (h: Harness) => (await h.ok<{ problems: StoreProblem[] }>('vault.unlock', { passphrase: PASSPHRASE })).problems;
const kinds = (problems: readonly StoreProblem[]) => problems.map((p) => [p.conferenceId, p.kind]);

/** An older index snapshot put back after a conference was deleted with its history: the folder went back. */
async function folderPutBack(): Promise<Harness> {
  const h = await openStore({ headAnchor: new MemoryAnchor() });
  await createConference(h);
  await h.ok('vault.lock');
  await unlockProblems(h);
  await h.ok('vault.lock');
  const aside = await tempDir();
  await copyFile(join(h.dir, 'index.enc'), join(aside, 'index.enc'));
  await unlockProblems(h);
  const removed = await createConference(h, OTHER);
  await h.ok('vault.lock');
  await unlockProblems(h);
  await h.ok('vault.lock');
  await rm(join(h.dir, 'conferences', `${removed.id}.enc`));
  await rm(join(h.dir, 'history', `${removed.id}.log`));
  await copyFile(join(aside, 'index.enc'), join(h.dir, 'index.enc'));
  await writeFile(join(h.dir, 'index.journal'), '');
  return h;
}

describe('accepting a rolled-back store through the API', () => {
  it('stops the folder’s report at once and at every later unlock', async () => {
    const h = await folderPutBack();
    expect(kinds(await unlockProblems(h))).toEqual([[null, 'rolledBack']]);
    expect(kinds((await h.ok<Listed>('conferences.list')).problems)).toEqual([[null, 'rolledBack']]);

    expect(await h.ok<Listed>('vault.acknowledgeRollback')).toEqual({ problems: [] });
    expect((await h.ok<Listed>('conferences.list')).problems).toEqual([]);
    await h.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);
  });

  it('is refused while the store is locked, and changes nothing then', async () => {
    const h = await folderPutBack();
    const locked = await h.call('vault.acknowledgeRollback', {});
    expect(locked.ok).toBe(false);
    expect(kinds(await unlockProblems(h))).toEqual([[null, 'rolledBack']]);
  });

  it('refuses input it does not take', async () => {
    const h = await openStore();
    const result = await h.call('vault.acknowledgeRollback', { everything: true });
    expect(result.ok).toBe(false);
  });
});
