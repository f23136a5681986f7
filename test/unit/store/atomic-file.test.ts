import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendDurable,
  isTempName,
  moveAside,
  removeStaleTemps,
  truncateDurable,
  writeFileAtomic,
} from '../../../main/services/store/atomic-file';
import { tempDir } from './helpers';

describe('atomic writes', () => {
  it('creates and then replaces a file, leaving no temp file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'doc.enc');
    await writeFileAtomic(path, Buffer.from('first'));
    await writeFileAtomic(path, Buffer.from('second'));
    expect((await readFile(path)).toString()).toBe('second');
    expect(await readdir(dir)).toEqual(['doc.enc']);
  });

  it('leaves the old file intact and cleans up when the replacement cannot be put in place', async () => {
    const dir = await tempDir();
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'child'), { recursive: true }); // a non-empty folder cannot be renamed over
    await expect(writeFileAtomic(target, Buffer.from('x'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['occupied']);
  });

  it('appends without touching what is already there', async () => {
    const dir = await tempDir();
    const path = join(dir, 'log');
    await appendDurable(path, Buffer.from('one\n'));
    await appendDurable(path, Buffer.from('two\n'));
    expect((await readFile(path)).toString()).toBe('one\ntwo\n');
  });

  it('truncates only to the length asked', async () => {
    const dir = await tempDir();
    const path = join(dir, 'log');
    await writeFile(path, 'whole\ntorn');
    await truncateDurable(path, 6);
    expect((await readFile(path)).toString()).toBe('whole\n');
  });

  it('removes only the temp files a crash leaves, never real files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.doc.enc.123.abc.tmp'), 'partial');
    await writeFile(join(dir, 'doc.enc'), 'real');
    await writeFile(join(dir, 'notes.tmp'), 'not ours: no leading dot');
    await removeStaleTemps(dir);
    expect((await readdir(dir)).sort()).toEqual(['doc.enc', 'notes.tmp']);
    expect(isTempName('.x.tmp')).toBe(true);
    expect(isTempName('x.enc')).toBe(false);
  });

  it('keeps an unreadable file under a new name instead of losing it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.enc');
    await writeFile(path, 'damaged bytes');
    const kept = await moveAside(path, new Date('2025-01-02T03:04:05Z'));
    expect(kept).toMatch(/settings\.enc\.unreadable-2025-01-02T03-04-05-000Z-/);
    expect((await readFile(kept)).toString()).toBe('damaged bytes');
    expect(await readdir(dir)).toHaveLength(1);
  });
});
