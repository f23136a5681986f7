import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatLongDate,
  formatUkDate,
  isLeapYear,
  isoDate,
  isValidIsoDate,
  parseUkDate,
} from '../../../domain/calendar/dates';

describe('parseUkDate', () => {
  it('reads dd/mm/yyyy and the forms chairs also type', () => {
    expect(parseUkDate('15/01/2026')).toEqual({ ok: true, date: '2026-01-15' });
    expect(parseUkDate(' 5/1/2026 ')).toEqual({ ok: true, date: '2026-01-05' });
    expect(parseUkDate('15.01.2026')).toEqual({ ok: true, date: '2026-01-15' });
    expect(parseUkDate('15-01-2026')).toEqual({ ok: true, date: '2026-01-15' });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseUkDate('29/02/2028')).toEqual({ ok: true, date: '2028-02-29' });
    expect(parseUkDate('29/02/2000')).toEqual({ ok: true, date: '2000-02-29' });
    expect(parseUkDate('29/02/2026')).toEqual({
      ok: false,
      message: '29/02/2026 is not a real date: 2026 is not a leap year.',
    });
    expect(parseUkDate('29/02/1900')).toEqual({
      ok: false,
      message: '29/02/1900 is not a real date: 1900 is not a leap year.',
    });
  });

  it('names the month length when the day is past the end of the month', () => {
    expect(parseUkDate('31/04/2026')).toEqual({
      ok: false,
      message: '31/04/2026 is not a real date: April 2026 has 30 days.',
    });
    expect(parseUkDate('30/02/2028')).toEqual({
      ok: false,
      message: '30/02/2028 is not a real date: February 2028 has 29 days.',
    });
  });

  it('explains an impossible month or day 0', () => {
    expect(parseUkDate('15/13/2026')).toEqual({
      ok: false,
      message: '15/13/2026 is not a real date: there is no month 13.',
    });
    expect(parseUkDate('0/1/2026')).toEqual({
      ok: false,
      message: '00/01/2026 is not a real date: there is no day 0.',
    });
  });

  it('refuses two-digit years and text that is not a date', () => {
    expect(parseUkDate('15/01/26')).toEqual({
      ok: false,
      message: 'Write the year of "15/01/26" in full, for example 2026.',
    });
    const wrongShape = parseUkDate('2026-01-15');
    expect(wrongShape.ok).toBe(false);
    expect(parseUkDate('next Tuesday')).toEqual({
      ok: false,
      message: '"next Tuesday" is not a date in the form dd/mm/yyyy, for example 15/01/2026.',
    });
  });
});

describe('formatting', () => {
  it('writes UK short and long forms', () => {
    expect(formatUkDate('2026-01-15')).toBe('15/01/2026');
    expect(formatUkDate('2028-02-29')).toBe('29/02/2028');
    expect(formatLongDate('2026-01-15')).toBe('Thursday 15 January 2026');
    expect(formatLongDate('2026-03-11')).toBe('Wednesday 11 March 2026');
    expect(formatLongDate('2025-12-22')).toBe('Monday 22 December 2025');
  });

  it('throws rather than formatting a date that does not exist', () => {
    expect(() => formatUkDate('2026-02-29')).toThrow(RangeError);
    expect(() => formatLongDate('15/01/2026')).toThrow(RangeError);
  });
});

describe('isValidIsoDate', () => {
  it('accepts real yyyy-mm-dd dates only', () => {
    expect(isValidIsoDate('2026-01-15')).toBe(true);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-1-15')).toBe(false);
    expect(isValidIsoDate('2026-01-15T00:00:00Z')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    // Read character by character: only ASCII digits and dashes, in their places, make a date.
    for (const notADate of ['２０２６-01-15', '2026-01-1a', '+026-01-15', ' 026-01-15', '2026/01/15', '2026-13-01', '2026-04-31', '2026-0115-', '']) {
      expect(isValidIsoDate(notADate), notADate).toBe(false);
    }
    expect(isValidIsoDate(20260115)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 9)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('builds dates from parts and refuses impossible ones', () => {
    expect(isoDate(2026, 1, 5)).toBe('2026-01-05');
    expect(() => isoDate(2026, 2, 29)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('compares and adds days across month and year ends', () => {
    expect(compareDates('2026-01-15', '2026-01-16')).toBe(-1);
    expect(compareDates('2026-01-15', '2026-01-15')).toBe(0);
    expect(compareDates('2026-01-16', '2025-12-31')).toBe(1);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-10', '2026-03-11')).toBe(1);
    expect(daysBetween('2026-01-15', '2025-12-22')).toBe(-24);
    expect(dayOfWeek('2026-01-15')).toBe(4);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2025-12-10', 3)).toBe('2026-03-10');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 3)).toBe('2026-06-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-04-15', -3)).toBe('2026-01-15');
  });

  it('counts from the original date, because clamping does not compose', () => {
    const stepwise = addMonths(addMonths(addMonths('2026-01-31', 1), 1), 1);
    expect(stepwise).toBe('2026-04-28');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
  });

  it('refuses fractional amounts', () => {
    expect(() => addDays('2026-01-15', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-15', 0.5)).toThrow(RangeError);
  });
});
