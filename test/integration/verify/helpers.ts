import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FileVerification } from '../../../domain/signoff/verification';
import type { Harness } from '../../unit/store/helpers';

export interface Exported {
  fileName: string;
  base64: string;
  draft: boolean;
}

export async function exportFile(h: Harness, id: string, document: string, format: 'pdf' | 'docx'): Promise<Buffer> {
  const out = await h.ok<Exported>('conferences.export', { id, document, format });
  return Buffer.from(out.base64, 'base64');
}

export function verify(h: Harness, bytes: Buffer, fileName = 'file.pdf'): Promise<FileVerification> {
  return h.ok<FileVerification>('files.verify', { fileName, base64: bytes.toString('base64') });
}

/** poppler's pdfsig, read as text: it exits 0 even when it reports a digest mismatch. */
export function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-pdfsig-'));
  try {
    const path = join(dir, 'signed.pdf');
    writeFileSync(path, pdf);
    const result = execFileSync('pdfsig', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return result;
  } catch (error) {
    // pdfsig exits non-zero for an unsigned file; its text is still the answer.
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file with one byte changed at `offset` (to another printable letter, so readers can still parse it). */
export function withByteChanged(bytes: Buffer, offset: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = copy[offset] === 0x41 ? 0x42 : 0x41;
  return copy;
}

/** A Word file with its body's XML changed as a user editing in Word would change the words. */
export function editDocx(docx: Buffer, edit: (xml: string) => string, part = 'word/document.xml'): Buffer {
  const parts = unzipSync(docx);
  const body = parts[part];
  if (!body) throw new Error(`No ${part} in this DOCX.`);
  parts[part] = strToU8(edit(strFromU8(body)));
  return Buffer.from(zipSync(parts));
}

export function docxPartText(docx: Buffer, part: string): string {
  const found = unzipSync(docx)[part];
  if (!found) throw new Error(`No ${part}.`);
  return strFromU8(found);
}

/** Every file under `dir` with the SHA-256 of its bytes: a fingerprint of the store on disk. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
