import type { SignatureInfo } from '../../../domain/documents/model';
import { ApiFailure } from '../../../domain/api/result';
import { childrenOf, meetingValues, textOf } from '../../../domain/record/access';
import { exportFileName, MIME_TYPES, type ExportDocument, type ExportFormat } from '../../../domain/signoff/file-name';
import { withAddenda } from '../../../templates/layouts/addenda';
import { LAYOUTS } from '../../../templates/layouts';
import type { ExportSource } from '../store/store';
import { renderDocx } from './docx';
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
 */
export async function exportConference(source: ExportSource, document: ExportDocument, format: ExportFormat): Promise<ExportedFile> {
  const { record, signed } = source;
  const signature = signatureFor(source);
  const model = withAddenda(LAYOUTS[document](record, { signature }), signed?.addenda ?? []);
  const bytes = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return {
    fileName: exportFileName({
      date: textOf(meetingValues(record)['date']),
      type: record.type,
      firstChildName: textOf(childrenOf(record)[0]?.values['name']),
      document,
      format,
      draft: signature === null,
    }),
    mimeType: MIME_TYPES[format],
    base64: bytes.toString('base64'),
    draft: signature === null,
  };
}

/** The latest signed version's details for the footer and signature block; null for a draft; refused if the versions do not verify. */
export function signatureFor(source: ExportSource): SignatureInfo | null {
  const { record, signed, signatures } = source;
  let signature: SignatureInfo | null = null;
  if (signed !== undefined) {
    const latest = signatures.versions.at(-1);
    if (!signatures.intact || latest === undefined) {
      throw new ApiFailure(
        'TAMPERED',
        `Conference ${record.id}: its signed versions do not verify, so it cannot be exported as signed minutes. Nothing has been exported; report this to your information governance lead.`,
      );
    }
    signature = {
      signer: latest.signer.name,
      role: latest.signer.role,
      council: latest.signer.council,
      signedAt: latest.signedAt,
      version: latest.version,
      verificationCode: latest.verificationCode,
    };
  }
  return signature;
}
