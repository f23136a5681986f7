import { describe, expect, it } from 'vitest';
import { CONFERENCE_TYPES, type ConferenceRecord, type ConferenceType, type Values } from '../../../domain/record/conference';
import { evaluate, isRequired, isVisible } from '../../../domain/template/conditions';
import type { FieldDef } from '../../../domain/template/types';
import { validateAgainstTemplate } from '../../../domain/template/validate';
import { RecordBuilder } from '../../../main/demo/record-builder';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';
import { childId, childSection, describeFindings, listOf } from './fixture-helpers';

function field(sectionId: string, fieldId: string): FieldDef {
  const section = templateFor('initial').sections.find((s) => s.id === sectionId);
  const found = section?.fields.find((f) => f.id === fieldId);
  if (!found) throw new Error(`No field ${sectionId}.${fieldId} in the template.`);
  return found;
}

function emptyRecord(type: ConferenceType): ConferenceRecord {
  return new RecordBuilder(type, { createdAt: '2026-02-10T09:00:00.000Z' }).build();
}

/** [visible, required] for a field of a single section, for a blank record of each type. */
function shownAndRequired(sectionId: string, fieldId: string, type: ConferenceType): [boolean, boolean] {
  const def = field(sectionId, fieldId);
  const ctx = { record: emptyRecord(type), values: {} };
  return [isVisible(def, ctx), isRequired(def, ctx)];
}

const INITIAL_TYPES: readonly ConferenceType[] = ['initial', 'pre-birth-initial'];
const REVIEW_TYPES: readonly ConferenceType[] = ['review', 'pre-birth-review'];

describe('fields that depend on the type of conference', () => {
  it.each(CONFERENCE_TYPES)('strategy discussion date only for an initial conference (%s)', (type) => {
    const expected = INITIAL_TYPES.includes(type);
    expect(shownAndRequired('meeting', 'strategyDiscussionDate', type)).toEqual([expected, expected]);
  });

  it.each(CONFERENCE_TYPES)('previous conference date and type only for a review (%s)', (type) => {
    const expected = REVIEW_TYPES.includes(type);
    expect(shownAndRequired('meeting', 'previousConferenceDate', type)).toEqual([expected, expected]);
    expect(shownAndRequired('meeting', 'previousConferenceType', type)).toEqual([expected, expected]);
  });

  it.each(CONFERENCE_TYPES)('transferring authority only for a transfer-in (%s)', (type) => {
    const expected = type === 'transfer-in';
    expect(shownAndRequired('meeting', 'transferringAuthority', type)).toEqual([expected, expected]);
  });

  it.each(CONFERENCE_TYPES)('progress since the last conference for a review, the reason otherwise (%s)', (type) => {
    const review = REVIEW_TYPES.includes(type);
    expect(shownAndRequired('reason', 'progressSinceLast', type)).toEqual([review, review]);
    expect(shownAndRequired('reason', 'reasonForConference', type)).toEqual([!review, !review]);
    expect(isVisible(field('reason', 'previousPlanActions'), { record: emptyRecord(type), values: {} })).toBe(review);
  });

  it('a review record read as an initial one asks for the strategy discussion and the reason, not the progress', () => {
    const record = brennanRecord();
    record.type = 'initial';
    const check = validateAgainstTemplate(templateFor('initial'), record);
    const missing = check.findings.filter((f) => f.rule === 'template.required').map((f) => `${f.ref.section}.${f.ref.field}`);
    expect(missing).toEqual(['meeting.strategyDiscussionDate', 'reason.reasonForConference']);
    // 'previousConferenceDate' and 'previousConferenceType' no longer count; the strategy date does.
    expect(check.progress['meeting']).toEqual({ requiredTotal: 6, requiredFilled: 5 });
  });
});

describe('unborn children in a pre-birth conference', () => {
  function preBirth(type: ConferenceType, child: Values): { record: ConferenceRecord; id: string } {
    const b = new RecordBuilder(type, { createdAt: '2026-02-10T09:00:00.000Z' });
    b.single('meeting', { date: '2026-02-10' });
    const id = b.addChild(child);
    return { record: b.build(), id };
  }
  const childFindings = (record: ConferenceRecord) =>
    validateAgainstTemplate(templateFor(record.type), record).findings.filter((f) => f.ref.section === 'children');

  it('an unborn child needs an expected date of delivery, not a date of birth', () => {
    const { record, id } = preBirth('pre-birth-initial', { name: 'Baby Hart (unborn)', bornStatus: 'unborn' });
    expect(childFindings(record)).toEqual([
      {
        rule: 'template.required',
        severity: 'blocking',
        message: 'Children, Baby Hart (unborn): enter “Expected date of delivery”.',
        ref: { section: 'children', itemId: id, field: 'expectedDeliveryDate' },
      },
    ]);
  });

  it('an expected date of delivery may be after the conference', () => {
    const { record } = preBirth('pre-birth-initial', { name: 'Baby Hart (unborn)', bornStatus: 'unborn', expectedDeliveryDate: '2026-05-01' });
    expect(childFindings(record), describeFindings(childFindings(record))).toEqual([]);
  });

  it('a pre-birth conference must say whether each child is born', () => {
    const { record, id } = preBirth('pre-birth-review', { name: 'Rosie Hart', dateOfBirth: '2026-01-20' });
    expect(childFindings(record).map((f) => [f.ref.itemId, f.ref.field, f.message])).toEqual([
      [id, 'bornStatus', 'Children, Rosie Hart: answer “Born or unborn”.'],
      // A review asks each child's status too: already on a plan, or new to conference.
      [id, 'planStatus', 'Children, Rosie Hart: answer “Status at this conference”.'],
    ]);
  });

  it('a born child in a pre-birth conference needs a date of birth and no expected date', () => {
    const { record } = preBirth('pre-birth-review', { name: 'Rosie Hart', bornStatus: 'born', planStatus: 'new' });
    expect(childFindings(record).map((f) => f.ref.field)).toEqual(['dateOfBirth']);
  });

  it.each([
    ['initial', ['dateOfBirth']],
    ['review', ['planStatus', 'dateOfBirth']],
    ['transfer-in', ['dateOfBirth']],
  ] as const)('a %s conference asks for a date of birth, not whether the child is born', (type, asked) => {
    const { record } = preBirth(type, { name: 'Rosie Hart' });
    expect(childFindings(record).map((f) => f.ref.field)).toEqual(asked);
    const ctx = { record, values: {} };
    expect(isVisible(field('children', 'bornStatus'), ctx)).toBe(false);
    expect(isVisible(field('children', 'expectedDeliveryDate'), ctx)).toBe(false);
  });
});

describe('fields that depend on the outcome for the child', () => {
  const decisionCtx = (record: ConferenceRecord, child: string) => ({ record, values: childSection(record, 'decision', child), childId: child });
  const planCtx = (record: ConferenceRecord, child: string) => ({ record, values: childSection(record, 'plan', child), childId: child });

  it('a category only with a child protection plan', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    expect(isRequired(field('decision', 'categories'), decisionCtx(record, maya))).toBe(true);
    childSection(record, 'decision', maya)['outcome'] = 'cin-plan';
    expect(isVisible(field('decision', 'categories'), decisionCtx(record, maya))).toBe(false);
  });

  it('sufficient safeguards and re-referral triggers only when a child at risk has no plan', () => {
    const record = oseiRecord();
    const daniel = childId(record, 'Daniel Osei');
    const ctx = () => decisionCtx(record, daniel);
    expect([isRequired(field('decision', 'sufficientSafeguards'), ctx()), isRequired(field('decision', 'reReferralTriggers'), ctx())]).toEqual([true, true]);
    const decision = childSection(record, 'decision', daniel);
    Object.assign(decision, { limbA: 'no', limbB: 'no', likelySignificantHarm: 'no' });
    // Not at risk: the safeguards question goes; the triggers stay visible but optional.
    expect(isVisible(field('decision', 'sufficientSafeguards'), ctx())).toBe(false);
    expect([isVisible(field('decision', 'reReferralTriggers'), ctx()), isRequired(field('decision', 'reReferralTriggers'), ctx())]).toEqual([true, false]);
    decision['outcome'] = 'cp-plan';
    expect(isVisible(field('decision', 'reReferralTriggers'), ctx())).toBe(false);
  });

  it('why the plan ends only when the outcome ends a plan', () => {
    const record = brennanRecord();
    const ava = childId(record, 'Ava Brennan');
    expect(isRequired(field('decision', 'endReason'), decisionCtx(record, ava))).toBe(true);
    childSection(record, 'decision', ava)['outcome'] = 'continue-plan';
    expect(isVisible(field('decision', 'endReason'), decisionCtx(record, ava))).toBe(false);
  });

  it('plan: core group for a plan, step-down for an alternative plan, a first core group date only required after an initial', () => {
    const whitfield = whitfieldRecord();
    const maya = childId(whitfield, 'Maya Whitfield');
    expect(isRequired(field('plan', 'coreGroup'), planCtx(whitfield, maya))).toBe(true);
    expect(isRequired(field('plan', 'firstCoreGroupDate'), planCtx(whitfield, maya))).toBe(true);
    expect(isVisible(field('plan', 'stepDownCriteria'), planCtx(whitfield, maya))).toBe(false);

    const brennan = brennanRecord();
    const ava = childId(brennan, 'Ava Brennan');
    expect(isRequired(field('plan', 'stepDownCriteria'), planCtx(brennan, ava))).toBe(true);
    expect(isVisible(field('plan', 'coreGroup'), planCtx(brennan, ava))).toBe(false);
    childSection(brennan, 'decision', ava)['outcome'] = 'continue-plan';
    expect(isVisible(field('plan', 'firstCoreGroupDate'), planCtx(brennan, ava))).toBe(true);
    expect(isRequired(field('plan', 'firstCoreGroupDate'), planCtx(brennan, ava))).toBe(false);
  });

  it('a hidden field is neither required nor checked, even when it holds a stale value', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    childSection(record, 'decision', maya)['endReason'] = 'not-a-reason';
    childSection(record, 'plan', maya)['stepDownCriteria'] = '';
    const check = validateAgainstTemplate(templateFor('initial'), record);
    expect(check.findings, describeFindings(check.findings)).toEqual([]);
  });
});

describe('evaluate', () => {
  const record = whitfieldRecord();
  const values: Values = { a: 'x', b: true, c: '', list: ['one'] };
  const ctx = { record, values };

  it('equals, in and filled read the values beside the field', () => {
    expect(evaluate({ field: 'a', equals: 'x' }, ctx)).toBe(true);
    expect(evaluate({ field: 'a', equals: 'y' }, ctx)).toBe(false);
    expect(evaluate({ field: 'b', equals: true }, ctx)).toBe(true);
    expect(evaluate({ field: 'a', in: ['w', 'x'] }, ctx)).toBe(true);
    expect(evaluate({ field: 'b', in: ['true'] }, ctx)).toBe(false);
    expect(evaluate({ field: 'c', filled: false }, ctx)).toBe(true);
    expect(evaluate({ field: 'list', filled: true }, ctx)).toBe(true);
    expect(evaluate({ field: 'missing', filled: true }, ctx)).toBe(false);
  });

  it('a section reaches a single section elsewhere in the record', () => {
    expect(evaluate({ section: 'meeting', field: 'format', equals: 'hybrid' }, ctx)).toBe(true);
    expect(evaluate({ section: 'meeting', field: 'format', equals: 'video' }, ctx)).toBe(false);
  });

  it('all, any and not combine', () => {
    const yes = { field: 'a', equals: 'x' } as const;
    const no = { field: 'a', equals: 'y' } as const;
    expect(evaluate({ all: [yes, yes] }, ctx)).toBe(true);
    expect(evaluate({ all: [yes, no] }, ctx)).toBe(false);
    expect(evaluate({ any: [no, yes] }, ctx)).toBe(true);
    expect(evaluate({ any: [no, no] }, ctx)).toBe(false);
    expect(evaluate({ not: no }, ctx)).toBe(true);
  });

  it('an outcome condition is false outside a child’s values', () => {
    expect(evaluate({ outcomeIs: 'plan' }, ctx)).toBe(false);
    const maya = listOf(record, 'children')[0]!.id;
    expect(evaluate({ outcomeIs: 'plan' }, { ...ctx, childId: maya })).toBe(true);
    expect(evaluate({ outcomeIs: 'non-plan' }, { ...ctx, childId: maya })).toBe(false);
  });
});
