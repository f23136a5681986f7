import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { asciiJson, parseAsciiJson } from './ascii-json';

/**
 * The one encryption envelope every file in the store uses: AES-256-GCM, a fresh random
 * 12-byte IV per write, and associated data naming the file's role (and conference id) so a
 * file copied into another file's place fails to decrypt instead of being read as that file.
 *
 * Layout: "CPC1" | iv (12) | tag (16) | ciphertext. The magic lets a future format coexist.
 */

const MAGIC = Buffer.from('CPC1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
const HEADER_BYTES = MAGIC.length + IV_BYTES + TAG_BYTES;

/** Raised when bytes cannot be authenticated: wrong key, wrong role, damaged or altered. */
export class DecryptError extends Error {
  constructor() {
    super('The data could not be authenticated.');
    this.name = 'DecryptError';
  }
}

function associatedData(role: string): Buffer {
  // The magic is bound too, so a future envelope version cannot be confused with this one.
  return Buffer.concat([MAGIC, Buffer.from(role, 'utf8')]);
}

export function seal(key: Buffer, plaintext: Buffer, role: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(role));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ciphertext]);
}

export function open(key: Buffer, sealed: Buffer, role: string): Buffer {
  if (sealed.length < HEADER_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new DecryptError();
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = sealed.subarray(MAGIC.length + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(role));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptError();
  }
}

/** Size of the sealed form of `plaintextBytes`, so callers can record file sizes without a stat. */
export function sealedLength(plaintextBytes: number): number {
  return HEADER_BYTES + plaintextBytes;
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * JSON in, sealed bytes out; the plaintext buffer is zeroed as soon as it is encrypted. Written
 * as ASCII JSON (ascii-json.ts): a large council's index and digests read back several times
 * faster, and any JSON reader reads it as the same value.
 */
export function sealJson(key: Buffer, value: unknown, role: string): Buffer {
  const plain = asciiJson(value);
  try {
    return seal(key, plain, role);
  } finally {
    plain.fill(0);
  }
}

/** Sealed bytes in, parsed JSON out (unknown: callers validate with zod). */
export function openJson(key: Buffer, sealed: Buffer, role: string): unknown {
  const plain = open(key, sealed, role);
  try {
    // Files sealed before were UTF-8 JSON: read as such.
    return parseAsciiJson(plain);
  } finally {
    plain.fill(0);
  }
}
