import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHILD_LETTER_FIELD } from '../../../domain/letters/child-letters';
import { childrenOf } from '../../../domain/record/access';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import type { Signatures } from '../../../domain/signoff/schemas';
import { dispatch } from '../../../main/services/dispatch';
import { folderExportHandlers, writeNew } from '../../../main/services/export/folder-export';
import { docxPart, pdfPages, squash } from '../export/extract';
import { expectFailure, harness, openStore, PASSPHRASE, type Harness } from '../../unit/store/helpers';
import { CHAIR, enterWhitfield } from './ready';

/**
 * The letters to the children and the signed mark, through the API as the app uses them:
 * a letter saved in the voice section exports as the child's own file, named for the child;
 * the conference list says which conferences are signed and at which version; and the
 * desktop app's folder export writes only the app's own documents, never over a file.
 */

interface Exported {
  fileName: string;
  base64: string;
  draft: boolean;
}

const LETTER = 'Dear Maya,\n\nThank you for talking to Sam. The grown-ups met and decided to help your family, and Sam will keep visiting you.';

async function withLetter(h: Harness): Promise<{ record: ConferenceRecord; maya: string; leo: string }> {
  const entered = await enterWhitfield(h);
  const [maya, leo] = childrenOf(entered);
  const voice = entered.sections['voice'];
  if (voice?.kind !== 'perChild' || !maya || !leo) throw new Error('no voice section');
  const perChild = { ...voice.perChild, [maya.id]: { ...voice.perChild[maya.id], [CHILD_LETTER_FIELD]: LETTER } };
  await h.ok('conferences.save', { id: entered.id, baseRevision: entered.revision, sections: { voice: { kind: 'perChild', perChild } } });
  const record = (await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: entered.id })).conference;
  return { record, maya: maya.id, leo: leo.id };
}

const listed = async (h: Harness, id: string) => (await h.ok<{ conferences: ConferenceSummary[] }>('conferences.list', {})).conferences.find((c) => c.id === id);
const text = (file: Exported) => squash(pdfPages(Buffer.from(file.base64, 'base64')).join(' '));

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('letters to the children through the API', () => {
  it('a saved letter exports as a draft, then signed, named for the child, its footer naming the latest signed version only', async () => {
    const h = await openStore();
    await h.ok('profile.set', CHAIR);
    const { record, maya, leo } = await withLetter(h);

    const draft = await h.ok<Exported>('conferences.exportChildLetter', { id: record.id, childId: maya, format: 'pdf' });
    expect(draft.fileName).toBe('2026-01-15 ICPC Whitfield - letter to Maya (DRAFT).pdf');
    expect(draft.draft).toBe(true);
    expect(text(draft)).toContain('DRAFT: not signed by the chair');
    expect(text(draft)).toContain('Thank you for talking to Sam.');

    // Leo is two: no letter is offered, and asking says so plainly.
    const refused = await expectFailure(h.call('conferences.exportChildLetter', { id: record.id, childId: leo, format: 'pdf' }), 'NOT_FOUND');
    expect(refused).toMatch(/no letter to export for this child/);

    expect((await listed(h, record.id))?.signed).toBeUndefined();
    await h.ok('conferences.sign', { id: record.id, baseRevision: record.revision });
    expect((await listed(h, record.id))?.signed).toMatchObject({ version: 1 });
    await h.ok('conferences.addendum', { id: record.id, reason: 'A date was wrong.', text: 'The review is on 9 April 2026.' });
    expect((await listed(h, record.id))?.signed).toMatchObject({ version: 2 });

    const signatures = await h.ok<Signatures>('conferences.signatures', { id: record.id });
    const [first, latest] = signatures.versions;
    const signed = await h.ok<Exported>('conferences.exportChildLetter', { id: record.id, childId: maya, format: 'pdf' });
    expect(signed.fileName).toBe('2026-01-15 ICPC Whitfield - letter to Maya.pdf');
    const body = text(signed);
    expect(body).toContain(`Version 2. Verification code ${latest!.verificationCode}`);
    expect(body).not.toContain(first!.verificationCode);
    expect(body).toContain('Helen Marsh');
    // The correction is for the minutes' readers, not printed in a child's letter.
    expect(body).not.toContain('The review is on 9 April 2026.');
    const docx = await h.ok<Exported>('conferences.exportChildLetter', { id: record.id, childId: maya, format: 'docx' });
    expect(docx.fileName).toBe('2026-01-15 ICPC Whitfield - letter to Maya.docx');
    expect(docxPart(Buffer.from(docx.base64, 'base64'), 'word/footer1.xml')).toContain(latest!.verificationCode);

    // The minutes' footers, too, name the latest signed version only (version 1 is still listed in the body's history of versions).
    const minutes = await h.ok<Exported>('conferences.export', { id: record.id, document: 'full-minutes', format: 'docx' });
    const footer = docxPart(Buffer.from(minutes.base64, 'base64'), 'word/footer1.xml');
    expect(footer).toContain(`Version 2. Verification code ${latest!.verificationCode}`);
    expect(footer).not.toContain(first!.verificationCode);
  });

  it('the signed mark survives locking and an index rebuilt from the conference files', async () => {
    const h = await openStore();
    await h.ok('profile.set', CHAIR);
    const { record } = await withLetter(h);
    await h.ok('conferences.sign', { id: record.id, baseRevision: record.revision });
    await h.ok('vault.lock', {});
    await rm(join(h.dir, 'index.enc'), { force: true });
    await rm(join(h.dir, 'index.journal'), { force: true });
    const again = harness(h.dir);
    await again.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await listed(again, record.id))?.signed).toMatchObject({ version: 1 });
  });
});

describe('saving the export dialog’s files into a folder (desktop app)', () => {
  it('writes each document under its own name, never over an existing file, and does nothing when the chair cancels', async () => {
    const h = await openStore();
    const { record, maya } = await withLetter(h);
    const folder = await mkdtemp(join(tmpdir(), 'cpc-export-folder-'));
    folders.push(folder);
    let answer: string | null = null;
    const handlers = { ...h.handlers, ...folderExportHandlers(h.handlers, async () => answer) };

    // Nothing chosen yet: saving is refused.
    expect((await dispatch(handlers, 'exports.saveToFolder', { id: record.id, document: 'family-copy', format: 'pdf' })).ok).toBe(false);
    expect(await dispatch(handlers, 'exports.chooseFolder', {})).toEqual({ ok: true, value: { available: true, chosen: false, folderName: null } });

    answer = folder;
    const chosen = await dispatch(handlers, 'exports.chooseFolder', {});
    expect(chosen.ok && chosen.value).toMatchObject({ available: true, chosen: true });
    const one = await dispatch(handlers, 'exports.saveToFolder', { id: record.id, document: 'child-letter', childId: maya, format: 'pdf' });
    const two = await dispatch(handlers, 'exports.saveToFolder', { id: record.id, document: 'child-letter', childId: maya, format: 'pdf' });
    const minutes = await dispatch(handlers, 'exports.saveToFolder', { id: record.id, document: 'full-minutes', format: 'docx' });
    expect(one).toMatchObject({ ok: true, value: { savedAs: '2026-01-15 ICPC Whitfield - letter to Maya (DRAFT).pdf', draft: true } });
    expect(two).toMatchObject({ ok: true, value: { savedAs: '2026-01-15 ICPC Whitfield - letter to Maya (DRAFT) (2).pdf' } });
    expect(minutes).toMatchObject({ ok: true, value: { savedAs: '2026-01-15 ICPC Whitfield - minutes (DRAFT).docx' } });
    expect((await readdir(folder)).sort()).toEqual([
      '2026-01-15 ICPC Whitfield - letter to Maya (DRAFT) (2).pdf',
      '2026-01-15 ICPC Whitfield - letter to Maya (DRAFT).pdf',
      '2026-01-15 ICPC Whitfield - minutes (DRAFT).docx',
    ]);
    const saved = await readFile(join(folder, '2026-01-15 ICPC Whitfield - letter to Maya (DRAFT).pdf'));
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the browser shell has no folder: it says so, and the page downloads instead', async () => {
    const h = await openStore();
    expect(await h.ok('exports.chooseFolder', {})).toEqual({ available: false, chosen: false, folderName: null });
    expect((await h.call('exports.saveToFolder', { id: '8d0c1c55-7b4a-4e0e-9d53-3c1b7f0a2e11', document: 'actions', format: 'pdf' })).ok).toBe(false);
  });

  it('refuses a file name that would leave the folder or is not one of the app’s documents, writing nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cpc-export-folder-'));
    folders.push(folder);
    const inner = join(folder, 'inner');
    for (const name of ['../escaped.pdf', '..\\escaped.pdf', 'sub/dir.pdf', 'minutes.exe', 'minutes.pdf.lnk', 'CON.pdf', '.pdf']) {
      await expect(writeNew(inner, name, Buffer.from('%PDF-'))).rejects.toThrow(/cannot be used/);
    }
    expect(await readdir(folder)).toEqual([]);
  });
});
