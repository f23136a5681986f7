import { describe, expect, it } from 'vitest';
import { judgementCommentProblem, MIN_JUDGEMENT_WORDS, wordCount } from '../../../domain/audit/judgement-rules';
import { MIN_WEIGHING_WORDS } from '../../../domain/rules/decision-rules';

describe('a judgement’s comment', () => {
  it('asks for as many words as a chair’s weighing of a differing view', () => {
    expect(MIN_JUDGEMENT_WORDS).toBe(MIN_WEIGHING_WORDS);
  });

  it('refuses a lazy comment with a plain message saying how many words were written', () => {
    expect(judgementCommentProblem('')).toBe('Write a comment saying why: the chair reads it beside the decision.');
    expect(judgementCommentProblem('x')).toContain('you wrote one word');
    expect(judgementCommentProblem('Fine by me, ok')).toContain('you wrote 4 words');
    // Punctuation is not words.
    expect(wordCount('- - - ... !! ?')).toBe(0);
    expect(judgementCommentProblem('. . . . . . .')).toBe('Write a comment saying why: the chair reads it beside the decision.');
  });

  it('accepts five real words, in any script', () => {
    expect(judgementCommentProblem('Police dissent answered with reasons.')).toBeNull();
    expect(judgementCommentProblem('Rhesymeg glir, pob asiantaeth wedi’i hateb.')).toBeNull();
  });
});
