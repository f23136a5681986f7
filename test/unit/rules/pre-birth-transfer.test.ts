import { describe, expect, it } from 'vitest';
import { formatGestation, gestationOn } from '../../../domain/calendar/gestation';
import { parseLocalSettings, type LocalSettings } from '../../../domain/rules/local-settings';
import { summaryLines } from '../../../domain/rules/summaries';
import { checkTimescales, timescaleRules, type ConferenceFacts } from '../../../domain/rules/timescales';
import { RecordBuilder } from '../../../main/demo/record-builder';

function settingsWith(input: unknown): LocalSettings {
  const parsed = parseLocalSettings(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

describe('weeks of pregnancy from the expected date of delivery', () => {
  it('counts 40 weeks at the due date, back from it', () => {
    // 10/02/2026 to 01/05/2026 is 18 + 31 + 30 + 1 = 80 days; 280 − 80 = 200 days = 28 weeks 4 days.
    expect(formatGestation(gestationOn('2026-02-10', '2026-05-01'))).toBe('28+4 weeks');
    // 05/01/2026 to 29/03/2026 is 26 + 28 + 29 = 83 days; 280 − 83 = 197 = 28 weeks 1 day.
    expect(formatGestation(gestationOn('2026-01-05', '2026-03-29'))).toBe('28+1 weeks');
    expect(formatGestation(gestationOn('2026-05-01', '2026-05-01'))).toBe('40+0 weeks');
  });
});

/** A pre-birth initial conference; a strategy discussion a few days before keeps the 15-day clock met. */
const preBirth = (date: string, due = '2026-05-01'): ConferenceFacts => ({
  type: 'pre-birth-initial',
  date,
  strategyDiscussionDate: date < '2026-02-02' ? '2026-01-26' : date < '2026-03-10' ? '2026-02-02' : '2026-03-10',
  expectedDelivery: { date: due, childId: 'baby' },
});

describe('the local pre-birth target', () => {
  it('by 34 weeks (the default): 01/05/2026 due gives 20/03/2026; that day is on time, the Monday after is late', () => {
    // 34+0 is 6 weeks (42 days) before the due date: 01/05/2026 − 42 days = 20/03/2026.
    const onTime = checkTimescales(preBirth('2026-03-20'));
    expect(onTime.findings).toEqual([]);
    expect(onTime.deadlines.preBirthTarget?.due).toBe('2026-03-20');
    expect(onTime.deadlines.preBirthTarget?.held?.sentence).toBe(
      'Held at 34+0 weeks of pregnancy (expected date of delivery 01/05/2026); the local target is by 34 weeks of pregnancy, 20/03/2026, so it is on time.',
    );
    // 23/03/2026 to 01/05/2026 is 8 + 30 + 1 = 39 days; 280 − 39 = 241 = 34 weeks 3 days.
    expect(checkTimescales(preBirth('2026-03-23')).findings).toEqual([
      {
        rule: 'timescale.pre-birth-late-without-reason',
        severity: 'blocking',
        message: 'The pre-birth conference on 23/03/2026 is at 34+3 weeks of pregnancy, after the local target (by 34 weeks of pregnancy: 20/03/2026). Record why it is late.',
        ref: { section: 'meeting', field: 'lateReason' },
      },
    ]);
  });

  it('or months before the due date, as a council may set it: 3 months before 01/05/2026 is 01/02/2026', () => {
    const months = settingsWith({ preBirth: { target: 'months-before-due', targetMonthsBeforeDue: 3 } });
    expect(checkTimescales(preBirth('2026-02-10'), months).findings.map((f) => f.message)).toEqual([
      'The pre-birth conference on 10/02/2026 is at 28+4 weeks of pregnancy, after the local target (3 months before the due date: 01/02/2026). Record why it is late.',
    ]);
    expect(checkTimescales(preBirth('2026-01-30'), months).findings).toEqual([]);
  });

  it('a reason for lateness turns the block into a note', () => {
    const findings = checkTimescales({ ...preBirth('2026-03-23'), lateReason: 'The pregnancy was concealed until 30 weeks.' }).findings;
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['timescale.pre-birth-late-with-reason', 'info']]);
  });

  it('the review after the birth: 20 working days after 01/05/2026, over both May bank holidays, is 02/06/2026', () => {
    // Mon 04/05 and Mon 25/05/2026 are bank holidays: Tue 5 May is day 1, Tue 26 May day 15, Tue 2 June day 20.
    const { deadlines } = checkTimescales(preBirth('2026-03-20'));
    expect(deadlines.reviewAfterBirth?.due).toBe('2026-06-02');
    expect(checkTimescales(preBirth('2026-03-20'), settingsWith({ preBirth: { reviewAfterBirthWorkingDays: 10 } })).deadlines.reviewAfterBirth?.due).toBe(
      '2026-05-18',
    );
  });

  it('the baby’s entry shows the weeks of pregnancy, the target and the review after birth', () => {
    const b = new RecordBuilder('pre-birth-initial', { createdAt: '2026-02-10T09:00:00.000Z' });
    b.single('meeting', { date: '2026-02-10', strategyDiscussionDate: '2026-02-02' });
    const baby = b.addChild({ bornStatus: 'unborn', expectedDeliveryDate: '2026-05-01' });
    expect(summaryLines('gestation', b.build(), undefined, { itemId: baby })).toEqual([
      '28+4 weeks of pregnancy on the day of the conference, 10/02/2026.',
      'Local target: by 34 weeks of pregnancy, 20/03/2026, so the conference is on time.',
      'Review after the birth: within 20 working days of it, so by 02/06/2026 if the baby is born on 01/05/2026.',
    ]);
  });
});

describe('the transfer-in clock', () => {
  // Notified on Thu 30/04/2026. Fri 1 May is day 1; Mon 4 May is a bank holiday; Tue 5 May is
  // day 2 … Fri 22 May day 15. Mon 25 May is a bank holiday, so Tue 26 May is day 16.
  const transfer = (date: string, notified = '2026-04-30'): ConferenceFacts => ({ type: 'transfer-in', date, transferNotifiedDate: notified });

  it('15 working days from notification, across the early May bank holiday, ends on 22/05/2026', () => {
    const onTime = checkTimescales(transfer('2026-05-22'));
    expect(onTime.findings).toEqual([]);
    expect(onTime.deadlines.conference?.due).toBe('2026-05-22');
    expect(onTime.deadlines.conference?.held?.sentence).toBe(
      'Held 15 working days after this authority was notified of the transfer on 30/04/2026; the limit is 15, so it is on time.',
    );
  });

  it('the Tuesday after the spring bank holiday is 16 working days: late, and the chair is asked why', () => {
    expect(checkTimescales(transfer('2026-05-26')).findings).toEqual([
      {
        rule: 'timescale.transfer-in-late-without-reason',
        severity: 'blocking',
        message: 'The transfer-in conference is 16 working days after this authority was notified of the transfer on 30/04/2026; the limit is 15. Record why it is late.',
        ref: { section: 'meeting', field: 'lateReason' },
      },
    ]);
  });

  it('bad input: a notification after the conference date', () => {
    expect(checkTimescales(transfer('2026-05-22', '2026-05-27')).findings).toEqual([
      {
        rule: 'timescale.transfer-notified-after-conference',
        severity: 'blocking',
        message: 'This authority is recorded as notified of the transfer on 27/05/2026, after the conference on 22/05/2026. The notification comes first: check both dates.',
        ref: { section: 'meeting', field: 'transferNotifiedDate' },
      },
    ]);
  });

  it('is read from the record', () => {
    const b = new RecordBuilder('transfer-in', { createdAt: '2026-05-26T09:00:00.000Z' });
    b.single('meeting', { date: '2026-05-26', transferNotifiedDate: '2026-04-30', transferringAuthority: 'Westmarch Council' });
    expect(timescaleRules()(b.build()).map((f) => f.rule)).toEqual(['timescale.transfer-in-late-without-reason']);
  });
});

describe('settings stored before these targets existed', () => {
  it('still parse, with the pre-birth and transfer-in defaults filled in', () => {
    const old = settingsWith({
      timescales: { icpcWorkingDays: 15, firstCoreGroupWorkingDays: 10, firstReviewMonths: 3, laterReviewMonths: 6, decisionLetterWorkingDays: 1, minutesWorkingDays: 20, accuracyCommentsWorkingDays: 10 },
      quorum: { requireSocialCare: true, minOtherAgencies: 2, requireDirectContact: true, countReportOnly: false, countPartAttendance: true },
      bankHolidayChanges: [],
      extraNonWorkingDays: [],
    });
    expect(old.timescales.transferInWorkingDays).toBe(15);
    expect(old.preBirth.targetWeeks).toBe(34);
    expect(old.timescales.minutesWorkingDays).toBe(20);
  });
});
