import { describe, expect, it } from 'vitest';
import { ConferenceRecordSchema, type ConferenceType } from '../../../domain/record/conference';
import {
  DEFAULT_LOCAL_SETTINGS,
  parseLocalSettings,
  type LocalSettings,
} from '../../../domain/rules/local-settings';
import {
  checkTimescales,
  timescaleFactsFromRecord,
  timescaleRules,
  type ConferenceFacts,
} from '../../../domain/rules/timescales';

// Dates follow the fictional worked scenarios: Whitfield and Osei (initial), Brennan (review).
const whitfield: ConferenceFacts = {
  type: 'initial',
  date: '2026-01-15',
  strategyDiscussionDate: '2025-12-22',
};
const brennan: ConferenceFacts = {
  type: 'review',
  date: '2026-03-11',
  previousConferenceDate: '2025-12-10',
  previousWasInitial: true,
};

const rules = (facts: ConferenceFacts, settings?: LocalSettings) =>
  checkTimescales(facts, settings).findings.map((f) => f.rule);

function settingsWith(input: unknown): LocalSettings {
  const parsed = parseLocalSettings(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

describe('initial conference timing', () => {
  it('accepts Whitfield: exactly 15 working days over Christmas is on time', () => {
    const { deadlines, findings } = checkTimescales(whitfield);
    expect(findings).toEqual([]);
    expect(deadlines.conference?.due).toBe('2026-01-15');
    expect(deadlines.conference?.basis).toBe(
      '15 working days after the strategy discussion on 22/12/2025',
    );
  });

  it('blocks a conference one working day later without a reason', () => {
    const { findings } = checkTimescales({ ...whitfield, date: '2026-01-16' });
    expect(findings).toEqual([
      {
        rule: 'timescale.icpc-late-without-reason',
        severity: 'blocking',
        message:
          'The conference is 16 working days after the strategy discussion on 22/12/2025; the limit is 15. Record why it is late.',
        ref: { section: 'meeting', field: 'lateReason' },
      },
    ]);
  });

  it('names the working-day count across a weekend (17 on Monday 19/01/2026)', () => {
    const [finding] = checkTimescales({ ...whitfield, date: '2026-01-19' }).findings;
    expect(finding?.message).toBe(
      'The conference is 17 working days after the strategy discussion on 22/12/2025; the limit is 15. Record why it is late.',
    );
  });

  it('only notes lateness once a reason is recorded, and ignores a blank reason', () => {
    const late = { ...whitfield, date: '2026-01-19' };
    const [reasoned] = checkTimescales({ ...late, lateReason: 'Father’s solicitor unavailable; agreed by the service manager.' }).findings;
    expect(reasoned?.rule).toBe('timescale.icpc-late-with-reason');
    expect(reasoned?.severity).toBe('info');
    expect(reasoned?.message).toContain('The reason it is late is recorded.');
    expect(rules({ ...late, lateReason: '   ' })).toEqual(['timescale.icpc-late-without-reason']);
  });

  it('accepts Osei: 9 working days from 21/01/2026 to 03/02/2026', () => {
    const { deadlines, findings } = checkTimescales({
      type: 'initial',
      date: '2026-02-03',
      strategyDiscussionDate: '2026-01-21',
    });
    expect(findings).toEqual([]);
    expect(deadlines.conference?.due).toBe('2026-02-11');
  });

  it('counts Easter 2026 out of the 15 days', () => {
    // Strategy Wed 25/03/2026: without Good Friday and Easter Monday day 15 would be 15/04/2026.
    const facts: ConferenceFacts = { type: 'initial', date: '2026-04-17', strategyDiscussionDate: '2026-03-25' };
    expect(checkTimescales(facts).deadlines.conference?.due).toBe('2026-04-17');
    expect(rules(facts)).toEqual([]);
    expect(rules({ ...facts, date: '2026-04-20' })).toEqual(['timescale.icpc-late-without-reason']);
  });

  it('blocks a strategy discussion dated after the conference, and does not also call it late', () => {
    const { findings, deadlines } = checkTimescales({ ...whitfield, strategyDiscussionDate: '2026-01-22' });
    expect(findings).toEqual([
      {
        rule: 'timescale.strategy-after-conference',
        severity: 'blocking',
        message:
          'The strategy discussion is dated 22/01/2026, after the conference on 15/01/2026. The strategy discussion comes first: check both dates.',
        ref: { section: 'meeting', field: 'strategyDiscussionDate' },
      },
    ]);
    expect(deadlines.conference).toBeNull();
  });

  it('allows a strategy discussion on the day of the conference', () => {
    expect(rules({ ...whitfield, strategyDiscussionDate: '2026-01-15' })).toEqual([]);
  });

  it('treats a pre-birth initial conference like an initial one', () => {
    expect(rules({ ...whitfield, type: 'pre-birth-initial', date: '2026-01-16' })).toEqual([
      'timescale.icpc-late-without-reason',
    ]);
  });

  it('leaves a missing strategy date to the template but blocks one that is not a real date', () => {
    expect(rules({ ...whitfield, strategyDiscussionDate: null })).toEqual([]);
    const { findings } = checkTimescales({ ...whitfield, strategyDiscussionDate: '2025-02-29' });
    expect(findings).toEqual([
      {
        rule: 'timescale.invalid-date',
        severity: 'blocking',
        message: 'The strategy discussion date "2025-02-29" is not a real date.',
        ref: { section: 'meeting', field: 'strategyDiscussionDate' },
      },
    ]);
  });
});

describe('review conference timing', () => {
  it('blocks Brennan: due 10/03/2026, held 11/03/2026, one day late with no reason', () => {
    const { deadlines, findings } = checkTimescales(brennan);
    expect(deadlines.conference?.due).toBe('2026-03-10');
    expect(findings).toEqual([
      {
        rule: 'timescale.review-late-without-reason',
        severity: 'blocking',
        message:
          'The review is on 11/03/2026, 1 day after it was due on 10/03/2026 (within 3 months of the initial conference on 10/12/2025). Record why it is late.',
        ref: { section: 'meeting', field: 'lateReason' },
      },
    ]);
  });

  it('notes Brennan once the reason is recorded, and accepts it on the due date', () => {
    const reasoned = { ...brennan, lateReason: 'Chair ill; rescheduled by agreement with the family.' };
    expect(checkTimescales(reasoned).findings.map((f) => [f.rule, f.severity])).toEqual([
      ['timescale.review-late-with-reason', 'info'],
    ]);
    expect(rules({ ...brennan, date: '2026-03-10' })).toEqual([]);
  });

  it('gives later reviews 6 months from the previous review', () => {
    const later: ConferenceFacts = {
      type: 'review',
      date: '2026-03-30',
      previousConferenceDate: '2025-09-30',
      previousWasInitial: false,
    };
    expect(rules(later)).toEqual([]);
    const [late] = checkTimescales({ ...later, date: '2026-03-31' }).findings;
    expect(late?.message).toBe(
      'The review is on 31/03/2026, 1 day after it was due on 30/03/2026 (within 6 months of the previous review on 30/09/2025). Record why it is late.',
    );
    expect(rules({ ...later, previousWasInitial: true })).toEqual(['timescale.review-late-without-reason']);
  });

  it('clamps a review limit to the end of a shorter month', () => {
    const facts: ConferenceFacts = {
      type: 'review',
      date: '2026-03-01',
      previousConferenceDate: '2025-11-30',
      previousWasInitial: true,
    };
    expect(checkTimescales(facts).deadlines.conference?.due).toBe('2026-02-28');
    expect(rules(facts)).toEqual(['timescale.review-late-without-reason']);
  });

  it('when the previous type is unknown, reports only lateness that is certain', () => {
    const unknown = { ...brennan, previousWasInitial: null };
    expect(rules(unknown)).toEqual([]);
    const [late] = checkTimescales({ ...unknown, date: '2026-06-11' }).findings;
    expect(late?.message).toContain('(within 6 months of the previous conference on 10/12/2025)');
  });

  it('blocks a review dated on or before the previous conference', () => {
    const { findings, deadlines } = checkTimescales({ ...brennan, previousConferenceDate: '2026-03-12' });
    expect(findings).toEqual([
      {
        rule: 'timescale.review-not-after-previous',
        severity: 'blocking',
        message:
          'The review is dated 11/03/2026, which is not after the previous conference on 12/03/2026. Check both dates.',
        ref: { section: 'meeting', field: 'previousConferenceDate' },
      },
    ]);
    expect(deadlines.conference).toBeNull();
    expect(rules({ ...brennan, previousConferenceDate: '2026-03-11' })).toEqual([
      'timescale.review-not-after-previous',
    ]);
  });

  it('treats a pre-birth review like a review', () => {
    expect(rules({ ...brennan, type: 'pre-birth-review' })).toEqual(['timescale.review-late-without-reason']);
  });

  it('does not time a transfer-in conference, whose clock starts at notification', () => {
    const { deadlines, findings } = checkTimescales({
      type: 'transfer-in',
      date: '2026-01-15',
      strategyDiscussionDate: '2025-11-03',
    });
    expect(findings).toEqual([]);
    expect(deadlines.conference).toBeNull();
    expect(deadlines.firstCoreGroup?.due).toBe('2026-01-29');
    expect(deadlines.nextReview?.due).toBe('2026-04-15');
  });
});

describe('deadlines after the conference', () => {
  it('computes Whitfield’s core group, review, letter, minutes and accuracy comments', () => {
    const { deadlines } = checkTimescales(whitfield);
    expect(deadlines.firstCoreGroup).toEqual({
      due: '2026-01-29',
      lastWorkingDay: '2026-01-29',
      basis: '10 working days after the conference on 15/01/2026',
    });
    expect(deadlines.nextReview).toEqual({
      due: '2026-04-15',
      lastWorkingDay: '2026-04-15',
      basis: 'within 3 months of the conference on 15/01/2026',
    });
    expect(deadlines.decisionLetter?.due).toBe('2026-01-16');
    expect(deadlines.minutes?.due).toBe('2026-02-05');
    expect(deadlines.accuracyComments?.due).toBe('2026-02-19');
    expect(deadlines.accuracyComments?.basis).toContain('after the latest date for the minutes, 05/02/2026');
  });

  it('counts accuracy comments from when the draft minutes were sent', () => {
    const { deadlines } = checkTimescales({ ...whitfield, draftMinutesSentDate: '2026-01-29' });
    expect(deadlines.accuracyComments?.due).toBe('2026-02-12');
    expect(deadlines.accuracyComments?.basis).toBe(
      '10 working days after the draft minutes were sent on 29/01/2026',
    );
  });

  it('gives Brennan a next review 6 months on and no first core group', () => {
    const { deadlines } = checkTimescales({ ...brennan, lateReason: 'Chair ill.' });
    expect(deadlines.nextReview?.due).toBe('2026-09-11');
    expect(deadlines.firstCoreGroup).toBeNull();
  });

  it('lets a decision letter go over the Easter 2025 weekend', () => {
    const { deadlines } = checkTimescales({ type: 'review', date: '2025-04-17', previousConferenceDate: '2025-01-17', previousWasInitial: true });
    expect(deadlines.decisionLetter?.due).toBe('2025-04-22');
  });

  it('gives the last working day when a review limit falls at a weekend', () => {
    const { deadlines } = checkTimescales({ type: 'initial', date: '2026-11-30', strategyDiscussionDate: '2026-11-20' });
    expect(deadlines.nextReview?.due).toBe('2027-02-28');
    expect(deadlines.nextReview?.lastWorkingDay).toBe('2027-02-26');
    const leap = checkTimescales({ type: 'initial', date: '2027-11-30', strategyDiscussionDate: '2027-11-22' });
    expect(leap.deadlines.nextReview?.due).toBe('2028-02-29');
  });

  it('computes nothing without a conference date', () => {
    const { deadlines, findings } = checkTimescales({ ...whitfield, date: null });
    expect(findings).toEqual([]);
    expect(Object.values(deadlines).every((d) => d === null)).toBe(true);
    expect(rules({ ...whitfield, date: '15/01/2026' })).toEqual(['timescale.invalid-date']);
  });
});

describe('plan dates', () => {
  const maya = { childId: 'maya', childName: 'Maya' };
  const planned = (plan: ConferenceFacts['plans']) => checkTimescales({ ...whitfield, plans: plan }).findings;

  it('accepts Whitfield’s plan: core group by 29/01/2026 and review by 15/04/2026', () => {
    expect(
      planned([
        { ...maya, firstCoreGroupDate: '2026-01-29', reviewDate: '2026-04-15' },
        { childId: 'leo', childName: 'Leo', firstCoreGroupDate: '2026-01-29', reviewDate: '2026-04-15' },
      ]),
    ).toEqual([]);
  });

  it('warns when the first core group is beyond 10 working days', () => {
    expect(planned([{ ...maya, firstCoreGroupDate: '2026-01-30' }])).toEqual([
      {
        rule: 'timescale.core-group-beyond-limit',
        severity: 'warning',
        message:
          'For Maya, the first core group on 30/01/2026 is 11 working days after the conference; it should be by 29/01/2026 (10 working days after the conference on 15/01/2026).',
        ref: { section: 'plan', field: 'firstCoreGroupDate', childId: 'maya' },
      },
    ]);
  });

  it('blocks a first core group before the conference, and warns when it falls at a weekend', () => {
    expect(planned([{ ...maya, firstCoreGroupDate: '2026-01-14' }]).map((f) => [f.rule, f.severity])).toEqual([
      ['timescale.core-group-before-conference', 'blocking'],
    ]);
    const [weekend] = planned([{ childId: 'leo', firstCoreGroupDate: '2026-01-24' }]);
    expect(weekend?.message).toBe('The first core group on 24/01/2026 falls on a Saturday.');
  });

  it('blocks a review date beyond 3 months of the initial conference', () => {
    expect(planned([{ ...maya, reviewDate: '2026-04-16' }])).toEqual([
      {
        rule: 'timescale.review-date-beyond-limit',
        severity: 'blocking',
        message:
          'For Maya, the review conference on 16/04/2026 is too late: it must be by 15/04/2026 (within 3 months of the conference on 15/01/2026). Set an earlier date.',
        ref: { section: 'plan', field: 'reviewDate', childId: 'maya' },
      },
    ]);
  });

  it('blocks a review date not after the conference, and warns about a bank holiday', () => {
    expect(planned([{ ...maya, reviewDate: '2026-01-15' }]).map((f) => f.rule)).toEqual([
      'timescale.review-date-not-after-conference',
    ]);
    const [holiday] = planned([{ ...maya, reviewDate: '2026-04-03' }]);
    expect(holiday?.message).toBe(
      'For Maya, the review conference on 03/04/2026 falls on a bank holiday (Good Friday).',
    );
  });

  it('at a review, allows 6 months to the next review and does not check a core group', () => {
    const findings = checkTimescales({
      ...brennan,
      lateReason: 'Chair ill.',
      plans: [{ childId: 'ava', firstCoreGroupDate: '2026-06-01', reviewDate: '2026-09-11' }],
    }).findings;
    expect(findings.map((f) => f.rule)).toEqual(['timescale.review-late-with-reason']);
    const tooLate = checkTimescales({ ...brennan, lateReason: 'Chair ill.', plans: [{ childId: 'ava', reviewDate: '2026-09-14' }] });
    expect(tooLate.findings.map((f) => f.rule)).toContain('timescale.review-date-beyond-limit');
  });

  it('blocks a plan date that is not a real date', () => {
    expect(planned([{ ...maya, reviewDate: '2026-04-31' }])).toEqual([
      {
        rule: 'timescale.invalid-date',
        severity: 'blocking',
        message: 'The review date "2026-04-31" is not a real date.',
        ref: { section: 'plan', field: 'reviewDate', childId: 'maya' },
      },
    ]);
  });
});

describe('local settings drive the timescales', () => {
  it('fills every default from an empty object and rejects nonsense with a reason', () => {
    expect(settingsWith({})).toEqual(DEFAULT_LOCAL_SETTINGS);
    expect(DEFAULT_LOCAL_SETTINGS.timescales).toEqual({
      icpcWorkingDays: 15,
      firstCoreGroupWorkingDays: 10,
      firstReviewMonths: 3,
      laterReviewMonths: 6,
      decisionLetterWorkingDays: 1,
      minutesWorkingDays: 15,
      accuracyCommentsWorkingDays: 10,
      transferInWorkingDays: 15,
      reportNoticeInitialWorkingDays: 2,
      reportNoticeReviewWorkingDays: 5,
    });
    expect(DEFAULT_LOCAL_SETTINGS.preBirth).toEqual({
      target: 'weeks',
      targetWeeks: 34,
      targetMonthsBeforeDue: 3,
      reviewAfterBirthWorkingDays: 20,
    });
    expect(settingsWith({ timescales: { minutesWorkingDays: 20 } }).timescales.icpcWorkingDays).toBe(15);
    const bad = parseLocalSettings({ timescales: { icpcWorkingDays: 0 } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('(timescales.icpcWorkingDays)');
    const badHoliday = parseLocalSettings({ bankHolidayChanges: [{ kind: 'added', date: '2026-02-29', name: 'x' }] });
    expect(!badHoliday.ok && badHoliday.message).toBe(
      'The local settings are not valid (bankHolidayChanges.0.date): Use a real date written yyyy-mm-dd.',
    );
  });

  it('uses a council’s own limits', () => {
    const tight = settingsWith({ timescales: { icpcWorkingDays: 8, minutesWorkingDays: 20 } });
    const osei: ConferenceFacts = { type: 'initial', date: '2026-02-03', strategyDiscussionDate: '2026-01-21' };
    const [late] = checkTimescales(osei, tight).findings;
    expect(late?.message).toContain('9 working days after the strategy discussion on 21/01/2026; the limit is 8.');
    expect(checkTimescales(osei, tight).deadlines.minutes?.due).toBe('2026-03-03');
  });

  it('counts a proclaimed bank holiday or council closure from the settings', () => {
    const proclaimed = settingsWith({
      bankHolidayChanges: [{ kind: 'added', date: '2026-01-08', name: 'Proclaimed holiday' }],
    });
    expect(checkTimescales(whitfield, proclaimed).deadlines.conference?.due).toBe('2026-01-16');
    const closure = settingsWith({ extraNonWorkingDays: ['2026-01-08'] });
    expect(checkTimescales({ ...whitfield, date: '2026-01-16' }, closure).findings).toEqual([]);
  });
});

describe('reading a record', () => {
  const ids = {
    conference: '00000000-0000-4000-8000-000000000001',
    maya: '00000000-0000-4000-8000-000000000002',
    leo: '00000000-0000-4000-8000-000000000003',
    ava: '00000000-0000-4000-8000-000000000004',
  };
  function record(type: ConferenceType, meeting: Record<string, string>, outcomes: Record<string, string>, plans: Record<string, Record<string, string>>) {
    return ConferenceRecordSchema.parse({
      id: ids.conference,
      schemaVersion: 1,
      type,
      revision: 1,
      createdAt: '2026-01-15T09:00:00Z',
      updatedAt: '2026-01-15T09:00:00Z',
      sections: {
        meeting: { kind: 'single', values: meeting },
        children: {
          kind: 'list',
          items: Object.keys(outcomes).map((child) => ({ id: child, values: { name: child === ids.maya ? 'Maya' : child === ids.leo ? 'Leo' : 'Ava' } })),
        },
        decision: {
          kind: 'perChild',
          perChild: Object.fromEntries(Object.entries(outcomes).map(([child, outcome]) => [child, { outcome }])),
        },
        plan: { kind: 'perChild', perChild: plans },
      },
    });
  }

  it('holds a child protection plan to the timescales, and an alternative plan only to coming after the conference', () => {
    const whitfieldRecord = record(
      'initial',
      { date: '2026-01-15', strategyDiscussionDate: '2025-12-22' },
      { [ids.maya]: 'cp-plan', [ids.leo]: 'cin-plan' },
      {
        [ids.maya]: { firstCoreGroupDate: '2026-01-29', reviewDate: '2026-04-16' },
        [ids.leo]: { reviewDate: '2026-07-01' },
      },
    );
    const facts = timescaleFactsFromRecord(whitfieldRecord);
    expect(facts.plans).toEqual([
      { childId: ids.maya, childName: 'Maya', kind: 'cp', planName: null, startsPlan: true, firstCoreGroupDate: '2026-01-29', reviewDate: '2026-04-16' },
      { childId: ids.leo, childName: 'Leo', kind: 'alternative', planName: 'child in need plan', startsPlan: true, firstCoreGroupDate: null, reviewDate: '2026-07-01' },
    ]);
    const findings = timescaleRules()(whitfieldRecord);
    expect(findings.map((f) => [f.rule, f.ref.childId])).toEqual([['timescale.review-date-beyond-limit', ids.maya]]);
    expect(findings[0]?.message).toMatch(/^For Maya, /);
  });

  it('reads the previous conference type and late reason for a review', () => {
    const brennanRecord = record(
      'review',
      { date: '2026-03-11', previousConferenceDate: '2025-12-10', previousConferenceType: 'initial', lateReason: '' },
      { [ids.ava]: 'end-plan-cin' },
      {},
    );
    expect(timescaleFactsFromRecord(brennanRecord)).toMatchObject({
      previousWasInitial: true,
      plans: [{ childId: ids.ava, kind: 'alternative', planName: 'child in need plan', reviewDate: null }],
    });
    expect(timescaleRules()(brennanRecord).map((f) => f.rule)).toEqual(['timescale.review-late-without-reason']);
    const later = record('review', { date: '2026-03-11', previousConferenceDate: '2025-12-10', previousConferenceType: 'review' }, {}, {});
    expect(timescaleFactsFromRecord(later).previousWasInitial).toBe(false);
    expect(timescaleRules()(later)).toEqual([]);
  });
});
