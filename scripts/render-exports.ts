/**
 * `npx tsx scripts/render-exports.ts`: writes every output of the three fictional scenarios
 * (plus a signed copy and the bad-input record) as DOCX and PDF under
 * test-results/export-pages/, and turns their pages into PNGs — our PDF through pdftoppm,
 * the Word file through LibreOffice then pdftoppm — so a person can look at them side by
 * side. Needs poppler-utils and LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignatureInfo } from '../domain/documents/model';
import type { ConferenceRecord } from '../domain/record/conference';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../main/demo/scenarios';
import { renderDocx } from '../main/services/export/docx';
import { renderPdf } from '../main/services/export/pdf';
import { DOCUMENT_KINDS, LAYOUTS, type LayoutOptions } from '../templates/layouts';
import { hostileWhitfield } from '../test/integration/export/hostile';
import { CHILD_LETTER_FIELD } from '../domain/letters/child-letters';
import { childrenOf } from '../domain/record/access';
import { childLetterDocument } from '../templates/layouts/child-letter';

const OUT = join('test-results', 'export-pages');
const SIGNED: SignatureInfo = {
  signer: 'Priya Natarajan',
  role: 'Independent chair',
  council: 'Northmoor Borough Council',
  signedAt: '2026-01-15T16:20:00.000Z',
  version: 1,
  verificationCode: 'K7QF-2M9D',
};

const runs: { name: string; record: ConferenceRecord; options: LayoutOptions }[] = [
  { name: 'whitfield', record: whitfieldRecord(), options: {} },
  { name: 'osei', record: oseiRecord(), options: {} },
  { name: 'brennan', record: brennanRecord(), options: {} },
  { name: 'whitfield-signed', record: whitfieldRecord(), options: { signature: SIGNED } },
  { name: 'hostile', record: hostileWhitfield(), options: {} },
];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}): ${(result.stderr ?? '').slice(0, 300)}`);
}

rmSync(OUT, { recursive: true, force: true });
const docxDir = join(OUT, 'docx');
mkdirSync(docxDir, { recursive: true });
for (const { name, record, options } of runs) {
  for (const kind of DOCUMENT_KINDS) {
    if (name !== 'whitfield' && name !== 'osei' && name !== 'brennan' && kind !== 'full-minutes') continue;
    const model = LAYOUTS[kind](record, options);
    const base = `${name}-${kind}`;
    writeFileSync(join(OUT, `${base}.pdf`), await renderPdf(model));
    writeFileSync(join(docxDir, `${base}.docx`), await renderDocx(model));
    run('pdftoppm', ['-r', '60', '-png', join(OUT, `${base}.pdf`), join(OUT, `${base}-pdf`)]);
    console.log(`wrote ${base}`);
  }
}

// Issue 8: a letter to a child (Maya, 7), signed and as a draft, in the large-print layout.
for (const [name, signature] of [['whitfield-letter-to-maya-signed', SIGNED], ['whitfield-letter-to-maya-draft', null]] as const) {
  const record = whitfieldRecord();
  const maya = childrenOf(record)[0]!;
  const voice = record.sections['voice'];
  if (voice?.kind !== 'perChild') throw new Error('The Whitfield scenario has no voice section.');
  voice.perChild[maya.id] = {
    ...voice.perChild[maya.id],
    [CHILD_LETTER_FIELD]: 'Dear Maya,\nThank you for the pictures you drew for me.\nOn Thursday the grown-ups who help your family met to talk about how to keep you and Leo safe.\nSam will keep visiting you at home and at school.',
  };
  const model = childLetterDocument(record, maya.id, { signature });
  writeFileSync(join(OUT, `${name}.pdf`), await renderPdf(model));
  writeFileSync(join(docxDir, `${name}.docx`), await renderDocx(model));
  run('pdftoppm', ['-r', '60', '-png', join(OUT, `${name}.pdf`), join(OUT, `${name}-pdf`)]);
  console.log(`wrote ${name}`);
}

// LibreOffice reads our Word files as a second, independent program; its pages show how Word-like readers lay them out.
const profile = mkdtempSync(join(tmpdir(), 'lo-render-'));
try {
  const files = readdirSync(docxDir).map((f) => join(docxDir, f));
  run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', docxDir, ...files]);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
for (const file of readdirSync(docxDir).filter((f) => f.endsWith('.pdf'))) {
  run('pdftoppm', ['-r', '60', '-png', join(docxDir, file), join(OUT, `${file.replace(/\.pdf$/, '')}-docx`)]);
}
console.log(`Pages are in ${OUT}/`);
