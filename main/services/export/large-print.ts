/**
 * The large, clear layout for a letter to a child (DocumentModel.print === 'large'), for both
 * renderers. Based on the UK Association for Accessible Formats' large-print guidance and
 * the RNIB's clear-print guidance: body text of at least 16 pt in a plain sans-serif face,
 * generous line spacing, left-aligned lines of about 60 characters, headings set apart by size
 * and weight rather than capitals or italics.
 */

/** A4 width 595.28 pt less two 70 pt margins: about 58 characters of 16 pt Roboto a line. */
const PDF_MARGIN = 70;

export const LARGE_PRINT_PDF = {
  pageMargins: [PDF_MARGIN, PDF_MARGIN, PDF_MARGIN, PDF_MARGIN + 20] as [number, number, number, number],
  defaultStyle: { fontSize: 16, lineHeight: 1.45, color: '#111111' },
  styles: {
    title: { fontSize: 28, bold: true, color: '#1D2B3A', margin: [0, 0, 0, 18] as [number, number, number, number] },
    h1: { fontSize: 22, bold: true, color: '#1D2B3A', margin: [0, 18, 0, 8] as [number, number, number, number] },
    h2: { fontSize: 19, bold: true, color: '#1D2B3A', margin: [0, 14, 0, 6] as [number, number, number, number] },
    h3: { fontSize: 17, bold: true, color: '#1D2B3A', margin: [0, 12, 0, 6] as [number, number, number, number] },
    small: { fontSize: 12 },
  },
  /** Space after each paragraph, so each stands apart. */
  paragraphGap: 12,
} as const;

export const LARGE_PRINT_DOCX = {
  /** Half-points: 16 pt body, 28 pt title. */
  bodySize: 32,
  titleSize: 56,
  headingSizes: [44, 38, 34] as const,
  /** Twentieths of a point: 1.5 line spacing, 12 pt after each paragraph. */
  lineSpacing: 360,
  spaceAfter: 240,
  /** Twips: about 2.5 cm, so a line keeps to about 58 characters of 16 pt Arial. */
  margin: 1418,
} as const;
