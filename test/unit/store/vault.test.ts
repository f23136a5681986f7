import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DataKey } from '../../../main/services/store/key';
import { DEFAULT_KDF, deriveKey, KdfParamsSchema, TEST_KDF } from '../../../main/services/store/kdf';
import { VaultFileSchema } from '../../../main/services/store/vault-file';
import { createConference, expectFailure, harness, openStore, PASSPHRASE, snapshotFolder, tempDir } from './helpers';

describe('the vault', () => {
  it('starts new, is created unlocked, locks, and unlocks with the same passphrase', async () => {
    const h = harness(await tempDir());
    expect(await h.ok('vault.status')).toEqual({ state: 'new' });
    expect(await h.ok('vault.create', { passphrase: PASSPHRASE })).toEqual({ state: 'unlocked' });
    const record = await createConference(h);
    expect(await h.ok('vault.lock')).toEqual({ state: 'locked' });
    expect(await h.ok('vault.status')).toEqual({ state: 'locked' });
    expect(await h.ok('vault.unlock', { passphrase: PASSPHRASE })).toEqual({ state: 'unlocked', problems: [] });
    const { conferences } = await h.ok<{ conferences: { id: string }[] }>('conferences.list');
    expect(conferences.map((c) => c.id)).toEqual([record.id]);
  });

  it('wipes the data key when it locks', async () => {
    const h = await openStore();
    const wipe = vi.spyOn(DataKey.prototype, 'wipe');
    try {
      await h.ok('vault.lock');
      expect(wipe).toHaveBeenCalledTimes(1);
      // What wipe() does to the bytes is proved in encrypted-adapter.test.ts.
    } finally {
      wipe.mockRestore();
    }
  });

  it('keeps only non-personal metadata in plain vault.json, with the scrypt cost it used', async () => {
    const h = await openStore();
    const vault = VaultFileSchema.parse(JSON.parse(await readFile(join(h.dir, 'vault.json'), 'utf8')));
    expect(vault.kdf.params).toEqual(TEST_KDF);
    expect(vault.storeSchemaVersion).toBe(1);
    expect(Buffer.from(vault.kdf.salt, 'base64')).toHaveLength(16);
    // 12 magic+iv bytes, 16 tag, 32 key, 4 magic: the wrapped 32-byte data key and nothing else.
    expect(Buffer.from(vault.wrappedKeys.passphrase, 'base64')).toHaveLength(4 + 12 + 16 + 32);
  });

  it('refuses a wrong passphrase with a clear sentence and changes nothing', async () => {
    const h = await openStore();
    await createConference(h);
    await h.ok('vault.lock');
    const before = await snapshotFolder(h.dir);
    const message = await expectFailure(h.call('vault.unlock', { passphrase: 'not the right one at all' }), 'WRONG_PASSPHRASE');
    expect(message).toMatch(/Nothing has been changed/);
    expect(await snapshotFolder(h.dir)).toEqual(before);
    expect(await h.ok('vault.status')).toEqual({ state: 'locked' });
  });

  it('refuses a short passphrase, and creating twice', async () => {
    const h = harness(await tempDir());
    await expectFailure(h.call('vault.create', { passphrase: 'elevenchars' }), 'WEAK_PASSPHRASE');
    expect(await h.ok('vault.status')).toEqual({ state: 'new' });
    await h.ok('vault.create', { passphrase: PASSPHRASE });
    await expectFailure(h.call('vault.create', { passphrase: 'another long passphrase' }), 'VAULT_EXISTS');
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('checks the passphrase even when already unlocked', async () => {
    const h = await openStore();
    await expectFailure(h.call('vault.unlock', { passphrase: 'not the right one at all' }), 'WRONG_PASSPHRASE');
    expect(await h.ok('vault.unlock', { passphrase: PASSPHRASE })).toEqual({ state: 'unlocked', problems: [] });
  });

  it('will not create a new key over conference files whose key file is missing', async () => {
    const h = await openStore();
    await createConference(h);
    await h.ok('vault.lock');
    await rm(join(h.dir, 'vault.json'));
    const message = await expectFailure(h.call('vault.create', { passphrase: 'another long passphrase' }), 'VAULT_EXISTS');
    expect(message).toMatch(/key file \(vault\.json\) is missing/);
    await expect(readFile(join(h.dir, 'vault.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('answers NO_VAULT before creation and LOCKED after locking', async () => {
    const h = harness(await tempDir());
    await expectFailure(h.call('conferences.list'), 'NO_VAULT');
    await expectFailure(h.call('vault.unlock', { passphrase: PASSPHRASE }), 'NO_VAULT');
    await expectFailure(h.call('settings.get'), 'NO_VAULT');
    await h.ok('vault.create', { passphrase: PASSPHRASE });
    const record = await createConference(h);
    await h.ok('vault.lock');
    for (const [operation, input] of [
      ['conferences.list', {}],
      ['conferences.get', { id: record.id }],
      ['conferences.history', { id: record.id }],
      ['conferences.save', { id: record.id, baseRevision: 1, sections: {} }],
      ['settings.update', { autoLockMinutes: 5 }],
    ] as const) {
      expect(await expectFailure(h.call(operation, input), 'LOCKED')).toMatch(/locked/);
    }
  });

  it('opens after a locked store is reopened by a new process-like instance', async () => {
    const h = await openStore();
    const record = await createConference(h);
    await h.ok('vault.lock');
    const again = harness(h.dir);
    expect(await again.ok('vault.status')).toEqual({ state: 'locked' });
    await again.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await again.ok<{ conference: { id: string } }>('conferences.get', { id: record.id })).conference.id).toBe(record.id);
  });

  it('accepts the same passphrase typed in another Unicode form', async () => {
    const h = harness(await tempDir());
    await h.ok('vault.create', { passphrase: 'caf\u00e9 orchard lantern' });
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: 'cafe\u0301 orchard lantern' });
  });

  it('refuses a vault.json that has been damaged, without changing it', async () => {
    const h = await openStore();
    await h.ok('vault.lock');
    await writeFile(join(h.dir, 'vault.json'), '{"format":"something else"}');
    await expectFailure(h.call('vault.unlock', { passphrase: PASSPHRASE }), 'CORRUPT');
    expect(await readFile(join(h.dir, 'vault.json'), 'utf8')).toBe('{"format":"something else"}');
  });

  it('refuses a store written by a newer version', async () => {
    const h = await openStore();
    await h.ok('vault.lock');
    const path = join(h.dir, 'vault.json');
    const vault = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...vault, storeSchemaVersion: 9 }));
    expect(await expectFailure(h.call('vault.unlock', { passphrase: PASSPHRASE }), 'STORE_TOO_NEW')).toMatch(/newer version/);
  });

  it('uses real-strength scrypt by default and bounds what vault.json may ask for', async () => {
    expect(DEFAULT_KDF.N * DEFAULT_KDF.r * 128).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(KdfParamsSchema.safeParse({ N: 2 ** 24, r: 8, p: 1 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ N: 3000, r: 8, p: 1 }).success).toBe(false);
    const salt = Buffer.alloc(16, 1);
    expect((await deriveKey('x', salt, TEST_KDF)).equals(await deriveKey('x', salt, TEST_KDF))).toBe(true);
  });
});

describe('the folder lock', () => {
  it('stops a second copy opening a folder that is open, and lets it in once locked', async () => {
    const first = await openStore();
    await first.ok('vault.lock');
    await first.ok('vault.unlock', { passphrase: PASSPHRASE });
    const second = harness(first.dir);
    expect(await expectFailure(second.call('vault.unlock', { passphrase: PASSPHRASE }), 'STORE_IN_USE')).toMatch(/another copy/);
    await first.ok('vault.lock');
    await second.ok('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const h = await openStore();
    await h.ok('vault.lock');
    // pid 2^22+ is above Linux's default pid_max, so no live process has it.
    await writeFile(join(h.dir, 'folder.lock'), JSON.stringify({ pid: 4_194_999, token: 'left-by-a-crash' }));
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    await h.ok('vault.lock');
    await expect(readFile(join(h.dir, 'folder.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
