import { describe, expect, it } from 'vitest';
import { ConferenceRecordSchema, type ConferenceRecord } from '../../../domain/record/conference';
import { brennanRecord, oseiRecord, scenarioRecords, whitfieldRecord } from '../../../main/demo/scenarios';
import {
  blocking,
  childId,
  childSection,
  describeFindings,
  findingsFor,
  listOf,
  readiness,
  singleOf,
} from '../template/fixture-helpers';

const SCENARIOS: ReadonlyArray<[string, () => ConferenceRecord]> = [
  ['Whitfield (initial, two children, CP plans)', whitfieldRecord],
  ['Osei (initial, contextual safeguarding plan)', oseiRecord],
  ['Brennan (first review, plan ended)', brennanRecord],
];

describe('the worked scenarios are complete records', () => {
  it.each(SCENARIOS)('%s parses with the record schema', (_name, build) => {
    const parsed = ConferenceRecordSchema.safeParse(build());
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)).toBe(true);
  });

  it.each(SCENARIOS)('%s is ready to sign with no blocking finding', (_name, build) => {
    const report = readiness(build());
    expect(blocking(report), describeFindings(report.findings)).toEqual([]);
    expect(report.ready).toBe(true);
  });

  it.each(SCENARIOS)('%s answers every required question in every section', (_name, build) => {
    const report = readiness(build());
    const incomplete = Object.entries(report.progress).filter(([, p]) => p.requiredFilled !== p.requiredTotal);
    expect(incomplete, describeFindings(report.findings)).toEqual([]);
  });

  it('Whitfield and Osei were held in time, so no timescale finding at all', () => {
    for (const record of [whitfieldRecord(), oseiRecord()]) {
      const report = readiness(record);
      expect(report.findings.filter((f) => f.rule.startsWith('timescale.')), describeFindings(report.findings)).toEqual([]);
    }
  });

  it('Brennan is a day late and says why: an information note, not a block', () => {
    const report = readiness(brennanRecord());
    expect(report.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['info timescale.review-late-with-reason']);
    expect(report.findings[0]?.message).toContain('1 day after it was due on 10/03/2026');
  });

  it('scenarioRecords gives the three scenarios with fresh ids on every call', () => {
    const first = scenarioRecords();
    const second = scenarioRecords();
    expect(first.map((r) => r.type)).toEqual(['initial', 'initial', 'review']);
    const ids = (records: ConferenceRecord[]) =>
      new Set(records.flatMap((r) => [r.id, ...Object.values(r.sections).flatMap((s) => (s.kind === 'list' ? s.items.map((i) => i.id) : []))]));
    const a = ids(first);
    const b = ids(second);
    expect([...a].filter((id) => b.has(id))).toEqual([]);
  });
});

describe('removing a key fact produces the right blocking finding, naming the child', () => {
  it('Osei: without why the contextual plan gives sufficient safeguards', () => {
    const record = oseiRecord();
    const daniel = childId(record, 'Daniel Osei');
    delete childSection(record, 'decision', daniel)['sufficientSafeguards'];
    const report = readiness(record);
    expect(report.ready).toBe(false);
    expect(blocking(report)).toEqual([
      {
        rule: 'template.required',
        severity: 'blocking',
        message: 'Decision for each child, Daniel Osei: enter “Why the alternative plan gives sufficient safeguards”.',
        ref: { section: 'decision', childId: daniel, field: 'sufficientSafeguards' },
      },
    ]);
  });

  it('Osei: without the re-referral triggers', () => {
    const record = oseiRecord();
    const daniel = childId(record, 'Daniel Osei');
    childSection(record, 'decision', daniel)['reReferralTriggers'] = '   ';
    const found = blocking(readiness(record));
    expect(found.map((f) => f.rule)).toEqual(['template.required']);
    expect(found[0]?.message).toBe(
      'Decision for each child, Daniel Osei: enter “What would lead to a re-referral or a reconvened conference”.',
    );
  });

  it('Whitfield: a child protection plan without a category', () => {
    const record = whitfieldRecord();
    const leo = childId(record, 'Leo Whitfield');
    childSection(record, 'decision', leo)['categories'] = [];
    const found = blocking(readiness(record));
    expect(found).toEqual([
      {
        rule: 'template.required',
        severity: 'blocking',
        message: 'Decision for each child, Leo Whitfield: choose at least one “Category of the plan”.',
        ref: { section: 'decision', childId: leo, field: 'categories' },
      },
    ]);
  });

  it('Whitfield: a born child’s date of birth after the conference', () => {
    const record = whitfieldRecord();
    const maya = listOf(record, 'children').find((c) => c.values['name'] === 'Maya Whitfield')!;
    maya.values['dateOfBirth'] = '2026-01-16';
    expect(blocking(readiness(record))).toEqual([
      {
        rule: 'template.invalid',
        severity: 'blocking',
        message: 'Children, Maya Whitfield: “Date of birth” is after the date of the conference.',
        ref: { section: 'children', itemId: maya.id, field: 'dateOfBirth' },
      },
    ]);
    // Born on the day of the conference is not after it.
    maya.values['dateOfBirth'] = '2026-01-15';
    expect(blocking(readiness(record))).toEqual([]);
  });

  it('Whitfield: 29/02/2026 stored as a date is not a real date; 29/02/2024 is', () => {
    const record = whitfieldRecord();
    const leo = listOf(record, 'children').find((c) => c.values['name'] === 'Leo Whitfield')!;
    leo.values['dateOfBirth'] = '2026-02-29';
    expect(blocking(readiness(record))).toEqual([
      {
        rule: 'template.invalid',
        severity: 'blocking',
        message: 'Children, Leo Whitfield: “Date of birth” is not a real date.',
        ref: { section: 'children', itemId: leo.id, field: 'dateOfBirth' },
      },
    ]);
    leo.values['dateOfBirth'] = '2024-02-29';
    expect(blocking(readiness(record))).toEqual([]);
  });

  it('Whitfield: a plan review date of 29/02/2026 is refused, naming the child', () => {
    const record = whitfieldRecord();
    const leo = childId(record, 'Leo Whitfield');
    childSection(record, 'plan', leo)['reviewDate'] = '2026-02-29';
    const found = findingsFor(readiness(record), 'template.invalid');
    expect(found).toEqual([
      {
        rule: 'template.invalid',
        severity: 'blocking',
        message: 'Plan, Leo Whitfield: “Review by” is not a real date.',
        ref: { section: 'plan', childId: leo, field: 'reviewDate' },
      },
    ]);
  });

  it('Whitfield: a child not seen, with no reason, is blocked; a reason clears it', () => {
    const record = whitfieldRecord();
    const leo = childId(record, 'Leo Whitfield');
    const voice = childSection(record, 'voice', leo);
    delete voice['visits'];
    expect(blocking(readiness(record))).toEqual([
      {
        rule: 'voice.not-seen',
        severity: 'blocking',
        message: 'Leo Whitfield: record when the child was seen and by whom, or why they could not be seen.',
        ref: { section: 'voice', field: 'visits', childId: leo },
      },
    ]);
    voice['notSeenReason'] = 'Leo was in hospital with bronchiolitis on both planned visits; the health visitor will see him next week.';
    expect(blocking(readiness(record))).toEqual([]);
  });

  it('Whitfield: a child with neither words, observations nor a reason', () => {
    const record = whitfieldRecord();
    const leo = childId(record, 'Leo Whitfield');
    delete childSection(record, 'voice', leo)['observations'];
    const found = blocking(readiness(record));
    // Leo is under two and too young to take part: observation, not words, answers for him.
    expect(found.map((f) => [f.rule, f.ref.field, f.message])).toEqual([
      ['template.required', 'observations', 'The voice of the child, Leo Whitfield: enter “Observations”.'],
    ]);
  });

  it('Whitfield: likely significant harm with an outcome of early help', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    childSection(record, 'decision', maya)['outcome'] = 'early-help';
    const found = findingsFor(readiness(record), 'decision.risk-without-safeguards');
    expect(found).toEqual([
      {
        rule: 'decision.risk-without-safeguards',
        severity: 'blocking',
        message:
          'Maya Whitfield: a child likely to suffer significant harm needs a child protection plan, or another multi-agency plan that gives sufficient safeguards — not “Early help”.',
        ref: { section: 'decision', childId: maya, field: 'outcome' },
      },
    ]);
  });

  it('Whitfield: a dissent naming an agency that has since been deleted', () => {
    const record = whitfieldRecord();
    const agencies = listOf(record, 'agencies');
    agencies.splice(agencies.findIndex((a) => a.values['agency'] === 'idva'), 1);
    const dissent = listOf(record, 'dissent')[0]!;
    expect(blocking(readiness(record))).toEqual([
      {
        rule: 'template.invalid',
        severity: 'blocking',
        message: 'Dissent, dissent 1: “Agency” has a choice that is no longer available. Choose again.',
        ref: { section: 'dissent', itemId: dissent.id, field: 'agency' },
      },
    ]);
  });

  it('Brennan: a late review without its reason', () => {
    const record = brennanRecord();
    delete singleOf(record, 'meeting')['lateReason'];
    const found = blocking(readiness(record));
    expect(found.map((f) => f.rule)).toEqual(['timescale.review-late-without-reason']);
    expect(found[0]?.message).toContain('Record why it is late.');
  });

  it('Brennan: without the progress against the previous plan', () => {
    const record = brennanRecord();
    singleOf(record, 'reason')['previousPlanActions'] = [];
    const found = blocking(readiness(record));
    expect(found.map((f) => [f.rule, f.message])).toEqual([
      ['template.min-items', 'Reason for the conference or progress since the last: add at least one action to “Progress against the previous plan”.'],
    ]);
  });

  it('Whitfield: a conference one working day late, with no reason', () => {
    const record = whitfieldRecord();
    singleOf(record, 'meeting')['date'] = '2026-01-16';
    const found = blocking(readiness(record));
    expect(found.map((f) => f.rule)).toEqual(['timescale.icpc-late-without-reason']);
    expect(found[0]?.message).toContain('16 working days after the strategy discussion on 22/12/2025');
  });

  it('Osei: inquorate when the police and school only send reports, until a reason is given', () => {
    const record = oseiRecord();
    for (const entry of listOf(record, 'agencies')) {
      if (entry.values['agency'] === 'police' || entry.values['agency'] === 'education') entry.values['attendance'] = 'report-only';
    }
    const found = blocking(readiness(record));
    expect(found.map((f) => [f.rule, f.ref.section, f.ref.field])).toEqual([
      ['quorum.inquorate-without-reason', 'attendance', 'inquorateReason'],
    ]);
    singleOf(record, 'attendance')['inquorateReason'] = 'Daniel’s safety could not wait for a rearranged date.';
    expect(blocking(readiness(record))).toEqual([]);
  });
});
