import { describe, expect, it } from 'vitest';
import { exportFileName, safeFileNamePart } from '../../../domain/signoff/file-name';

describe('export file names', () => {
  it('reads as a records officer files them', () => {
    const base = { date: '2026-01-15', type: 'initial', firstChildName: 'Maya Whitfield', draft: false } as const;
    expect(exportFileName({ ...base, document: 'full-minutes', format: 'pdf' })).toBe('2026-01-15 ICPC Whitfield - minutes.pdf');
    expect(exportFileName({ ...base, document: 'family-copy', format: 'docx' })).toBe('2026-01-15 ICPC Whitfield - family copy.docx');
    expect(exportFileName({ ...base, document: 'decision-letter', format: 'pdf' })).toBe('2026-01-15 ICPC Whitfield - decision letter.pdf');
    expect(exportFileName({ ...base, document: 'actions', format: 'pdf', draft: true })).toBe('2026-01-15 ICPC Whitfield - actions list (DRAFT).pdf');
  });

  it('is safe on every file system and keeps letters of every script', () => {
    for (const bad of ['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001f', '\u202e']) {
      expect(safeFileNamePart(`A${bad}B`)).toBe('A B');
    }
    expect(safeFileNamePart('Nowak-Żółć')).toBe('Nowak-Żółć');
    expect(safeFileNamePart('عبدالله')).toBe('عبدالله');
    expect(safeFileNamePart('..')).toBe('');
    expect(safeFileNamePart('CON')).toBe('CON_');
    expect(exportFileName({ date: '', type: 'review', firstChildName: '../..', document: 'full-minutes', format: 'pdf', draft: true })).toBe(
      'Undated RCPC Unnamed - minutes (DRAFT).pdf',
    );
  });
});
