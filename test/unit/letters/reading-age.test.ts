import { describe, expect, it } from 'vitest';
import { MIN_WORDS, readingAge, readingAgeSentence } from '../../../domain/letters/reading-age';
import { CHILD_LETTER_FIELD, childLetters, isOldEnoughForLetter } from '../../../domain/letters/child-letters';
import { childrenOf } from '../../../domain/record/access';
import { whitfieldRecord } from '../../../main/demo/scenarios';

/**
 * Flesch–Kincaid grade = 0.39 × words/sentence + 11.8 × syllables/word − 15.59, and the
 * reading age is grade + 5. The figures below are worked by hand from the counts.
 */

describe('the reading age of a letter to a child', () => {
  it('measures short plain sentences as young: 12 one-syllable words in 3 sentences → grade −2.2 → reading age 5 or under', () => {
    // 0.39 × 4 + 11.8 × 1 − 15.59 = −2.23.
    const result = readingAge('I met your mum. We want you safe. You can ring me.');
    expect(result).toMatchObject({ kind: 'measured', words: 12, sentences: 3 });
    if (result.kind !== 'measured') throw new Error('not measured');
    expect(result.grade).toBeCloseTo(-2.23, 2);
    expect(readingAgeSentence(result)).toBe('Reading age about 5 or under (Flesch–Kincaid grade 0).');
  });

  it('measures a professional’s sentence as adult', () => {
    const result = readingAge(
      'The conference determined that the cumulative impact of parental substance misuse constitutes a continuing likelihood of significant emotional harm.',
    );
    expect(readingAgeSentence(result)).toMatch(/^Reading age about 18 or over \(Flesch–Kincaid grade \d+\)\.$/);
  });

  it('gives a middle age for a middling letter, and the number moves as the words get harder', () => {
    const plain = 'Dear Maya,\nThank you for talking to me. You told me about school and your dog. We had a meeting about you today. Everyone wants you to be safe and happy at home.';
    const harder = `${plain} The professionals considered the circumstances and recommended additional educational support.`;
    const a = readingAge(plain);
    const b = readingAge(harder);
    if (a.kind !== 'measured' || b.kind !== 'measured') throw new Error('not measured');
    expect(a.age).toBeGreaterThanOrEqual(5);
    expect(a.age).toBeLessThanOrEqual(9);
    expect(b.age).toBeGreaterThan(a.age);
    expect(readingAgeSentence(a)).toBe(`Reading age about ${a.age === 5 ? '5 or under' : a.age} (Flesch–Kincaid grade ${Math.max(0, Math.round(a.grade))}).`);
  });

  it('asks for more text rather than guessing from a few words, and says nothing for an empty box', () => {
    expect(readingAge('')).toEqual({ kind: 'empty' });
    expect(readingAge('Dear Maya,')).toEqual({ kind: 'too-short', words: 2 });
    expect(readingAgeSentence(readingAge('Dear Maya,'))).toBe(`Write a few sentences to see a reading age (2 of ${MIN_WORDS} words so far).`);
  });

  it('gives no number for a letter not written in English, rather than a wrong one', () => {
    expect(readingAge('مرحبا يا مايا، شكرا لك على التحدث معي اليوم. نحن نريدك أن تكوني آمنة وسعيدة في المنزل.')).toEqual({ kind: 'not-english' });
  });

  it('keeps up with a 60,000-character letter (it runs after each pause in typing)', () => {
    const long = 'Thank you for talking to me about school and home. '.repeat(1_200);
    readingAge(long);
    const started = performance.now();
    expect(readingAge(`${long} One more line.`).kind).toBe('measured');
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('which children get a letter', () => {
  it('offers one to children five and over at the conference date, and to a child whose age is not known yet, never to a baby or an unborn child', () => {
    const record = whitfieldRecord();
    const [maya, leo] = childrenOf(record);
    expect(isOldEnoughForLetter(record, maya!.id)).toBe(true); // 7
    expect(isOldEnoughForLetter(record, leo!.id)).toBe(false); // 2
    maya!.values['dateOfBirth'] = '2021-01-16'; // five tomorrow: still four on 15 January 2026
    expect(isOldEnoughForLetter(record, maya!.id)).toBe(false);
    maya!.values['dateOfBirth'] = '2021-01-15'; // five today
    expect(isOldEnoughForLetter(record, maya!.id)).toBe(true);
    maya!.values['dateOfBirth'] = '';
    expect(isOldEnoughForLetter(record, maya!.id)).toBe(true);
    expect(childLetters(record)).toEqual([]); // none written yet
  });

  it('names a letter by the child’s whole name when two children share a first name', () => {
    const record = whitfieldRecord();
    const [maya, leo] = childrenOf(record);
    leo!.values['name'] = 'Maya Whitfield-Brook';
    leo!.values['dateOfBirth'] = '2016-02-01';
    const voice = record.sections['voice'];
    if (voice?.kind !== 'perChild') throw new Error('no voice section');
    voice.perChild[maya!.id] = { ...voice.perChild[maya!.id], [CHILD_LETTER_FIELD]: 'Dear Maya' };
    voice.perChild[leo!.id] = { ...voice.perChild[leo!.id], [CHILD_LETTER_FIELD]: 'Dear Maya' };
    expect(childLetters(record).map((l) => l.recipient)).toEqual(['Maya Whitfield', 'Maya Whitfield-Brook']);
  });
});
