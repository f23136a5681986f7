/**
 * Declining an agency's correction needs a real reason: it is quoted in the letter to the
 * agency, and "no" or "see above" tells them nothing. The same rule as a differing agency's
 * weighing (domain/rules/decision-rules.ts, MIN_WEIGHING_WORDS): at least five words that say
 * something. Words that only restate the refusal or point elsewhere do not count; ordinary words
 * ("the", "was") do, so a plain sentence is never refused for its grammar.
 */

export const MIN_DECLINE_REASON_WORDS = 5;

/** Refusals and pointers: they say that it was declined, never why. */
const FILLER = new Set([
  'no', 'nope', 'n/a', 'na', 'nil', 'none', 'not', 'declined', 'decline', 'rejected', 'reject', 'refused', 'refuse',
  'accepted', 'accept', 'agreed', 'agree', 'disagree', 'disagreed', 'see', 'above', 'below', 'ditto', 'same', 'as', 'per',
  'ok', 'okay', 'noted', 'etc', 'thanks', 'thank', 'you', 'please', 'tbc', 'x', 'reason', 'reasons',
]);

/** The words of a reason that are not filler: letters or digits, apostrophes and slashes kept ("n/a", "didn't"). */
export function reasonWords(reason: string): string[] {
  return reason
    .toLocaleLowerCase('en-GB')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .split(/[^\p{L}\p{N}'/]+/u)
    .map((word) => word.replace(/^['/]+|['/]+$/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word) && !FILLER.has(word));
}

/** Null when the reason will do; otherwise the sentence the chair reads. */
export function declineReasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed === '') return 'Give a reason for declining: it goes in the letter to the agency.';
  if (reasonWords(trimmed).length >= MIN_DECLINE_REASON_WORDS) return null;
  return `“${trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed}” does not tell the agency why. Say in at least ${MIN_DECLINE_REASON_WORDS} words why the minutes stay as they are (for example, what the conference heard): it goes in the letter to them.`;
}
