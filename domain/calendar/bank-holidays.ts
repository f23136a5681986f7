import { addDays, dayOfWeek, isoDate, toDayNumber, type IsoDate } from './dates';

/**
 * England and Wales bank holidays, computed for any year rather than copied from a list
 * that runs out. The standing pattern has held since 1978 (when the early May holiday
 * began); earlier years are not needed for conference timescales and are not modelled.
 * Scotland and Northern Ireland differ and are out of scope: conferences here follow
 * Working Together, which is England's guidance.
 */
export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/**
 * A departure from the standing pattern. Such changes are made by royal proclamation,
 * usually a year or so ahead, so this release cannot know future ones: councils add them
 * through the local settings (`bankHolidayChanges`) and they are applied on top of
 * `ONE_OFF_CHANGES`.
 */
export type BankHolidayChange =
  | { kind: 'added'; date: IsoDate; name: string }
  /** The standing holiday on `from` is instead taken on `to`. */
  | { kind: 'moved'; from: IsoDate; to: IsoDate; name: string };

/** One-off changes already proclaimed, for the years the standing rules cover. */
export const ONE_OFF_CHANGES: readonly BankHolidayChange[] = [
  { kind: 'moved', from: '1995-05-01', to: '1995-05-08', name: 'Early May bank holiday (VE Day)' },
  { kind: 'added', date: '1999-12-31', name: 'Millennium celebrations' },
  { kind: 'moved', from: '2002-05-27', to: '2002-06-04', name: 'Spring bank holiday' },
  { kind: 'added', date: '2002-06-03', name: 'Golden Jubilee' },
  { kind: 'added', date: '2011-04-29', name: 'Royal wedding' },
  { kind: 'moved', from: '2012-05-28', to: '2012-06-04', name: 'Spring bank holiday' },
  { kind: 'added', date: '2012-06-05', name: 'Diamond Jubilee' },
  { kind: 'moved', from: '2020-05-04', to: '2020-05-08', name: 'Early May bank holiday (VE Day)' },
  { kind: 'moved', from: '2022-05-30', to: '2022-06-02', name: 'Spring bank holiday' },
  { kind: 'added', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { kind: 'added', date: '2022-09-19', name: 'State funeral of Queen Elizabeth II' },
  { kind: 'added', date: '2023-05-08', name: 'Coronation of King Charles III' },
];

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;

function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === SATURDAY || day === SUNDAY;
}

/** Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  let date = isoDate(year, month, 1);
  while (dayOfWeek(date) !== MONDAY) date = addDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number, lastDay: number): IsoDate {
  let date = isoDate(year, month, lastDay);
  while (dayOfWeek(date) !== MONDAY) date = addDays(date, -1);
  return date;
}

/**
 * A fixed-date holiday that falls at a weekend is taken on the next weekday that is not
 * already a holiday. That one rule gives every published case: Christmas on a Saturday
 * → Mon 27 and (Boxing Day) Tue 28; Christmas on a Sunday → Boxing Day Mon 26 and
 * Christmas substitute Tue 27; Boxing Day on a Saturday → Mon 28.
 */
function withSubstitutes(fixed: readonly BankHoliday[]): BankHoliday[] {
  const taken = new Set(fixed.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  return fixed.map((holiday) => {
    if (!isWeekend(holiday.date)) return holiday;
    let date = holiday.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, name: `${holiday.name} (substitute day)` };
  });
}

/** The standing pattern only, before any one-off change. */
export function standingBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  return [
    ...withSubstitutes([{ date: isoDate(year, 1, 1), name: "New Year's Day" }]),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5, 31), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8, 31), name: 'Summer bank holiday' },
    ...withSubstitutes([
      { date: isoDate(year, 12, 25), name: 'Christmas Day' },
      { date: isoDate(year, 12, 26), name: 'Boxing Day' },
    ]),
  ];
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Every bank holiday in `year`, in date order: the standing pattern, then the built-in
 * one-off changes, then `extraChanges` (the council's additions from local settings).
 */
export function bankHolidays(
  year: number,
  extraChanges: readonly BankHolidayChange[] = [],
): BankHoliday[] {
  // pgbench9: every save counts working days (timescales) field by field, so the year's standing
  // holidays were worked out hundreds of times a save; the answer for a year never changes.
  if (extraChanges.length === 0) {
    let known = STANDING_BY_YEAR.get(year);
    if (known === undefined) {
      known = holidaysOf(year, []);
      STANDING_BY_YEAR.set(year, known);
    }
    return known.map((holiday) => ({ ...holiday }));
  }
  return holidaysOf(year, extraChanges);
}

const STANDING_BY_YEAR = new Map<number, readonly BankHoliday[]>();

function holidaysOf(year: number, extraChanges: readonly BankHolidayChange[]): BankHoliday[] {
  const byDate = new Map<IsoDate, string>();
  for (const holiday of standingBankHolidays(year)) byDate.set(holiday.date, holiday.name);
  for (const change of [...ONE_OFF_CHANGES, ...extraChanges]) {
    if (change.kind === 'moved') {
      if (yearOf(change.from) === year) byDate.delete(change.from);
      if (yearOf(change.to) === year) byDate.set(change.to, change.name);
    } else if (yearOf(change.date) === year && !byDate.has(change.date)) {
      byDate.set(change.date, change.name);
    }
  }
  return [...byDate]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The bank holiday on `date`, or null. */
export function bankHolidayOn(
  date: IsoDate,
  extraChanges: readonly BankHolidayChange[] = [],
): BankHoliday | null {
  toDayNumber(date); // throws a clear RangeError for a string that is not a date
  return bankHolidays(yearOf(date), extraChanges).find((h) => h.date === date) ?? null;
}
