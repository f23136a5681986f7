import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { readDocx, textHash } from '../../../main/services/verify/docx-content';
import { decodeSeal, encodeSeal, sealContent } from '../../../main/services/verify/seal';
import { harness, openStore, PASSPHRASE, tempDir } from '../../unit/store/helpers';
import { CHAIR, enterWhitfield } from '../signoff/ready';
import { docxPartText, editDocx, exportFile, pdfsig, snapshot, verify } from './helpers';

/**
 * Checking Word files and PDFs against the store: a Word file's text is compared with what
 * the store lays out for that version, an old version is named as not the latest, a store
 * put back from an older copy sees a newer file as newer, and a council's own certificate
 * can be imported.
 */

async function signedWhitfield() {
  const h = await openStore();
  await h.ok('profile.set', CHAIR);
  const entered = await enterWhitfield(h);
  await h.ok('conferences.sign', { id: entered.id, baseRevision: entered.revision });
  return { h, id: entered.id };
}

describe('checking a Word file', () => {
  it('a signed DOCX matches its version; the same text re-packed (as Word re-saves) still matches', async () => {
    const { h, id } = await signedWhitfield();
    for (const document of ['full-minutes', 'family-copy']) {
      const docx = await exportFile(h, id, document, 'docx');
      expect(docxPartText(docx, 'docProps/custom.xml')).toContain('ConferenceRecorderSeal');
      const checked = await verify(h, docx, 'minutes.docx');
      expect(checked.verdict, checked.summary).toBe('valid');
      expect(checked.format).toBe('docx');
      expect(checked.version).toBe(1);
      // Runs split differently, same words: Word does this when it saves.
      const repacked = editDocx(docx, (xml) => xml.replace(/<w:t xml:space="preserve">Decision/, '<w:t xml:space="preserve">Dec</w:t></w:r><w:r><w:t xml:space="preserve">ision'));
      expect(docxPartText(repacked, 'word/document.xml')).not.toBe(docxPartText(docx, 'word/document.xml'));
      expect((await verify(h, repacked, 'minutes.docx')).verdict).toBe('valid');
    }
  });

  it('a DOCX whose text was edited (one word of the rationale, or a paragraph removed) is altered; a damaged seal or a draft is not a document', async () => {
    const { h, id } = await signedWhitfield();
    const docx = await exportFile(h, id, 'full-minutes', 'docx');
    const xml = docxPartText(docx, 'word/document.xml');
    expect(xml).toContain('Leo');
    const oneWord = editDocx(docx, (body) => body.replace('Leo', 'Lea'));
    const checked = await verify(h, oneWord, 'minutes.docx');
    expect(checked.verdict, checked.summary).toBe('altered');
    expect(checked.details.join(' ')).toMatch(/differs from the signed version from paragraph \d+/);
    const removed = editDocx(docx, (body) => body.replace(/<w:p>(?:(?!<\/w:p>).)*Leo(?:(?!<\/w:p>).)*<\/w:p>/s, ''));
    expect(docxPartText(removed, 'word/document.xml').length).toBeLessThan(xml.length);
    expect((await verify(h, removed, 'minutes.docx')).verdict).toBe('altered');

    // The seal's value edited (its version number raised, say): it no longer parses as a seal.
    const damagedSeal = editDocx(docx, (custom) => custom.replace(/(<vt:lpwstr>)([A-Za-z0-9_-]{10})/, '$1!!!!!!!!!!'), 'docProps/custom.xml');
    const damagedCheck = await verify(h, damagedSeal, 'minutes.docx');
    expect(damagedCheck.verdict).toBe('not-a-document');
    expect(damagedCheck.summary).toContain('is damaged');
    // Cut short: the zip's directory is gone.
    const cut = await verify(h, docx.subarray(0, Math.floor(docx.length / 2)), 'minutes.docx');
    expect(cut.verdict).toBe('not-a-document');
    expect(cut.summary).toContain('cannot be read as a Word document');

    const draftStore = await openStore();
    const draft = await enterWhitfield(draftStore);
    const draftDocx = await exportFile(draftStore, draft.id, 'full-minutes', 'docx');
    const draftCheck = await verify(h, draftDocx, 'minutes (DRAFT).docx');
    expect(draftCheck.verdict).toBe('not-a-document');
    expect(draftCheck.summary).toContain('not signed minutes');
  });
});

describe('a Word file laid out by an earlier version of the app', () => {
  it('is recognised by the text hash the chair’s key signed when it was made; the same with a key this store does not know is altered', async () => {
    const { h, id } = await signedWhitfield();
    const docx = await exportFile(h, id, 'full-minutes', 'docx');
    const seal = decodeSeal(/<vt:lpwstr>([A-Za-z0-9_-]+)<\/vt:lpwstr>/.exec(docxPartText(docx, 'docProps/custom.xml'))![1]!)!;
    expect(seal.content?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // An older layout: the same record, a heading worded differently. Its text no longer equals today's layout.
    const older = editDocx(docx, (body) => body.replace('Meeting details and timescales', 'Meeting details'));
    const olderText = readDocx(older);
    if (olderText.kind !== 'ok') throw new Error('unreadable');
    const withSeal = (key: { publicKey: string; privateKey: KeyObject }) =>
      editDocx(older, (custom) => custom.replace(/(<vt:lpwstr>)[A-Za-z0-9_-]+/, `$1${encodeSeal('full-minutes', seal.version, sealContent('full-minutes', seal.version, textHash(olderText.paragraphs), key))}`), 'docProps/custom.xml');
    const chairKey = await h.store.documentKey();
    const byChair = await verify(h, withSeal(chairKey!), 'minutes.docx');
    expect(byChair.verdict, byChair.summary).toBe('valid');
    const stranger = generateKeyPairSync('ed25519');
    const strangerKey = { publicKey: stranger.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: stranger.privateKey };
    const byStranger = await verify(h, withSeal(strangerKey), 'minutes.docx');
    expect(byStranger.verdict, byStranger.summary).toBe('altered');
    // And without the signed hash, today's layout is what the text must match.
    expect((await verify(h, older, 'minutes.docx')).verdict).toBe('altered');
  });
});

describe('versions and a store put back from an older copy', () => {
  it('an export of version 1 still matches after an addendum, but is not the latest; version 2’s files are newer than a copy of the store taken at version 1', async () => {
    const { h, id } = await signedWhitfield();
    const v1 = { pdf: await exportFile(h, id, 'full-minutes', 'pdf'), docx: await exportFile(h, id, 'full-minutes', 'docx') };
    // A copy of the whole data folder, as a backup would hold it, taken at version 1.
    await h.ok('vault.lock');
    const backup = join(await tempDir(), 'records');
    cpSync(h.dir, backup, { recursive: true });
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    await h.ok('conferences.addendum', { id, reason: 'The review date was typed wrongly.', text: 'The review conference is on 9 April 2026.' });
    const v2 = { pdf: await exportFile(h, id, 'full-minutes', 'pdf'), docx: await exportFile(h, id, 'full-minutes', 'docx') };

    for (const [format, bytes] of Object.entries(v1)) {
      const checked = await verify(h, bytes, `minutes.${format}`);
      expect(checked.verdict, `${format}: ${checked.summary}`).toBe('valid');
      expect(checked.version).toBe(1);
      expect(checked.latestVersion).toBe(2);
      expect(checked.summary).toContain('it is not the latest: version 2 has been signed since');
    }
    await h.ok('vault.lock');

    const rolledBack = harness(backup);
    await rolledBack.ok('vault.unlock', { passphrase: PASSPHRASE });
    const before = snapshot(backup);
    for (const [format, bytes] of Object.entries(v2)) {
      const checked = await verify(rolledBack, bytes, `minutes.${format}`);
      expect(checked.verdict, `${format}: ${checked.summary}`).toBe('newer');
      expect(checked.version).toBe(2);
      expect(checked.latestVersion).toBe(1);
      expect(checked.summary).toContain('newer than anything in this store');
      expect(checked.details).toContain('It follows on from this store’s version 1.');
    }
    expect((await verify(rolledBack, v1.pdf)).verdict).toBe('valid');
    expect(snapshot(backup)).toEqual(before);
  });
});

/** A council-issued PKCS#12, as an IT department would hand it over: key, certificate, and the issuing CA's certificate. */
function councilP12(password: string): Buffer {
  const ca = forge.pki.rsa.generateKeyPair(1024);
  const own = forge.pki.rsa.generateKeyPair(1024);
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = '01';
  caCert.validity.notBefore = new Date(Date.now() - 86_400_000);
  caCert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const caName = [{ shortName: 'CN', value: 'Carrowby Borough Council Signing CA' }, { shortName: 'O', value: 'Carrowby Borough Council' }];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([{ name: 'basicConstraints', cA: true }]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());
  const cert = forge.pki.createCertificate();
  cert.publicKey = own.publicKey;
  cert.serialNumber = '02';
  cert.validity.notBefore = caCert.validity.notBefore;
  cert.validity.notAfter = caCert.validity.notAfter;
  cert.setSubject([{ shortName: 'CN', value: 'Helen Marsh' }, { shortName: 'O', value: 'Carrowby Borough Council' }]);
  cert.setIssuer(caName);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(own.privateKey, [cert, caCert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

describe('importing a council-issued certificate', () => {
  it('a wrong password or a file that is not PKCS#12 gets a plain message and changes nothing; the right one signs later PDFs, and earlier PDFs still verify', async () => {
    const { h, id } = await signedWhitfield();
    const generated = (await h.ok<{ profile: ChairProfile }>('profile.get')).profile;
    expect(generated?.certificate?.source).toBe('generated');
    const before = await exportFile(h, id, 'full-minutes', 'pdf');
    const p12 = councilP12('council-issued 2026');

    const wrong = await h.call('profile.importCertificate', { base64: p12.toString('base64'), password: 'not the password' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toBe('That password does not open this certificate file. Check it with whoever issued the file and try again. Nothing has been changed.');
    const notP12 = await h.call('profile.importCertificate', { base64: Buffer.from('%PDF-1.7 not a certificate').toString('base64'), password: '' });
    expect(notP12.ok).toBe(false);
    if (!notP12.ok) expect(notP12.error.message).toBe('This file is not a PKCS#12 certificate file (.p12 or .pfx). Nothing has been changed.');
    expect((await h.ok<{ profile: ChairProfile }>('profile.get')).profile).toEqual(generated);

    const imported = await h.ok<{ profile: ChairProfile }>('profile.importCertificate', { base64: p12.toString('base64'), password: 'council-issued 2026' });
    expect(imported.profile.certificate?.source).toBe('imported');
    expect(imported.profile.certificate?.subject).toBe('Helen Marsh, Carrowby Borough Council');
    const after = await exportFile(h, id, 'full-minutes', 'pdf');
    const report = pdfsig(after);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Signer full Distinguished Name: O=Carrowby Borough Council,CN=Helen Marsh');
    expect((await verify(h, after)).verdict).toBe('valid');
    // Signed with the certificate it replaced: still this store's chair.
    expect((await verify(h, before)).verdict).toBe('valid');
    // A later change of name keeps the council's certificate as issued.
    await h.ok('profile.set', { ...CHAIR, role: 'Chair' });
    expect((await h.ok<{ profile: ChairProfile }>('profile.get')).profile?.certificate?.source).toBe('imported');
  });
});
