import { copyFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../../domain/api/contract';
import { headFileIn, resolveDataDir, resolveHeadFile } from '../../../main/services/data-dir';
import { FileHeadAnchor } from '../../../main/services/store/store-head';
import { createConference, harness, PASSPHRASE, tempDir } from './helpers';

describe('where the store head is anchored', () => {
  it('is outside the records folder, in the same per-user folder, one file per records folder', () => {
    const records = resolveDataDir({}, 'linux', '/home/chair');
    const head = resolveHeadFile({}, 'linux', '/home/chair', records);
    expect(head.startsWith('/home/chair/.config/Conference Recorder/store-head/')).toBe(true);
    expect(head.startsWith(`${records}/`)).toBe(false);
    expect(resolveHeadFile({}, 'linux', '/home/chair', '/srv/other')).not.toBe(head);
    expect(headFileIn('/home/chair/.config/Conference Recorder', records)).toBe(head);
  });

  it('honours CPC_HEAD_DIR, so tests and demos never write to the real user’s folder', () => {
    expect(dirname(resolveHeadFile({ CPC_HEAD_DIR: '/tmp/heads' }, 'linux', '/home/chair', '/srv/x'))).toBe('/tmp/heads');
    expect(resolveHeadFile({ APPDATA: 'C:\\Users\\chair\\AppData\\Roaming' }, 'win32', 'C:\\Users\\chair', 'D:\\Records')).toMatch(
      /^C:\\Users\\chair\\AppData\\Roaming\\Conference Recorder\\store-head\\[0-9a-f]{32}$/,
    );
  });
});

describe('the head file', () => {
  it('is readable by its owner alone, and catches a whole folder put back from a copy', async () => {
    const config = await tempDir();
    const head = join(config, 'store-head', 'fictional');
    const h = harness(join(await tempDir(), 'records'), { headAnchor: new FileHeadAnchor(head) });
    await h.ok('vault.create', { passphrase: PASSPHRASE });
    await createConference(h);
    if (process.platform !== 'win32') expect((await stat(head)).mode & 0o777).toBe(0o600);
    await h.ok('vault.lock');
    const copy = await tempDir();
    for (const name of ['index.enc', 'index.journal']) await copyFile(join(h.dir, name), join(copy, name));
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    await createConference(h, { type: 'review', date: '2025-04-01', children: [{ name: 'Ottoline Fairbrother' }] });
    await h.ok('vault.lock');
    for (const name of ['index.enc', 'index.journal']) await copyFile(join(copy, name), join(h.dir, name));
    const { problems } = await h.ok<{ problems: StoreProblem[] }>('vault.unlock', { passphrase: PASSPHRASE });
    expect(problems.map((p) => [p.conferenceId, p.kind])).toEqual([[null, 'rolledBack']]);
  });

  it('when lost, is recorded again without an alarm', async () => {
    const head = join(await tempDir(), 'store-head', 'fictional');
    const h = harness(await tempDir(), { headAnchor: new FileHeadAnchor(head) });
    await h.ok('vault.create', { passphrase: PASSPHRASE });
    await h.ok('vault.lock');
    await rm(head);
    expect((await h.ok<{ problems: StoreProblem[] }>('vault.unlock', { passphrase: PASSPHRASE })).problems).toEqual([]);
    // The head is written in the background (a save never waits for it); locking waits for it.
    // Checking before the lock raced that write on a busy machine.
    await h.ok('vault.lock');
    expect((await stat(head)).isFile()).toBe(true);
  });
});
