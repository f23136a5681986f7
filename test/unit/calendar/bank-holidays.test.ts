import { describe, expect, it } from 'vitest';
import {
  bankHolidayOn,
  bankHolidays,
  easterSunday,
  ONE_OFF_CHANGES,
  standingBankHolidays,
} from '../../../domain/calendar/bank-holidays';
import { dayOfWeek } from '../../../domain/calendar/dates';

const datesOf = (year: number) => bankHolidays(year).map((h) => h.date);

// The England and Wales lists as published by the government for each year.
const PUBLISHED: Record<number, string[]> = {
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('easterSunday', () => {
  it('matches known Easter dates, including the earliest and latest possible', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });
});

describe('bankHolidays', () => {
  it.each(Object.entries(PUBLISHED))('matches the published list for %s', (year, expected) => {
    expect(datesOf(Number(year))).toEqual(expected);
  });

  it('names Easter 2026 and 2025', () => {
    expect(bankHolidayOn('2026-04-03')?.name).toBe('Good Friday');
    expect(bankHolidayOn('2026-04-06')?.name).toBe('Easter Monday');
    expect(bankHolidayOn('2025-04-18')?.name).toBe('Good Friday');
    expect(bankHolidayOn('2025-04-21')?.name).toBe('Easter Monday');
    expect(bankHolidayOn('2026-04-07')).toBeNull();
  });

  it('gives substitutes when Christmas is at a weekend', () => {
    // 2021 and 2027: Christmas on a Saturday, Boxing Day on a Sunday.
    expect(bankHolidays(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    expect(bankHolidays(2027).slice(-2).map((h) => h.date)).toEqual(['2027-12-27', '2027-12-28']);
    // 2022: Christmas on a Sunday, so Boxing Day keeps Monday and Christmas moves to Tuesday.
    expect(bankHolidays(2022).slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
    // 2026: only Boxing Day (a Saturday) moves.
    expect(bankHolidayOn('2026-12-28')?.name).toBe('Boxing Day (substitute day)');
  });

  it("moves New Year's Day off a weekend", () => {
    expect(bankHolidayOn('2022-01-03')?.name).toBe("New Year's Day (substitute day)");
    expect(bankHolidayOn('2023-01-02')?.name).toBe("New Year's Day (substitute day)");
    expect(bankHolidayOn('2028-01-03')?.name).toBe("New Year's Day (substitute day)");
    expect(bankHolidayOn('2022-01-01')).toBeNull();
  });

  it('applies the one-off changes only in their year', () => {
    expect(bankHolidayOn('2020-05-04')).toBeNull();
    expect(bankHolidayOn('2022-05-30')).toBeNull();
    expect(bankHolidayOn('2022-06-03')?.name).toBe('Platinum Jubilee bank holiday');
    expect(bankHolidayOn('2023-05-08')?.name).toBe('Coronation of King Charles III');
    expect(datesOf(2021)).toContain('2021-05-31');
  });

  it('has every moved holiday moving from a day the standing rules produce', () => {
    for (const change of ONE_OFF_CHANGES) {
      if (change.kind !== 'moved') continue;
      const standing = standingBankHolidays(Number(change.from.slice(0, 4))).map((h) => h.date);
      expect(standing, change.from).toContain(change.from);
    }
  });

  it('takes further proclaimed changes from local settings', () => {
    const changes = [
      { kind: 'added', date: '2026-09-14', name: 'Proclaimed holiday' },
      { kind: 'moved', from: '2026-05-25', to: '2026-05-26', name: 'Spring bank holiday' },
    ] as const;
    const dates = bankHolidays(2026, changes).map((h) => h.date);
    expect(dates).toContain('2026-09-14');
    expect(dates).toContain('2026-05-26');
    expect(dates).not.toContain('2026-05-25');
    expect(datesOf(2026)).not.toContain('2026-09-14');
  });

  it('always falls on a weekday, for every year the app will meet', () => {
    for (let year = 1978; year <= 2100; year += 1) {
      const weekend = bankHolidays(year).filter((h) => [0, 6].includes(dayOfWeek(h.date)));
      expect(weekend, String(year)).toEqual([]);
    }
  });

  it('refuses a date that does not exist', () => {
    expect(() => bankHolidayOn('2026-02-29')).toThrow(RangeError);
  });
});
