import { format, isValid, parseISO } from 'date-fns';
import { formatUkDate, isValidIsoDate } from '../../../domain/calendar/dates';

/**
 * Calendar dates are stored as yyyy-mm-dd and shown as dd/mm/yyyy by the domain's calendar
 * (typed, never through <input type="date">, whose order follows the operating system). This
 * module adds only what the screens need on top: moments in time (saves, history entries).
 */

export function formatIsoDate(iso: string | null | undefined): string {
  return iso && isValidIsoDate(iso) ? formatUkDate(iso) : '';
}

export function formatDateTime(iso: string): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, "dd/MM/yyyy 'at' HH:mm") : '';
}

export function formatTimeOfDay(iso: string): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'HH:mm') : '';
}

export function isSameLocalDay(iso: string, now: Date): boolean {
  const date = parseISO(iso);
  return isValid(date) && format(date, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd');
}

/** The hint under every date field: an example in the order the app reads. */
export const DATE_HINT = 'For example, 27/03/2025';
