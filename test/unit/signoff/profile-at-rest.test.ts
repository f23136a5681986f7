import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, PASSPHRASE } from '../store/helpers';

/** Every Ed25519 private key in PKCS#8 DER starts with these bytes, whatever the key. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

describe('the chair profile at rest', () => {
  it('keeps the signing key and the chair’s details out of every file in plain text, and survives a lock', async () => {
    const h = await openStore();
    const set = await h.ok<{ profile: { keyId: string } }>('profile.set', { name: 'Helen Marsh', role: 'Independent Chair', council: 'Carrowby Borough Council' });
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    const again = await h.ok<{ profile: { name: string; keyId: string } }>('profile.set', { name: 'Helen Marsh-Ode', role: 'Independent Chair', council: 'Carrowby Borough Council' });
    // Renaming keeps the key, so versions signed before still verify against the same key id.
    expect(again.profile.keyId).toBe(set.profile.keyId);
    const files = (await readdir(h.dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.map((f) => f.name)).toContain('chair-profile.enc');
    for (const file of files) {
      const bytes = await readFile(join(file.parentPath, file.name));
      const text = bytes.toString('latin1');
      expect(bytes.includes(PKCS8_ED25519_PREFIX), `raw key in ${file.name}`).toBe(false);
      expect(text.includes(PKCS8_ED25519_PREFIX.toString('base64').slice(0, 20)), `base64 key in ${file.name}`).toBe(false);
      for (const word of ['Marsh', 'Carrowby']) expect(bytes.includes(Buffer.from(word, 'utf8')), `${word} in ${file.name}`).toBe(false);
    }
  });

  it('a profile file copied over another store file does not open as that file', async () => {
    const h = await openStore();
    await h.ok('profile.set', { name: 'Helen Marsh', role: 'Independent Chair', council: 'Carrowby Borough Council' });
    const { copyFile } = await import('node:fs/promises');
    await h.ok('vault.lock');
    await copyFile(join(h.dir, 'chair-profile.enc'), join(h.dir, 'settings.enc'));
    const unlocked = await h.ok<{ problems: { message: string }[] }>('vault.unlock', { passphrase: PASSPHRASE });
    expect(unlocked.problems.length).toBeGreaterThan(0);
    expect((await h.ok<{ profile: { name: string } }>('profile.get')).profile.name).toBe('Helen Marsh');
  });
});
