import { compareDates, formatUkDate, type IsoDate } from '../calendar/dates';
import { addWorkingDays } from '../calendar/working-days';
import { holidayOptions, type LocalSettings } from '../rules/local-settings';
import type { Recipient, RecipientStatus, ReturnedCopy } from './schemas';

/**
 * Circulation of the approved draft: when each agency's comments are due, where each stands,
 * and whether the final minutes may be signed. Pure, so the dates are checked by hand in tests
 * (test/unit/review/circulation.test.ts) exactly as the chair reads them.
 */

const plural = (n: number, word: string) => (n === 1 ? `1 ${word}` : `${n} ${word}s`);

/** Comments are due this many working days after the copy was sent (the day sent never counts). */
export function commentsDueOn(sentOn: IsoDate, settings: LocalSettings): IsoDate {
  return addWorkingDays(sentOn, settings.timescales.accuracyCommentsWorkingDays, holidayOptions(settings));
}

export interface MinutesDue {
  dueOn: IsoDate;
  /** For the chair: when the draft minutes are due and whether they went out in time. */
  sentence: string;
  late: boolean;
}

/**
 * The draft minutes are due N working days after the conference (a local setting). `sentOn`
 * is the first day a copy went out; before that, `today` decides whether they are overdue.
 */
export function minutesDue(conferenceDate: IsoDate, settings: LocalSettings, sentOn: IsoDate | null, today: IsoDate): MinutesDue {
  const n = settings.timescales.minutesWorkingDays;
  const dueOn = addWorkingDays(conferenceDate, n, holidayOptions(settings));
  const basis = `${plural(n, 'working day')} after the conference on ${formatUkDate(conferenceDate)}`;
  if (sentOn !== null) {
    const late = compareDates(sentOn, dueOn) > 0;
    return {
      dueOn,
      late,
      sentence: late
        ? `The draft minutes were sent on ${formatUkDate(sentOn)}, after they were due on ${formatUkDate(dueOn)} (${basis}).`
        : `The draft minutes were sent on ${formatUkDate(sentOn)}, in time: they were due by ${formatUkDate(dueOn)} (${basis}).`,
    };
  }
  const late = compareDates(today, dueOn) > 0;
  return {
    dueOn,
    late,
    sentence: late
      ? `The draft minutes are overdue: they were due by ${formatUkDate(dueOn)} (${basis}).`
      : `The draft minutes are due by ${formatUkDate(dueOn)} (${basis}).`,
  };
}

/** Where one recipient stands today. Only returns of the recipient's own copy count. */
export function recipientStatus(recipient: Recipient, returns: readonly ReturnedCopy[], today: IsoDate): RecipientStatus {
  const own = returns.filter((r) => r.recipientId === recipient.id);
  if (own.length > 0) {
    const items = own.flatMap((r) => r.items);
    if (items.length === 0) return 'no-comments';
    return items.every((item) => item.decision !== null) ? 'answered' : 'comments-received';
  }
  if (recipient.noCommentsOn !== null) return 'no-comments';
  // Overdue from the day after the due date: comments arriving on the due day are in time.
  return compareDates(today, recipient.dueOn) > 0 ? 'overdue' : 'sent';
}

export const STATUS_LABELS: Record<RecipientStatus, string> = {
  sent: 'Sent, waiting for comments',
  'no-comments': 'No comments',
  'comments-received': 'Comments received',
  answered: 'Answered',
  overdue: 'Overdue',
};

export interface FinalReadiness {
  ready: boolean;
  /** One sentence per recipient still holding the final minutes up. */
  waiting: string[];
}

/**
 * The final minutes may be signed when every agency has answered (or had nothing to say) or
 * has let its due date pass; comments received but not yet decided always hold it up.
 */
export function finalReadiness(recipients: readonly Recipient[], returns: readonly ReturnedCopy[], today: IsoDate): FinalReadiness {
  const waiting: string[] = [];
  for (const recipient of recipients) {
    const status = recipientStatus(recipient, returns, today);
    const who = `${recipient.organisation} (${recipient.name})`;
    if (status === 'sent') waiting.push(`${who}: comments are due by ${formatUkDate(recipient.dueOn)}.`);
    if (status === 'comments-received') {
      const open = returns.filter((r) => r.recipientId === recipient.id).flatMap((r) => r.items).filter((i) => i.decision === null).length;
      waiting.push(`${who}: ${plural(open, 'comment or change')} still to accept or decline.`);
    }
  }
  if (recipients.length === 0) waiting.push('The draft has not been sent to any agency yet.');
  return { ready: waiting.length === 0, waiting };
}
