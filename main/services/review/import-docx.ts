import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import type { ReturnedDocx, ReturnedParagraph, TrackedPiece, WordComment } from '../../../domain/review/returned';
import { ID_PROPERTY, SIGNATURE_PROPERTY } from './identifier';
import { normaliseText } from './xml-text';

/**
 * Reads a review copy as an agency sends it back: the paragraphs (with the bookmarks that name
 * them), the tracked changes in each (w:ins / w:del, and moves, with w:author and w:date), where
 * each Word comment is anchored (w:commentRangeStart, else w:commentReference) and the comments'
 * own words (word/comments.xml), and the signed identifier from the custom properties.
 *
 * Libraries: fflate unzips (small, no dependencies, already used by `docx`, and it reports each
 * entry's size before inflating, so oversized parts are refused before they take memory);
 * @xmldom/xmldom parses (a W3C DOM, so the body is walked in document order; it never fetches
 * external entities). Files containing a DOCTYPE are refused outright: Word never writes one,
 * and it is how entity-expansion attacks begin.
 */

/** Well above any returned copy (tens to hundreds of kB), and below what the browser shell accepts as base64 (16 MB). */
export const MAX_RETURNED_FILE_BYTES = 10 * 1024 * 1024;
const MAX_PART_BYTES = 60 * 1024 * 1024;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const BOOKMARK = /^s\d+_p\d+$/;
const WANTED = new Set(['word/document.xml', 'word/comments.xml', 'docProps/custom.xml']);

export class ReturnedFileError extends Error {
  constructor(
    readonly reason: 'too-large' | 'not-docx' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function tooLargeMessage(bytes: number): string {
  return `This file is ${megabytes(bytes)}; a returned copy of the minutes is well under ${megabytes(MAX_RETURNED_FILE_BYTES)}. Check it is the right file (a copy with pictures pasted in can be saved again without them). Nothing has been imported.`;
}

export function readReturnedDocx(bytes: Uint8Array): ReturnedDocx {
  if (bytes.length > MAX_RETURNED_FILE_BYTES) throw new ReturnedFileError('too-large', tooLargeMessage(bytes.length));
  const notDocx = new ReturnedFileError('not-docx', 'This file is not a Word document (.docx). Ask the agency to send back the .docx file they were sent, saved in Word format. Nothing has been imported.');
  // A zip starts "PK\x03\x04"; checking first gives a plain answer for a PDF or a .doc.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw notDocx;
  let parts: Record<string, Uint8Array>;
  let oversized = false;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!WANTED.has(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) {
          oversized = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    throw notDocx;
  }
  if (oversized) throw new ReturnedFileError('too-large', 'Part of this file is far larger than any copy of the minutes could be. Nothing has been imported.');
  const documentXml = parts['word/document.xml'];
  if (documentXml === undefined) throw notDocx;
  const body = parse(documentXml).getElementsByTagNameNS(W, 'body')[0];
  if (body === undefined) throw notDocx;
  return {
    paragraphs: readParagraphs(body),
    comments: parts['word/comments.xml'] ? readComments(parse(parts['word/comments.xml'])) : [],
    identifier: parts['docProps/custom.xml'] ? readIdentifier(parse(parts['docProps/custom.xml'])) : null,
  };
}

function parse(bytes: Uint8Array): Document {
  const text = strFromU8(bytes);
  if (/<!DOCTYPE/i.test(text)) throw new ReturnedFileError('damaged', 'This file contains markup Word never writes, so it has not been read. Nothing has been imported.');
  let failed = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: () => {
        failed = true;
      },
      fatalError: () => {
        failed = true;
      },
    },
  }).parseFromString(text, 'application/xml') as unknown as Document;
  if (failed || doc.documentElement === null) throw new ReturnedFileError('damaged', 'This Word file is damaged: its contents could not be read. Ask the agency to open it and save it again. Nothing has been imported.');
  return doc;
}

const attr = (el: Element, name: string): string => el.getAttributeNS(W, name) ?? el.getAttribute(`w:${name}`) ?? '';
const isW = (node: Node, name: string): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === W && (node as Element).localName === name;

interface ParagraphState {
  bookmarks: string[];
  before: string;
  after: string;
  pieces: TrackedPiece[];
  commentStarts: string[];
  commentReferences: string[];
}

function readParagraphs(body: Element): ReturnedParagraph[] {
  const out: ReturnedParagraph[] = [];
  let pending: string[] = [];
  const visit = (node: Node): void => {
    if (isW(node, 'p')) {
      const state: ParagraphState = { bookmarks: pending, before: '', after: '', pieces: [], commentStarts: [], commentReferences: [] };
      pending = [];
      walkParagraph(node, state, null);
      out.push({
        bookmark: state.bookmarks.find((b) => BOOKMARK.test(b)) ?? null,
        before: normaliseText(state.before),
        after: normaliseText(state.after),
        pieces: state.pieces.map((p) => ({ ...p, text: normaliseText(p.text) })).filter((p) => p.text !== ''),
        commentStarts: state.commentStarts,
        commentReferences: state.commentReferences,
      });
      return;
    }
    // A bookmark Word moved between paragraphs belongs to the paragraph that follows.
    if (isW(node, 'bookmarkStart')) pending.push(attr(node, 'name'));
    for (let child = node.firstChild; child !== null; child = child.nextSibling) visit(child);
  };
  visit(body);
  return out;
}

type Tracking = { kind: TrackedPiece['kind']; index: number } | null;

function walkParagraph(node: Node, state: ParagraphState, tracking: Tracking): void {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (el.namespaceURI !== W) {
      walkParagraph(el, state, tracking);
      continue;
    }
    switch (el.localName) {
      case 'ins':
      case 'del':
      case 'moveTo':
      case 'moveFrom': {
        const kind = el.localName === 'ins' || el.localName === 'moveTo' ? 'insertion' : 'deletion';
        state.pieces.push({ kind, author: attr(el, 'author'), date: attr(el, 'date') || null, text: '' });
        walkParagraph(el, state, { kind, index: state.pieces.length - 1 });
        break;
      }
      case 'rPr':
      case 'pPr':
        // A formatting change or a paragraph mark's own w:ins/w:del is not a change to the words.
        break;
      case 't':
      case 'delText': {
        const value = el.textContent ?? '';
        if (tracking === null || tracking.kind === 'deletion') state.before += value;
        if (tracking === null || tracking.kind === 'insertion') state.after += el.localName === 't' ? value : '';
        if (tracking !== null) state.pieces[tracking.index]!.text += value;
        break;
      }
      case 'tab':
      case 'br':
      case 'cr':
        if (tracking === null || tracking.kind === 'deletion') state.before += ' ';
        if (tracking === null || tracking.kind === 'insertion') state.after += ' ';
        break;
      case 'bookmarkStart':
        state.bookmarks.push(attr(el, 'name'));
        break;
      case 'commentRangeStart':
        state.commentStarts.push(attr(el, 'id'));
        break;
      case 'commentReference':
        state.commentReferences.push(attr(el, 'id'));
        break;
      default:
        walkParagraph(el, state, tracking);
    }
  }
}

function readComments(doc: Document): WordComment[] {
  const comments: WordComment[] = [];
  const list = doc.getElementsByTagNameNS(W, 'comment');
  for (let i = 0; i < list.length; i += 1) {
    const el = list[i]!;
    const paragraphs: string[] = [];
    const ps = el.getElementsByTagNameNS(W, 'p');
    for (let j = 0; j < ps.length; j += 1) {
      const ts = ps[j]!.getElementsByTagNameNS(W, 't');
      let line = '';
      for (let k = 0; k < ts.length; k += 1) line += ts[k]!.textContent ?? '';
      if (line.trim() !== '') paragraphs.push(line.trim());
    }
    comments.push({ id: attr(el, 'id'), author: attr(el, 'author'), date: attr(el, 'date') || null, text: paragraphs.join('\n') });
  }
  return comments;
}

function readIdentifier(doc: Document): { text: string; signature: string } | null {
  const found = new Map<string, string>();
  const props = doc.getElementsByTagNameNS('http://schemas.openxmlformats.org/officeDocument/2006/custom-properties', 'property');
  for (let i = 0; i < props.length; i += 1) {
    const el = props[i]!;
    found.set(el.getAttribute('name') ?? '', (el.textContent ?? '').trim());
  }
  const text = found.get(ID_PROPERTY);
  const signature = found.get(SIGNATURE_PROPERTY);
  return text && signature ? { text, signature } : null;
}
