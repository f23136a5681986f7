import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { SEAL_PROPERTY } from './seal';

/**
 * Reads what verification needs from a Word file, and nothing else: the text of each
 * paragraph of the body (word/document.xml) and the seal property (docProps/custom.xml).
 * Only those two parts are inflated, each only up to a size no export comes near, so a
 * crafted archive cannot make the app inflate gigabytes.
 */

const WANTED = new Set(['word/document.xml', 'docProps/custom.xml']);
const MAX_PART_BYTES = 64 * 1024 * 1024;

export type DocxContent = { kind: 'ok'; paragraphs: string[]; seal: string | null } | { kind: 'unreadable' };

export function readDocx(bytes: Buffer): DocxContent {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (file) => WANTED.has(file.name) && file.originalSize <= MAX_PART_BYTES });
  } catch {
    return { kind: 'unreadable' };
  }
  const body = parts['word/document.xml'];
  if (!body) return { kind: 'unreadable' };
  const custom = parts['docProps/custom.xml'];
  return { kind: 'ok', paragraphs: paragraphTexts(Buffer.from(body).toString('utf8')), seal: custom ? sealProperty(Buffer.from(custom).toString('utf8')) : null };
}

/**
 * The body's text, one string per non-empty paragraph: the words a reader reads, without the
 * markup around them. Word splits and merges runs when it saves, so runs are joined and only
 * paragraph boundaries count; a change of a word, a letter or a paragraph shows.
 */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const paragraph of xml.split(/<\/w:p>/)) {
    let text = '';
    for (const m of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) text += m[1] !== undefined ? decodeXml(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n';
    const trimmed = text.trim();
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

function sealProperty(xml: string): string | null {
  const property = new RegExp(`<property\\b[^>]*\\bname="${SEAL_PROPERTY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(xml);
  return property?.[1] ?? null;
}

function decodeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'amp') return '&';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The hash a Word file's seal signs: its paragraphs' text, one per line. */
export function textHash(paragraphs: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(paragraphs), 'utf8').digest('hex');
}
