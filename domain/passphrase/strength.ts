import type { TranslationKeys } from '@zxcvbn-ts/core';

/**
 * Passphrase strength from zxcvbn-ts, worded in British English and about passphrases rather
 * than passwords. One rule for the create page (which explains the score as it is typed) and
 * the store service (which enforces it, whatever calls it); pure TypeScript, so it lives in
 * domain/. The dictionaries are large, so they load on first use: when the create screen opens,
 * and in the service only when a vault is created (the load is measured in bench/store.bench.ts).
 */

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  warning: string;
  suggestions: string[];
}

export const STRENGTH_LABELS = ['Very easy to guess', 'Easy to guess', 'Could be stronger', 'Strong', 'Very strong'] as const;

/** The lowest score the app accepts: "could be stronger" is allowed, "easy to guess" is not. */
export const MIN_ACCEPTED_SCORE = 2;

const translations: TranslationKeys = {
  warnings: {
    straightRow: 'Straight rows of keys on the keyboard are easy to guess.',
    keyPattern: 'Short keyboard patterns are easy to guess.',
    simpleRepeat: 'Repeated characters like “aaa” are easy to guess.',
    extendedRepeat: 'Repeated patterns like “abcabcabc” are easy to guess.',
    sequences: 'Common sequences like “abc” or “123” are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    dates: 'Dates are easy to guess.',
    topTen: 'This is one of the most used passwords.',
    topHundred: 'This is a very frequently used password.',
    common: 'This is a commonly used password.',
    similarToCommon: 'This is similar to a commonly used password.',
    wordByItself: 'A single word is easy to guess.',
    namesByThemselves: 'Names and surnames on their own are easy to guess.',
    commonNames: 'Common names and surnames are easy to guess.',
    userInputs: 'Do not use personal details or words from this page.',
    pwned: 'This password has appeared in a data breach.',
  },
  suggestions: {
    l33t: 'Swapping letters for look-alike symbols, such as “@” for “a”, does not help much.',
    reverseWords: 'Avoid common words spelt backwards.',
    allUppercase: 'Capitalise some letters, but not all of them.',
    capitalization: 'Capitalise more than the first letter.',
    dates: 'Avoid dates and years that are connected with you.',
    recentYears: 'Avoid recent years.',
    associatedYears: 'Avoid years that are connected with you.',
    sequences: 'Avoid common sequences of characters.',
    repeated: 'Avoid repeated words and characters.',
    longerKeyboardPattern: 'Avoid keyboard patterns.',
    anotherWord: 'Add another word or two that are less common.',
    useWords: 'Use several unrelated words, but avoid well-known phrases.',
    noNeed: 'You do not need symbols, numbers or capital letters: several unrelated words work well.',
    pwned: 'If you use this password anywhere else, change it there.',
  },
  timeEstimation: {
    ltSecond: 'less than a second',
    second: '{base} second',
    seconds: '{base} seconds',
    minute: '{base} minute',
    minutes: '{base} minutes',
    hour: '{base} hour',
    hours: '{base} hours',
    day: '{base} day',
    days: '{base} days',
    month: '{base} month',
    months: '{base} months',
    year: '{base} year',
    years: '{base} years',
    centuries: 'centuries',
  },
};

/** True when the passphrase scores at least MIN_ACCEPTED_SCORE. */
export async function strongEnough(passphrase: string): Promise<boolean> {
  const check = await loadStrengthChecker();
  return check(passphrase).score >= MIN_ACCEPTED_SCORE;
}

export type StrengthChecker = (passphrase: string) => Strength;

let checker: Promise<StrengthChecker> | null = null;

export function loadStrengthChecker(): Promise<StrengthChecker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
    });
    return (passphrase: string): Strength => {
      const result = zxcvbn.check(passphrase.slice(0, 256));
      const score = result.score as Strength['score'];
      return {
        score,
        label: STRENGTH_LABELS[score],
        warning: result.feedback.warning ?? '',
        suggestions: result.feedback.suggestions,
      };
    };
  })();
  return checker;
}
