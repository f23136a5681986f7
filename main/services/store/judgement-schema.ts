import { verify } from 'node:crypto';
import { z } from 'zod';
import type { JudgementView } from '../../../domain/audit/types';
import type { JudgementFacts } from '../../../domain/audit/facts';
import type { HistoryEntry } from '../../../domain/api/contract';
import { keyIdOf, publicKeyFrom } from '../signing/chair-key';
import { verificationCode } from '../signing/signed-version';
import { canonicalJson } from './canonical';
import { JudgementRatingSchema } from '../../../domain/audit/types';
import { SignerSchema } from '../signing/signed-version';
import { canonicalHash } from './canonical';

/** How a manager's judgement is kept in a conference's document (see judgements.ts). */

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const JudgementStatementSchema = z.strictObject({
  format: z.literal(1),
  conferenceId: z.uuid(),
  number: z.number().int().min(1),
  childId: z.uuid(),
  rating: JudgementRatingSchema,
  comment: z.string(),
  actionForChair: z.string(),
  author: z.string().min(1).max(500),
  at: z.iso.datetime({ offset: true }),
  /** The record this judgement was made on: a later change to it does not carry the judgement over silently. */
  recordHash: Sha256Hex,
  previousHash: Sha256Hex.nullable(),
});
export type JudgementStatement = z.infer<typeof JudgementStatementSchema>;

export const StoredJudgementSchema = z.strictObject({
  statement: JudgementStatementSchema,
  signer: SignerSchema.nullable(),
  /** Ed25519 over the statement's canonical JSON, base64; null when recorded without a key. */
  signature: z.string().min(1).max(200).nullable(),
});
export type StoredJudgement = z.infer<typeof StoredJudgementSchema>;

export function judgementHash(judgement: StoredJudgement): string {
  return canonicalHash(judgement);
}

/**
 * The judgement's Ed25519 signature is good and names its author (a signature cannot vouch for
 * someone else's name). False for an unsigned judgement: the local store, which allows those,
 * checks for that first. Shared by both stores, so a judgement verifies alike in each.
 */
export function judgementSignatureValid(judgement: StoredJudgement): boolean {
  const { signer, signature, statement } = judgement;
  if (signer === null || signature === null) return false;
  try {
    if (keyIdOf(Buffer.from(signer.publicKey, 'base64')) !== signer.keyId) return false;
    if (statement.author !== signer.name) return false;
    return verify(null, Buffer.from(canonicalJson(statement), 'utf8'), publicKeyFrom(signer.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** What the audit and the chair's page show of a stored judgement. */
export function judgementView(judgement: StoredJudgement, hash: string, valid: boolean): JudgementView {
  const { statement } = judgement;
  return {
    number: statement.number,
    conferenceId: statement.conferenceId,
    childId: statement.childId,
    rating: statement.rating,
    comment: statement.comment,
    actionForChair: statement.actionForChair,
    author: statement.author,
    at: statement.at,
    signed: judgement.signature !== null,
    verificationCode: verificationCode(hash),
    valid,
  };
}

/** The judgement hashes a conference's history records, in order. */
export function judgementHashesIn(entries: readonly HistoryEntry[]): string[] {
  return entries.flatMap((entry) => (entry.action === 'judgement' && entry.signedVersionHash ? [entry.signedVersionHash] : []));
}

/**
 * A local conference's judgements, each checked (hash chain, signature where signed, and the
 * history's word), and how many the history records that are no longer there: a judgement
 * removed from the end leaves the chain of the rest intact, so only the history shows it went.
 * `recorded` is the history's judgement hashes; `checkHistory` is false only where the history
 * could not be read (each judgement is then checked on its own).
 */
export function localJudgementFacts(conferenceId: string, judgements: readonly StoredJudgement[], recorded: readonly string[], checkHistory = true): JudgementFacts {
  const inHistory = new Set(recorded);
  let previous: string | null = null;
  let chainOk = true;
  const present = new Set<string>();
  const views = judgements.map((judgement, index) => {
    const hash = judgementHash(judgement);
    present.add(hash);
    const { statement } = judgement;
    chainOk &&= statement.conferenceId === conferenceId && statement.number === index + 1 && statement.previousHash === previous;
    previous = hash;
    const signatureOk = judgement.signature === null ? judgement.signer === null : judgementSignatureValid(judgement);
    return judgementView(judgement, hash, chainOk && signatureOk && (!checkHistory || inHistory.has(hash)));
  });
  return { views, missing: recorded.filter((hash) => !present.has(hash)).length, recorded: [...recorded] };
}
