import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  createHash,
  type KeyObject,
} from 'node:crypto';
import { open, seal } from '../store/crypto';
import { deriveKey, type KdfParams } from '../store/kdf';

/**
 * The keys of a council's team (the pattern of password managers' shared vaults):
 *
 *   passphrase ──scrypt──► member secret ──HKDF──► PostgreSQL password (SCRAM)
 *                                         └─HKDF──► key that seals the member's own private keys
 *   member's X25519 key pair: public on the server; private sealed by the key above
 *   team key (one per version): sealed for each member's public key (ephemeral X25519 + HKDF + AES-GCM)
 *   conference data key: sealed by a team key; seals that conference's rows
 *
 * One secret to remember, none kept on the computer: the member types their login and passphrase
 * on any council computer. The scrypt salt is fixed by team and login, because it is needed before
 * anything can be read from the server; PostgreSQL salts its own SCRAM verifier, and the two keys
 * come from one scrypt through HKDF with different labels, so the password the server checks
 * tells it nothing about the key that opens the private key.
 */

export interface MemberSecrets {
  /** Sent (through SCRAM, never in the clear) as the member's PostgreSQL password. */
  databasePassword: string;
  /** Seals the member's X25519 private key and their chair profile. */
  personalKey: Buffer;
}

function label(info: string, secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `conference-recorder/team/${info}`, 32));
}

export async function deriveMemberSecrets(passphrase: string, prefix: string, login: string, kdf: KdfParams): Promise<MemberSecrets> {
  const salt = createHash('sha256').update(`conference-recorder/team-member/v1\0${prefix}\0${login}`).digest();
  const secret = await deriveKey(passphrase, salt, kdf);
  try {
    return { databasePassword: label('postgres-password', secret).toString('base64url'), personalKey: label('personal-key', secret) };
  } finally {
    secret.fill(0);
  }
}

export interface MemberKeyPair {
  publicKey: Buffer; // SPKI DER
  privateKey: KeyObject;
}

export function newMemberKeyPair(): MemberKeyPair {
  const pair = generateKeyPairSync('x25519');
  return { publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }), privateKey: pair.privateKey };
}

const privateKeyRole = (login: string) => `team-member-private-key:${login}`;

export function sealPrivateKey(personalKey: Buffer, login: string, privateKey: KeyObject): Buffer {
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  try {
    return seal(personalKey, der, privateKeyRole(login));
  } finally {
    der.fill(0);
  }
}

/** Throws DecryptError when the key is not this member's (or the stored bytes were altered). */
export function openPrivateKey(personalKey: Buffer, login: string, sealed: Buffer): KeyObject {
  const der = open(personalKey, sealed, privateKeyRole(login));
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/** A short fingerprint the admin reads back to the member before confirming them. */
export function fingerprint(publicKey: Buffer): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

const SPKI_BYTES = 44; // X25519 SubjectPublicKeyInfo, DER

function boxKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), 'conference-recorder/team/key-box', 32));
}

/** Seals `secret` so only the holder of `recipientPublicKey`'s private key can open it. */
export function sealFor(recipientPublicKey: Buffer, secret: Buffer, role: string): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: createPublicKey({ key: recipientPublicKey, format: 'der', type: 'spki' }) });
  const key = boxKey(shared, ephemeralDer, recipientPublicKey);
  try {
    return Buffer.concat([ephemeralDer, seal(key, secret, role)]);
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

export function openFor(privateKey: KeyObject, boxed: Buffer, role: string): Buffer {
  const ephemeralDer = boxed.subarray(0, SPKI_BYTES);
  const recipient = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey, publicKey: createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' }) });
  const key = boxKey(shared, ephemeralDer, recipient);
  try {
    return open(key, boxed.subarray(SPKI_BYTES), role);
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

export const teamKeyRole = (version: number, login: string) => `team-key:${version}:${login}`;
export const conferenceKeyRole = (conferenceId: string, keyId: number) => `conference-key:${conferenceId}:${keyId}`;

/** One-time setup code: 20 characters from an alphabet without look-alikes, in groups of five. */
export function newSetupCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}
