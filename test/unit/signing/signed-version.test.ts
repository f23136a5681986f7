import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateChairKey, privateKeyFrom } from '../../../main/services/signing/chair-key';
import {
  checkChain,
  checkSignature,
  signStatement,
  verificationCode,
  versionHash,
  type SignedStatement,
  type SignedVersion,
} from '../../../main/services/signing/signed-version';

const conferenceId = randomUUID();
const chair = generateChairKey();
const signer = { name: 'Priya Castellano', role: 'Independent chair', council: 'Northshire Council', publicKey: chair.publicKey, keyId: chair.keyId };

function statement(version: number, previousHash: string | null, overrides: Partial<SignedStatement> = {}): SignedStatement {
  return {
    format: 1,
    conferenceId,
    version,
    kind: version === 1 ? 'minutes' : 'addendum',
    revision: 10 + version,
    recordHash: 'a'.repeat(63) + String(version % 10),
    previousHash,
    signer,
    signedAt: '2026-01-15T14:05:00.000Z',
    ...overrides,
  };
}

function chainOf(count: number): SignedVersion[] {
  const key = privateKeyFrom(chair.privateKeyPkcs8);
  const versions: SignedVersion[] = [];
  for (let n = 1; n <= count; n += 1) {
    const previous = versions.at(-1);
    versions.push(signStatement(statement(n, previous ? versionHash(previous) : null), key));
  }
  return versions;
}

describe('signed versions', () => {
  it('verifies a chain of a signed version and two addenda', () => {
    expect(checkChain(conferenceId, chainOf(3))).toEqual({ ok: true });
  });

  it('catches a changed record hash, even by one character', () => {
    const [first] = chainOf(1);
    const altered = { ...first!, statement: { ...first!.statement, recordHash: 'b' + first!.statement.recordHash.slice(1) } };
    expect(checkSignature(altered)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('catches a version removed from the middle, and versions swapped', () => {
    const versions = chainOf(3);
    expect(checkChain(conferenceId, [versions[0]!, versions[2]!])).toMatchObject({ ok: false, version: 2 });
    expect(checkChain(conferenceId, [versions[1]!, versions[0]!])).toMatchObject({ ok: false, version: 1 });
  });

  it('refuses a signature re-attributed to another chair', () => {
    const other = generateChairKey();
    const [first] = chainOf(1);
    const claimed = { ...first!, statement: { ...first!.statement, signer: { ...signer, publicKey: other.publicKey, keyId: other.keyId } } };
    expect(checkSignature(claimed)).toEqual({ ok: false, reason: 'bad-signature' });
    const mismatched = { ...first!, statement: { ...first!.statement, signer: { ...signer, keyId: other.keyId } } };
    expect(checkSignature(mismatched)).toEqual({ ok: false, reason: 'key-mismatch' });
  });

  it('refuses another conference’s chain', () => {
    expect(checkChain(randomUUID(), chainOf(1))).toEqual({ ok: false, version: 1, reason: 'other-conference' });
  });
});

describe('verification code', () => {
  it('is three groups of four unambiguous characters and differs between versions', () => {
    const [a, b] = chainOf(2).map((version) => verificationCode(versionHash(version)));
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(a).not.toEqual(b);
  });

  it('encodes the first 60 bits of the hash (worked by hand)', () => {
    // 0x000000000000021 = 33 = 1·32 + 1 → …"11"; all other groups zero.
    expect(verificationCode(`000000000000021${'f'.repeat(49)}`)).toBe('0000-0000-0011');
    // 60 bits all set → every 5-bit group is 31 → "Z".
    expect(verificationCode(`fffffffffffffff${'0'.repeat(49)}`)).toBe('ZZZZ-ZZZZ-ZZZZ');
  });
});
