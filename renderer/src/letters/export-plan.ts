import type { ChildLetter } from '../../../domain/letters/child-letters';
import { DOCUMENT_TITLES, EXPORT_DOCUMENTS, type ExportDocument, type ExportFormat } from '../../../domain/signoff/file-name';

/**
 * What the export dialog offers and what a choice makes: one file per chosen output and
 * format, in the order a records officer files them — minutes, family copy, decision letter,
 * each child's letter, actions list. Pure, so the order and the count ("3 of 8 files") are
 * the same wherever they are shown.
 */

export type ExportOutput = { kind: 'document'; document: ExportDocument } | { kind: 'child-letter'; childId: string; recipient: string };

export interface ExportChoice {
  key: string;
  label: string;
  output: ExportOutput;
}

export function exportChoices(letters: readonly ChildLetter[]): ExportChoice[] {
  const documents = (names: readonly ExportDocument[]): ExportChoice[] =>
    names.map((document) => ({ key: document, label: DOCUMENT_TITLES[document], output: { kind: 'document', document } }));
  const before = EXPORT_DOCUMENTS.filter((d) => d !== 'actions');
  const after = EXPORT_DOCUMENTS.filter((d) => d === 'actions');
  return [
    ...documents(before),
    ...letters.map((letter): ExportChoice => ({
      key: `letter-${letter.childId}`,
      label: `Letter to ${letter.childName} (large print)`,
      output: { kind: 'child-letter', childId: letter.childId, recipient: letter.recipient },
    })),
    ...documents(after),
  ];
}

export interface PlannedFile {
  output: ExportOutput;
  format: ExportFormat;
  label: string;
}

export const FORMAT_LABELS: Record<ExportFormat, string> = { docx: 'Word (DOCX)', pdf: 'PDF' };

export function plannedFiles(choices: readonly ExportChoice[], chosen: ReadonlySet<string>, formats: readonly ExportFormat[]): PlannedFile[] {
  return choices
    .filter((choice) => chosen.has(choice.key))
    .flatMap((choice) => formats.map((format) => ({ output: choice.output, format, label: `${choice.label}, ${FORMAT_LABELS[format]}` })));
}

/** "Exporting 3 of 8 files…": the count of the file being made, not of those done. */
export function progressSentence(current: number, total: number): string {
  return `Exporting ${current} of ${total} ${total === 1 ? 'file' : 'files'}…`;
}
