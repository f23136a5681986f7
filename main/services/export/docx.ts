import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import type { Block, Cell, Chart, Collation, DocumentModel, Run } from '../../../domain/documents/model';
import { LARGE_PRINT_DOCX } from './large-print';

/**
 * Writes the document model as a Word file. Word is the accessible format: headings use
 * Word's own Heading 1–3 styles (so the navigation pane and screen readers' heading lists
 * work), tables are real tables whose header rows repeat on every page, and the document's
 * language is British English. Text goes in as text runs, which `docx` escapes, so nothing
 * in a record is ever read as markup.
 */

// A4 with 2 cm margins, in twentieths of a point.
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN = 1134;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/**
 * The width tables and boxes fill: the standard text width, or the large-print letter's
 * narrower one while that letter's blocks are built (synchronously, so no other document's
 * blocks can be built meanwhile).
 */
let textWidth = TEXT_WIDTH;

const FONT = 'Arial';
const BODY_SIZE = 22; // half-points: 11 pt
const SMALL_SIZE = 18;

const RESTRICTED_COLOUR = '9B1C1C';
/** Agency, recommendation, reasons, score, worries, strengths: wide enough for "Recommendation" and "Score" unbroken. */
const COLLATION_WIDTHS = [3.0, 4.1, 4.6, 1.7, 4.6, 4.6];
/** Space inside table cells, so text does not touch the borders. */
const CELL_MARGINS = { top: 50, bottom: 50, left: 70, right: 70 };
const line = (color: string, size = 8): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color });

/** `seal`: the signed-version identity of a signed export (verify/seal.ts), kept as a custom document property. */
export async function renderDocx(model: DocumentModel, options: { seal?: string } = {}): Promise<Buffer> {
  if (model.print === 'large') return Packer.toBuffer(largePrintDocument(model));
  const document = new Document({
    ...(options.seal ? { customProperties: [{ name: 'ConferenceRecorderSeal', value: options.seal }] } : {}),
    title: model.metadata.title,
    creator: model.metadata.author,
    lastModifiedBy: model.metadata.author,
    subject: model.metadata.subject,
    description: model.metadata.subject,
    keywords: model.metadata.keywords ?? '',
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: model.metadata.language } }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '1D2B3A' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1D2B3A' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '1D2B3A' }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: '33475B' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        headers: { default: new Header({ children: [small(model.header, model.draft)] }) },
        footers: {
          default: new Footer({
            children: [
              small(model.footer, model.draft),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ size: SMALL_SIZE, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: blocks(model.blocks),
      },
    ],
  });
  return Packer.toBuffer(document);
}


/**
 * A letter to a child: the same blocks in large print (large-print.ts). Kept apart from the
 * minutes' document so neither layout's styles can drift into the other.
 */
function largePrintDocument(model: DocumentModel): Document {
  const L = LARGE_PRINT_DOCX;
  let children: BodyElement[];
  textWidth = PAGE_WIDTH - 2 * L.margin;
  try {
    children = blocks(model.blocks);
  } finally {
    textWidth = TEXT_WIDTH;
  }
  const heading = (size: number) => ({ run: { font: FONT, size, bold: true, color: '1D2B3A' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } });
  return new Document({
    title: model.metadata.title,
    creator: model.metadata.author,
    lastModifiedBy: model.metadata.author,
    subject: model.metadata.subject,
    description: model.metadata.subject,
    keywords: model.metadata.keywords ?? '',
    styles: {
      default: {
        document: { run: { font: FONT, size: L.bodySize, language: { value: model.metadata.language } }, paragraph: { spacing: { after: L.spaceAfter, line: L.lineSpacing, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: L.titleSize, bold: true, color: '1D2B3A' }, paragraph: { spacing: { after: 360 } } },
        heading1: heading(L.headingSizes[0]),
        heading2: heading(L.headingSizes[1]),
        heading3: heading(L.headingSizes[2]),
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: { top: L.margin, bottom: L.margin, left: L.margin, right: L.margin } } },
        headers: { default: new Header({ children: [small(model.header, model.draft)] }) },
        footers: {
          default: new Footer({
            children: [
              small(model.footer, model.draft),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ size: SMALL_SIZE, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

function small(value: string, bold: boolean): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: value, size: SMALL_SIZE, bold })] });
}

type BodyElement = Paragraph | Table;

function blocks(input: readonly Block[]): BodyElement[] {
  return input.flatMap(block);
}

function runs(input: readonly Run[], extra: { size?: number; italics?: boolean } = {}): ParagraphChild[] {
  // Emphasis is only ever switched on: an explicit "not bold" would override a heading or title style.
  return input.map(
    (run) =>
      new TextRun({
        text: run.text,
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic || extra.italics ? { italics: true } : {}),
        ...(extra.size ? { size: extra.size } : {}),
      }),
  );
}

function block(b: Block): BodyElement[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.level - 1], children: [new TextRun(b.text)] })];
    case 'paragraph':
      if (b.style === 'title') return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.runs) })];
      // An answer's label keeps with the answer, as headings do through their styles.
      return [new Paragraph({ keepNext: b.style === 'label', children: runs(b.runs, b.style === 'small' ? { size: SMALL_SIZE } : {}) })];
    case 'list':
      return b.items.map((item) =>
        new Paragraph({ children: runs(item), ...(b.ordered ? { numbering: { reference: 'numbered', level: 0 } } : { bullet: { level: 0 } }) }),
      );
    case 'table':
      return [...(b.caption ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: b.caption, bold: true })] })] : []), table(b.keyValue ? [] : b.header, b.rows, b.widths), new Paragraph({})];
    case 'collation':
      return collation(b);
    case 'chart':
      return chart(b);
    case 'quotation':
      return [
        ...b.text
          .split(/\r?\n/)
          .filter((l) => l.trim() !== '')
          .map(
            (l) =>
              new Paragraph({
                indent: { left: 567, right: 567 },
                border: { left: line('5B6B7A', 18) },
                children: [new TextRun({ text: l, italics: true })],
              }),
          ),
        new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: `— ${b.attribution}`, size: SMALL_SIZE })] }),
      ];
    case 'restricted':
      return [
        boxed(
          [new Paragraph({ children: [new TextRun({ text: 'Restricted', bold: true, color: RESTRICTED_COLOUR }), new TextRun({ text: ' — not included in the family copy', color: RESTRICTED_COLOUR })] }), ...blocks(b.blocks)],
          RESTRICTED_COLOUR,
          'FBF1F1',
        ),
        new Paragraph({}),
      ];
    case 'notice':
      // The empty paragraph after a box stops Word joining two boxes that follow each other into one table.
      return [boxed([new Paragraph({ children: [new TextRun({ text: b.title, bold: true })] }), new Paragraph({ children: runs(b.runs) })], '1D2B3A', 'EEF2F6'), new Paragraph({})];
    case 'signature':
      return b.lines.map((l, i) => new Paragraph({ keepNext: i < b.lines.length - 1, children: [new TextRun({ text: l, bold: i === 0 })] }));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function cellParagraphs(c: Cell, size?: number): Paragraph[] {
  // Line breaks inside an answer become paragraphs; nothing else in the text is interpreted.
  const lines: Run[][] = [[]];
  for (const run of c.runs) {
    run.text.split(/\r?\n/).forEach((part, i) => {
      if (i > 0) lines.push([]);
      lines.at(-1)!.push({ ...run, text: part });
    });
  }
  return lines.map((l) => new Paragraph({ spacing: { after: 60 }, children: runs(l, size ? { size } : {}) }));
}

function table(header: readonly string[], rows: readonly Cell[][], widths?: readonly number[], size?: number): Table {
  const columns = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const relative = widths && widths.length === columns ? widths : Array.from({ length: columns }, () => 1);
  const total = relative.reduce((a, b) => a + b, 0);
  const columnWidths = relative.map((w) => Math.floor((w / total) * textWidth));
  const headerRow =
    header.length > 0
      ? [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: header.map(
              (h, i) =>
                new TableCell({
                  width: { size: columnWidths[i] ?? 0, type: WidthType.DXA },
                  shading: { type: ShadingType.CLEAR, fill: 'DDE3EA', color: 'auto' },
                  children: [new Paragraph({ children: [new TextRun({ text: h, bold: true, ...(size ? { size } : {}) })] })],
                }),
            ),
          }),
        ]
      : [];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    margins: CELL_MARGINS,
    rows: [
      ...headerRow,
      ...rows.map(
        (row) =>
          new TableRow({
            children: row.map(
              (c, i) =>
                new TableCell({
                  width: { size: columnWidths[i] ?? 0, type: WidthType.DXA },
                  children: c.restricted
                    ? [new Paragraph({ children: [new TextRun({ text: 'Restricted', bold: true, color: RESTRICTED_COLOUR, ...(size ? { size } : {}) })] }), ...cellParagraphs(c, size)]
                    : cellParagraphs(header.length === 0 && i === 0 ? { runs: c.runs.map((r) => ({ ...r, bold: true })) } : c, size),
                }),
            ),
          }),
      ),
    ],
  });
}

/** A one-cell table with a border: a box. Word requires a cell to end with a paragraph, hence the empty one after a nested table. */
function boxed(children: BodyElement[], border: string, fill: string): Table {
  const edge = line(border, 12);
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [textWidth],
    margins: { top: 100, bottom: 100, left: 140, right: 140 },
    borders: { top: edge, bottom: edge, left: edge, right: edge, insideHorizontal: edge, insideVertical: edge },
    rows: [new TableRow({ children: [new TableCell({ shading: { type: ShadingType.CLEAR, fill, color: 'auto' }, children: children.at(-1) instanceof Table ? [...children, new Paragraph({})] : children })] })],
  });
}

function collation(b: Collation): BodyElement[] {
  const rows: Cell[][] = b.rows.map((r) => [
    { runs: [{ text: r.agency, bold: true }, ...(r.representative ? [{ text: `\n${r.representative}` }] : [])] },
    { runs: [{ text: r.recommendation }, ...(r.departs ? [{ text: '\nDiffers from the decision', italic: true }] : [])] },
    r.reasons,
    { runs: [{ text: r.score === null ? 'No score' : `${r.score} / 10` }] },
    r.worries,
    r.strengths,
  ]);
  return [
    new Paragraph({ children: [new TextRun({ text: 'Decision: ', bold: true }), new TextRun({ text: b.decision, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: b.summary, size: SMALL_SIZE })] }),
    table(['Agency', 'Recommendation', 'Reasons', 'Score', 'Worries', 'Strengths'], rows, COLLATION_WIDTHS, SMALL_SIZE),
    new Paragraph({}),
  ];
}

function chart(b: Chart): BodyElement[] {
  // Word gets the chart's figures as a table: the form a screen reader can read.
  return [
    new Paragraph({ children: [new TextRun({ text: b.title, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: `Scale: ${b.scaleDefinition}`, size: SMALL_SIZE })] }),
    table(['Who', `Score (0 to ${b.max})`], b.bars.map((bar) => [{ runs: [{ text: bar.label }] }, { runs: [{ text: bar.score === null ? 'No score' : String(bar.score) }] }]), [3, 2]),
    new Paragraph({}),
  ];
}
