import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * A chair's signing key: Ed25519, because its signatures are small (64 bytes), fast (tens of
 * microseconds) and have no parameters to get wrong. The private half leaves this module only
 * as PKCS#8 bytes for the store to encrypt under its data key; it is never written in the clear.
 */

export interface ChairKeyPair {
  /** SubjectPublicKeyInfo, DER, base64: safe to copy into every signed version and export. */
  publicKey: string;
  /** PKCS#8, DER: secret, for the store to seal. */
  privateKeyPkcs8: Buffer;
  keyId: string;
}

export function generateChairKey(): ChairKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    publicKey: spki.toString('base64'),
    privateKeyPkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }),
    keyId: keyIdOf(spki),
  };
}

/** A short, stable name for a public key: what a person compares, not the key itself. */
export function keyIdOf(spkiDer: Buffer): string {
  return createHash('sha256').update(spkiDer).digest('hex').slice(0, 16);
}

export function publicKeyFrom(base64Spki: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64Spki, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('Not an Ed25519 public key.');
  return key;
}

export function privateKeyFrom(pkcs8: Buffer): KeyObject {
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('Not an Ed25519 private key.');
  return key;
}
