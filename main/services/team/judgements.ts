import { verify } from 'node:crypto';
import type { JudgementView } from '../../../domain/audit/types';
import type { HistoryEntry } from '../../../domain/api/contract';
import { keyIdOf, publicKeyFrom } from '../signing/chair-key';
import { verificationCode } from '../signing/signed-version';
import { canonicalJson } from '../store/canonical';
import { judgementHash, type StoredJudgement } from '../store/judgement-schema';

/**
 * Checking a team conference's audit judgements: the same three checks as the local store's
 * (../store/judgements.ts) — each follows the one before by number and hash, its Ed25519
 * signature is good and names its author, and the history holds its hash. Repeated here rather
 * than exported from the local store so that file (and its tests) stay untouched; the stored
 * form (judgement-schema.ts) and so the hashes are the same, so a judgement verifies alike in both.
 */

export interface CheckedJudgements {
  views: JudgementView[];
  /** Every judgement checks out and every judgement the history names is here. */
  intact: boolean;
}

export function judgementHashesIn(entries: readonly HistoryEntry[]): string[] {
  return entries.flatMap((entry) => (entry.action === 'judgement' && entry.signedVersionHash ? [entry.signedVersionHash] : []));
}

/** `judgements` in their numbered order; `unreadable` rows (could not be opened) count against intact. */
export function checkJudgements(conferenceId: string, judgements: readonly StoredJudgement[], entries: readonly HistoryEntry[], unreadable: number): CheckedJudgements {
  const recorded = judgementHashesIn(entries);
  const inHistory = new Set(recorded);
  let previous: string | null = null;
  let chainOk = true;
  const views = judgements.map((judgement, index) => {
    const hash = judgementHash(judgement);
    const { statement } = judgement;
    chainOk &&= statement.conferenceId === conferenceId && statement.number === index + 1 && statement.previousHash === previous;
    previous = hash;
    return toView(judgement, hash, chainOk && signatureValid(judgement) && inHistory.has(hash));
  });
  const kept = new Set(judgements.map(judgementHash));
  return { views, intact: unreadable === 0 && views.every((v) => v.valid) && recorded.every((hash) => kept.has(hash)) };
}

/** On the team store every judgement is signed: one without a signature is not valid. */
function signatureValid(judgement: StoredJudgement): boolean {
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

export function toView(judgement: StoredJudgement, hash: string, valid: boolean): JudgementView {
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
