import { bankHolidays, type BankHolidayChange } from './bank-holidays';
import { addDays, dayOfWeek, toDayNumber, WEEKDAY_NAMES, type IsoDate } from './dates';

/**
 * Working days: Monday to Friday, except England and Wales bank holidays. Statutory
 * conference timescales are counted this way.
 */
export interface HolidayOptions {
  /** Proclaimed bank-holiday changes this release does not know about (local settings). */
  bankHolidayChanges?: readonly BankHolidayChange[];
  /** Any other day the council does not count as working, e.g. an office closure. */
  extraHolidays?: readonly IsoDate[];
}

type NonWorkingReason = (date: IsoDate) => string | null;

/** Builds the reason finder once per call, so a long count computes each year's holidays once. */
function reasonFinder(options: HolidayOptions): NonWorkingReason {
  const extra = new Set(options.extraHolidays ?? []);
  const byYear = new Map<number, Map<IsoDate, string>>();
  const holidaysIn = (year: number): Map<IsoDate, string> => {
    let holidays = byYear.get(year);
    if (!holidays) {
      holidays = new Map(
        bankHolidays(year, options.bankHolidayChanges).map((h) => [h.date, h.name]),
      );
      byYear.set(year, holidays);
    }
    return holidays;
  };
  return (date) => {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return `a ${WEEKDAY_NAMES[weekday]}`;
    const holiday = holidaysIn(Number(date.slice(0, 4))).get(date);
    if (holiday) return `a bank holiday (${holiday})`;
    if (extra.has(date)) return 'a local non-working day';
    return null;
  };
}

/**
 * Why `date` is not a working day, as words that fit "… falls on ___", e.g. "a Saturday"
 * or "a bank holiday (Good Friday)"; null when it is a working day.
 */
export function nonWorkingReason(date: IsoDate, options: HolidayOptions = {}): string | null {
  return reasonFinder(options)(date);
}

export function isWorkingDay(date: IsoDate, options: HolidayOptions = {}): boolean {
  return nonWorkingReason(date, options) === null;
}

/**
 * The `n`th working day after `date` (before it, if `n` is negative). `date` itself never
 * counts, matching "within 15 working days of the strategy discussion"; `n` = 0 gives
 * `date` back unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number, options: HolidayOptions = {}): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Cannot add ${n} working days: not a whole number.`);
  const reason = reasonFinder(options);
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (reason(current) === null) left -= 1;
  }
  return current;
}

/**
 * Working days after `from` up to and including `to`: 22/12/2025 → 15/01/2026 is 15.
 * Negative when `to` is earlier, so that `addWorkingDays(from, workingDaysBetween(from, to))`
 * is `to` whenever `to` is a working day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, options: HolidayOptions = {}): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end < start) return -workingDaysBetween(to, from, options);
  const reason = reasonFinder(options);
  let count = 0;
  for (let day = 1; day <= end - start; day += 1) {
    if (reason(addDays(from, day)) === null) count += 1;
  }
  return count;
}

/** `date` if it is a working day, else the last working day before it. */
export function lastWorkingDayOnOrBefore(date: IsoDate, options: HolidayOptions = {}): IsoDate {
  const reason = reasonFinder(options);
  let current = date;
  while (reason(current) !== null) current = addDays(current, -1);
  return current;
}
