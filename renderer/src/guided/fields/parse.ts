import { formatUkDate, isValidIsoDate, parseUkDate } from '../../../../domain/calendar/dates';

/** How a typed date or time becomes the stored value, and back. */
export interface TextFormat {
  /** The stored value as the chair reads it (unreadable text that was kept, as typed). */
  show(stored: string): string;
  parse(text: string): { ok: true; value: string } | { ok: false; message: string };
  example: string;
}

export const DATE_FORMAT: TextFormat = {
  // Text that is not a date is shown as it was typed: it was kept so that nothing is lost.
  show: (stored) => (isValidIsoDate(stored) ? formatUkDate(stored) : stored),
  parse: (text) => {
    const result = parseUkDate(text);
    return result.ok ? { ok: true, value: result.date } : result;
  },
  example: 'For example, 15/01/2026.',
};

const TIME = /^(\d{1,2})[:.]?(\d{2})$/;

export const TIME_FORMAT: TextFormat = {
  show: (stored) => stored,
  parse: (text) => {
    const typed = text.trim();
    const match = TIME.exec(typed);
    const hours = Number(match?.[1]);
    const minutes = Number(match?.[2]);
    if (!match || hours > 23 || minutes > 59) {
      return { ok: false, message: `"${typed}" is not a time on the 24-hour clock, for example 09:30 or 14:15.` };
    }
    return { ok: true, value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
  },
  example: 'On the 24-hour clock, for example 09:30.',
};
