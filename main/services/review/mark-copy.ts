import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { SentParagraph } from '../../../domain/review/schemas';
import { ID_PROPERTY, SIGNATURE_PROPERTY } from './identifier';
import { escapeXml, normaliseText, unescapeXml } from './xml-text';

/**
 * Makes a rendered DOCX into a review copy: every paragraph with words in it gets a Word
 * bookmark named `s<section>_p<n>` around its content, and the signed identifier goes into
 * the custom properties. Done on the file `renderDocx` wrote rather than in a second renderer,
 * so the review copy is the same document as the minutes' Word export, paragraph for paragraph.
 *
 * Why `s3_p12` and not `s-3-p-12`: a Word bookmark name may hold only letters, digits and
 * underscores (Word drops or renames others when it saves), and one starting with an underscore
 * is hidden. Sections are counted at each Heading 1; what comes before the first is section 0
 * (the title and meeting line). The cover page, which differs per recipient, is left unmarked.
 *
 * The XML worked on here is the XML `docx` has just written — never an agency's file — so a
 * pattern over its paragraphs is safe: `docx` never nests one paragraph in another.
 */

const PARAGRAPH = /<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;
const TEXT = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g;
const FIRST_BOOKMARK_ID = 9000;

export interface MarkedCopy {
  bytes: Buffer;
  paragraphs: SentParagraph[];
}

export function paragraphText(innerXml: string): string {
  let text = '';
  for (const match of innerXml.matchAll(TEXT)) text += unescapeXml(match[1] ?? '');
  return normaliseText(text);
}

export function markReviewCopy(docx: Buffer, identifier: { text: string; signature: string }, options: { cover: boolean }): MarkedCopy {
  const files = unzipSync(new Uint8Array(docx));
  const documentXml = files['word/document.xml'];
  if (documentXml === undefined) throw new Error('The rendered document has no body.');
  const paragraphs: SentParagraph[] = [];
  let section = 0;
  let sectionTitle = 'Title and meeting';
  let n = 0;
  let bookmark = FIRST_BOOKMARK_ID;
  // The cover page (up to its page break) differs for each recipient and is not the minutes: no bookmarks.
  let inCover = options.cover;
  const marked = strFromU8(documentXml).replace(PARAGRAPH, (whole, inner: string | undefined) => {
    if (inner === undefined) return whole;
    if (inCover) {
      if (inner.includes('<w:br w:type="page"/>')) inCover = false;
      return whole;
    }
    const text = paragraphText(inner);
    if (text === '') return whole;
    if (/<w:pStyle w:val="Heading1"\/>/.test(inner)) {
      section += 1;
      n = 0;
      sectionTitle = text;
    }
    n += 1;
    const id = `s${section}_p${n}`;
    paragraphs.push({ id, section: sectionTitle, text });
    const open = whole.slice(0, whole.length - inner.length - '</w:p>'.length);
    // A bookmark must follow the paragraph's properties, if it has any.
    const props = /^<w:pPr>[\s\S]*?<\/w:pPr>/.exec(inner)?.[0] ?? '';
    const rest = inner.slice(props.length);
    const start = `<w:bookmarkStart w:id="${bookmark}" w:name="${id}"/>`;
    const end = `<w:bookmarkEnd w:id="${bookmark}"/>`;
    bookmark += 1;
    return `${open}${props}${start}${rest}${end}</w:p>`;
  });
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = data;
  out['word/document.xml'] = strToU8(marked);
  out['docProps/custom.xml'] = strToU8(customProperties([
    [ID_PROPERTY, identifier.text],
    [SIGNATURE_PROPERTY, identifier.signature],
  ]));
  return { bytes: Buffer.from(zipSync(out, { level: 6 })), paragraphs };
}

function customProperties(entries: [string, string][]): string {
  const props = entries
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`;
}
