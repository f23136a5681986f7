import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentModel } from '../../../domain/documents/model';
import { renderDocx } from '../../../main/services/export/docx';
import { renderPdf } from '../../../main/services/export/pdf';
import { docxText, pdfPages, squash } from './extract';

export interface Rendered {
  docx: Buffer;
  pdf: Buffer;
  /** Extracted text, whitespace collapsed and bidirectional control marks removed. */
  docxText: string;
  pdfText: string;
  pdfPages: string[];
}

/** pdftotext wraps right-to-left words in embedding marks; they are not part of the text. */
export function plainText(value: string): string {
  return squash(value.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''));
}

export async function renderBoth(model: DocumentModel, saveAs?: string): Promise<Rendered> {
  const [docx, pdf] = await Promise.all([renderDocx(model), renderPdf(model)]);
  if (saveAs) {
    mkdirSync(join(saveAs, '..'), { recursive: true });
    writeFileSync(`${saveAs}.docx`, docx);
    writeFileSync(`${saveAs}.pdf`, pdf);
  }
  const pages = pdfPages(pdf);
  return { docx, pdf, docxText: plainText(docxText(docx)), pdfText: bodyText(pages, model), pdfPages: pages };
}

/** Asserts that both formats contain a text from the record, naming what is missing rather than printing the document. */
export function bothContain(rendered: Rendered, needle: string): { docx: boolean; pdf: boolean } {
  const wanted = plainText(needle);
  return { docx: rendered.docxText.includes(wanted), pdf: rendered.pdfText.includes(wanted) };
}

/**
 * The PDF's body text with each page's header, footer, page number and DRAFT watermark
 * taken out, so that a paragraph running over a page break reads as one.
 */
function bodyText(pages: readonly string[], model: DocumentModel): string {
  const header = plainText(model.header);
  const footer = plainText(model.footer);
  return pages
    .map((page) => {
      // pdfmake breaks lines after a hyphen already in the text (it never adds one), so a hyphen ending a line joins on.
      let text = plainText(page.replace(/-\n/g, '-')).split(header).join(' ').split(footer).join(' ');
      text = text.replace(/Page \d+ of \d+/g, ' ');
      // The diagonal watermark comes out as "DRAFT" or, letter by letter, "D R A F T".
      if (model.draft) text = text.replace(/(^|\s)(DRAFT|D R A F T)(\s|$)/g, ' ');
      return squash(text);
    })
    .join(' ');
}
