/**
 * The document renderers the review needs, loaded only when a copy or letter is made
 * (review-service.ts imports this lazily): the store itself, which every process opens, then
 * never loads `docx` and `pdfmake` it does not use — the crash test's child, for one, cannot.
 */
export { buildReviewCopy, draftParagraphs } from './review-copy';
export { renderDocx } from '../export/docx';
export { renderPdf } from '../export/pdf';
