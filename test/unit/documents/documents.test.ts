import { describe, expect, it } from 'vitest';
import type { Block } from '../../../domain/documents/model';
import { cell, heading, paragraphsOf, plain } from '../../../domain/documents/model';
import { redactRestricted, WITHHELD_CELL } from '../../../domain/documents/redact';
import { fallbackFaces, splitByFont } from '../../../main/services/export/fonts';
import { documentDate, documentDateTime } from '../../../templates/layouts/common';

describe('redacting for the family copy', () => {
  const blocks: Block[] = [
    heading(1, 'Agency contributions'),
    { kind: 'restricted', reason: 'it is about a third party', blocks: [plain('Police intelligence about a former partner.')] },
    {
      kind: 'restricted',
      reason: 'the chair wrote a family version',
      blocks: [plain('The full rationale.')],
      replacement: [plain('The rationale for the family.')],
    },
    { kind: 'table', header: ['Question', 'Answer'], rows: [[cell('Detail'), cell('Heard in a closed part.', true)]] },
  ];

  it('drops restricted blocks, uses replacements, blanks restricted cells and counts each with its reason', () => {
    const { blocks: out, reasons, removed } = redactRestricted(blocks);
    const text = JSON.stringify(out);
    expect(text).not.toContain('Police intelligence');
    expect(text).not.toContain('The full rationale.');
    expect(text).not.toContain('Heard in a closed part.');
    expect(text).toContain('The rationale for the family.');
    expect(text).toContain(WITHHELD_CELL);
    expect(removed).toBe(3);
    expect(reasons).toEqual([
      'it is about a third party',
      'the chair wrote a family version',
      'it is restricted information, such as information about other people or confidential police information',
    ]);
  });

  it('leaves a document with nothing restricted exactly as it was', () => {
    const open: Block[] = [heading(1, 'Plan'), plain('Nothing restricted here.')];
    expect(redactRestricted(open)).toEqual({ blocks: open, reasons: [], removed: 0 });
  });
});

describe('British dates in documents', () => {
  it('writes calendar dates in words and leaves an unreadable date as typed', () => {
    expect(documentDate('2026-01-15')).toBe('15 January 2026');
    expect(documentDate('2026-03-05')).toBe('05 March 2026');
    expect(documentDate('2026-02-30')).toBe('2026-02-30');
  });

  it('writes a signing time in UK time, including summer time', () => {
    expect(documentDateTime('2026-01-15T16:20:00.000Z')).toBe('15 January 2026 at 16:20');
    expect(documentDateTime('2026-07-01T08:05:00.000Z')).toBe('01 July 2026 at 09:05');
  });
});

describe('long answers', () => {
  it('become one paragraph per line and keep every character, markup included', () => {
    expect(paragraphsOf('First <b>line</b>\n\n  Second & last  ').map((p) => p.runs[0]?.text)).toEqual(['First <b>line</b>', 'Second & last']);
  });
});

describe('choosing a font for each character in the PDF', () => {
  const faces = fallbackFaces();

  it('keeps Latin, Polish and punctuation in the body font and sends Hebrew, Arabic and emoji to fonts that have them', () => {
    const parts = splitByFont('Zażółć “quoted” — שלום and مرحبا 👍🏽!', faces);
    expect(parts.map((p) => p.text).join('')).toBe('Zażółć “quoted” — שלום and مرحبا 👍🏽!');
    const family = (text: string) => parts.find((p) => p.text.includes(text))?.family;
    expect(family('Zażółć “quoted” —')).toBe('Roboto');
    expect(family('שלום')).toMatch(/^NotoSansHebrew/);
    expect(family('مرحبا')).toMatch(/^NotoSansArabic/);
    // The skin-tone modifier stays with its emoji, in the same font.
    expect(family('👍🏽')).toMatch(/^NotoEmoji/);
  });
});
