import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * How hard the chair's letter to a child is to read, as a reading age beside the editor.
 *
 * The grade comes from the Flesch–Kincaid formula (words per sentence and syllables per
 * word) through the `flesch-kincaid` and `syllable` packages (words/wooorm, kept up to date,
 * no runtime dependencies beyond syllable's word lists). The formula gives a US school grade;
 * a reading age is that grade plus five, the usual conversion (grade 1 is read by six-year-olds).
 * It is a rough guide for English prose only, which is why the sentence says "about", and why
 * text that is mostly not in the Latin alphabet (a letter written in Arabic or Polish script
 * conventions the syllable counter does not know) gets no number rather than a wrong one.
 *
 * Pure and synchronous, so it is unit-tested and the editor can run it after a pause in typing.
 */

export type ReadingAge =
  | { kind: 'empty' }
  | { kind: 'too-short'; words: number }
  | { kind: 'not-english' }
  | { kind: 'measured'; grade: number; age: number; words: number; sentences: number };

/** Below this many words the formula swings wildly from one word to the next. */
export const MIN_WORDS = 10;
/** The formula cannot go much below grade 0; nobody reads before about five. */
const YOUNGEST_READING_AGE = 5;
/** Beyond this a sentence is saying "adult": there is no meaningful difference above it. */
const OLDEST_READING_AGE = 18;

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*/gu;
const HAS_WORD = /[\p{L}\p{M}]/u;
const LATIN_WORD = /^[A-Za-z\u00C0-\u024F'’-]+$/u;

/**
 * Sentences end at . ! ? (one or more, with closing quotes or brackets) or at a line break:
 * a letter to a child is often written in short lines ("Dear Jayden," on its own line,
 * a list of things that will happen), and each line reads as a sentence.
 */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…]+["'”’)\]]*)\s+|\r?\n+/u)
    .map((s) => s.trim())
    .filter((s) => HAS_WORD.test(s));
}

/**
 * Syllable counts by word, kept between calls: the editor measures the whole letter after each
 * pause in typing, and a letter repeats most of its words, so a 60,000-character text costs
 * tens of milliseconds on the second pass rather than a fresh count of every word.
 */
const counted = new Map<string, number>();
const MAX_REMEMBERED = 20_000;

function syllablesIn(word: string): number {
  const key = word.toLowerCase();
  let n = counted.get(key);
  if (n === undefined) {
    n = Math.max(1, syllable(key));
    if (counted.size >= MAX_REMEMBERED) counted.clear();
    counted.set(key, n);
  }
  return n;
}

export function readingAge(text: string): ReadingAge {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return { kind: 'empty' };
  const latin = words.filter((w) => LATIN_WORD.test(w));
  if (latin.length < words.length * 0.8) return { kind: 'not-english' };
  if (words.length < MIN_WORDS) return { kind: 'too-short', words: words.length };
  const sentences = Math.max(1, sentencesOf(text).length);
  const syllables = latin.reduce((n, w) => n + syllablesIn(w), 0) + (words.length - latin.length);
  const grade = fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
  const age = Math.min(OLDEST_READING_AGE, Math.max(YOUNGEST_READING_AGE, Math.round(grade + 5)));
  return { kind: 'measured', grade, age, words: words.length, sentences };
}

/** What the chair reads beside the editor. */
export function readingAgeSentence(result: ReadingAge): string {
  switch (result.kind) {
    case 'empty':
      return 'The reading age will show here as you write.';
    case 'too-short':
      return `Write a few sentences to see a reading age (${result.words} of ${MIN_WORDS} words so far).`;
    case 'not-english':
      return 'No reading age: it can only be judged for letters written in English.';
    case 'measured': {
      const grade = Math.max(0, Math.round(result.grade));
      const age = result.age <= YOUNGEST_READING_AGE ? `${YOUNGEST_READING_AGE} or under` : result.age >= OLDEST_READING_AGE ? `${OLDEST_READING_AGE} or over` : String(result.age);
      return `Reading age about ${age} (Flesch–Kincaid grade ${grade}).`;
    }
  }
}
