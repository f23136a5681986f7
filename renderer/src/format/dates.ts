import { format, isValid, parse, parseISO } from 'date-fns';

/**
 * Dates are stored as yyyy-mm-dd and shown as dd/mm/yyyy, whatever the machine's locale:
 * a text field with a hint is used rather than <input type="date">, whose format follows the
 * operating system and can silently show a US order.
 */

export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'dd/MM/yyyy') : '';
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

export type ParsedDate = { ok: true; iso: string } | { ok: false };

/** Accepts d/m/yyyy with /, -, . or spaces between the parts; the year must have four digits. */
export function parseUkDate(text: string): ParsedDate {
  const match = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/.exec(text.trim());
  if (!match) return { ok: false };
  const [, day, month, year] = match;
  const date = parse(`${day}/${month}/${year}`, 'd/M/yyyy', new Date(2000, 0, 1));
  // date-fns rejects 31/02 and similar: the date must exist.
  if (!isValid(date)) return { ok: false };
  return { ok: true, iso: format(date, 'yyyy-MM-dd') };
}

export type ParsedTime = { ok: true; value: string } | { ok: false };

/** 24-hour hh:mm (9:30, 09.30 and 0930 are accepted and tidied). */
export function parseTime(text: string): ParsedTime {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) return { ok: false };
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return { ok: false };
  return { ok: true, value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

/** The hint under every date field: an example in the order the app reads. */
export const DATE_HINT = 'For example, 27/03/2025';
