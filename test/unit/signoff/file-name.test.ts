import { describe, expect, it } from 'vitest';
import type { ConferenceRecord, Values } from '../../../domain/record/conference';
import { exportFileName, fileSurname, safeFileNamePart } from '../../../domain/signoff/file-name';

describe('export file names', () => {
  it('reads as a records officer files them', () => {
    const base = { date: '2026-01-15', type: 'initial', surname: 'Whitfield', draft: false } as const;
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
    expect(exportFileName({ date: '', type: 'review', surname: '../..', document: 'full-minutes', format: 'pdf', draft: true })).toBe(
      'Undated RCPC Unnamed - minutes (DRAFT).pdf',
    );
  });
});

describe('the family name files are kept under', () => {
  const conference = (type: ConferenceRecord['type'], children: Values[], family: Values[]): ConferenceRecord => ({
    id: '6a0c1f9e-0000-4000-8000-000000000001',
    schemaVersion: 1,
    type,
    revision: 1,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    sections: {
      children: { kind: 'list', items: children.map((values, i) => ({ id: `c${i}`, values })) },
      family: { kind: 'list', items: family.map((values, i) => ({ id: `f${i}`, values })) },
    },
  });

  it('is the first child’s surname', () => {
    expect(fileSurname(conference('initial', [{ name: 'Maya Whitfield' }], [{ name: 'Dawn Price' }]))).toBe('Whitfield');
  });

  it('is the family’s for an unnamed unborn baby: pre-birth records are kept under the mother’s name', () => {
    const record = conference('pre-birth-initial', [{ bornStatus: 'unborn', expectedDeliveryDate: '2026-06-20' }], [{ name: '' }, { name: 'Agata O’Brien-Łukasiewicz', relationship: 'Mother' }]);
    expect(exportFileName({ date: '2026-03-02', type: 'pre-birth-initial', surname: fileSurname(record), document: 'full-minutes', format: 'pdf', draft: false })).toBe(
      '2026-03-02 Pre-birth ICPC O’Brien-Łukasiewicz - minutes.pdf',
    );
  });

  it('says "Unnamed" only when nobody in the record is named', () => {
    const record = conference('pre-birth-initial', [{ bornStatus: 'unborn' }], []);
    expect(exportFileName({ date: '2026-03-02', type: 'pre-birth-initial', surname: fileSurname(record), document: 'actions', format: 'docx', draft: true })).toBe(
      '2026-03-02 Pre-birth ICPC Unnamed - actions list (DRAFT).docx',
    );
  });
});
