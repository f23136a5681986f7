import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBlocks, type Block, type DocumentModel, type SignatureInfo } from '../../../domain/documents/model';
import { CHILD_LETTER_FIELD, childLetters } from '../../../domain/letters/child-letters';
import { markItemsIn, MARKS_FIELD, RESTRICTED_SECTION, withMark } from '../../../domain/restricted/marks';
import { childrenOf, childValues, textOf } from '../../../domain/record/access';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import { childLetterDocument, NoChildLetter } from '../../../templates/layouts/child-letter';
import { fullMinutes } from '../../../templates/layouts';
import { docxPart, libreOfficeToPdf, pdfInfo } from './extract';
import { ARABIC, EMOJI, HEBREW, MARKUP, POLISH } from './hostile';
import { plainText, renderBoth } from './render';

/**
 * The chair's letter to a child, read back from both files with tools that share no code with
 * the renderers: it holds the chair's words, the child's name and the chair's, in large print,
 * and nothing else from the record — above all nothing restricted.
 */

const OUT = join('test-results', 'export', 'child-letters');
const SIGNATURE: SignatureInfo = {
  signer: 'Priya Natarajan',
  role: 'Independent chair',
  council: 'Northmoor Borough Council',
  signedAt: '2026-01-15T16:20:00.000Z',
  version: 2,
  verificationCode: 'K7QF-2M9D-3XWP',
};

const LETTER = [
  'Dear Maya,',
  'Thank you for the pictures you drew for me and for telling Sam about your worries.',
  'On Thursday lots of grown-ups who help your family met to talk about how to keep you and Leo safe.',
  'We decided that Sam will keep visiting you at home and at school. Your mum and dad will get help too.',
  'If you feel worried, you can talk to Miss Hollis at school or ring Sam.',
].join('\n\n');

function withLetter(text: string, record: ConferenceRecord = whitfieldRecord()): { record: ConferenceRecord; mayaId: string; leoId: string } {
  const [maya, leo] = childrenOf(record);
  const voice = record.sections['voice'];
  if (voice?.kind !== 'perChild' || !maya || !leo) throw new Error('The Whitfield fixture has no voice section.');
  voice.perChild[maya.id] = { ...voice.perChild[maya.id], [CHILD_LETTER_FIELD]: text };
  // Leo is two: even if text were stored for him (an older date of birth corrected later), no letter is made.
  voice.perChild[leo.id] = { ...voice.perChild[leo.id], [CHILD_LETTER_FIELD]: 'A letter for a toddler that must not be exported.' };
  return { record, mayaId: maya.id, leoId: leo.id };
}

/** Every text the full minutes mark restricted: none of it may reach a child's letter. */
function restrictedTexts(record: ConferenceRecord): string[] {
  const found: string[] = [];
  const collect = (blocks: readonly Block[]) => {
    for (const block of allBlocks(blocks)) {
      if (block.kind === 'paragraph') found.push(block.runs.map((r) => r.text).join(''));
      if (block.kind === 'quotation') found.push(block.text);
    }
  };
  for (const block of allBlocks(fullMinutes(record).blocks)) if (block.kind === 'restricted') collect(block.blocks);
  return found.map((t) => t.trim()).filter((t) => t.length > 12);
}

/** The height of a word's box on the PDF's first page, from pdftotext -bbox (a reader that shares no code with pdfmake). */
function bodyWordHeight(pdf: Buffer, word: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-bbox-'));
  try {
    writeFileSync(join(dir, 'letter.pdf'), pdf);
    const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' });
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`<word xMin="[\\d.]+" yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${escaped}</word>`).exec(html);
    if (!match) throw new Error(`“${word}” is not on the first page`);
    return Number(match[2]) - Number(match[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function paragraphs(value: string): string[] {
  return value.split(/\n+/).map((p) => p.trim()).filter((p) => p !== '');
}

describe('the letter to a child', () => {
  it('is offered only for children five and over: Maya (7) has one, Leo (2) does not', () => {
    const { record, mayaId } = withLetter(LETTER);
    expect(childLetters(record).map((l) => [l.childId, l.recipient])).toEqual([[mayaId, 'Maya']]);
  });

  it('holds the chair’s words, the child’s name and the chair’s name in both formats, in large print, signed in every footer, and nothing restricted', async () => {
    const { record, mayaId } = withLetter(LETTER);
    const restricted = restrictedTexts(record);
    // The fixture must have restricted text, or the "nothing restricted" check below would prove nothing.
    expect(restricted.length).toBeGreaterThan(0);

    const model = childLetterDocument(record, mayaId, { signature: SIGNATURE });
    const rendered = await renderBoth(model, join(OUT, 'whitfield-maya-signed'));
    for (const paragraph of paragraphs(LETTER)) {
      expect(rendered.docxText.includes(plainText(paragraph)), `DOCX is missing “${paragraph}”`).toBe(true);
      expect(rendered.pdfText.includes(plainText(paragraph)), `PDF is missing “${paragraph}”`).toBe(true);
    }
    for (const text of ['A letter for Maya', 'Priya Natarajan', '15 January 2026']) {
      expect(rendered.docxText).toContain(text);
      expect(rendered.pdfText).toContain(text);
    }
    for (const text of restricted) {
      expect(rendered.docxText.includes(plainText(text)), 'DOCX holds restricted text').toBe(false);
      expect(rendered.pdfText.includes(plainText(text)), 'PDF holds restricted text').toBe(false);
    }
    // Nor any other child's letter, nor the decision's reasoning (how much of that to tell a child is the chair's call, in the letter).
    const rationale = textOf(childValues(record, 'decision', mayaId)['rationale']);
    expect(rationale.length).toBeGreaterThan(40);
    expect(rendered.pdfText).not.toContain(plainText(paragraphs(rationale)[0]!).slice(0, 60));
    expect(rendered.pdfText).not.toContain('toddler');

    // Large print: 16 pt body in Word (size 32 half-points) and in the PDF, where a word's box from
    // pdftotext is about 1.17 × the type size tall (Roboto's ascent + descent): ≥ 18 pt means ≥ 16 pt type.
    expect(docxPart(rendered.docx, 'word/styles.xml')).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="32"\/>/);
    expect(bodyWordHeight(rendered.pdf, 'worries.')).toBeGreaterThanOrEqual(18);
    // The same words in the minutes' standard size are far smaller, so the measure tells the two apart.
    const standard = await renderBoth({ ...model, print: undefined } as DocumentModel);
    expect(bodyWordHeight(standard.pdf, 'worries.')).toBeLessThan(14);

    for (const page of rendered.pdfPages) expect(plainText(page)).toContain('Verification code K7QF-2M9D-3XWP');
    expect(pdfInfo(rendered.pdf)['Title']).toContain('Letter to Maya');
  });

  it('is a draft, saying so and asking that it not be given to the child, until the minutes are signed', async () => {
    const { record, mayaId } = withLetter(LETTER);
    const rendered = await renderBoth(childLetterDocument(record, mayaId, {}), join(OUT, 'whitfield-maya-draft'));
    for (const page of rendered.pdfPages) expect(plainText(page)).toContain('DRAFT');
    expect(rendered.pdfText).toContain('Please do not give it to the child.');
    expect(rendered.docxText).toContain('Please do not give it to the child.');
  });

  it('prints markup, emoji and right-to-left script as the chair typed them', async () => {
    const hostile = `Dear Maya,\n${MARKUP}\n${POLISH}\n${HEBREW} ${ARABIC}\n${EMOJI}`;
    const { record, mayaId } = withLetter(hostile);
    const rendered = await renderBoth(childLetterDocument(record, mayaId, {}), join(OUT, 'whitfield-maya-hostile'));
    for (const text of [MARKUP, POLISH, EMOJI]) {
      expect(rendered.docxText.includes(plainText(text)), `DOCX lost “${text}”`).toBe(true);
    }
    for (const text of [POLISH, '<w:t>broken</w:t> ]]>', '**not bold** Tom & Jerry &amp;']) {
      expect(rendered.pdfText.includes(plainText(text)), `PDF lost “${text}”`).toBe(true);
    }
    // Hebrew and Arabic come back from pdftotext in visual order; each word is there.
    for (const word of [...HEBREW.split(' '), ...ARABIC.split(' ')]) {
      expect(rendered.docxText).toContain(word);
    }
    expect(docxPart(rendered.docx, 'word/document.xml')).not.toContain('<w:t>broken</w:t>');
    // LibreOffice, a second reader, opens the Word file.
    const [converted] = libreOfficeToPdf({ 'maya-hostile': rendered.docx }, join(OUT, 'libreoffice'));
    expect(converted?.pdf).not.toBeNull();
  }, 120_000);

  it('is refused plainly for a child without one, for a child under five, and when the chair marked it restricted', () => {
    const { record, mayaId, leoId } = withLetter('   ');
    expect(() => childLetterDocument(record, mayaId)).toThrow(NoChildLetter);
    expect(() => childLetterDocument(withLetter(LETTER).record, leoId)).toThrow(NoChildLetter);
    const marked = withLetter(LETTER);
    const section = marked.record.sections[RESTRICTED_SECTION];
    const values = section?.kind === 'single' ? section.values : {};
    const items = withMark(markItemsIn(section), { section: 'voice', field: CHILD_LETTER_FIELD, childId: marked.mayaId }, true, () => '8d0c1c55-7b4a-4e0e-9d53-3c1b7f0a2e11');
    marked.record.sections[RESTRICTED_SECTION] = { kind: 'single', values: { ...values, [MARKS_FIELD]: items } };
    expect(() => childLetterDocument(marked.record, marked.mayaId)).toThrow(/marked restricted/);
  });
});
