import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignatureInfo } from '../../../domain/documents/model';
import { outcomeLabel } from '../../../domain/decision/outcomes';
import { childName, childrenOf, childValues, itemsOf, listItems, perChildOf, textOf } from '../../../domain/record/access';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { documentDate } from '../../../templates/layouts/common';
import { actionsList, decisionLetter, familyCopy, fullMinutes, type LayoutOptions } from '../../../templates/layouts';
import { docxPart, libreOfficeToPdf, pdfInfo, requireTool } from './extract';
import { ARABIC, EMOJI, HEBREW, hostileWhitfield, LONG_END, MARKUP, POLISH } from './hostile';
import { plainText, renderBoth, type Rendered } from './render';

/**
 * Every output of every scenario, in both formats, read back with tools that share no code
 * with the renderers (pdftotext, the DOCX's XML, LibreOffice). Expectations are taken from
 * the record itself, so a text the layouts drop is caught whichever scenario it is in.
 */

const OUT = join('test-results', 'export');
const SCENARIOS: [string, () => ConferenceRecord][] = [
  ['whitfield', whitfieldRecord],
  ['osei', oseiRecord],
  ['brennan', brennanRecord],
];

const SIGNATURE: SignatureInfo = {
  signer: 'Priya Natarajan',
  role: 'Independent chair',
  council: 'Northmoor Borough Council',
  signedAt: '2026-01-15T16:20:00.000Z',
  version: 1,
  verificationCode: 'K7QF-2M9D',
};

/** Every Word file this suite writes, for LibreOffice to open at the end. */
const docxFiles: Record<string, Buffer> = {};

function keep(name: string, rendered: Rendered): Rendered {
  docxFiles[name] = rendered.docx;
  return rendered;
}

/** Both formats contain the text (whitespace and bidi marks aside). */
function expectInBoth(rendered: Rendered, needle: string, what: string): void {
  const wanted = plainText(needle);
  expect(rendered.docxText.includes(wanted), `DOCX is missing ${what}: “${wanted.slice(0, 80)}”`).toBe(true);
  expect(rendered.pdfText.includes(wanted), `PDF is missing ${what}: “${wanted.slice(0, 80)}”`).toBe(true);
}

function expectInNeither(rendered: Rendered, needle: string, what: string): void {
  const unwanted = plainText(needle);
  expect(rendered.docxText.includes(unwanted), `DOCX still contains ${what}`).toBe(false);
  expect(rendered.pdfText.includes(unwanted), `PDF still contains ${what}`).toBe(false);
}

/** A long answer's paragraphs, each of which must appear whole. */
function paragraphs(value: string): string[] {
  return value.split(/\n+/).map((p) => p.trim()).filter((p) => p !== '');
}

beforeAll(() => {
  requireTool('pdftotext');
  requireTool('pdfinfo');
  requireTool('unzip');
});

describe.each(SCENARIOS)('the %s scenario', (name, build) => {
  const record = build();
  const out: Record<string, Rendered> = {};

  beforeAll(async () => {
    out['minutes'] = keep(`${name}-full-minutes`, await renderBoth(fullMinutes(record), join(OUT, name, 'full-minutes')));
    out['family'] = keep(`${name}-family-copy`, await renderBoth(familyCopy(record), join(OUT, name, 'family-copy')));
    out['letter'] = keep(`${name}-decision-letter`, await renderBoth(decisionLetter(record), join(OUT, name, 'decision-letter')));
    out['actions'] = keep(`${name}-actions`, await renderBoth(actionsList(record), join(OUT, name, 'actions')));
  }, 300_000);

  it('full minutes carry every agency’s recommendation, each rationale, the child’s own words and any dissent', () => {
    const minutes = out['minutes']!;
    const children = childrenOf(record);
    let recommendations = 0;
    for (const agency of listItems(record, 'agencies')) {
      for (const child of children) {
        const mine = perChildOf(agency.values['recommendations'], child.id);
        const reasons = textOf(mine['reasons']);
        if (reasons) {
          expectInBoth(minutes, reasons, `a recommendation’s reasons for ${childName(record, child.id)}`);
          recommendations += 1;
        }
      }
    }
    expect(recommendations).toBeGreaterThan(2);
    for (const child of children) {
      const decision = childValues(record, 'decision', child.id);
      expectInBoth(minutes, outcomeLabel(decision['outcome']), 'the outcome');
      for (const p of paragraphs(textOf(decision['rationale']))) expectInBoth(minutes, p, 'a rationale paragraph');
      const own = textOf(childValues(record, 'voice', child.id)['ownWords']);
      if (own) expectInBoth(minutes, own, 'the child’s own words');
    }
    for (const dissent of listItems(record, 'dissent')) expectInBoth(minutes, textOf(dissent.values['reasons']), 'a dissent');
    for (const dissent of listItems(record, 'dissent')) {
      if (textOf(dissent.values['escalationDetail'])) expectInBoth(minutes, textOf(dissent.values['escalationDetail']), 'the escalation');
    }
  });

  it('the full minutes and the family copy differ exactly by what is restricted, and the family copy says so', () => {
    const minutes = out['minutes']!;
    const family = out['family']!;
    const restricted = listItems(record, 'agencies')
      .map((agency) => textOf(agency.values['restrictedDetail']))
      .filter((text) => text !== '');
    for (const text of restricted) {
      expectInBoth(minutes, text, 'the restricted information');
      expectInNeither(family, text, 'the restricted information');
    }
    if (restricted.length > 0) {
      expectInBoth(family, 'Some information has been withheld from this copy', 'the withheld notice');
      expectInNeither(family, 'No information has been withheld', 'a claim that nothing was withheld');
    } else {
      expectInBoth(family, 'No information has been withheld from this copy', 'the nothing-withheld notice');
      expectInNeither(family, 'Some information has been withheld', 'a withheld notice');
    }
    // What is not restricted is all still there.
    for (const child of childrenOf(record)) {
      for (const p of paragraphs(textOf(childValues(record, 'decision', child.id)['rationale']))) expectInBoth(family, p, 'a rationale paragraph');
    }
  });

  it('the decision letter gives each child’s outcome and reasons, the lead, the dates and how to complain', () => {
    const letter = out['letter']!;
    for (const child of childrenOf(record)) {
      const decision = childValues(record, 'decision', child.id);
      const plan = childValues(record, 'plan', child.id);
      expectInBoth(letter, childName(record, child.id), 'the child’s name');
      expectInBoth(letter, outcomeLabel(decision['outcome']), 'the outcome');
      for (const p of paragraphs(textOf(decision['rationale']))) expectInBoth(letter, p, 'the reasons');
      expectInBoth(letter, textOf(plan['lead']), 'the lead professional');
      const review = textOf(plan['reviewDate']);
      if (review) expectInBoth(letter, documentDate(review), 'the review date');
      const coreGroup = textOf(plan['firstCoreGroupDate']);
      if (coreGroup) expectInBoth(letter, documentDate(coreGroup), 'the first core group date');
    }
    expectInBoth(letter, 'If you want to comment or complain', 'how to complain');
  });

  it('the actions list has every action of every plan with who and by when', () => {
    const actions = out['actions']!;
    let count = 0;
    for (const child of childrenOf(record)) {
      for (const action of itemsOf(childValues(record, 'plan', child.id)['actions'])) {
        expectInBoth(actions, textOf(action.values['action']), 'an action');
        expectInBoth(actions, textOf(action.values['owner']), 'an action’s owner');
        expectInBoth(actions, documentDate(textOf(action.values['dueDate'])), 'an action’s date');
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('an unsigned record exports as a draft: every PDF page and the Word header and footer say DRAFT', () => {
    for (const rendered of Object.values(out)) {
      expect(rendered.pdfPages.length).toBeGreaterThan(0);
      rendered.pdfPages.forEach((page, index) => expect(page.includes('DRAFT'), `page ${index + 1} does not say DRAFT`).toBe(true));
      expect(docxPart(rendered.docx, 'word/footer1.xml')).toContain('DRAFT: not signed by the chair');
      expect(docxPart(rendered.docx, 'word/header1.xml')).toContain('DRAFT');
    }
  });
});

describe('a signed record', () => {
  let signed: Rendered;
  beforeAll(async () => {
    signed = keep('whitfield-signed-minutes', await renderBoth(fullMinutes(whitfieldRecord(), { signature: SIGNATURE }), join(OUT, 'whitfield', 'signed-full-minutes')));
  }, 120_000);

  it('names the signer, the time and the verification code at the foot of every page, and nowhere says DRAFT', () => {
    const line = 'Signed by Priya Natarajan, Independent chair, Northmoor Borough Council, on 15 January 2026 at 16:20. Version 1. Verification code K7QF-2M9D.';
    signed.pdfPages.forEach((page, index) => {
      expect(plainText(page).includes(line), `page ${index + 1} lacks the signature line`).toBe(true);
      expect(page).not.toContain('DRAFT');
    });
    expect(plainText(docxPart(signed.docx, 'word/footer1.xml').replace(/<[^>]+>/g, ''))).toContain(line);
    expect(signed.docxText).not.toContain('DRAFT');
    const block = 'Signed on 15 January 2026 at 16:20: version 1, verification code K7QF-2M9D.';
    expect(signed.docxText).toContain(block);
    expect(signed.pdfText).toContain(block);
  });
});

describe('restricted information marked by the record’s own rules', () => {
  const record = whitfieldRecord();
  const police = listItems(record, 'agencies').find((agency) => agency.values['agency'] === 'police')!;
  const policeText = textOf(police.values['informationShared']);
  const options: LayoutOptions = {
    isRestricted: (q) => q.sectionId === 'agencies' && q.itemId === police.id && q.fieldId === 'informationShared',
  };
  let minutes: Rendered;
  let family: Rendered;
  let letter: Rendered;

  beforeAll(async () => {
    minutes = keep('restricted-minutes', await renderBoth(fullMinutes(record, options), join(OUT, 'restricted', 'full-minutes')));
    family = keep('restricted-family', await renderBoth(familyCopy(record, options), join(OUT, 'restricted', 'family-copy')));
    letter = await renderBoth(decisionLetter(record, options));
  }, 180_000);

  it('shows the police paragraph in the full minutes under a Restricted label', () => {
    expectInBoth(minutes, policeText, 'the restricted police paragraph');
    expectInBoth(minutes, `Restricted — not included in the family copy Information shared ${policeText}`, 'the Restricted label before it');
  });

  it('leaves it out of the family copy and the letter, in both formats, and says why information was withheld', () => {
    expectInNeither(family, policeText, 'the restricted police paragraph');
    expectInNeither(family, 'Jason was arrested once', 'part of the restricted police paragraph');
    expectInNeither(letter, policeText, 'the restricted police paragraph');
    expectInBoth(family, 'Some information has been withheld from this copy', 'the withheld notice');
    expectInBoth(family, 'because it is restricted information, such as information about other people', 'why it was withheld');
  });

  it('uses the family version of a rationale in the family copy and the letter, and the original in the full minutes', async () => {
    const withVersion = whitfieldRecord();
    const maya = childrenOf(withVersion)[0]!.id;
    const decision = withVersion.sections['decision'];
    if (decision?.kind !== 'perChild') throw new Error('no decisions');
    const familyVersion = 'We decided Maya needs a child protection plan because she has seen her dad hurt her mum, and that has frightened her.';
    decision.perChild[maya] = { ...decision.perChild[maya], familyRationale: familyVersion };
    const original = 'Kerry has played incidents down before.';
    const [full, copy, familyLetter] = await Promise.all([
      renderBoth(fullMinutes(withVersion)),
      renderBoth(familyCopy(withVersion)),
      renderBoth(decisionLetter(withVersion)),
    ]);
    expectInBoth(full, original, 'the original rationale');
    expectInBoth(copy, familyVersion, 'the family version');
    expectInBoth(familyLetter, familyVersion, 'the family version');
    // Leo has no family version, so his original rationale (which says the same sentence) stays: count Maya's only.
    const count = (text: string) => text.split(plainText(original)).length - 1;
    expect(count(full.docxText)).toBe(2);
    expect(count(copy.docxText)).toBe(1);
    expect(count(copy.pdfText)).toBe(1);
  }, 180_000);

  it('with nothing restricted, the family copy says nothing has been withheld', async () => {
    const copy = await renderBoth(familyCopy(oseiRecord(), { isRestricted: () => false }));
    expectInBoth(copy, 'No information has been withheld from this copy', 'the nothing-withheld notice');
  }, 120_000);
});

describe('document structure and metadata', () => {
  let minutes: Rendered;
  beforeAll(async () => {
    minutes = await renderBoth(fullMinutes(whitfieldRecord()));
  }, 120_000);

  it('the Word file has a title, an author, British English and real headings and header rows', () => {
    const core = docxPart(minutes.docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Whitfield: Initial child protection conference, 15 January 2026 — Full minutes</dc:title>');
    expect(core).toContain('<dc:creator>Priya Natarajan (independent chair)</dc:creator>');
    expect(docxPart(minutes.docx, 'word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);
    const body = docxPart(minutes.docx, 'word/document.xml');
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3']) expect(body).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(body).toContain('<w:tblHeader/>');
  });

  it('the PDF has its title, author, subject and language, a bookmark outline and only embedded fonts', () => {
    const info = pdfInfo(minutes.pdf);
    expect(info['Title']).toBe('Whitfield: Initial child protection conference, 15 January 2026 — Full minutes');
    expect(info['Author']).toBe('Priya Natarajan (independent chair)');
    expect(info['Subject']).toContain('Minutes of a child protection conference');
    const raw = minutes.pdf.toString('latin1');
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
    expect(raw).toMatch(/\/PageMode \/UseOutlines/);
    const fonts = requireFonts(minutes.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded, `${font.name} is not embedded`).toBe(true);
  });
});

describe('bad input', () => {
  let minutes: Rendered;
  let family: Rendered;
  beforeAll(async () => {
    const record = hostileWhitfield();
    minutes = keep('hostile-minutes', await renderBoth(fullMinutes(record), join(OUT, 'hostile', 'full-minutes')));
    family = keep('hostile-family', await renderBoth(familyCopy(record), join(OUT, 'hostile', 'family-copy')));
  }, 300_000);

  it('shows markup, XML and CDATA terminators and ampersands as text in both formats', () => {
    for (const rendered of [minutes, family]) expectInBoth(rendered, MARKUP, 'the markup, as text');
  });

  it('shows Polish, Hebrew and Arabic letters and emoji as characters in both formats', () => {
    for (const text of [POLISH, HEBREW, ARABIC]) expectInBoth(minutes, text, `“${text}”`);
    expect(minutes.docxText).toContain(EMOJI);
    // The PDF's monochrome emoji font draws the thumb without its skin tone, so the tone is not in its text.
    for (const emoji of ['😢', '🙂', '👍']) expect(minutes.pdfText).toContain(emoji);
  });

  it('keeps all of a 60,000-character rationale, to its last words', () => {
    for (const rendered of [minutes, family]) {
      expectInBoth(rendered, 'START OF THE VERY LONG RATIONALE', 'the start of the long rationale');
      expectInBoth(rendered, LONG_END, 'the end of the long rationale');
    }
    expect(minutes.docxText.length).toBeGreaterThan(60_000);
    expect(minutes.pdfText.length).toBeGreaterThan(60_000);
  });
});

describe('LibreOffice', () => {
  // Runs last: converts every Word file written above, in one LibreOffice run.
  afterAll(() => undefined);
  it('opens and converts every Word file without error', () => {
    const names = Object.keys(docxFiles);
    expect(names.length).toBeGreaterThanOrEqual(3 * 4 + 5);
    const converted = libreOfficeToPdf(docxFiles, join(OUT, 'libreoffice'));
    for (const { name, pdf } of converted) {
      expect(pdf, `LibreOffice made no PDF of ${name}`).not.toBeNull();
      const info = pdfInfo(pdf!);
      expect(Number(info['Pages']), `${name} converted to an empty PDF`).toBeGreaterThan(0);
    }
  }, 600_000);
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

function requireFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  requireTool('pdffonts');
  const dir = mkdtempSync(join(tmpdir(), 'cpc-fonts-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    const lines = execFileSync('pdffonts', [join(dir, 'f.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    // Columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end.
    return lines.map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
