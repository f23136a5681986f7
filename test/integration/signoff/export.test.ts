import { describe, expect, it } from 'vitest';
import type { Signatures } from '../../../domain/signoff/schemas';
import { docxPart, docxText, pdfPages, squash } from '../export/extract';
import { createConference, openStore, type Harness } from '../../unit/store/helpers';
import { CHAIR, enterWhitfield } from './ready';

/**
 * Exports through the API, read back by independent programs: pdftotext for the PDF, the
 * DOCX's own word/document.xml for Word. An addendum must reach every document made after it.
 */

const DOCUMENTS = ['full-minutes', 'family-copy', 'decision-letter', 'actions'] as const;
interface Exported {
  fileName: string;
  mimeType: string;
  base64: string;
  draft: boolean;
}

async function exportBoth(h: Harness, id: string, document: (typeof DOCUMENTS)[number]) {
  const pdf = await h.ok<Exported>('conferences.export', { id, document, format: 'pdf' });
  const docx = await h.ok<Exported>('conferences.export', { id, document, format: 'docx' });
  const pdfBytes = Buffer.from(pdf.base64, 'base64');
  const docxBytes = Buffer.from(docx.base64, 'base64');
  return {
    pdf,
    docx,
    pdfPages: pdfPages(pdfBytes).map(squash),
    pdfText: squash(pdfPages(pdfBytes).join(' ').replace(/-\n/g, '-')),
    docxText: squash(docxText(docxBytes)),
    docxXml: docxPart(docxBytes, 'word/document.xml'),
    docxFooters: docxPart(docxBytes, 'word/footer1.xml'),
  };
}

describe('exports through the API', () => {
  it('an unsigned conference exports only as a draft, named as one', async () => {
    const h = await openStore();
    const entered = await enterWhitfield(h);
    const out = await exportBoth(h, entered.id, 'full-minutes');
    expect(out.pdf.fileName).toBe('2026-01-15 ICPC Whitfield - minutes (DRAFT).pdf');
    expect(out.docx.fileName).toBe('2026-01-15 ICPC Whitfield - minutes (DRAFT).docx');
    expect(out.pdf.draft).toBe(true);
    expect(out.pdf.mimeType).toBe('application/pdf');
    for (const page of out.pdfPages) expect(page.includes('DRAFT: not signed by the chair'), 'draft footer').toBe(true);
  });

  it('signed: every page names the signer and code; each addendum is in every later export, in both formats', async () => {
    const h = await openStore();
    await h.ok('profile.set', CHAIR);
    const entered = await enterWhitfield(h);
    await h.ok('conferences.sign', { id: entered.id, baseRevision: entered.revision });
    const first = { reason: 'The review date was typed wrongly.', text: 'The review conference is on Thursday 9 April 2026 at 10:00, not 9 March.' };
    const second = { reason: 'Leo’s nursery was named wrongly.', text: 'Leo attends Brook Street Nursery & Children’s Centre <three days a week>.' };
    await h.ok('conferences.addendum', { id: entered.id, ...first });
    let expected = [first];
    for (const round of [1, 2]) {
      if (round === 2) {
        await h.ok('conferences.addendum', { id: entered.id, ...second });
        expected = [first, second];
      }
      const signatures = await h.ok<Signatures>('conferences.signatures', { id: entered.id });
      const latest = signatures.versions.at(-1)!;
      expect(latest.version).toBe(round + 1);
      for (const document of DOCUMENTS) {
        const out = await exportBoth(h, entered.id, document);
        expect(out.pdf.draft).toBe(false);
        expect(out.pdf.fileName).not.toContain('DRAFT');
        for (const addendum of expected) {
          for (const [format, body] of [['pdf', out.pdfText], ['docx', out.docxText]] as const) {
            expect(body.includes(addendum.text), `${document}.${format} round ${round}: addendum text`).toBe(true);
            expect(body.includes(addendum.reason), `${document}.${format} round ${round}: reason`).toBe(true);
          }
        }
        // The code is in the footer of every PDF page and in the Word footer.
        for (const page of out.pdfPages) expect(page.includes(`Verification code ${latest.verificationCode}`), `${document}.pdf footer`).toBe(true);
        expect(out.docxFooters.includes(latest.verificationCode), `${document}.docx footer`).toBe(true);
        if (round === 2) expect(out.docxXml.includes('&lt;three days a week&gt;'), 'markup kept as text').toBe(true);
      }
    }
    const names = await Promise.all(
      DOCUMENTS.map(async (document) => (await h.ok<Exported>('conferences.export', { id: entered.id, document, format: 'pdf' })).fileName),
    );
    expect(names).toEqual([
      '2026-01-15 ICPC Whitfield - minutes.pdf',
      '2026-01-15 ICPC Whitfield - family copy.pdf',
      '2026-01-15 ICPC Whitfield - decision letter.pdf',
      '2026-01-15 ICPC Whitfield - actions list.pdf',
    ]);
  });

  it('a surname with characters file systems refuse still gives a safe name', async () => {
    const h = await openStore();
    const record = await createConference(h, { type: 'review', date: '2026-02-03', children: [{ name: 'Zoë Ní-Dhuibhir:*?"<>|/\\\u0007..' }] });
    const out = await h.ok<Exported>('conferences.export', { id: record.id, document: 'family-copy', format: 'docx' });
    expect(out.fileName).toBe('2026-02-03 RCPC Ní-Dhuibhir - family copy (DRAFT).docx');
  });
});
