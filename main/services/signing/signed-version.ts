import { sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalHash, canonicalJson } from '../store/canonical';
import { keyIdOf, publicKeyFrom } from './chair-key';

/**
 * A signed version of a conference record. What is signed is the canonical JSON of the
 * statement below — the record's hash, the previous signed version's hash, who signed and
 * when — so versions form a chain: removing, reordering or replacing one breaks every later
 * link, and an export naming version N can be checked against the chain a store holds.
 */

export const SignerSchema = z.strictObject({
  name: z.string().min(1).max(500),
  role: z.string().min(1).max(500),
  council: z.string().min(1).max(500),
  /** Base64 SPKI of the Ed25519 key; carried so a version verifies without the store. */
  publicKey: z.string().min(1).max(200),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Signer = z.infer<typeof SignerSchema>;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const SignedStatementSchema = z.strictObject({
  format: z.literal(1),
  conferenceId: z.uuid(),
  /** 1 for the first signed version; each addendum or final version adds one. */
  version: z.number().int().min(1),
  kind: z.enum(['draft', 'minutes', 'addendum']),
  /** The record revision this version freezes. */
  revision: z.number().int().nonnegative(),
  recordHash: Sha256Hex,
  /** Hash of the previous signed version (statement and signature), null for version 1. */
  previousHash: Sha256Hex.nullable(),
  signer: SignerSchema,
  signedAt: z.iso.datetime({ offset: true }),
});
export type SignedStatement = z.infer<typeof SignedStatementSchema>;

export const SignedVersionSchema = z.strictObject({
  statement: SignedStatementSchema,
  /** Ed25519 over the statement's canonical JSON, base64. */
  signature: z.string().min(1).max(200),
});
export type SignedVersion = z.infer<typeof SignedVersionSchema>;

export function signStatement(statement: SignedStatement, privateKey: KeyObject): SignedVersion {
  const parsed = SignedStatementSchema.parse(statement);
  const signature = sign(null, Buffer.from(canonicalJson(parsed), 'utf8'), privateKey);
  return { statement: parsed, signature: signature.toString('base64') };
}

/** The hash the next version chains to, and the one exports' verification codes come from. */
export function versionHash(version: SignedVersion): string {
  return canonicalHash(version);
}

export type VersionCheck = { ok: true } | { ok: false; reason: 'bad-signature' | 'key-mismatch' | 'malformed' };

/** Checks one version's signature against the key it names (whose id must match that key). */
export function checkSignature(version: SignedVersion): VersionCheck {
  const parsed = SignedVersionSchema.safeParse(version);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { statement, signature } = parsed.data;
  let key: KeyObject;
  try {
    key = publicKeyFrom(statement.signer.publicKey);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (keyIdOf(Buffer.from(statement.signer.publicKey, 'base64')) !== statement.signer.keyId) return { ok: false, reason: 'key-mismatch' };
  const good = verify(null, Buffer.from(canonicalJson(statement), 'utf8'), key, Buffer.from(signature, 'base64'));
  return good ? { ok: true } : { ok: false, reason: 'bad-signature' };
}

export type ChainCheck = { ok: true } | { ok: false; version: number; reason: string };

/** Every signature valid, versions numbered 1, 2, 3… of one conference, each naming the one before. */
export function checkChain(conferenceId: string, versions: readonly SignedVersion[]): ChainCheck {
  let previous: string | null = null;
  for (const [index, version] of versions.entries()) {
    const number = index + 1;
    const signature = checkSignature(version);
    if (!signature.ok) return { ok: false, version: number, reason: signature.reason };
    const { statement } = version;
    if (statement.conferenceId !== conferenceId) return { ok: false, version: number, reason: 'other-conference' };
    if (statement.version !== number) return { ok: false, version: number, reason: 'out-of-order' };
    if (statement.previousHash !== previous) return { ok: false, version: number, reason: 'broken-link' };
    previous = versionHash(version);
  }
  return { ok: true };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short code printed in every page's footer: 60 bits of the version hash in Crockford
 * base32 (no I, L, O or U, so it survives being read aloud or retyped), as three groups of four.
 * Enough to tell versions apart and to catch a retyped or invented code; the full check is the
 * signature, which the app verifies from the file or the store.
 */
export function verificationCode(hashHex: string): string {
  if (!/^[0-9a-f]{64}$/.test(hashHex)) throw new TypeError('Expected a SHA-256 hex digest.');
  let bits = BigInt(`0x${hashHex.slice(0, 15)}`); // 60 bits
  let code = '';
  for (let i = 0; i < 12; i += 1) {
    code = CROCKFORD[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}
