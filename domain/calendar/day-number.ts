/**
 * Calendar dates as whole day numbers (day 0 = 1970-01-01, proleptic Gregorian).
 *
 * Why not `Date`: a `Date` is an instant, and turning one back into a calendar day
 * depends on the machine's time zone, so a laptop set to another zone (or a clock
 * change) could move a deadline by a day. Integer arithmetic on (year, month, day)
 * cannot. The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */

export interface CivilDate {
  year: number;
  /** 1 = January … 12 = December. */
  month: number;
  day: number;
}

export function daysFromCivil({ year, month, day }: CivilDate): number {
  // Counting years from March puts the leap day at the end of the "year".
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** 0 = Sunday … 6 = Saturday, the same numbering as `Date#getDay` so it reads familiarly. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}
