import { describe, expect, it } from 'vitest';
import { ConferenceRecordSchema, MAX_TEXT_LENGTH, type ConferenceRecord } from '../../../domain/record/conference';
import { decisionFindings } from '../../../domain/rules/decision-rules';
import { voiceFindings } from '../../../domain/rules/voice-rules';
import { validateAgainstTemplate } from '../../../domain/template/validate';
import { RecordBuilder } from '../../../main/demo/record-builder';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';
import { agency, blocking, childId, childSection, describeFindings, listOf, readiness, singleOf } from './fixture-helpers';

const check = (record: ConferenceRecord) => validateAgainstTemplate(templateFor(record.type), record);

describe('progress: required answers counted per section', () => {
  it('a new initial record with one unnamed child', () => {
    const b = new RecordBuilder('initial', { createdAt: '2026-02-10T09:00:00.000Z' });
    b.addChild({});
    const { progress } = check(b.build());
    // Date, start time, format, chair, strategy discussion date, scale definition.
    expect(progress['meeting']).toEqual({ requiredTotal: 6, requiredFilled: 0 });
    // Name and date of birth (born status is only asked before a birth).
    expect(progress['children']).toEqual({ requiredTotal: 2, requiredFilled: 0 });
    // Limb A, limb B, likely harm, outcome, rationale: no outcome yet, so nothing depends on it.
    expect(progress['decision']).toEqual({ requiredTotal: 5, requiredFilled: 0 });
    // Participation and how the views informed the decision; the child's own words are
    // required while there are no observations and no reason; the explanation to the child
    // while participation is not "too young".
    expect(progress['voice']).toEqual({ requiredTotal: 4, requiredFilled: 0 });
  });

  it('each answer moves the count, and a cleared answer moves it back', () => {
    const record = whitfieldRecord();
    const meeting = singleOf(record, 'meeting');
    expect(check(record).progress['meeting']).toEqual({ requiredTotal: 6, requiredFilled: 6 });
    meeting['chair'] = '  ';
    expect(check(record).progress['meeting']).toEqual({ requiredTotal: 6, requiredFilled: 5 });
  });

  it('decisions: what each outcome asks for', () => {
    // Whitfield, two children with a plan: limbs, likely, outcome, category, rationale = 6 each,
    // and the health visitor's differing view weighed (agency and weighing) = 2 each.
    expect(check(whitfieldRecord()).progress['decision']).toEqual({ requiredTotal: 16, requiredFilled: 16 });
    // Osei, at risk without a plan: the five, plus sufficient safeguards and re-referral triggers.
    expect(check(oseiRecord()).progress['decision']).toEqual({ requiredTotal: 7, requiredFilled: 7 });
    // Brennan, plan ended: the five, plus why it ends.
    expect(check(brennanRecord()).progress['decision']).toEqual({ requiredTotal: 6, requiredFilled: 6 });
  });

  it('agencies: nested lists and per-child recommendations count inside the section', () => {
    // Six agencies × (kind, representative, attendance, information) = 24; five scores with a
    // reason = 5; recommendations for two children from six agencies = 12, with reasons from
    // the five that gave a view = 10; the police's restricted detail = 1; two assessment
    // results × (tool, result) = 4. Total 56.
    const record = whitfieldRecord();
    expect(check(record).progress['agencies']).toEqual({ requiredTotal: 56, requiredFilled: 56 });
    // Without the police score, its reason is no longer asked for.
    delete agency(record, 'police').values['scale'];
    expect(check(record).progress['agencies']).toEqual({ requiredTotal: 55, requiredFilled: 55 });
  });

  it('a review counts the progress against the previous plan', () => {
    // Progress since the last conference, plus four actions × (action, status) = 9.
    expect(check(brennanRecord()).progress['reason']).toEqual({ requiredTotal: 9, requiredFilled: 9 });
  });
});

describe('values the template refuses', () => {
  it('a multiselect naming a child who has been removed', () => {
    const record = whitfieldRecord();
    const children = listOf(record, 'children');
    const dissent = listOf(record, 'dissent')[0]!;
    children.pop();
    const found = check(record).findings.filter((f) => f.ref.section === 'dissent');
    expect(found).toEqual([
      {
        rule: 'template.invalid',
        severity: 'blocking',
        message: 'Dissent, dissent 1: “About the decision for” has a choice that is no longer available. Choose again.',
        ref: { section: 'dissent', itemId: dissent.id, field: 'children' },
      },
    ]);
  });

  it('an outcome that does not belong to this type of conference', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    childSection(record, 'decision', maya)['outcome'] = 'end-plan-cin';
    const found = check(record).findings.filter((f) => f.ref.field === 'outcome');
    expect(found.map((f) => f.message)).toEqual([
      'Decision for each child, Maya Whitfield: “Outcome” has a choice that is no longer available. Choose again.',
    ]);
  });

  it('a score stored with a blank definition', () => {
    const record = whitfieldRecord();
    const police = agency(record, 'police');
    police.values['scale'] = { score: 2, definition: '   ' };
    expect(check(record).findings.map((f) => f.message)).toEqual([
      'Agency contributions, Police: “Safety scale score” is stored without the scale’s definition.',
    ]);
  });

  it('a time that is not hh:mm', () => {
    const record = oseiRecord();
    singleOf(record, 'meeting')['startTime'] = '2pm';
    expect(check(record).findings.map((f) => f.message)).toEqual([
      'Meeting details and timescales: “Start time” should be a time such as 09:30.',
    ]);
  });

  it('an agency of kind “other” without its name', () => {
    const record = brennanRecord();
    const nursery = agency(record, 'early-years');
    nursery.values['agency'] = 'other';
    delete nursery.values['agencyName'];
    expect(check(record).findings.map((f) => [f.rule, f.ref.itemId, f.ref.field])).toEqual([['template.required', nursery.id, 'agencyName']]);
  });
});

describe('long texts', () => {
  it('a 60,000-character rationale is accepted by the schema, the template and readiness', () => {
    const record = oseiRecord();
    const daniel = childId(record, 'Daniel Osei');
    const decision = childSection(record, 'decision', daniel);
    // Keep the police named so that the only change is the length.
    const opening = 'The police (PC Ryan Holt) recommended a child protection plan. ';
    decision['rationale'] = opening + 'Weighed with care. '.repeat(Math.ceil(60_000 / 19)).slice(0, 60_000 - opening.length);
    expect((decision['rationale'] as string).length).toBe(60_000);
    expect(ConferenceRecordSchema.safeParse(record).success).toBe(true);
    const report = readiness(record);
    expect(blocking(report), describeFindings(report.findings)).toEqual([]);
  });

  it('a text beyond the store’s limit is refused by the schema', () => {
    const record = oseiRecord();
    childSection(record, 'decision', childId(record, 'Daniel Osei'))['rationale'] = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(ConferenceRecordSchema.safeParse(record).success).toBe(false);
  });
});

describe('names flow through messages exactly as typed', () => {
  // An apostrophe typed both ways, a decomposed accent (must not be normalised), emoji
  // (including a joined sequence), and right-to-left text with a mark.
  const MAYA = 'Siobha\u0301n O’Brien-D\'Arcy 🌈';
  const LEO = 'يوسف الحداد\u200F';
  const IDVA = 'St Jude’s Women\'s Aid 👩‍👧';

  function renamed(): { record: ConferenceRecord; maya: string; leo: string } {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const leo = childId(record, 'Leo Whitfield');
    const children = listOf(record, 'children');
    children[0]!.values['name'] = MAYA;
    children[1]!.values['name'] = LEO;
    agency(record, 'idva').values['agencyName'] = IDVA;
    return { record, maya, leo };
  }

  it('the record still parses and is still ready', () => {
    const { record } = renamed();
    expect(ConferenceRecordSchema.safeParse(record).success).toBe(true);
    expect(blocking(readiness(record))).toEqual([]);
  });

  it('in the template’s, the voice rule’s and the decision rule’s sentences', () => {
    const { record, maya, leo } = renamed();
    delete childSection(record, 'voice', leo)['visits'];
    childSection(record, 'decision', maya)['categories'] = [];
    listOf(record, 'dissent').length = 0;
    childSection(record, 'decision', maya)['rationale'] = 'Both parts of the test are met; Claire Dunn’s view was weighed.';

    expect(voiceFindings(record).map((f) => f.message)).toEqual([
      `${LEO}: record when the child was seen and by whom, or why they could not be seen.`,
    ]);
    expect(check(record).findings.map((f) => f.message)).toEqual([
      `Decision for each child, ${MAYA}: choose at least one “Category of the plan”.`,
    ]);
    // Naming an agency in the rationale is not weighing its view: with the dissent gone, the
    // IDVA's view is unweighed for both children, and Leo's rationale is quoted as a hint.
    expect(decisionFindings(record).map((f) => f.message)).toEqual([
      `${MAYA}: ${IDVA} recommended “Child in need plan (section 17)”, which differs from the decision. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent.`,
      `${LEO}: ${IDVA} recommended “Child in need plan (section 17)”, which differs from the decision. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent. The rationale mentions them (“The IDVA service (Nadia Rahman) recommended a child in need plan because Kerry is engaging with safety planning and Jas…”); naming an agency is not weighing its view.`,
    ]);
  });
});
