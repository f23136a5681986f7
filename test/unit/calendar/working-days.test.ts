import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  nonWorkingReason,
  workingDaysBetween,
} from '../../../domain/calendar/working-days';

describe('isWorkingDay', () => {
  it('excludes weekends and England and Wales bank holidays', () => {
    expect(isWorkingDay('2026-01-15')).toBe(true);
    expect(isWorkingDay('2026-01-17')).toBe(false);
    expect(isWorkingDay('2026-01-18')).toBe(false);
    expect(isWorkingDay('2025-12-25')).toBe(false);
    expect(isWorkingDay('2026-04-03')).toBe(false);
    expect(isWorkingDay('2026-04-06')).toBe(false);
  });

  it('honours a council non-working day', () => {
    expect(isWorkingDay('2026-01-16', { extraHolidays: ['2026-01-16'] })).toBe(false);
  });

  it('says why a day is not a working day', () => {
    expect(nonWorkingReason('2026-01-17')).toBe('a Saturday');
    expect(nonWorkingReason('2026-04-03')).toBe('a bank holiday (Good Friday)');
    expect(nonWorkingReason('2026-01-16', { extraHolidays: ['2026-01-16'] })).toBe(
      'a local non-working day',
    );
    expect(nonWorkingReason('2026-01-16')).toBeNull();
  });
});

describe('addWorkingDays', () => {
  it('counts 15 working days over Christmas 2025 (Whitfield: strategy Monday 22/12/2025)', () => {
    expect(addWorkingDays('2025-12-22', 15)).toBe('2026-01-15');
  });

  it('counts 10 working days after Thursday 15/01/2026 (first core group)', () => {
    expect(addWorkingDays('2026-01-15', 10)).toBe('2026-01-29');
  });

  it('steps over Easter 2026 and Easter 2025', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
  });

  it('steps over the Christmas substitute days of 2021, 2022 and 2027', () => {
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
  });

  it('counts from a weekend start without counting the start', () => {
    expect(addWorkingDays('2026-01-17', 1)).toBe('2026-01-19');
  });

  it('goes backwards for a negative count and does nothing for zero', () => {
    expect(addWorkingDays('2026-01-15', -15)).toBe('2025-12-22');
    expect(addWorkingDays('2026-01-17', 0)).toBe('2026-01-17');
  });

  it('uses proclaimed changes and council days from settings', () => {
    expect(
      addWorkingDays('2026-01-14', 1, {
        bankHolidayChanges: [{ kind: 'added', date: '2026-01-15', name: 'Proclaimed' }],
      }),
    ).toBe('2026-01-16');
    expect(addWorkingDays('2026-01-14', 1, { extraHolidays: ['2026-01-15'] })).toBe('2026-01-16');
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays('2026-01-15', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2025-12-22', '2026-01-15')).toBe(15);
    expect(workingDaysBetween('2025-12-22', '2026-01-16')).toBe(16);
    expect(workingDaysBetween('2026-01-21', '2026-02-03')).toBe(9);
    expect(workingDaysBetween('2026-01-15', '2026-01-15')).toBe(0);
  });

  it('does not count a bank holiday or weekend at the end', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-06')).toBe(0);
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
  });

  it('is negative when the second date is earlier, and inverts addWorkingDays', () => {
    expect(workingDaysBetween('2026-01-15', '2025-12-22')).toBe(-15);
    for (const n of [-20, -3, 0, 1, 7, 40]) {
      expect(workingDaysBetween('2026-03-30', addWorkingDays('2026-03-30', n))).toBe(n);
    }
  });
});

describe('lastWorkingDayOnOrBefore', () => {
  it('moves a weekend or bank holiday back to the working day before', () => {
    expect(lastWorkingDayOnOrBefore('2026-04-06')).toBe('2026-04-02');
    expect(lastWorkingDayOnOrBefore('2026-03-01')).toBe('2026-02-27');
    expect(lastWorkingDayOnOrBefore('2026-03-10')).toBe('2026-03-10');
  });
});
