import { cpus, loadavg } from 'node:os';
import { whitfieldRecord } from '../main/demo/scenarios';
import { handlersFor } from '../main/services/app-services';
import { dispatch } from '../main/services/dispatch';
import { signPdfFile } from '../main/services/export/pades';
import { TEST_KDF } from '../main/services/store/kdf';
import { ConferenceStore } from '../main/services/store/store';
import { verifyFile } from '../main/services/verify/verify-file';
import { machineLoad, ms, percentiles, verdict } from './lib/stats';
import { withTempDir } from './lib/temp';

/**
 * Verification benchmark: the Whitfield full minutes, signed and exported as PDF and as Word
 * from a real (temporary) store, then checked by `verifyFile` against that store — median of
 * warm runs. The PDF check is the PAdES signature (SHA-256 of ~170 KB, one RSA verification)
 * plus reading the conference and its signed versions; the Word check hashes the body's text
 * and checks it against the hash the chair's key signed at export (laying the version out
 * again only when they differ). In the same run: the time the PAdES signature adds to a
 * PDF export (the signing step alone, on the exported file). Target: PDF check ≤ 100 ms.
 */

const WARM_UP = 3;
const RUNS = 11;

async function median(task: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i += 1) await task();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return percentiles(times).p50;
}

export async function run(): Promise<void> {
  await withTempDir('verify', async (dir) => {
    const store = new ConferenceStore({ dataDir: dir, kdf: TEST_KDF });
    const handlers = handlersFor(store);
    const ok = async <T>(operation: string, input: unknown): Promise<T> => {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new Error(`${operation}: ${result.error.code}`);
      return result.value as T;
    };
    try {
      await ok('vault.create', { passphrase: 'lantern orchard pebble violin' });
      await ok('profile.set', { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' });
      const record = whitfieldRecord();
      const children = record.sections['children'];
      const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
      const created = await ok<{ id: string; revision: number }>('conferences.create', { type: record.type, date: '2026-01-15', children: names });
      await ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: record.sections });
      const draft = await ok<{ conference: { revision: number } }>('conferences.get', { id: created.id });
      const exportAs = (format: 'pdf' | 'docx') => ok<{ base64: string }>('conferences.export', { id: created.id, document: 'full-minutes', format });
      const draftPdf = Buffer.from((await exportAs('pdf')).base64, 'base64');
      await ok('conferences.sign', { id: created.id, baseRevision: draft.conference.revision });
      const certificate = await store.pdfCertificate();
      const signMs = await median(() => signPdfFile(draftPdf, certificate, { reason: 'Signed full minutes, version 1', name: 'Helen Marsh', location: 'Carrowby Borough Council', signedAt: new Date() }));
      const pdf = Buffer.from((await exportAs('pdf')).base64, 'base64');
      const docx = Buffer.from((await exportAs('docx')).base64, 'base64');

      const check = async (bytes: Buffer, name: string) => {
        const result = await verifyFile(bytes, name, store);
        if (result.verdict !== 'valid') throw new Error(`The benchmark's own ${name} did not verify (${result.verdict}).`);
      };
      const pdfMs = await median(() => check(pdf, 'minutes.pdf'));
      const docxMs = await median(() => check(docx, 'minutes.docx'));
      console.log(`  verifying the signed Whitfield minutes PDF (${Math.round(pdf.length / 1024)} KB): median ${ms(pdfMs)} (target ≤ 100 ms: ${verdict(pdfMs <= 100)})`);
      console.log(`  verifying the signed Whitfield minutes DOCX (its signed text hash; laid out again only when that differs): median ${ms(docxMs)}`);
      console.log(`  adding the PAdES signature to the exported minutes PDF: median ${ms(signMs)} (part of every signed PDF export)`);
    } finally {
      await store.lock();
    }
  });
  console.log(`  ${machineLoad(loadavg()[0] ?? 0, cpus().length)}`);
}
