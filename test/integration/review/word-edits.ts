import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Edits a review copy the way Word stores an agency's work, by writing Word's own XML into the
 * DOCX: comments (word/comments.xml, with its relationship and content type; w:commentRangeStart /
 * w:commentRangeEnd around the words and a run holding w:commentReference), tracked changes
 * (w:del with w:delText and w:ins, each with w:author and w:date), plain edits, and removal of
 * the custom properties that carry the identifier.
 */

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class WordFile {
  files: Record<string, Uint8Array>;
  #comments: string[] = [];
  #nextId = 100;

  constructor(bytes: Buffer | Uint8Array) {
    this.files = unzipSync(new Uint8Array(bytes));
  }

  get document(): string {
    return strFromU8(this.files['word/document.xml']!);
  }

  set document(xml: string) {
    this.files['word/document.xml'] = strToU8(xml);
  }

  /** The whole paragraph (<w:p>…</w:p>) that holds bookmark `name`. */
  paragraph(name: string): string {
    const xml = this.document;
    const at = xml.indexOf(`w:name="${name}"`);
    if (at < 0) throw new Error(`No bookmark ${name}`);
    const start = xml.lastIndexOf('<w:p>', at) >= xml.lastIndexOf('<w:p ', at) ? xml.lastIndexOf('<w:p>', at) : xml.lastIndexOf('<w:p ', at);
    const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    return xml.slice(start, end);
  }

  #replaceParagraph(name: string, edit: (p: string) => string): void {
    const old = this.paragraph(name);
    const next = edit(old);
    if (next === old) throw new Error(`Edit of ${name} changed nothing`);
    this.document = this.document.replace(old, next);
  }

  /** A Word comment on the whole paragraph `name`. */
  comment(name: string, author: string, text: string, date = '2026-02-24T10:15:00Z'): this {
    const id = String(this.#nextId++);
    this.#replaceParagraph(name, (p) =>
      p
        .replace(/(<w:bookmarkStart [^>]*w:name="[^"]+"\/>)/, `$1<w:commentRangeStart w:id="${id}"/>`)
        .replace(/(<w:bookmarkEnd [^>]*\/>)<\/w:p>$/, `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>$1</w:p>`),
    );
    this.#comments.push(
      `<w:comment w:id="${id}" w:author="${esc(author)}" w:date="${date}" w:initials="${esc(author.split(/\s+/).map((w) => w[0]).join(''))}"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:comment>`,
    );
    return this;
  }

  /** A tracked replacement of `from` by `to` inside one text run of paragraph `name`. */
  trackedReplace(name: string, from: string, to: string, author: string, date = '2026-02-24T10:20:00Z'): this {
    const del = this.#nextId++;
    const ins = this.#nextId++;
    this.#replaceParagraph(name, (p) =>
      p.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/, (whole, rPr: string | undefined, text: string) => {
        const at = text.indexOf(esc(from));
        if (at < 0) return whole;
        const props = rPr ?? '';
        const run = (t: string) => (t === '' ? '' : `<w:r>${props}<w:t xml:space="preserve">${t}</w:t></w:r>`);
        return (
          run(text.slice(0, at)) +
          `<w:del w:id="${del}" w:author="${esc(author)}" w:date="${date}"><w:r>${props}<w:delText xml:space="preserve">${esc(from)}</w:delText></w:r></w:del>` +
          (to === '' ? '' : `<w:ins w:id="${ins}" w:author="${esc(author)}" w:date="${date}"><w:r>${props}<w:t xml:space="preserve">${esc(to)}</w:t></w:r></w:ins>`) +
          run(text.slice(at + esc(from).length))
        );
      }),
    );
    return this;
  }

  /** Words typed over without track changes on. */
  plainReplace(name: string, from: string, to: string): this {
    this.#replaceParagraph(name, (p) => p.replace(esc(from), esc(to)));
    return this;
  }

  /** The paragraph removed altogether, without tracking. */
  deleteParagraph(name: string): this {
    this.#replaceParagraph(name, () => '');
    return this;
  }

  removeIdentifier(): this {
    this.files['docProps/custom.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
    );
    return this;
  }

  bytes(): Buffer {
    const files = { ...this.files };
    if (this.#comments.length > 0) {
      files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W_NS}">${this.#comments.join('')}</w:comments>`);
      const rels = strFromU8(files['word/_rels/document.xml.rels']!);
      if (!rels.includes('comments.xml')) {
        files['word/_rels/document.xml.rels'] = strToU8(
          rels.replace('</Relationships>', '<Relationship Id="rIdComments1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'),
        );
        const types = strFromU8(files['[Content_Types].xml']!);
        files['[Content_Types].xml'] = strToU8(
          types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'),
        );
      }
    }
    return Buffer.from(zipSync(files));
  }
}

/** The bookmark of the first paragraph whose words include `phrase`. */
export function bookmarkOf(file: WordFile, phrase: string): string {
  const xml = file.document;
  for (const match of xml.matchAll(/<w:bookmarkStart w:id="\d+" w:name="(s\d+_p\d+)"\/>([\s\S]*?)<w:bookmarkEnd/g)) {
    const text = [...(match[2] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    if (text.includes(esc(phrase))) return match[1]!;
  }
  throw new Error(`No paragraph contains “${phrase}”`);
}
