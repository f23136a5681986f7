import { civilFromDays, daysFromCivil, weekdayOfDayNumber, type CivilDate } from './day-number';

/**
 * Plain calendar dates. At every boundary a date is an ISO `yyyy-mm-dd` string (how the
 * record stores it); chairs read and type `dd/mm/yyyy`. No time of day and no time zone
 * ever enters the arithmetic (see day-number.ts for why).
 *
 * Functions that take an `IsoDate` throw a RangeError for a string that is not a real
 * date: that is a programming error, because user input goes through `parseUkDate` or
 * `isValidIsoDate` first.
 */
export type IsoDate = string;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Indexed by `dayOfWeek` (0 = Sunday). */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate({ year, month, day }: CivilDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The digits value[from..to) as a number, or -1 if any is not an ASCII digit. */
function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * yyyy-mm-dd read character by character rather than with a pattern: the manager's audit asks
 * this of a quarter of a million dates in a look at a large council's year, and the pattern's
 * match arrays were a tenth of that look.
 */
function isoParts(value: string): CivilDate | null {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const parts = { year: digitsAt(value, 0, 4), month: digitsAt(value, 5, 7), day: digitsAt(value, 8, 10) };
  return parts.year >= 0 && isRealDate(parts) ? parts : null;
}

/** True for a `yyyy-mm-dd` string naming a day that exists (so not 2026-02-29). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && isoParts(value) !== null;
}

function partsOf(date: IsoDate): CivilDate {
  const parts = isoParts(date);
  if (!parts) throw new RangeError(`"${date}" is not a yyyy-mm-dd calendar date.`);
  return parts;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function toIso({ year, month, day }: CivilDate): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Builds an `IsoDate` from its parts; `month` is 1–12. Throws if the day does not exist. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const parts = { year, month, day };
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || !isRealDate(parts)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date.`);
  }
  return toIso(parts);
}

/** The date as a whole day number, for arithmetic elsewhere in the calendar. */
export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const dayNumber = daysFromCivil(partsOf(date));
  if (dayNumbers.size >= DAY_NUMBERS_KEPT) dayNumbers.clear();
  dayNumbers.set(date, dayNumber);
  return dayNumber;
}

/**
 * Day numbers already worked out, by date. The manager's audit of a year compares hundreds of
 * thousands of dates (each child's against the period, the timescales, who came back) drawn from
 * a few thousand days, and parsing each again was a third of working out the cohort. Only real
 * dates get here (partsOf throws first); bounded so no use of the app makes it grow for ever.
 */
const dayNumbers = new Map<string, number>();
const DAY_NUMBERS_KEPT = 20_000;

export function fromDayNumber(dayNumber: number): IsoDate {
  return toIso(civilFromDays(dayNumber));
}

export type UkDateResult = { ok: true; date: IsoDate } | { ok: false; message: string };

// Chairs type 15/1/2026 as often as 15/01/2026, and sometimes dots or dashes.
const UK_PATTERN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/;

/**
 * Reads a date as a chair types it (dd/mm/yyyy) and says exactly what is wrong when it is
 * not a real date, so the form can show the sentence as it is.
 */
export function parseUkDate(text: string): UkDateResult {
  const typed = text.trim();
  const match = UK_PATTERN.exec(typed);
  if (!match) {
    return {
      ok: false,
      message: `"${typed}" is not a date in the form dd/mm/yyyy, for example 15/01/2026.`,
    };
  }
  const [, dayText = '', monthText = '', yearText = ''] = match;
  if (yearText.length !== 4) {
    // A two-digit year is ambiguous for dates of birth, so it is refused, not guessed.
    return { ok: false, message: `Write the year of "${typed}" in full, for example 2026.` };
  }
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const shown = `${pad(day, 2)}/${pad(month, 2)}/${yearText}`;
  if (month < 1 || month > 12) {
    return { ok: false, message: `${shown} is not a real date: there is no month ${month}.` };
  }
  if (day < 1) {
    return { ok: false, message: `${shown} is not a real date: there is no day 0.` };
  }
  const monthLength = daysInMonth(year, month);
  if (day > monthLength) {
    const why =
      month === 2 && day === 29
        ? `${year} is not a leap year`
        : `${MONTH_NAMES[month - 1]} ${year} has ${monthLength} days`;
    return { ok: false, message: `${shown} is not a real date: ${why}.` };
  }
  return { ok: true, date: toIso({ year, month, day }) };
}

/** '2026-01-15' → '15/01/2026'. */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** '2026-01-15' → 'Thursday 15 January 2026' (no ordinal suffix, as GOV.UK style writes dates). */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${WEEKDAY_NAMES[dayOfWeek(date)]} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Negative if `a` is earlier, 0 if the same day, positive if later. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Cannot add ${days} days: not a whole number.`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The same day of the month `months` later (or earlier, if negative). When that month is
 * shorter the result is clamped to its last day: 30 November + 3 months is 28 February
 * (29 in a leap year), 31 August + 6 months likewise. So "within 3 months" never spills
 * into the month after. Always count from the original date: clamping means adding one
 * month three times can give an earlier day than adding three months once.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) {
    throw new RangeError(`Cannot add ${months} months: not a whole number.`);
  }
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return toIso({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}
