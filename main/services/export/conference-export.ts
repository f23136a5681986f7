import type { DocumentModel, SignatureInfo } from '../../../domain/documents/model';
import { ApiFailure } from '../../../domain/api/result';
import { meetingValues, textOf } from '../../../domain/record/access';
import { exportFileName, fileSurname, MIME_TYPES, type ExportDocument, type ExportFormat } from '../../../domain/signoff/file-name';
import { withAddenda } from '../../../templates/layouts/addenda';
import { LAYOUTS } from '../../../templates/layouts';
import type { PdfCertificate } from '../signing/pdf-certificate';
import type { ExportSource } from '../store/store';
import type { KeyObject } from 'node:crypto';
import { readDocx, textHash } from '../verify/docx-content';
import { encodeSeal, sealContent } from '../verify/seal';
import { renderDocx } from './docx';
import { signPdfFile } from './pades';
import { renderPdf } from './pdf';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  draft: boolean;
}

/**
 * One document of one conference, as a file. An unsigned conference exports only as a draft
 * (DRAFT on every page and in the name). A signed one carries the latest signed version —
 * signer, time, version number and verification code — and every addendum, so no copy made
 * after a correction can leave the correction out. Signed versions that do not verify are
 * never exported as signed: the chair is told, and nothing is written.
 *
 * A signed export also carries the version's identity (verify/seal.ts), and a signed PDF a
 * PAdES signature with the chair's certificate (`certificate`, asked for only then), so the
 * app — or any PDF reader — can tell later whether a copy is what was signed.
 */
export async function exportConference(
  source: ExportSource,
  document: ExportDocument,
  format: ExportFormat,
  certificate?: () => Promise<PdfCertificate>,
  /** The chair's Ed25519 key, to sign a Word file's text (verify/seal.ts); asked for only then. */
  contentKey?: () => Promise<{ publicKey: string; privateKey: KeyObject } | null>,
): Promise<ExportedFile> {
  const { record, signed } = source;
  const number = latestSignedNumber(source);
  const model = documentModel(source, document, number);
  const version = number === null ? undefined : signed?.versions[number - 1];
  const seal = version ? encodeSeal(document, version) : undefined;
  let bytes: Buffer;
  if (format === 'docx') {
    bytes = await renderDocx(model, { seal });
    const key = version && contentKey ? await contentKey() : null;
    if (version && key) {
      // The text is known only once laid out, and the seal is a document property outside the body,
      // so the file is written again with the text's signed hash: the body is the same both times.
      const body = readDocx(bytes);
      if (body.kind !== 'ok') throw new TypeError('The Word file just written could not be read back.');
      bytes = await renderDocx(model, { seal: encodeSeal(document, version, sealContent(document, version, textHash(body.paragraphs), key)) });
    }
  } else {
    bytes = await renderPdf(model, { seal });
    if (version) {
      if (!certificate) throw new TypeError('A signed PDF needs the chair’s certificate.');
      const { signer, signedAt } = version.statement;
      bytes = await signPdfFile(bytes, await certificate(), {
        reason: `Signed ${model.metadata.title}, version ${version.statement.version}`,
        name: signer.name,
        location: signer.council,
        signedAt: new Date(signedAt),
      });
    }
  }
  return {
    fileName: exportFileName({
      date: textOf(meetingValues(record)['date']),
      type: record.type,
      surname: fileSurname(record),
      document,
      format,
      draft: number === null,
    }),
    mimeType: MIME_TYPES[format],
    base64: bytes.toString('base64'),
    draft: number === null,
  };
}

/**
 * The document as signed version `number` shows it (null: the draft): that version's signer,
 * time and code, and the addenda signed up to it. Verification lays out an older version
 * this way to compare a Word file made from it.
 */
export function documentModel(source: ExportSource, document: ExportDocument, number: number | null): DocumentModel {
  const signature = number === null ? null : signatureOf(source, number);
  const addenda = number === null ? [] : (source.signed?.addenda ?? []).filter((addendum) => addendum.version <= number);
  return withAddenda(LAYOUTS[document](source.record, { signature }), addenda);
}

/** The latest signed version's number; null for a draft; refused if the signed versions do not verify. */
function latestSignedNumber(source: ExportSource): number | null {
  const { record, signed, signatures } = source;
  if (signed === undefined) return null;
  const latest = signatures.versions.at(-1);
  if (!signatures.intact || latest === undefined) {
    throw new ApiFailure(
      'TAMPERED',
      `Conference ${record.id}: its signed versions do not verify, so it cannot be exported as signed minutes. Nothing has been exported; report this to your information governance lead.`,
    );
  }
  return latest.version;
}

/** Signed version `number`'s signer, time and code, for the footer and signature block. */
function signatureOf(source: ExportSource, number: number): SignatureInfo | null {
  const view = source.signatures.versions[number - 1];
  return view
    ? {
        signer: view.signer.name,
        role: view.signer.role,
        council: view.signer.council,
        signedAt: view.signedAt,
        version: view.version,
        verificationCode: view.verificationCode,
      }
    : null;
}

/** The latest signed version's details (child letters use them); null for a draft; refused if the versions do not verify. */
export function signatureFor(source: ExportSource): SignatureInfo | null {
  const number = latestSignedNumber(source);
  return number === null ? null : signatureOf(source, number);
}
