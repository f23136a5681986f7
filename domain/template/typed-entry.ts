import { formatUkDate, isValidIsoDate, parseUkDate } from '../calendar/dates';
import type { FieldType } from './types';

/**
 * How a date or time typed as text becomes the stored value, and back. The domain owns the
 * reading (so the rules, the store's validation and the form agree on what "09.30" means);
 * the form only shows the text and the message.
 */
export interface TypedEntryFormat {
  /** The stored value as the chair reads it (unreadable text that was kept, as typed). */
  show(stored: string): string;
  parse(text: string): { ok: true; value: string } | { ok: false; message: string };
  /** One line under the label saying what to type. */
  example: string;
}

export const DATE_ENTRY: TypedEntryFormat = {
  // Text that is not a date is shown as it was typed: it was kept so that nothing is lost.
  show: (stored) => (isValidIsoDate(stored) ? formatUkDate(stored) : stored),
  parse: (text) => {
    const result = parseUkDate(text);
    return result.ok ? { ok: true, value: result.date } : result;
  },
  example: 'For example, 15/01/2026.',
};

const TIME = /^(\d{1,2})[:.]?(\d{2})$/;

/** A time on the 24-hour clock: "9:30", "09.30" and "0930" all read as 09:30. */
export function parseTime(text: string): { ok: true; time: string } | { ok: false; message: string } {
  const typed = text.trim();
  const match = TIME.exec(typed);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    return { ok: false, message: `"${typed}" is not a time on the 24-hour clock, for example 09:30 or 14:15.` };
  }
  return { ok: true, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

export const TIME_ENTRY: TypedEntryFormat = {
  show: (stored) => stored,
  parse: (text) => {
    const result = parseTime(text);
    return result.ok ? { ok: true, value: result.time } : result;
  },
  example: 'On the 24-hour clock, for example 09:30.',
};

/** The typed format for a field type, if it is typed as text and read (dates and times). */
export function typedEntryFormat(type: FieldType): TypedEntryFormat | undefined {
  return type === 'date' ? DATE_ENTRY : type === 'time' ? TIME_ENTRY : undefined;
}
