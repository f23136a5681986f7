import { describe, expect, it } from 'vitest';
import { auditChild } from '../../../domain/audit/indicators';
import { BOM, CSV_HEADINGS, cohortCsv, csvField, neutralise } from '../../../domain/audit/csv';
import type { AuditRow } from '../../../domain/audit/types';
import { templateForRecord } from '../../../templates/conference-templates';
import { osei, updateChildItem } from './records';

function danielRow(): AuditRow {
  const { record, daniel } = osei();
  updateChildItem(record, daniel, { caseNumber: '=HYPERLINK("http://example.invalid","Click")' });
  const row = auditChild(record, daniel, { template: templateForRecord(record), signOff: { signedAt: null, intact: true }, today: '2026-02-04' });
  return { ...row, cameBack: { status: 'not-back', matches: [], explanation: 'Not found.' }, judgements: [], judgementsMissing: 0 };
}

describe('the cohort CSV', () => {
  it('neutralises every field a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(neutralise(dangerous)).toBe(`'${dangerous}`);
    }
    expect(neutralise('Daniel Osei')).toBe('Daniel Osei');
    expect(neutralise('a=b')).toBe('a=b');
  });

  it('quotes every field and doubles quotes inside it', () => {
    expect(csvField('He said "no", then left')).toBe('"He said ""no"", then left"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
  });

  it('starts with a byte-order mark, ends lines with CRLF, and carries every indicator', () => {
    const csv = cohortCsv([danielRow()]);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toContain('"Rationale engages every differing agency","Rationale engages every differing agency: why"');
    expect(lines[0]?.split('","')).toHaveLength(CSV_HEADINGS.length);
    // The case number typed as a formula arrives as text.
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/example.invalid"",""Click""\)","Daniel Osei","03\/02\/2026"/);
    expect(lines[1]).toContain('"Police dissents; will escalate through the professional resolution process"');
    expect(lines[1]).toContain('"Met","Each agency that recommended otherwise (Police) has its view weighed');
  });
});
