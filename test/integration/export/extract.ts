import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Reads exported files back the way an independent reader would: poppler's pdftotext for
 * PDFs, the DOCX's own XML for Word files, and LibreOffice as a second program that must
 * open every Word file. None of these share code with the renderers under test.
 */

/** Whitespace differs between formats (line wrapping, cell breaks); compare with it collapsed. */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function withFile<T>(data: Buffer, name: string, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-export-test-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, data);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in content order (-raw keeps each table cell's lines together), pages split by form feeds. */
export function pdfPages(pdf: Buffer): string[] {
  return withFile(pdf, 'document.pdf', (path) =>
    execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  )
    .split('\f')
    .filter((page, index, all) => index < all.length - 1 || page.trim() !== '');
}

export function pdfText(pdf: Buffer): string {
  return squash(pdfPages(pdf).join('\n'));
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, 'document.pdf', (path) => execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' }));
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** One part of the DOCX package, as stored. */
export function docxPart(docx: Buffer, part: string): string {
  return withFile(docx, 'document.docx', (path) => execFileSync('unzip', ['-p', path, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The text of word/document.xml (or a header or footer part): tags stripped, paragraphs and cells as spaces. */
export function docxText(docx: Buffer, part = 'word/document.xml'): string {
  const xml = docxPart(docx, part);
  return squash(decodeXml(xml.replace(/<\/w:p>/g, ' ').replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '')));
}

export function requireTool(tool: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${tool} is not installed: CI installs poppler-utils and libreoffice-writer-nogui; install them to run these tests.`);
}

export interface Conversion {
  pdf: Buffer | null;
  name: string;
}

/**
 * Converts every DOCX in `files` to PDF with LibreOffice in one run (a private profile, so
 * parallel runs do not collide). Returns each file's PDF, or null where LibreOffice made none.
 */
export function libreOfficeToPdf(files: Record<string, Buffer>, outDir: string): Conversion[] {
  requireTool('soffice');
  const work = mkdtempSync(join(tmpdir(), 'cpc-lo-'));
  try {
    const inDir = join(work, 'in');
    mkdirSync(inDir);
    // A PDF left from an earlier run must not pass for one LibreOffice failed to make now.
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const paths = Object.entries(files).map(([name, data]) => {
      const path = join(inDir, `${name}.docx`);
      writeFileSync(path, data);
      return path;
    });
    const result = spawnSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', outDir, ...paths],
      { encoding: 'utf8', timeout: 240_000 },
    );
    if (result.status !== 0) throw new Error(`LibreOffice failed (exit ${result.status}): ${result.stderr.slice(0, 500)}`);
    const made = new Set(readdirSync(outDir));
    return Object.keys(files).map((name) => {
      const pdf = `${basename(name)}.pdf`;
      return { name, pdf: made.has(pdf) ? readFileSync(join(outDir, pdf)) : null };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function exists(path: string): boolean {
  return existsSync(path);
}
