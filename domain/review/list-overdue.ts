import { compareDates, formatUkDate, type IsoDate } from '../calendar/dates';
import type { ConferenceSummary } from '../record/summary';
import type { LocalSettings } from '../rules/local-settings';
import { minutesDue } from './circulation';

/**
 * What the conference list says is overdue in the accuracy review, in plain words, from the due
 * dates kept in each conference's summary and today's date: the agencies late with their
 * comments on the latest draft, and draft minutes not yet sent to any agency after the local
 * timescale. Worked out on each showing, so a conference becomes overdue overnight without a save.
 * A signed conference is finished, and an entry from before due dates were kept says nothing.
 */
export function overdueLines(summary: Pick<ConferenceSummary, 'conferenceDate' | 'signed' | 'review'>, settings: LocalSettings, today: IsoDate): string[] {
  const review = summary.review;
  if (summary.signed !== undefined || review === undefined) return [];
  const lines: string[] = [];
  const late = review.commentsDueOn.filter((dueOn) => compareDates(today, dueOn) > 0).length;
  if (late > 0) lines.push(`Accuracy comments overdue: ${late === 1 ? '1 agency' : `${late} agencies`}`);
  if (review.firstSentOn === null && summary.conferenceDate !== null) {
    const due = minutesDue(summary.conferenceDate, settings, null, today);
    if (due.late) lines.push(`Draft minutes overdue: due by ${formatUkDate(due.dueOn)}`);
  }
  return lines;
}
