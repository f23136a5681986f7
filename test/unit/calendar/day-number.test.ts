import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, weekdayOfDayNumber } from '../../../domain/calendar/day-number';

// Date.UTC is independent of the machine's zone, so it is a fair oracle here.
const MS_PER_DAY = 86_400_000;

describe('day numbers', () => {
  it('agree with Date.UTC day by day across four centuries, including 1900 and 2000', () => {
    const start = Date.UTC(1800, 0, 1) / MS_PER_DAY;
    const end = Date.UTC(2200, 11, 31) / MS_PER_DAY;
    const mismatches: number[] = [];
    for (let n = start; n <= end; n += 1) {
      const utc = new Date(n * MS_PER_DAY);
      const civil = civilFromDays(n);
      const agrees =
        civil.year === utc.getUTCFullYear() &&
        civil.month === utc.getUTCMonth() + 1 &&
        civil.day === utc.getUTCDate() &&
        daysFromCivil(civil) === n &&
        weekdayOfDayNumber(n) === utc.getUTCDay();
      // Collected rather than asserted per day: 146,000 expect() calls take seconds.
      if (!agrees) mismatches.push(n);
    }
    expect(mismatches).toEqual([]);
  });

  it('puts day 0 on Thursday 1 January 1970', () => {
    expect(daysFromCivil({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(weekdayOfDayNumber(0)).toBe(4);
    expect(weekdayOfDayNumber(-1)).toBe(3);
  });
});
