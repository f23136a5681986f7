import { ApiFailure } from '../api/result';
import { MIN_WEIGHING_WORDS } from '../rules/decision-rules';
import type { JudgementInput } from './types';

/**
 * What a manager's judgement must say. The chair reads the comment beside their decision and
 * the council's audit report quotes it, so "ok" or "." is not a judgement: at least as many
 * words as a chair must write to weigh a differing agency's view (MIN_WEIGHING_WORDS), so the
 * manager is held to the standard the chair is.
 */
export const MIN_JUDGEMENT_WORDS = MIN_WEIGHING_WORDS;

/** Words with a letter or a digit in them: "- - - - -" is not five words. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The comment's problem in the manager's words, or null when it says enough. */
export function judgementCommentProblem(comment: string): string | null {
  const words = wordCount(comment);
  if (words === 0) return 'Write a comment saying why: the chair reads it beside the decision.';
  if (words < MIN_JUDGEMENT_WORDS) {
    return `Say why in at least ${MIN_JUDGEMENT_WORDS} words (you wrote ${words === 1 ? 'one word' : `${words} words`}): what in the decision and its rationale led to this judgement. The chair reads it beside the decision.`;
  }
  return null;
}

/** Both stores call this before recording anything, so a judgement too thin to act on is never signed. */
export function refuseThinJudgement(input: Pick<JudgementInput, 'comment'>): void {
  const problem = judgementCommentProblem(input.comment);
  if (problem !== null) throw new ApiFailure('INVALID_INPUT', `${problem} Nothing has been recorded.`);
}

/**
 * Said wherever a conference's judgements are shown when its history records judgements that its
 * stored copy no longer holds (one deleted from the end leaves the rest verifying): the
 * manager and the chair must not read the list as complete.
 */
export function missingJudgementsMessage(missing: number): string {
  const what = missing === 1 ? 'a judgement' : `${missing} judgements`;
  return `A judgement is missing: this conference’s history records ${what} that its stored copy no longer holds. Report this to your information governance lead; no judgement can be added to this conference until it is looked into.`;
}
