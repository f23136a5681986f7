import { scrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * Passphrase → key-encryption key with scrypt. The parameters are stored in vault.json, so
 * they can be raised for new vaults later without breaking old ones.
 */

const isPowerOfTwo = (n: number) => n > 1 && (n & (n - 1)) === 0;

export const KdfParamsSchema = z.strictObject({
  // Bounded so a doctored vault.json cannot make unlock allocate gigabytes.
  N: z.number().int().min(2 ** 10).max(2 ** 20).refine(isPowerOfTwo, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

/**
 * N = 2^17, r = 8 (128 MiB): measured at about 0.4 s on the project's 2-core machines, inside
 * the 0.2–0.5 s we accept at unlock, and far costlier per guess than that for an attacker.
 */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * The most a vault.json may ask for: this many times the app's own work (N·r·p) and memory
 * (128·N·r bytes). An edited file asking for N=2^20, r=32, p=16 made unlock take 171 s and
 * 4.3 GB while every other call waited; the cap refuses that before any work is done. A later
 * version that raises DEFAULT_KDF raises the cap with it.
 */
export const MAX_KDF_MULTIPLE = 4;

const work = (params: KdfParams) => params.N * params.r * params.p;
const memory = (params: KdfParams) => 128 * params.N * params.r;

export function kdfCostAllowed(params: KdfParams): boolean {
  return work(params) <= MAX_KDF_MULTIPLE * work(DEFAULT_KDF) && memory(params) <= MAX_KDF_MULTIPLE * memory(DEFAULT_KDF);
}

/** For tests only: fast, and far too weak for real data. */
export const TEST_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1 };

export const KEK_BYTES = 32;

export function deriveKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  // NFC so the same passphrase typed on another keyboard or system derives the same key.
  const normalised = passphrase.normalize('NFC');
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalised, salt, KEK_BYTES, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
