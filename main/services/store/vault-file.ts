import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApiFailure } from '../../../domain/api/result';
import { readIfExists, writeFileAtomic } from './atomic-file';
import { DecryptError, KEY_BYTES, newDataKey, open, seal } from './crypto';
import { deriveKey, kdfCostAllowed, KdfParamsSchema, type KdfParams } from './kdf';
import { roles } from './paths';

/**
 * vault.json: the only plaintext file, holding nothing personal — format, store schema
 * version, scrypt parameters and salt, and the random data key wrapped by the passphrase key.
 * Wrapping (rather than encrypting data with the passphrase key directly) means the passphrase
 * can change, or Electron safeStorage can hold a second wrapping, without re-encrypting the store.
 */

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const VaultFileSchema = z.strictObject({
  format: z.literal('conference-recorder-vault'),
  formatVersion: z.literal(1),
  storeSchemaVersion: z.number().int().min(1),
  kdf: z.strictObject({ algorithm: z.literal('scrypt'), params: KdfParamsSchema, salt: Base64 }),
  wrappedKeys: z.strictObject({
    passphrase: Base64,
    /** Reserved: the same data key wrapped by the OS keychain (Electron safeStorage). */
    safeStorage: Base64.optional(),
  }),
});
export type VaultFile = z.infer<typeof VaultFileSchema>;

export async function readVaultFile(path: string): Promise<VaultFile | null> {
  const bytes = await readIfExists(path);
  if (bytes === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = VaultFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new ApiFailure(
      'CORRUPT',
      'The key file (vault.json) in the data folder is damaged, so the store cannot be opened. Nothing has been changed; restore the data folder from a backup.',
    );
  }
  if (!kdfCostAllowed(result.data.kdf.params)) {
    throw new ApiFailure(
      'CORRUPT',
      'The key file (vault.json) in the data folder asks for far more computing work than this app ever sets, so it has probably been altered. Nothing has been changed; restore the data folder from a backup.',
    );
  }
  return result.data;
}

export async function writeVaultFile(path: string, file: VaultFile): Promise<void> {
  await writeFileAtomic(path, Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'));
}

export async function newVaultFile(
  passphrase: string,
  params: KdfParams,
  storeSchemaVersion: number,
): Promise<{ file: VaultFile; dataKey: Buffer }> {
  const salt = randomBytes(16);
  const kek = await deriveKey(passphrase, salt, params);
  const dataKey = newDataKey();
  try {
    const wrapped = seal(kek, dataKey, roles.dataKey);
    return {
      dataKey,
      file: {
        format: 'conference-recorder-vault',
        formatVersion: 1,
        storeSchemaVersion,
        kdf: { algorithm: 'scrypt', params, salt: salt.toString('base64') },
        wrappedKeys: { passphrase: wrapped.toString('base64') },
      },
    };
  } finally {
    kek.fill(0);
  }
}

export const WRONG_PASSPHRASE_MESSAGE =
  'That passphrase does not open this store. Nothing has been changed; check it and try again.';

/** The passphrase is right exactly when the wrapped key authenticates under the key it derives. */
export async function unwrapDataKey(file: VaultFile, passphrase: string): Promise<Buffer> {
  const kek = await deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf.params);
  try {
    const key = open(kek, Buffer.from(file.wrappedKeys.passphrase, 'base64'), roles.dataKey);
    if (key.length !== KEY_BYTES) throw new DecryptError();
    return key;
  } catch (error) {
    if (error instanceof DecryptError) throw new ApiFailure('WRONG_PASSPHRASE', WRONG_PASSPHRASE_MESSAGE);
    throw error;
  } finally {
    kek.fill(0);
  }
}
