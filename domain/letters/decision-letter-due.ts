import { formatLongDate, isValidIsoDate, type IsoDate } from '../calendar/dates';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days';
import { meetingValues, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import { DEFAULT_LOCAL_SETTINGS, holidayOptions, type LocalSettings } from '../rules/local-settings';

/**
 * The decision letter to the parents is due one working day after the conference (the
 * conference day itself does not count): a Thursday conference's letter goes on Friday, a
 * Friday's on Monday, and one before a bank holiday on the next working day after it. The
 * council's own non-working days and proclaimed bank-holiday changes come from local settings.
 */
export const DECISION_LETTER_WORKING_DAYS = 1;

export interface DecisionLetterDue {
  due: IsoDate;
  /** Today is after the due date. */
  overdue: boolean;
  /** Working days after the due date up to today (0 on a weekend straight after it, and when not late). */
  workingDaysLate: number;
}

export function decisionLetterDue(record: ConferenceRecord, today: IsoDate, settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): DecisionLetterDue | null {
  const held = textOf(meetingValues(record)['date']);
  if (!isValidIsoDate(held) || !isValidIsoDate(today)) return null;
  const options = holidayOptions(settings);
  const due = addWorkingDays(held, DECISION_LETTER_WORKING_DAYS, options);
  const overdue = today > due;
  return { due, overdue, workingDaysLate: overdue ? workingDaysBetween(due, today, options) : 0 };
}

export interface DueSentence {
  text: string;
  /** Shown as a warning: the due date has passed and nothing says the letter went. */
  overdue: boolean;
}

/**
 * What the conference page says. The app does not (yet) record that a letter was sent, so
 * once the date has passed the page says so and asks the chair to make sure it went: a
 * reminder that can be wrong only by being unnecessary.
 */
export function dueSentence(due: DecisionLetterDue | null, state: { signed: boolean }): DueSentence {
  if (due === null) return { text: 'The decision letter is due 1 working day after the conference: record the conference date to see when.', overdue: false };
  const when = formatLongDate(due.due);
  if (due.overdue) {
    const late = due.workingDaysLate === 0 ? '' : due.workingDaysLate === 1 ? ' (1 working day ago)' : ` (${due.workingDaysLate} working days ago)`;
    const next = state.signed ? 'If it has not been sent, export it below and send it to the parents today.' : 'Sign the minutes, then export it below and send it to the parents.';
    return { text: `The decision letter was due by ${when}${late}. ${next}`, overdue: true };
  }
  return { text: `Decision letter due by ${when} (1 working day after the conference).`, overdue: false };
}
