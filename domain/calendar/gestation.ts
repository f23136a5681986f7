import { addDays, addMonths, daysBetween, type IsoDate } from './dates';

/**
 * Weeks of pregnancy counted as midwives do: a pregnancy is 40 weeks (280 days) at the
 * expected date of delivery, so on any day it is 280 days less the days still to go.
 * "28+4" is 28 weeks and 4 days.
 */
export const TERM_DAYS = 280;

export interface Gestation {
  weeks: number;
  days: number;
}

export function gestationOn(date: IsoDate, expectedDelivery: IsoDate): Gestation {
  const total = TERM_DAYS - daysBetween(date, expectedDelivery);
  // Before conception or long after the due date the count means nothing; callers check.
  return { weeks: Math.floor(total / 7), days: ((total % 7) + 7) % 7 };
}

export function formatGestation(g: Gestation): string {
  return `${g.weeks}+${g.days} weeks`;
}

/** The day the pregnancy reaches `weeks` weeks exactly (e.g. 34+0). */
export function dateAtWeeks(weeks: number, expectedDelivery: IsoDate): IsoDate {
  return addDays(expectedDelivery, weeks * 7 - TERM_DAYS);
}

/** The day `months` months before the expected date of delivery. */
export function monthsBeforeDue(months: number, expectedDelivery: IsoDate): IsoDate {
  return addMonths(expectedDelivery, -months);
}
