import { ApiFailure } from '../../../domain/api/result';
import { childLetter } from '../../../domain/letters/child-letters';
import { meetingValues, textOf } from '../../../domain/record/access';
import { childLetterFileName, fileSurname, MIME_TYPES, type ExportFormat } from '../../../domain/signoff/file-name';
import { childLetterDocument, NoChildLetter } from '../../../templates/layouts/child-letter';
import type { ExportSource } from '../store/store';
import { signatureFor, type ExportedFile } from './conference-export';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';

/**
 * The chair's letter to one child, as a large-print Word file or PDF. Signed like the other
 * documents (the latest signed version's details in every footer), a draft when unsigned.
 * Addenda are not added: they correct the minutes, and a child's letter is not the place to
 * print a correction addressed to professionals — the chair writes a new letter if needed.
 */
export async function exportChildLetter(source: ExportSource, childId: string, format: ExportFormat): Promise<ExportedFile> {
  const { record } = source;
  const letter = childLetter(record, childId);
  if (letter === null) {
    throw new ApiFailure('NOT_FOUND', 'There is no letter to export for this child: write it in “The voice of the child” (children aged 5 and over).');
  }
  const signature = signatureFor(source);
  let model;
  try {
    model = childLetterDocument(record, childId, { signature });
  } catch (error) {
    if (error instanceof NoChildLetter) throw new ApiFailure('NOT_FOUND', error.message);
    throw error;
  }
  const bytes = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return {
    fileName: childLetterFileName({
      date: textOf(meetingValues(record)['date']),
      type: record.type,
      surname: fileSurname(record),
      recipient: letter.recipient,
      format,
      draft: signature === null,
    }),
    mimeType: MIME_TYPES[format],
    base64: bytes.toString('base64'),
    draft: signature === null,
  };
}
