import { describe, expect, it } from 'vitest';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import { signPdfFile } from '../../../main/services/export/pades';
import { renderPdf } from '../../../main/services/export/pdf';
import { generatePdfCertificate } from '../../../main/services/signing/pdf-certificate';
import { fullMinutes } from '../../../templates/layouts';
import { openStore } from '../../unit/store/helpers';
import { requireTool } from '../export/extract';
import { CHAIR, enterWhitfield } from '../signoff/ready';
import { exportFile, pdfsig, snapshot, verify, withByteChanged } from './helpers';

/**
 * The PDF signature of signed exports, read by an independent program (poppler's pdfsig,
 * whose TEXT is checked: it exits 0 even on a digest mismatch) and by the app's own check.
 */

async function signedWhitfield() {
  const h = await openStore();
  await h.ok('profile.set', CHAIR);
  const entered = await enterWhitfield(h);
  await h.ok('conferences.sign', { id: entered.id, baseRevision: entered.revision });
  return { h, id: entered.id };
}

/** An offset inside the signed bytes that readers can still parse past: a letter of the Producer entry. */
function producerLetter(pdf: Buffer): number {
  // pdfkit writes each information entry as its own object: `122 0 obj\n(Conference Recorder)`.
  const at = pdf.indexOf('\n(Conference Recorder)');
  expect(at, 'the Producer entry').toBeGreaterThan(0);
  return at + 3;
}

describe('PAdES signature on signed PDFs', () => {
  requireTool('pdfsig');

  it('pdfsig reports a signed PDF valid, signed by the chair, covering the whole document; the app says it matches version 1', async () => {
    const { h, id } = await signedWhitfield();
    for (const document of ['full-minutes', 'family-copy', 'decision-letter', 'actions']) {
      const pdf = await exportFile(h, id, document, 'pdf');
      const report = pdfsig(pdf);
      expect(report, document).toContain('Signature Validation: Signature is Valid.');
      expect(report, document).toContain('Total document signed');
      expect(report, document).toContain('Signer Certificate Common Name: Helen Marsh');
      expect(report, document).toContain('Signature Type: ETSI.CAdES.detached');
      const checked = await verify(h, pdf);
      expect(checked.verdict, `${document}: ${checked.summary}`).toBe('valid');
      expect(checked.conferenceId).toBe(id);
      expect(checked.version).toBe(1);
      expect(checked.latestVersion).toBe(1);
      expect(checked.summary).toContain('signed version 1 of the initial child protection conference of 15 January 2026 (conference ');
      expect(checked.summary).toContain('the latest signed version');
    }
  });

  it('one byte changed inside the signed range: pdfsig says the digest does not match, and the app says altered', async () => {
    const { h, id } = await signedWhitfield();
    const pdf = await exportFile(h, id, 'full-minutes', 'pdf');
    // Two places: a letter of the document information, and a byte in the middle of the page content.
    for (const offset of [producerLetter(pdf), Math.floor(pdf.indexOf('/ByteRange') / 2)]) {
      const changed = withByteChanged(pdf, offset);
      const report = pdfsig(changed);
      expect(report, `offset ${offset}`).not.toContain('Signature is Valid');
      expect(report, `offset ${offset}`).toMatch(/Digest Mismatch|Signature is Invalid/);
      const checked = await verify(h, changed);
      expect(checked.verdict, checked.summary).toBe('altered');
      expect(checked.summary).toContain('has been altered');
    }
  });

  it('a PDF signed by someone else (another store’s chair) is “signed by someone unknown”, while pdfsig finds its own signature intact', async () => {
    const { h } = await signedWhitfield();
    const other = await openStore();
    await other.ok('profile.set', { name: 'Imogen Fairley', role: 'Conference Chair', council: 'Westmere County Council' });
    const theirs = await enterWhitfield(other);
    await other.ok('conferences.sign', { id: theirs.id, baseRevision: theirs.revision });
    const pdf = await exportFile(other, theirs.id, 'full-minutes', 'pdf');
    expect(pdfsig(pdf)).toContain('Signature is Valid.');
    const checked = await verify(h, pdf);
    expect(checked.verdict, checked.summary).toBe('unknown');
    expect(checked.summary).toContain('Imogen Fairley');
    // And a PDF signed outside the app altogether, with a certificate of the same name as ours.
    const forged = await signPdfFile(await renderPdf(fullMinutes(whitfieldRecord())), generatePdfCertificate(CHAIR, new Date()), {
      reason: 'Signed minutes',
      name: CHAIR.name,
      location: CHAIR.council,
      signedAt: new Date(),
    });
    expect(pdfsig(forged)).toContain('Signature is Valid.');
    const forgedCheck = await verify(h, forged);
    expect(forgedCheck.verdict, forgedCheck.summary).toBe('unknown');
  });

  it('bad input gets a plain answer and the store on disk is unchanged', async () => {
    const { h, id } = await signedWhitfield();
    const pdf = await exportFile(h, id, 'full-minutes', 'pdf');
    const draftStore = await openStore();
    const draft = await enterWhitfield(draftStore);
    const draftPdf = await exportFile(draftStore, draft.id, 'full-minutes', 'pdf');
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: 'lantern orchard pebble violin' });
    const before = snapshot(h.dir);
    const cases: [string, Buffer, string, string][] = [
      ['empty', Buffer.alloc(0), 'minutes.pdf', 'not-a-document'],
      ['text named .pdf', Buffer.from('These are not minutes.\n'), 'minutes.pdf', 'not-a-document'],
      // Cut before the seal: nothing left says it was ours. Cut after the seal, before the signature: altered.
      ['cut to 30%', pdf.subarray(0, Math.floor(pdf.length * 0.3)), 'minutes.pdf', 'not-a-document'],
      ['cut just before the signature', pdf.subarray(0, pdf.lastIndexOf('/ByteRange') - 400), 'minutes.pdf', 'altered'],
      ['last bytes cut', pdf.subarray(0, pdf.length - 10), 'minutes.pdf', 'altered'],
      ['added to', Buffer.concat([pdf, Buffer.from('\n1 0 obj\n<< >>\nendobj\n')]), 'minutes.pdf', 'altered'],
      ['draft', draftPdf, 'minutes (DRAFT).pdf', 'not-a-document'],
      ['random bytes', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), 'x.bin', 'not-a-document'],
      ['a PDF header then garbage', Buffer.from('%PDF-1.7\n/ByteRange [0 10 20 5]\nrubbish'), 'minutes.pdf', 'altered'],
    ];
    for (const [name, bytes, fileName, verdict] of cases) {
      const checked = await verify(h, bytes, fileName);
      expect(checked.verdict, `${name}: ${checked.summary}`).toBe(verdict);
      expect(checked.summary.length, name).toBeGreaterThan(20);
    }
    expect(snapshot(h.dir)).toEqual(before);
  });

  it('locking forgets the PDF layout caches (the words come from records)', async () => {
    const pdfModule = await import('../../../main/services/export/pdf');
    const { h, id } = await signedWhitfield();
    await exportFile(h, id, 'full-minutes', 'pdf');
    expect(pdfModule.cachedWordCount()).toBeGreaterThan(0);
    await h.ok('vault.lock');
    expect(pdfModule.cachedWordCount()).toBe(0);
  });
});
