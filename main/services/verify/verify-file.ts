import type { FileVerification, FileVerdict } from '../../../domain/signoff/verification';
import { DOCUMENT_TITLES } from '../../../domain/signoff/file-name';
import { meetingValues, textOf } from '../../../domain/record/access';
import { CONFERENCE_TYPE_LABELS } from '../../../domain/record/conference';
import { documentDate } from '../../../templates/layouts/common';
import { documentModel } from '../export/conference-export';
import { renderDocx } from '../export/docx';
import { checkSignature, versionHash } from '../signing/signed-version';
import type { ExportSource } from '../store/store';
import { readDocx, textHash } from './docx-content';
import { checkPdfSignature } from './pdf-signature';
import { contentSealChecks, decodeSeal, SEAL_PROPERTY, type DocumentSeal } from './seal';

/**
 * Says what an exported file is, against this store: signed version N of conference X (and
 * whether that is the latest), altered, signed by someone unknown, newer than anything in
 * this store, or not a conference document. Reads only: it asks the store for the
 * conference the file names and the certificates and key its chair signs with, and writes
 * nothing, so checking a file can never change the records.
 *
 * A PDF is checked through its PDF signature (which covers every byte but the signature, so
 * it covers the content and the seal in the document information), then the certificate
 * (this store's chair's, now or before) and then the seal against the store. A Word file has
 * no signature of its own; its seal's Ed25519 signatures are checked, and its text must either
 * hash to what the chair's key signed when the file was made, or equal, paragraph by
 * paragraph, the same document laid out again from the store's copy of that version — so an
 * edit made in Word shows even though the seal is intact, and a file laid out by an earlier
 * version of the app is still recognised.
 */

export interface VerificationStore {
  verificationSource(id: string | null): Promise<{ source: ExportSource | null; certificates: Map<string, string>; publicKey: string | null }>;
}

type Format = FileVerification['format'];

function answer(verdict: FileVerdict, format: Format, summary: string, details: string[] = [], facts: Partial<FileVerification> = {}): FileVerification {
  return { verdict, summary, details, format, conferenceId: null, version: null, latestVersion: null, ...facts };
}

export async function verifyFile(bytes: Buffer, fileName: string, store: VerificationStore): Promise<FileVerification> {
  if (bytes.length === 0) return answer('not-a-document', 'other', 'This file is empty (0 bytes), so it is not a conference document.');
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return verifyPdf(bytes, store);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return verifyDocx(bytes, store);
  const kind = /\.(pdf|docx)$/i.exec(fileName)?.[1]?.toLowerCase();
  return answer(
    'not-a-document',
    'other',
    kind ? `This file is named .${kind} but is not a ${kind === 'pdf' ? 'PDF' : 'Word file'} inside, so it is not a conference document.` : 'This is not a PDF or a Word file, so it is not a conference document this app exported.',
  );
}

async function verifyPdf(bytes: Buffer, store: VerificationStore): Promise<FileVerification> {
  const check = checkPdfSignature(bytes);
  switch (check.kind) {
    case 'unsigned': {
      // Signed PDFs end with the signature's update, so a signed file cut short has lost it: tell that apart by its seal or its end.
      const sealed = findPdfSeal(bytes) !== null;
      const complete = bytes.subarray(-1024).includes('%%EOF');
      if (sealed && !complete) return answer('altered', 'pdf', 'This PDF is cut short: its end, where the signature was, is missing, so it is not the file that was signed.');
      if (sealed) return answer('altered', 'pdf', 'This PDF names a signed version but its PDF signature has been removed, so it cannot be trusted as the signed minutes.');
      if (!complete) return answer('not-a-document', 'pdf', 'This PDF is incomplete or damaged (it has no proper end), and carries no signature from Conference Recorder.');
      return answer('not-a-document', 'pdf', 'This PDF is not signed minutes: it carries no signature from Conference Recorder (it may be a draft, or a file from elsewhere).');
    }
    case 'altered': {
      const why = {
        digest: 'Its content has been changed since it was signed: the PDF signature no longer matches the file.',
        truncated: 'The file is cut short: it ends before the end of what was signed, so part of it is missing.',
        appended: 'Something has been added to the file after it was signed.',
        range: 'Its signature does not cover the file the way a signature made by the app does.',
      }[check.reason];
      return answer('altered', 'pdf', `This PDF has been altered. ${why}`, ['Do not rely on this copy; export the minutes again from the app.']);
    }
    case 'bad':
      return answer('unknown', 'pdf', `This PDF’s signature does not check, so who signed it is unknown. ${check.reason}`);
    case 'ok':
      break;
  }
  const keys = await store.verificationSource(null);
  if (!keys.certificates.has(check.fingerprint)) {
    return answer('unknown', 'pdf', `This PDF is signed by someone this store does not know (“${check.subject}”), not by this store’s chair.`, [
      'The signature itself is intact: the file has not changed since that person signed it.',
    ]);
  }
  const seal = findPdfSeal(check.signedBytes);
  if (seal === null) {
    return answer('not-a-document', 'pdf', 'This PDF is signed with this store’s certificate but does not say which conference it belongs to, so it is not a conference document.');
  }
  const details = [`The PDF signature is intact and made with this store’s chair’s certificate (“${keys.certificates.get(check.fingerprint) ?? check.subject}”).`];
  return compareWithStore(seal, 'pdf', store, details, async () => null);
}

async function verifyDocx(bytes: Buffer, store: VerificationStore): Promise<FileVerification> {
  const content = readDocx(bytes);
  if (content.kind === 'unreadable') {
    return answer('not-a-document', 'docx', 'This file cannot be read as a Word document: it is damaged, incomplete, or another kind of file.');
  }
  const seal = content.seal === null ? null : decodeSeal(content.seal);
  if (seal === null) {
    return answer(
      'not-a-document',
      'docx',
      content.seal === null
        ? 'This Word file is not signed minutes: it does not carry the identity of a signed version (it may be a draft, or a file from elsewhere).'
        : `This Word file’s signed-version identity (the “${SEAL_PROPERTY}” property) is damaged, so it cannot be matched to signed minutes.`,
    );
  }
  return compareWithStore(seal, 'docx', store, [], async (source, knownKeys) => {
    const given = content.paragraphs;
    // The text as signed when the file was made, by a key this store knows.
    const signedText = seal.content !== undefined && knownKeys.has(seal.content.publicKey) && contentSealChecks(seal) ? seal.content.sha256 : null;
    if (signedText !== null && textHash(given) === signedText) return null;
    // The same document laid out again from the store's copy of that version, read the same way.
    const expected = readDocx(await renderDocx(documentModel(source, seal.document, seal.version.statement.version)));
    if (expected.kind !== 'ok') return 'The store’s copy could not be laid out to compare.';
    const index = expected.paragraphs.findIndex((text, i) => given[i] !== text);
    if (index === -1 && given.length === expected.paragraphs.length) return null;
    const at = index === -1 ? Math.min(given.length, expected.paragraphs.length) : index;
    return `Its text differs from the signed version from paragraph ${at + 1} on (of ${expected.paragraphs.length}).`;
  });
}

/**
 * The seal against the store: the version's own Ed25519 signature, its signer's key, then
 * whether this store holds the conference and that very version. `contentDiffers` compares
 * the file's content where the signature does not already cover it (Word).
 */
async function compareWithStore(
  seal: DocumentSeal,
  format: Format,
  store: VerificationStore,
  details: string[],
  contentDiffers: (source: ExportSource, knownKeys: ReadonlySet<string>) => Promise<string | null>,
): Promise<FileVerification> {
  const { statement } = seal.version;
  const id = statement.conferenceId;
  let what = `the ${DOCUMENT_TITLES[seal.document].toLowerCase()}, signed version ${statement.version} of conference ${id}`;
  const facts = { conferenceId: id, version: statement.version };
  const signature = checkSignature(seal.version);
  if (!signature.ok) {
    return answer('unknown', format, `This file names ${what}, but that version’s signature does not check, so who signed it is unknown.`, details, facts);
  }
  const { source, publicKey } = await store.verificationSource(id);
  const storeKeys = new Set([...(publicKey ? [publicKey] : []), ...(source?.signed?.versions.map((v) => v.statement.signer.publicKey) ?? [])]);
  if (!storeKeys.has(statement.signer.publicKey)) {
    return answer('unknown', format, `This file names ${what}, signed by ${statement.signer.name}, whose key this store does not know.`, details, facts);
  }
  if (source === null) {
    return answer('unknown', format, `This file is ${what}, but this store has no such conference.`, details, facts);
  }
  // Named as the chair knows it: the type and date (never a family name), with the id to be exact.
  const date = textOf(meetingValues(source.record)['date']);
  what = `the ${DOCUMENT_TITLES[seal.document].toLowerCase()}, signed version ${statement.version} of the ${CONFERENCE_TYPE_LABELS[source.record.type].toLowerCase()}${/^\d{4}-\d{2}-\d{2}$/.test(date) ? ` of ${documentDate(date)}` : ''} (conference ${id})`;
  const held = source.signed?.versions ?? [];
  const latest = held.length === 0 ? null : held.length;
  const withLatest = { ...facts, latestVersion: latest };
  const mine = held[statement.version - 1];
  if (mine === undefined) {
    const follows = latest !== null && statement.version === latest + 1 && statement.previousHash === versionHash(held[latest - 1]!);
    return answer(
      'newer',
      format,
      `This file is newer than anything in this store: it is ${what}, but this store’s latest signed version of that conference is ${latest === null ? 'none (it is not signed here)' : `version ${latest}`}.`,
      [
        ...details,
        follows ? `It follows on from this store’s version ${latest}.` : 'It does not follow directly from this store’s latest version.',
        'This store may have been put back from an older copy: report it to your information governance lead before relying on it.',
      ],
      withLatest,
    );
  }
  if (versionHash(mine) !== versionHash(seal.version)) {
    return answer('unknown', format, `This file names ${what}, but this store’s version ${statement.version} is a different one, so the file does not come from this store’s signed minutes.`, details, withLatest);
  }
  const differs = await contentDiffers(source, storeKeys);
  if (differs !== null) {
    return answer('altered', format, `This file has been altered: its content does not match ${what}.`, [...details, differs, 'Do not rely on this copy; export the minutes again from the app.'], withLatest);
  }
  const isLatest = statement.version === latest;
  const storeState = source.signatures.intact ? [] : ['This store’s own signed versions of the conference do not all verify: see the conference’s signatures.'];
  return answer(
    'valid',
    format,
    `This file matches ${what}${isLatest ? ', the latest signed version' : `; it is not the latest: version ${latest} has been signed since`}.`,
    [...details, `Signed by ${statement.signer.name}, ${statement.signer.role}, ${statement.signer.council}.`, ...storeState],
    withLatest,
  );
}

/**
 * The seal in a PDF's document information. pdfkit writes each information entry as an
 * indirect object (`/ConferenceRecorderSeal 130 0 R` … `130 0 obj (…) endobj`); a direct string
 * is read too. Either way a literal string of base64url characters, which need no escaping.
 */
function findPdfSeal(pdf: Buffer): DocumentSeal | null {
  const key = pdf.indexOf(`/${SEAL_PROPERTY}`);
  if (key === -1) return null;
  const after = pdf.subarray(key + SEAL_PROPERTY.length + 1, key + SEAL_PROPERTY.length + 40).toString('latin1');
  let start: number;
  const reference = /^\s*(\d{1,9})\s+0\s+R/.exec(after);
  if (reference) {
    const object = pdf.indexOf(`\n${reference[1]} 0 obj\n(`);
    if (object === -1) return null;
    start = pdf.indexOf('(', object) + 1;
  } else {
    const direct = /^\s*\(/.exec(after);
    if (!direct) return null;
    start = key + SEAL_PROPERTY.length + 1 + direct[0].length;
  }
  const end = pdf.indexOf(')', start);
  if (end === -1 || end - start > 20_000) return null;
  return decodeSeal(pdf.subarray(start, end).toString('latin1'));
}
