/**
 * The one document model every export is built in. Layouts (templates/layouts/) turn a
 * conference record into it; the Word and PDF renderers (main/services/export/) turn it into
 * files. Because both formats are drawn from the same blocks, the Word file and the PDF can
 * never say different things, and the family copy is the same model with restricted blocks
 * taken out (see redact.ts) rather than a second layout that could drift.
 *
 * Every string here is plain text from the record or from fixed wording: renderers must
 * show it exactly as text and never interpret markup, so a rationale that contains `<w:t>`,
 * `]]>` or `**bold**` prints those characters.
 */

/** A stretch of text with the only emphasis the documents use. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type HeadingLevel = 1 | 2 | 3;

export interface Heading {
  kind: 'heading';
  level: HeadingLevel;
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  /**
   * `title` for a document's title (not a heading, so it stays out of the outline); `small`
   * for notes; `label` for the bold name of an answer, kept on the same page as the answer.
   */
  style?: 'normal' | 'small' | 'title' | 'label';
}

/** A table cell: its text, and whether that text is restricted (kept out of the family copy). */
export interface Cell {
  runs: Run[];
  restricted?: boolean;
}

export interface Table {
  kind: 'table';
  /** Read aloud before the table and shown above it. */
  caption?: string;
  /** The header row, repeated at the top of every page the table crosses. */
  header: string[];
  rows: Cell[][];
  /** Relative column widths (any unit); equal when absent. */
  widths?: number[];
  /** A label/value table: the first column is a label and is shown in bold, with no header row shown. */
  keyValue?: boolean;
}

export interface List {
  kind: 'list';
  ordered: boolean;
  items: Run[][];
}

/** One agency's view of one child, side by side with the others'. */
export interface CollationRow {
  agency: string;
  representative: string;
  attendance: string;
  recommendation: string;
  reasons: Cell;
  /** Null when the agency gave no score (or blind scaling still hides it). */
  score: number | null;
  worries: Cell;
  strengths: Cell;
  /** The chair's decision differs from this agency's recommendation. */
  departs: boolean;
}

/** Each agency's view of one child, shown beside the chair's decision for that child. */
export interface Collation {
  kind: 'collation';
  childName: string;
  rows: CollationRow[];
  /** The decision the views are set beside, e.g. "Child protection plan (emotional abuse)". */
  decision: string;
  /** A sentence on the spread of views (counts of each recommendation, range of scores). */
  summary: string;
}

/**
 * Safety-scale scores per agency for one child. The PDF draws bars; Word shows the same
 * figures as a table, which is also the accessible form of the chart.
 */
export interface Chart {
  kind: 'chart';
  title: string;
  /** What 0 and 10 mean on the scale used: a bare number cannot be read safely. */
  scaleDefinition: string;
  max: number;
  bars: { label: string; score: number | null }[];
}

/** Someone's own words, kept exactly as recorded (the child's voice). */
export interface Quotation {
  kind: 'quotation';
  attribution: string;
  text: string;
}

/**
 * Content kept out of the family copy. The full minutes show it with a visible
 * "Restricted" label; the family copy drops it, or shows `replacement` (e.g. the family
 * version of a rationale) in its place. `reason` says why, in words for the family's notice.
 */
export interface Restricted {
  kind: 'restricted';
  reason: string;
  blocks: Block[];
  replacement?: Block[];
}

/** A boxed notice: the withheld-information line, a draft warning. */
export interface Notice {
  kind: 'notice';
  title: string;
  runs: Run[];
}

/** Who signed, when, which version and the code a reader checks; absent on a draft. */
export interface SignatureInfo {
  signer: string;
  role: string;
  council: string;
  /** ISO date-time with offset. */
  signedAt: string;
  version: number;
  verificationCode: string;
}

export interface SignatureBlock {
  kind: 'signature';
  /** Null on a draft. Kept whole so a later PDF signature can be made from the same details. */
  signature: SignatureInfo | null;
  /** What the block says, first line emphasised: the signer, role, time and code, or that it is unsigned. */
  lines: string[];
}

export interface PageBreak {
  kind: 'pageBreak';
}

export type Block =
  | Heading
  | Paragraph
  | Table
  | List
  | Collation
  | Chart
  | Quotation
  | Restricted
  | Notice
  | SignatureBlock
  | PageBreak;

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  /** BCP 47; always en-GB for this app's documents. */
  language: string;
  keywords?: string;
}

export interface DocumentModel {
  metadata: DocumentMetadata;
  /** Unsigned: every page says DRAFT. */
  draft: boolean;
  /** Repeated at the top of every page (e.g. "Whitfield · full minutes · OFFICIAL-SENSITIVE"). */
  header: string;
  /** Repeated at the foot of every page, before the page number: signer, time and code, or DRAFT. */
  footer: string;
  blocks: Block[];
  /**
   * `large` for a letter to a child: 16 pt body text, bigger headings, shorter lines and
   * more space between them. Absent for the standard minutes layout.
   */
  print?: 'large';
}

/** Helpers so layouts read as prose rather than object literals. */
export const text = (value: string, emphasis: { bold?: boolean; italic?: boolean } = {}): Run => ({ text: value, ...emphasis });
export const heading = (level: HeadingLevel, value: string): Heading => ({ kind: 'heading', level, text: value });
export const paragraph = (...runs: Run[]): Paragraph => ({ kind: 'paragraph', runs });
/** The name of an answer, printed in bold above it and kept on the same page as it. */
export const label = (value: string): Paragraph => ({ kind: 'paragraph', style: 'label', runs: [text(value, { bold: true })] });
export const plain = (value: string, style?: Paragraph['style']): Paragraph =>
  style ? { kind: 'paragraph', runs: [text(value)], style } : { kind: 'paragraph', runs: [text(value)] };
export const cell = (value: string, restricted = false): Cell => (restricted ? { runs: [text(value)], restricted } : { runs: [text(value)] });

/**
 * A long answer as paragraphs: the chair separates paragraphs with blank lines or line
 * breaks, and both become paragraph breaks. Nothing else in the text is interpreted.
 */
export function paragraphsOf(value: string): Paragraph[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => plain(line));
}

/** Every block, depth first, including those inside restricted blocks (not their replacements). */
export function* allBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.kind === 'restricted') yield* allBlocks(block.blocks);
  }
}
