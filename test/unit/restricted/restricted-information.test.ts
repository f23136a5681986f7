import { describe, expect, it } from 'vitest';
import { allBlocks, type Block, type DocumentModel } from '../../../domain/documents/model';
import type { ConferenceRecord, GroupItem } from '../../../domain/record/conference';
import { isMarked, MARKS_FIELD, marksOf, RESTRICTED_SECTION, withMark, type RestrictedMark } from '../../../domain/restricted/marks';
import { restrictedAnswers, restrictionPredicate } from '../../../domain/restricted/restricted-information';
import { oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';
import { decisionLetter, familyCopy, fullMinutes } from '../../../templates/layouts';
import { agency, blocking, childId, childSection, describeFindings, findingsFor, readiness } from '../template/fixture-helpers';

/**
 * Restricted information anywhere: the chair's marks, what the exports leave out because of
 * them, and the readiness sentence for a rationale that has no family version.
 */

let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** Marks an answer the way the form's tick does: the marks list in the record's restricted section. */
function mark(record: ConferenceRecord, where: RestrictedMark, on = true): void {
  const section = record.sections[RESTRICTED_SECTION];
  const values = section?.kind === 'single' ? section.values : {};
  const before = (values[MARKS_FIELD] as GroupItem[] | undefined) ?? [];
  record.sections[RESTRICTED_SECTION] = { kind: 'single', values: { ...values, [MARKS_FIELD]: withMark(before, where, on, nextId) } };
}

/** Whitfield without its template-restricted police detail, so only what a test marks is restricted. */
function whitfieldWithNothingRestricted(): ConferenceRecord {
  const record = whitfieldRecord();
  agency(record, 'police').values['restricted'] = false;
  return record;
}

/** Every piece of text a reader of the model would see, in order (restricted blocks' own text, not their replacements, unless redacted). */
function textOfModel(model: DocumentModel): string {
  const parts: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of allBlocks(blocks)) {
      if (block.kind === 'paragraph') parts.push(block.runs.map((r) => r.text).join(''));
      if (block.kind === 'table') for (const row of block.rows) for (const c of row) parts.push(c.runs.map((r) => r.text).join(''));
      if (block.kind === 'collation') for (const row of block.rows) parts.push(row.reasons.runs[0]?.text ?? '', row.worries.runs[0]?.text ?? '');
    }
  };
  visit(model.blocks);
  return parts.join('\n');
}

describe('marks', () => {
  it('ticking twice keeps one mark, and unticking removes only that mark', () => {
    const record = oseiRecord();
    const police = agency(record, 'police');
    const youth = agency(record, 'youth-justice');
    const policeRef = { section: 'agencies', field: 'informationShared', itemId: police.id };
    mark(record, policeRef);
    mark(record, policeRef);
    mark(record, { section: 'agencies', field: 'informationShared', itemId: youth.id });
    expect(marksOf(record)).toHaveLength(2);
    mark(record, policeRef, false);
    expect(isMarked(record, policeRef)).toBe(false);
    expect(isMarked(record, { section: 'agencies', field: 'informationShared', itemId: youth.id })).toBe(true);
  });

  it('a mark names one answer: the same field of another agency, or of another child, is not restricted', () => {
    const record = whitfieldWithNothingRestricted();
    const police = agency(record, 'police');
    const maya = childId(record, 'Maya Whitfield');
    const leo = childId(record, 'Leo Whitfield');
    mark(record, { section: 'agencies', field: 'informationShared', itemId: police.id });
    mark(record, { section: 'agencies', field: 'reasons', itemId: police.id, childId: maya });
    const restricted = restrictionPredicate(record, templateFor(record.type));
    expect(restricted({ sectionId: 'agencies', fieldId: 'informationShared', itemId: police.id })).toBe(true);
    expect(restricted({ sectionId: 'agencies', fieldId: 'informationShared', itemId: agency(record, 'education').id })).toBe(false);
    expect(restricted({ sectionId: 'agencies', fieldId: 'reasons', itemId: police.id, childId: maya })).toBe(true);
    expect(restricted({ sectionId: 'agencies', fieldId: 'reasons', itemId: police.id, childId: leo })).toBe(false);
    // The template's own restricted fields are restricted without any mark.
    expect(restricted({ sectionId: 'agencies', fieldId: 'restrictedDetail', itemId: police.id })).toBe(true);
    expect(restricted({ sectionId: 'restricted', fieldId: 'shared', itemId: nextId() })).toBe(true);
  });

  it('a restricted answer hidden by its own yes/no (not exported) is not counted', () => {
    const record = whitfieldRecord();
    expect(restrictedAnswers(record, templateFor(record.type)).map((a) => a.ref.field)).toEqual(['restrictedDetail']);
    agency(record, 'police').values['restricted'] = false;
    expect(restrictedAnswers(record, templateFor(record.type))).toEqual([]);
  });
});

describe('the family copy leaves marked answers out by default', () => {
  it('a marked police paragraph is in the full minutes under Restricted and absent from the family copy and the letter', () => {
    const record = whitfieldWithNothingRestricted();
    const police = agency(record, 'police');
    const paragraph = String(police.values['informationShared']);
    // Before the mark, the family copy carries it (so the test below can fail).
    expect(textOfModel(familyCopy(record))).toContain(paragraph);
    mark(record, { section: 'agencies', field: 'informationShared', itemId: police.id });
    const minutes = fullMinutes(record);
    expect(textOfModel(minutes)).toContain(paragraph);
    expect(minutes.blocks.some((b) => b.kind === 'restricted' && textOfModel({ ...minutes, blocks: b.blocks }).includes(paragraph))).toBe(true);
    expect(textOfModel(familyCopy(record))).not.toContain(paragraph);
    expect(textOfModel(decisionLetter(record))).not.toContain(paragraph);
  });

  it('an agency’s reasons for one child, marked restricted, are withheld as a cell of the collation', () => {
    const record = whitfieldWithNothingRestricted();
    const police = agency(record, 'police');
    const maya = childId(record, 'Maya Whitfield');
    const reasons = 'The children were present at each incident and the DASH assessment shows high risk.';
    mark(record, { section: 'agencies', field: 'reasons', itemId: police.id, childId: maya });
    const family = textOfModel(familyCopy(record));
    expect(textOfModel(fullMinutes(record))).toContain(reasons);
    expect(family).not.toContain(reasons);
    expect(family).toContain('Withheld from this copy');
  });

  it('a closed part: who was present is in the family copy, what was shared is not', () => {
    const record = oseiRecord();
    record.sections[RESTRICTED_SECTION] = {
      kind: 'single',
      values: {
        closedParts: [
          {
            id: nextId(),
            values: {
              topic: 'Confidential police information, 10:40 to 10:55',
              present: 'The chair, PC Ryan Holt, the social worker and the minute-taker.',
              excluded: 'Grace and Kofi Osei, so that intelligence about other young people could be heard.',
              shared: 'Police intelligence names two adults running the line from a flat on Canal Street.',
            },
          },
        ],
      },
    };
    const family = textOfModel(familyCopy(record));
    expect(textOfModel(fullMinutes(record))).toContain('Canal Street');
    expect(family).not.toContain('Canal Street');
    expect(family).toContain('The chair, PC Ryan Holt, the social worker and the minute-taker.');
  });
});

describe('readiness: a rationale that may rely on restricted information', () => {
  it('nothing restricted: no finding', () => {
    const report = readiness(whitfieldWithNothingRestricted());
    expect(report.findings.filter((f) => f.rule.startsWith('restricted.')), describeFindings(report.findings)).toEqual([]);
  });

  it('a paragraph about the family marked restricted: each child without a family version gets a warning that says what to do', () => {
    const record = whitfieldWithNothingRestricted();
    const police = agency(record, 'police');
    const maya = childId(record, 'Maya Whitfield');
    const leo = childId(record, 'Leo Whitfield');
    mark(record, { section: 'agencies', field: 'informationShared', itemId: police.id });
    const findings = findingsFor(readiness(record), 'restricted.rationale-without-family-version');
    expect(findings.map((f) => f.ref)).toEqual([
      { section: 'decision', childId: maya, field: 'familyRationale' },
      { section: 'decision', childId: leo, field: 'familyRationale' },
    ]);
    expect(findings[0]!.severity).toBe('warning');
    expect(findings[0]!.message).toBe(
      'The conference recorded one restricted answer (“Information shared” in Agency contributions) about Maya Whitfield or the family, and Maya Whitfield’s rationale has no family version. If the rationale relies on restricted information, write a family version that leaves it out: the family copy and the decision letter use it instead of the rationale.',
    );
    childSection(record, 'decision', maya)['familyRationale'] = 'We decided Maya needs a plan because she has seen violence at home.';
    expect(findingsFor(readiness(record), 'restricted.rationale-without-family-version').map((f) => f.ref.childId)).toEqual([leo]);
  });

  it('an answer about one child marked restricted concerns only that child', () => {
    const record = whitfieldWithNothingRestricted();
    const maya = childId(record, 'Maya Whitfield');
    mark(record, { section: 'agencies', field: 'reasons', itemId: agency(record, 'police').id, childId: maya });
    expect(findingsFor(readiness(record), 'restricted.rationale-without-family-version').map((f) => f.ref.childId)).toEqual([maya]);
  });

  it('a rationale itself marked restricted with no family version blocks signing', () => {
    const record = whitfieldWithNothingRestricted();
    const maya = childId(record, 'Maya Whitfield');
    mark(record, { section: 'decision', field: 'rationale', childId: maya });
    const report = readiness(record);
    const found = findingsFor(report, 'restricted.rationale-marked-without-family-version');
    expect(found).toHaveLength(1);
    expect(blocking(report)).toContain(found[0]);
    expect(found[0]!.message).toBe(
      'Maya Whitfield’s rationale is marked restricted, so the family copy and the decision letter would give the family no reasons. Write a family version of the rationale that leaves out the restricted information.',
    );
    // The family version answers it, and the family copy then carries that version, not the rationale.
    const familyVersion = 'We decided Maya needs a plan because she has seen her dad hurt her mum.';
    childSection(record, 'decision', maya)['familyRationale'] = familyVersion;
    expect(findingsFor(readiness(record), 'restricted.rationale-marked-without-family-version')).toEqual([]);
    const family = textOfModel(familyCopy(record));
    expect(family).toContain(familyVersion);
    expect(family).not.toContain(String(childSection(record, 'decision', maya)['rationale']).split('\n')[0]);
  });

  it('bad input: a restricted paragraph unmarked after the family version was written keeps the family version', () => {
    const record = whitfieldWithNothingRestricted();
    const police = agency(record, 'police');
    const maya = childId(record, 'Maya Whitfield');
    const where = { section: 'agencies', field: 'informationShared', itemId: police.id };
    mark(record, where);
    const familyVersion = 'We decided Maya needs a plan because she has seen her dad hurt her mum, and that has frightened her.';
    childSection(record, 'decision', maya)['familyRationale'] = familyVersion;
    mark(record, where, false);
    expect(isMarked(record, where)).toBe(false);
    // Nothing written for the family is lost: the record keeps it, and the family copy and letter still use it.
    expect(childSection(record, 'decision', maya)['familyRationale']).toBe(familyVersion);
    expect(textOfModel(familyCopy(record))).toContain(familyVersion);
    expect(textOfModel(decisionLetter(record))).toContain(familyVersion);
    // The paragraph is no longer restricted, so the family copy carries it again, and the rationale's field is still shown.
    expect(textOfModel(familyCopy(record))).toContain(String(police.values['informationShared']));
    expect(findingsFor(readiness(record), 'restricted.rationale-without-family-version').map((f) => f.ref.childId)).not.toContain(maya);
  });
});
