import { describe, expect, it } from 'vitest';
import { decisionLetterDue, dueSentence } from '../../../domain/letters/decision-letter-due';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { parseLocalSettings, type LocalSettings } from '../../../domain/rules/local-settings';
import { whitfieldRecord } from '../../../main/demo/scenarios';

/** Dates worked by hand against a 2026 calendar (England and Wales bank holidays). */

function heldOn(date: string): ConferenceRecord {
  const record = whitfieldRecord();
  const meeting = record.sections['meeting'];
  if (meeting?.kind !== 'single') throw new Error('no meeting section');
  meeting.values['date'] = date;
  return record;
}

function settingsWith(input: unknown): LocalSettings {
  const parsed = parseLocalSettings(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

describe('the decision letter’s due date', () => {
  it('is the next working day: Whitfield (Thursday 15 January 2026) → Friday 16 January', () => {
    expect(decisionLetterDue(whitfieldRecord(), '2026-01-15')).toEqual({ due: '2026-01-16', overdue: false, workingDaysLate: 0 });
    expect(dueSentence(decisionLetterDue(whitfieldRecord(), '2026-01-15'), { signed: false })).toEqual({
      text: 'Decision letter due by Friday 16 January 2026 (1 working day after the conference).',
      overdue: false,
    });
  });

  it('skips the weekend: a Friday conference’s letter is due on Monday', () => {
    expect(decisionLetterDue(heldOn('2026-01-16'), '2026-01-16')?.due).toBe('2026-01-19');
  });

  it('skips a bank holiday: Thursday 2 April 2026 → Good Friday and Easter Monday pass → Tuesday 7 April', () => {
    expect(decisionLetterDue(heldOn('2026-04-02'), '2026-04-02')?.due).toBe('2026-04-07');
  });

  it('skips Christmas: Thursday 24 December 2026 → Christmas Day, the weekend and the substitute Boxing Day (Monday 28th) → Tuesday 29 December', () => {
    expect(decisionLetterDue(heldOn('2026-12-24'), '2026-12-24')?.due).toBe('2026-12-29');
  });

  it('skips the council’s own non-working days from local settings', () => {
    const closed = settingsWith({ extraNonWorkingDays: ['2026-01-16'] });
    expect(decisionLetterDue(whitfieldRecord(), '2026-01-15', closed)?.due).toBe('2026-01-19');
  });

  it('is flagged once the due day has passed, counted in working days, with what to do next', () => {
    // Due Friday 16th; on Tuesday 20th it is 2 working days late (Monday 19th, Tuesday 20th).
    const late = decisionLetterDue(whitfieldRecord(), '2026-01-20');
    expect(late).toEqual({ due: '2026-01-16', overdue: true, workingDaysLate: 2 });
    expect(dueSentence(late, { signed: false })).toEqual({
      text: 'The decision letter was due by Friday 16 January 2026 (2 working days ago). Sign the minutes, then export it below and send it to the parents.',
      overdue: true,
    });
    // On the Saturday straight after, it is late though no working day has passed.
    expect(dueSentence(decisionLetterDue(whitfieldRecord(), '2026-01-17'), { signed: true })).toEqual({
      text: 'The decision letter was due by Friday 16 January 2026. If it has not been sent, export it below and send it to the parents today.',
      overdue: true,
    });
    // On the due day itself it is not late.
    expect(dueSentence(decisionLetterDue(whitfieldRecord(), '2026-01-16'), { signed: true }).overdue).toBe(false);
  });

  it('says plainly that it needs a conference date when there is none', () => {
    const due = decisionLetterDue(heldOn(''), '2026-01-20');
    expect(due).toBeNull();
    expect(dueSentence(due, { signed: false }).text).toMatch(/record the conference date/);
  });
});
