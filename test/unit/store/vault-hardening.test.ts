import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConference, expectFailure, harness, openStore, PASSPHRASE, snapshotFolder, tempDir } from './helpers';

/** The vault's own defences, enforced by the service whatever page (or program) calls it. */

describe('choosing a passphrase', () => {
  it('refuses a long but easily guessed passphrase in the service, not only on the page', async () => {
    const h = harness(await tempDir());
    const message = await expectFailure(h.call('vault.create', { passphrase: 'passwordpassword1234' }), 'WEAK_PASSPHRASE');
    expect(message).toMatch(/Nothing has been created/);
    expect(await h.ok('vault.status')).toEqual({ state: 'new' });
  });

  it('accepts a few unrelated words', async () => {
    const h = harness(await tempDir());
    expect(await h.ok('vault.create', { passphrase: 'copper heron lantern meadow' })).toEqual({ state: 'unlocked' });
  });
});

describe('a vault.json edited to ask for an enormous key-derivation cost', () => {
  it('is refused at once with a plain message, and nothing is changed', async () => {
    const h = await openStore();
    await createConference(h);
    await h.ok('vault.lock');
    const path = join(h.dir, 'vault.json');
    const vault = JSON.parse(await readFile(path, 'utf8')) as { kdf: { params: Record<string, number> } };
    // 16 times the app's own cost: about 6 s and every store call blocked, before the cap.
    vault.kdf.params = { N: 2 ** 17, r: 8, p: 16 };
    await writeFile(path, JSON.stringify(vault));
    const before = await snapshotFolder(h.dir);
    const started = performance.now();
    const message = await expectFailure(h.call('vault.unlock', { passphrase: PASSPHRASE }), 'CORRUPT');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(message).toMatch(/key file \(vault\.json\)/);
    expect(message).toMatch(/nothing has been changed/i);
    expect(await snapshotFolder(h.dir)).toEqual(before);
  });
});

describe('repeated wrong passphrases', () => {
  it('are answered more and more slowly, without holding up other calls', async () => {
    const h = await openStore();
    await h.ok('vault.lock');
    const attempt = async () => {
      const started = performance.now();
      await expectFailure(h.call('vault.unlock', { passphrase: 'not the right one at all' }), 'WRONG_PASSPHRASE');
      return performance.now() - started;
    };
    await attempt();
    await attempt();
    const third = h.call('vault.unlock', { passphrase: 'still not the right one' });
    // While the third attempt waits its turn, the lock screen's status polling still answers.
    const polled = performance.now();
    expect(await h.ok('vault.status')).toEqual({ state: 'locked' });
    expect(performance.now() - polled).toBeLessThan(300);
    const thirdStarted = performance.now();
    expect((await third).ok).toBe(false);
    expect(performance.now() - thirdStarted).toBeGreaterThanOrEqual(900);
    // The right passphrase still opens it (after its wait), and resets the count.
    expect((await h.ok<{ state: string }>('vault.unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
    await h.ok('vault.lock');
    expect(await attempt()).toBeLessThan(500);
  });
});

describe.skipIf(process.platform === 'win32')('a data folder other users could read', () => {
  it('is tightened to its owner alone when the store is created in it', async () => {
    const dir = join(await tempDir(), 'records');
    await mkdir(dir, { mode: 0o755 });
    await chmod(dir, 0o755);
    const h = harness(dir);
    await h.ok('vault.create', { passphrase: PASSPHRASE });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('is tightened at unlock', async () => {
    const h = await openStore();
    await h.ok('vault.lock');
    await chmod(h.dir, 0o755);
    expect(await h.ok('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ problems: [] });
    expect((await stat(h.dir)).mode & 0o777).toBe(0o700);
  });
});
