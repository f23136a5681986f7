import { describe, expect, it } from 'vitest';
import { childLetterFileName } from '../../../domain/signoff/file-name';
import type { ChildLetter } from '../../../domain/letters/child-letters';
import { exportChoices, plannedFiles, progressSentence } from '../../../renderer/src/letters/export-plan';

const maya: ChildLetter = { childId: 'a', childName: 'Maya Whitfield', firstName: 'Maya', text: 'Dear Maya', recipient: 'Maya' };
const daniel: ChildLetter = { childId: 'b', childName: 'Daniel Osei', firstName: 'Daniel', text: 'Dear Daniel', recipient: 'Daniel' };

describe('the export dialog’s plan', () => {
  it('offers the documents in a records officer’s order, each child’s letter before the actions list', () => {
    expect(exportChoices([maya, daniel]).map((c) => c.label)).toEqual([
      'Full minutes',
      'Family copy',
      'Decision letter to parents',
      'Letter to Maya Whitfield (large print)',
      'Letter to Daniel Osei (large print)',
      'Actions list for the core group',
    ]);
  });

  it('makes one file per chosen document and format, and counts them as the progress line does', () => {
    const choices = exportChoices([maya]);
    const files = plannedFiles(choices, new Set(['family-copy', 'letter-a']), ['docx', 'pdf']);
    expect(files.map((f) => f.label)).toEqual([
      'Family copy, Word (DOCX)',
      'Family copy, PDF',
      'Letter to Maya Whitfield (large print), Word (DOCX)',
      'Letter to Maya Whitfield (large print), PDF',
    ]);
    expect(plannedFiles(choices, new Set(['family-copy']), [])).toEqual([]);
    expect(progressSentence(3, 8)).toBe('Exporting 3 of 8 files…');
    expect(progressSentence(1, 1)).toBe('Exporting 1 of 1 file…');
  });
});

describe('a letter’s file name', () => {
  it('names the child so it is never given to the wrong one, and says DRAFT when unsigned', () => {
    const parts = { date: '2026-01-15', type: 'initial' as const, surname: 'Whitfield', format: 'pdf' as const };
    expect(childLetterFileName({ ...parts, recipient: 'Maya', draft: false })).toBe('2026-01-15 ICPC Whitfield - letter to Maya.pdf');
    expect(childLetterFileName({ ...parts, recipient: 'Maya', draft: true })).toBe('2026-01-15 ICPC Whitfield - letter to Maya (DRAFT).pdf');
    // A name with characters a file system refuses still makes a safe name.
    expect(childLetterFileName({ ...parts, recipient: 'Jo/Jo: "the <best>"', draft: false })).toBe('2026-01-15 ICPC Whitfield - letter to Jo Jo the best.pdf');
  });
});
