import type { ConferenceRecord, ConferenceType } from '../record/conference';
import { childrenOf, listItems, textOf } from '../record/access';
import { SECTION } from '../template/field-names';

/**
 * Export file names a records officer would keep: date first (so a folder sorts by date), the
 * conference type as councils abbreviate it, the family's surname, then which document —
 * `2026-01-15 ICPC Whitfield - family copy.pdf` — so nobody sends the full minutes when they
 * meant the family copy. A draft says so in its name as well as on every page.
 */

export const EXPORT_DOCUMENTS = ['full-minutes', 'family-copy', 'decision-letter', 'actions'] as const;
export type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];
export const EXPORT_FORMATS = ['docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const DOCUMENT_FILE_WORDS: Record<ExportDocument, string> = {
  'full-minutes': 'minutes',
  'family-copy': 'family copy',
  'decision-letter': 'decision letter',
  actions: 'actions list',
};

export const DOCUMENT_TITLES: Record<ExportDocument, string> = {
  'full-minutes': 'Full minutes',
  'family-copy': 'Family copy',
  'decision-letter': 'Decision letter to parents',
  actions: 'Actions list for the core group',
};

const TYPE_ABBREVIATIONS: Record<ConferenceType, string> = {
  initial: 'ICPC',
  review: 'RCPC',
  'pre-birth-initial': 'Pre-birth ICPC',
  'pre-birth-review': 'Pre-birth RCPC',
  'transfer-in': 'Transfer-in CPC',
};

export const MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * Safe on Windows, macOS and Linux file systems: no path separators or characters Windows
 * refuses (/ \ : * ? " < > |), no control characters, no trailing dots or spaces (Windows
 * drops them), no reserved device names; letters of every script are kept.
 */
export function safeFileNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[. ]+$/u, '');
  const short = [...cleaned].slice(0, 60).join('').trim();
  return /^(con|prn|aux|nul|com\d|lpt\d)$/iu.test(short) ? `${short}_` : short;
}

export interface FileNameParts {
  /** yyyy-mm-dd, or '' when the conference has no date yet. */
  date: string;
  type: ConferenceType;
  /** The family name the records are kept under (see fileSurname). */
  surname: string;
  document: ExportDocument;
  format: ExportFormat;
  draft: boolean;
}

function lastWord(name: string): string {
  return name.trim().split(/\s+/u).at(-1) ?? '';
}

/**
 * The family name a conference's files are kept under: the first child's surname. An unborn
 * baby is usually not named, and pre-birth records are kept under the mother's name until the
 * birth, so then the first family member named gives it; "Unnamed" only when nobody is.
 */
export function fileSurname(record: ConferenceRecord): string {
  const child = lastWord(textOf(childrenOf(record)[0]?.values['name']));
  if (safeFileNamePart(child)) return child;
  const family = listItems(record, SECTION.family)
    .map((member) => lastWord(textOf(member.values['name'])))
    .find((name) => safeFileNamePart(name) !== '');
  return family ?? '';
}

export function exportFileName(parts: FileNameParts): string {
  const surname = safeFileNamePart(parts.surname) || 'Unnamed';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(parts.date) ? parts.date : 'Undated';
  const draft = parts.draft ? ' (DRAFT)' : '';
  return `${date} ${TYPE_ABBREVIATIONS[parts.type]} ${surname} - ${DOCUMENT_FILE_WORDS[parts.document]}${draft}.${parts.format}`;
}

export interface ChildLetterFileNameParts extends Omit<FileNameParts, 'document'> {
  /** How the letter names the child: the first name, or the full name where two children share one. */
  recipient: string;
}

/**
 * A letter to a child names the child in the file name — `2026-01-15 ICPC Whitfield - letter
 * to Jayden.pdf` — so a letter is never handed to the wrong child or mistaken for the parents'.
 */
export function childLetterFileName(parts: ChildLetterFileNameParts): string {
  const surname = safeFileNamePart(parts.surname) || 'Unnamed';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(parts.date) ? parts.date : 'Undated';
  const recipient = safeFileNamePart(parts.recipient) || 'the child';
  const draft = parts.draft ? ' (DRAFT)' : '';
  return `${date} ${TYPE_ABBREVIATIONS[parts.type]} ${surname} - letter to ${recipient}${draft}.${parts.format}`;
}
