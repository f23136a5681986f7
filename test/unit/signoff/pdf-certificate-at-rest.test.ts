import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { openStore, PASSPHRASE } from '../store/helpers';

/** An RSA private key in PKCS#8 DER carries this algorithm identifier (rsaEncryption); a PKCS#12 starts its data with this OID. */
const RSA_PKCS8_ALGORITHM = Buffer.from('300d06092a864886f70d0101010500', 'hex');
const PKCS7_DATA_OID = Buffer.from('06092a864886f70d010701', 'hex');

describe('the PDF certificate in the chair profile', () => {
  it('is made with the profile, named after the chair, and never on disk in the clear', async () => {
    const h = await openStore();
    const { profile } = await h.ok<{ profile: ChairProfile }>('profile.set', { name: 'Helen Marsh', role: 'Independent Chair', council: 'Carrowby Borough Council' });
    expect(profile.certificate).toMatchObject({ source: 'generated', subject: 'Helen Marsh, Independent Chair, Carrowby Borough Council' });
    expect(Date.parse(profile.certificate!.notAfter)).toBeGreaterThan(Date.now() + 9 * 365 * 86_400_000);
    await h.ok('vault.lock');
    const files = (await readdir(h.dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files) {
      const bytes = await readFile(join(file.parentPath, file.name));
      expect(bytes.includes(RSA_PKCS8_ALGORITHM), `RSA key in ${file.name}`).toBe(false);
      expect(bytes.includes(PKCS7_DATA_OID), `PKCS#12 in ${file.name}`).toBe(false);
      // Nor as the profile's JSON would hold it (base64 under "p12"), nor the chair's name from its subject.
      expect(bytes.includes(Buffer.from('"p12"')), `profile JSON in ${file.name}`).toBe(false);
      expect(bytes.includes(Buffer.from('Marsh')), `the chair's name in ${file.name}`).toBe(false);
    }
  });

  it('a generated certificate follows a change of name; the one before stays known', async () => {
    const h = await openStore();
    const first = (await h.ok<{ profile: ChairProfile }>('profile.set', { name: 'Helen Marsh', role: 'Independent Chair', council: 'Carrowby Borough Council' })).profile;
    const same = (await h.ok<{ profile: ChairProfile }>('profile.set', { name: 'Helen Marsh', role: 'Independent Chair', council: 'Carrowby Borough Council' })).profile;
    expect(same.certificate?.fingerprint).toBe(first.certificate?.fingerprint);
    const renamed = (await h.ok<{ profile: ChairProfile }>('profile.set', { name: 'Helen Marsh-Ode', role: 'Independent Chair', council: 'Carrowby Borough Council' })).profile;
    expect(renamed.certificate?.fingerprint).not.toBe(first.certificate?.fingerprint);
    expect(renamed.certificate?.subject).toBe('Helen Marsh-Ode, Independent Chair, Carrowby Borough Council');
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    const { certificates } = await h.store.verificationSource(null);
    expect([...certificates.values()].sort()).toEqual(['Helen Marsh, Independent Chair, Carrowby Borough Council', 'Helen Marsh-Ode, Independent Chair, Carrowby Borough Council']);
  });
});
