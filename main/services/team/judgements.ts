import type { JudgementView } from '../../../domain/audit/types';
import type { HistoryEntry } from '../../../domain/api/contract';
import { judgementHash, judgementHashesIn, judgementSignatureValid, judgementView, type StoredJudgement } from '../store/judgement-schema';

export { judgementHashesIn };

/**
 * Checking a team conference's audit judgements: the same three checks as the local store's
 * (../store/judgements.ts) — each follows the one before by number and hash, its Ed25519
 * signature is good and names its author, and the history holds its hash. The signature check
 * and the view are the local store's own (judgement-schema.ts); only the rule differs: here
 * every judgement must be signed.
 */

export interface CheckedJudgements {
  views: JudgementView[];
  /** Every judgement checks out and every judgement the history names is here. */
  intact: boolean;
  /** Judgements the history names that are not here (one deleted from the end breaks no chain). */
  missing: number;
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
    return judgementView(judgement, hash, chainOk && judgementSignatureValid(judgement) && inHistory.has(hash));
  });
  const kept = new Set(judgements.map(judgementHash));
  const missing = recorded.filter((hash) => !kept.has(hash)).length;
  return { views, intact: unreadable === 0 && views.every((v) => v.valid) && missing === 0, missing };
}


