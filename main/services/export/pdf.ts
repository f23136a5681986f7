import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Cell, Chart, Collation, DocumentModel, Run } from '../../../domain/documents/model';
import { forgetPdfSigningKeys } from './pades';
import { BODY_FAMILY, bodyFonts, fallbackFaces, splitByFont, type FallbackFace } from './fonts';
import { LARGE_PRINT_PDF } from './large-print';

/**
 * Writes the document model as a PDF with pdfmake 0.3. The PDF is for reading and printing;
 * it is not tagged (pdfmake writes no structure tree), so the Word file is the accessible
 * format. What the PDF does carry: embedded fonts from the app's own packages, title,
 * author, subject and language, a bookmark outline that follows the headings, DRAFT across
 * every page of a draft, and the signer, time and code in every page's footer.
 *
 * pdfmake is a process-wide singleton, so it is set up once: fonts go into its in-memory
 * file system, and both access policies refuse everything, so a document can never make it
 * fetch a URL or read a file (texts are data, but belt and braces).
 */

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

let faces: FallbackFace[] | null = null;

function setUp(): FallbackFace[] {
  if (faces) return faces;
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const body = bodyFonts();
  const fallback = fallbackFaces();
  for (const file of [...Object.values(body), ...fallback.map((f) => f.file)]) vfs.writeFileSync(file.name, file.data);
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {
    [BODY_FAMILY]: { normal: body.normal.name, bold: body.bold.name, italics: body.italics.name, bolditalics: body.bolditalics.name },
  };
  // The fallback faces have one weight; bold and italic runs in those scripts use it as is.
  for (const face of fallback) fonts[face.family] = { normal: face.file.name, bold: face.file.name, italics: face.file.name, bolditalics: face.file.name };
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  shareLayoutCache();
  faces = fallback;
  return faces;
}

/**
 * Most of a PDF's time goes on shaping each word with the font (fontkit), and pdfkit keeps
 * the shaped words per document, so every export started cold. The shapes depend only on
 * the font file, so one cache per font is shared by every document in the process. pdfmake
 * gives no hook for this, so its font provider is wrapped; if a new pdfmake version moves
 * it, the wrap is skipped and exports are only slower. The cache is cleared when it grows
 * large, and by `forgetExportCaches()` (call it when the store locks: the words come from records).
 */
const layoutCaches = new Map<string, Record<string, unknown>>();
const MAX_CACHED_WORDS = 50_000;
const sharedCaches = new WeakSet<object>();

export function forgetExportCaches(): void {
  layoutCaches.clear();
  // The PDF signing keys opened for this session (pades.ts) go at the same moment.
  forgetPdfSigningKeys();
}

/** How many shaped words are cached now (tests check that locking empties it). */
export function cachedWordCount(): number {
  return [...layoutCaches.values()].reduce((n, cache) => n + Object.keys(cache).length, 0);
}

interface EmbeddedFontLike {
  layoutCache?: Record<string, unknown>;
}

function shareLayoutCache(): void {
  const require = createRequire(import.meta.url);
  const module = require('pdfmake/js/PDFDocument') as { default?: { prototype?: Record<string, unknown> } };
  const proto = module.default?.prototype;
  const original = proto?.['provideFont'];
  if (!proto || typeof original !== 'function') return;
  proto['provideFont'] = function provideFont(this: unknown, family: string, bold: boolean, italics: boolean): EmbeddedFontLike {
    const font = (original as (f: string, b: boolean, i: boolean) => EmbeddedFontLike).call(this, family, bold, italics);
    // pdfmake asks for a font on every piece of text; only a font new to this document is wired up.
    if (font && typeof font === 'object' && font.layoutCache && !sharedCaches.has(font.layoutCache)) {
      const key = `${family}/${bold ? 'b' : ''}${italics ? 'i' : ''}`;
      const words = [...layoutCaches.values()].reduce((n, cache) => n + Object.keys(cache).length, 0);
      if (words > MAX_CACHED_WORDS) forgetExportCaches();
      let shared = layoutCaches.get(key);
      if (!shared) {
        shared = Object.create(null) as Record<string, unknown>;
        layoutCaches.set(key, shared);
        sharedCaches.add(shared);
      }
      font.layoutCache = shared;
    }
    return font;
  };
}

// A4 is 595.28 × 841.89 pt; margins of 2 cm.
const MARGIN = 56.7;
const TEXT_WIDTH = 595.28 - 2 * MARGIN;
const INK = '#1D2B3A';
const RESTRICTED = '#9B1C1C';
/** A block this short (in characters) moves to the next page with its heading rather than leave the heading stranded. */
const KEEP_WITH_HEADING_BELOW = 900;
/** Characters in a table row above which the row may break across pages (about a third of a page of text). */
const KEEP_ROW_WHOLE_BELOW = 1500;

/** `seal`: the signed-version identity of a signed export (verify/seal.ts), kept in the document information. */
export async function renderPdf(model: DocumentModel, options: { seal?: string } = {}): Promise<Buffer> {
  const fallback = setUp();
  const large = model.print === 'large';
  const r = new PdfBlocks(fallback, large ? LARGE_PRINT_PDF.paragraphGap : 6);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: large ? LARGE_PRINT_PDF.pageMargins : [MARGIN, MARGIN + 6, MARGIN, MARGIN + 14],
    language: model.metadata.language,
    displayTitle: true,
    info: {
      title: model.metadata.title,
      author: model.metadata.author,
      subject: model.metadata.subject,
      keywords: model.metadata.keywords ?? '',
      creator: 'Conference Recorder',
      producer: 'Conference Recorder',
      // pdfmake passes keys other than the standard ones through as custom entries (Printer.js createMetadata).
      ...(options.seal ? { ConferenceRecorderSeal: options.seal } : {}),
    } as TDocumentDefinitions['info'],
    defaultStyle: { font: BODY_FAMILY, ...(large ? LARGE_PRINT_PDF.defaultStyle : { fontSize: 10.5, lineHeight: 1.2, color: '#111111' }) },
    styles: {
      title: { fontSize: 20, bold: true, color: INK, margin: [0, 0, 0, 10] },
      h1: { fontSize: 15, bold: true, color: INK, margin: [0, 14, 0, 6] },
      h2: { fontSize: 12.5, bold: true, color: INK, margin: [0, 10, 0, 4] },
      h3: { fontSize: 11, bold: true, color: '#33475B', margin: [0, 8, 0, 3] },
      small: { fontSize: 8.5 },
      th: { bold: true, fillColor: '#DDE3EA' },
      ...(large ? LARGE_PRINT_PDF.styles : {}),
    },
    header: () => ({ text: r.runs([{ text: model.header, bold: model.draft }]), fontSize: 8, margin: [MARGIN, 22, MARGIN, 0] }),
    footer: (page: number, pages: number) => ({
      margin: [MARGIN, 10, MARGIN, 0],
      columns: [
        { text: r.runs([{ text: model.footer, bold: model.draft }]), fontSize: 8, width: '*' },
        { text: `Page ${page} of ${pages}`, fontSize: 8, width: 70, alignment: 'right' },
      ],
    }),
    content: r.blocks(model.blocks),
  };
  if (model.draft) definition.watermark = { text: 'DRAFT', color: RESTRICTED, opacity: 0.1, bold: true, fontSize: 120 };
  return pdfmake.createPdf(definition).getBuffer();
}

function textLength(block: Block): number {
  const runs = (list: readonly Run[]) => list.reduce((n, r) => n + r.text.length, 0);
  switch (block.kind) {
    case 'heading':
      return block.text.length;
    case 'paragraph':
      return runs(block.runs);
    case 'list':
      return block.items.reduce((n, item) => n + runs(item), 0);
    case 'table':
      return block.rows.reduce((n, row) => n + row.reduce((m, c) => m + runs(c.runs), 0), 0) + 40 * block.rows.length;
    case 'quotation':
      return block.text.length;
    case 'signature':
      return block.lines.join('').length;
    case 'notice':
      return runs(block.runs);
    default:
      // Collations, charts and restricted boxes are big or can grow: never tie them to a heading.
      return Number.POSITIVE_INFINITY;
  }
}

class PdfBlocks {
  private outlineIds: (string | undefined)[] = [];
  private nextId = 0;

  constructor(
    private readonly faces: readonly FallbackFace[],
    private readonly paragraphGap = 6,
  ) {}

  /** Text runs split by the font that has their characters; pdfmake prints them as text, never as markup. */
  runs(input: readonly Run[]): Content[] {
    return input.flatMap((run) =>
      splitByFont(run.text, this.faces).map((part) => ({
        text: part.text,
        // Only ever switched on: an explicit false would override a heading style's bold.
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italics: true } : {}),
        ...(part.family === BODY_FAMILY ? {} : { font: part.family }),
      })),
    ) as Content[];
  }

  /**
   * Headings and answer labels are kept with what follows them by putting a run of them and the next block,
   * when that block is short, in one unbreakable stack. (pdfmake's pageBreakBefore hook would
   * do it too, but each break it adds lays the whole document out again: several times slower.)
   * A long block is left out of the stack, because pdfmake drops whatever of an unbreakable
   * stack does not fit on one page.
   */
  blocks(input: readonly Block[]): Content[] {
    const out: Content[] = [];
    const leadsIn = (b: Block | undefined) => b?.kind === 'heading' || (b?.kind === 'paragraph' && b.style === 'label');
    for (let i = 0; i < input.length; i += 1) {
      if (!leadsIn(input[i])) {
        out.push(...this.block(input[i]!));
        continue;
      }
      const group: Content[] = [];
      while (leadsIn(input[i])) group.push(...this.block(input[i++]!));
      const next = input[i];
      if (next && next.kind !== 'pageBreak' && textLength(next) <= KEEP_WITH_HEADING_BELOW) group.push(...this.block(next));
      else i -= 1;
      out.push({ stack: group, unbreakable: true });
    }
    return out;
  }

  private block(b: Block): Content[] {
    switch (b.kind) {
      case 'heading': {
        const id = `heading-${(this.nextId += 1)}`;
        const parent = b.level > 1 ? this.outlineIds[b.level - 2] : undefined;
        this.outlineIds[b.level - 1] = id;
        this.outlineIds.length = b.level;
        const parts = splitByFont(b.text, this.faces);
        return [
          {
            // A plain string where one font will do, so the keep-with-next rule sees the heading as one node.
            text: parts.length === 1 && parts[0]?.family === BODY_FAMILY ? b.text : this.runs([{ text: b.text }]),
            style: `h${b.level}`,
            outline: true,
            outlineText: b.text,
            id,
            ...(parent ? { outlineParentId: parent } : {}),
          } as Content,
        ];
      }
      case 'paragraph':
        return [{ text: this.runs(b.runs), margin: [0, 0, 0, this.paragraphGap], ...(b.style === 'title' ? { style: 'title' } : b.style === 'small' ? { style: 'small' } : {}) }];
      case 'list': {
        const items = b.items.map((item) => ({ text: this.runs(item) }));
        return [b.ordered ? { ol: items, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] }];
      }
      case 'table':
        return [
          ...(b.caption ? [{ text: this.runs([{ text: b.caption, bold: true }]), margin: [0, 4, 0, 3] } as Content] : []),
          this.table(b.keyValue ? [] : b.header, b.rows, b.widths, b.keyValue ?? false),
        ];
      case 'collation':
        return this.collation(b);
      case 'chart':
        return this.chart(b);
      case 'quotation':
        return [
          this.box(
            [
              { text: this.runs([{ text: b.text, italic: true }]), fontSize: 11.5 },
              { text: this.runs([{ text: `— ${b.attribution}` }]), style: 'small', margin: [0, 4, 0, 0] },
            ],
            { left: INK, fill: '#F4F6F8' },
          ),
        ];
      case 'restricted':
        return [
          this.box(
            [{ text: [{ text: 'Restricted', bold: true, color: RESTRICTED }, { text: ' — not included in the family copy', color: RESTRICTED }], margin: [0, 0, 0, 4] }, ...this.blocks(b.blocks)],
            { all: RESTRICTED, fill: '#FBF1F1' },
          ),
        ];
      case 'notice':
        return [this.box([{ text: this.runs([{ text: b.title, bold: true }]) }, { text: this.runs(b.runs) }], { all: INK, fill: '#EEF2F6' })];
      case 'signature':
        return [{ stack: b.lines.map((l, i) => ({ text: this.runs([{ text: l, bold: i === 0 }]) })), margin: [0, 6, 0, 0], unbreakable: true }];
      case 'pageBreak':
        return [{ text: '', pageBreak: 'after' }];
    }
  }

  private cell(c: Cell, bold = false): TableCell {
    const runs = bold ? c.runs.map((r) => ({ ...r, bold: true })) : c.runs;
    if (!c.restricted) return { text: this.runs(runs) };
    return { text: [{ text: 'Restricted\n', bold: true, color: RESTRICTED }, ...this.runs(runs)] as Content[], fillColor: '#FBF1F1' } as TableCell;
  }

  private table(header: readonly string[], rows: readonly Cell[][], widths: readonly number[] | undefined, keyValue: boolean, fontSize?: number): Content {
    const columns = Math.max(header.length, ...rows.map((row) => row.length), 1);
    const relative = widths && widths.length === columns ? widths : Array.from({ length: columns }, () => 1);
    const total = relative.reduce((a, b) => a + b, 0);
    const body: TableCell[][] = [
      ...(header.length > 0 ? [header.map((h) => ({ text: this.runs([{ text: h, bold: true }]), fillColor: '#DDE3EA' }) as TableCell)] : []),
      ...rows.map((row) => Array.from({ length: columns }, (_, i) => (row[i] ? this.cell(row[i], keyValue && i === 0) : ''))),
    ];
    // Rows are kept whole on one page (far easier to read than a row split in two) unless a
    // row is so long it might not fit on a page, where pdfmake would cut it off instead.
    const rowLength = (row: readonly Cell[]) => row.reduce((n, c) => n + c.runs.reduce((m, r) => m + r.text.length, 0), 0);
    const dontBreakRows = rows.every((row) => rowLength(row) < KEEP_ROW_WHOLE_BELOW);
    return {
      table: {
        // The header row repeats at the top of each page the table crosses.
        headerRows: header.length > 0 ? 1 : 0,
        dontBreakRows,
        widths: relative.map((w) => (w / total) * TEXT_WIDTH - 8),
        body,
      },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#8A97A5', vLineColor: () => '#8A97A5', paddingTop: () => 2, paddingBottom: () => 2 },
      margin: [0, 2, 0, 8],
      ...(fontSize ? { fontSize } : {}),
    } as Content;
  }

  private box(stack: Content[], colours: { all?: string; left?: string; fill: string }): Content {
    return {
      table: { widths: ['*'], body: [[{ stack, fillColor: colours.fill }]] },
      layout: {
        hLineWidth: () => (colours.all ? 1 : 0),
        vLineWidth: (i: number) => (colours.all ? 1 : i === 0 ? 3 : 0),
        hLineColor: () => colours.all ?? colours.fill,
        vLineColor: () => colours.all ?? colours.left ?? colours.fill,
        paddingLeft: () => 8,
        paddingRight: () => 8,
        paddingTop: () => 6,
        paddingBottom: () => 6,
      },
      margin: [0, 2, 0, 8],
    } as Content;
  }

  private collation(b: Collation): Content[] {
    const rows: Cell[][] = b.rows.map((row) => [
      { runs: [{ text: row.agency, bold: true }, ...(row.representative ? [{ text: `\n${row.representative}` }] : [])] },
      { runs: [{ text: row.recommendation }, ...(row.departs ? [{ text: '\nDiffers from the decision', italic: true }] : [])] },
      row.reasons,
      { runs: [{ text: row.score === null ? 'No score' : `${row.score} / 10` }] },
      row.worries,
      row.strengths,
    ]);
    return [
      { text: this.runs([{ text: 'Decision: ', bold: true }, { text: b.decision, bold: true }]), margin: [0, 2, 0, 2] },
      { text: this.runs([{ text: b.summary }]), style: 'small', margin: [0, 0, 0, 4] },
      this.table(['Agency', 'Recommendation', 'Reasons', 'Score', 'Worries', 'Strengths'], rows, [2.8, 3.8, 4.8, 1.9, 4.8, 4.8], false, 8),
    ];
  }

  /** Bars drawn as vector shapes beside each score; the score is printed too, so nothing depends on colour. */
  private chart(b: Chart): Content[] {
    const barWidth = 200;
    const rows: TableCell[][] = b.bars.map((bar) => [
      { text: this.runs([{ text: bar.label }]) },
      { text: bar.score === null ? 'No score' : String(bar.score), alignment: 'right' },
      bar.score === null
        ? { text: '' }
        : {
            canvas: [
              { type: 'rect', x: 0, y: 2, w: barWidth, h: 9, color: '#EEF2F6' },
              { type: 'rect', x: 0, y: 2, w: (Math.max(0, Math.min(b.max, bar.score)) / b.max) * barWidth, h: 9, color: bar.label === 'Chair' ? '#33475B' : '#5B7FA3' },
            ],
          },
    ]);
    return [
      { text: this.runs([{ text: b.title, bold: true }]), margin: [0, 4, 0, 2] },
      { text: this.runs([{ text: `Scale: ${b.scaleDefinition}` }]), style: 'small', margin: [0, 0, 0, 4] },
      {
        table: { headerRows: 1, widths: [150, 72, barWidth + 8], body: [[{ text: 'Who', style: 'th' }, { text: `Score (0 to ${b.max})`, style: 'th' }, { text: '', style: 'th' }], ...rows] },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 10],
      } as Content,
    ];
  }
}
