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

/**
 * Where one recipient stands today. Only returns of the recipient's own copy count. A recipient
 * sent an older draft than the latest approved one (`latestDraft`) and still owing an answer is
 * 'superseded': the chair re-circulates the newer draft, so the older copy neither holds the
 * final minutes up nor shows as overdue. One who had already replied keeps that status.
 */
export function recipientStatus(recipient: Recipient, returns: readonly ReturnedCopy[], today: IsoDate, latestDraft: number = recipient.draftVersion): RecipientStatus {
  const own = returns.filter((r) => r.recipientId === recipient.id);
  const superseded = recipient.draftVersion < latestDraft;
  if (own.length > 0) {
    const items = own.flatMap((r) => r.items);
    if (items.length === 0) return 'no-comments';
    if (items.every((item) => item.decision !== null)) return 'answered';
    return superseded ? 'superseded' : 'comments-received';
  }
  if (recipient.noCommentsOn !== null) return 'no-comments';
  if (superseded) return 'superseded';
  // Overdue from the day after the due date: comments arriving on the due day are in time.
  return compareDates(today, recipient.dueOn) > 0 ? 'overdue' : 'sent';
}

export const STATUS_LABELS: Record<RecipientStatus, string> = {
  sent: 'Sent, waiting for comments',
  'no-comments': 'No comments',
  'comments-received': 'Comments received',
  answered: 'Answered',
  overdue: 'Overdue',
  superseded: 'Superseded by a newer draft',
};

/** The label the chair reads, naming the draft that replaced an older copy. */
export function statusLabel(status: RecipientStatus, latestDraft: number): string {
  return status === 'superseded' ? `Superseded by draft ${latestDraft}` : STATUS_LABELS[status];
}

export interface FinalReadiness {
  ready: boolean;
  /** One sentence per recipient still holding the final minutes up. */
  waiting: string[];
}

/**
 * The final minutes may be signed when every agency sent the latest approved draft has answered
 * (or had nothing to say) or has let its due date pass; comments received but not yet decided
 * always hold it up. Copies of an older draft do not count: once a newer draft is approved, it
 * is the one agencies must be sent (`latestDraft`; by default the newest draft any recipient has).
 */
export function finalReadiness(
  recipients: readonly Recipient[],
  returns: readonly ReturnedCopy[],
  today: IsoDate,
  latestDraft: number = Math.max(0, ...recipients.map((r) => r.draftVersion)),
): FinalReadiness {
  const waiting: string[] = [];
  const current = recipients.filter((r) => r.draftVersion >= latestDraft);
  for (const recipient of current) {
    const status = recipientStatus(recipient, returns, today, latestDraft);
    const who = `${recipient.organisation} (${recipient.name})`;
    if (status === 'sent') waiting.push(`${who}: comments are due by ${formatUkDate(recipient.dueOn)}.`);
    if (status === 'comments-received') {
      const open = returns.filter((r) => r.recipientId === recipient.id).flatMap((r) => r.items).filter((i) => i.decision === null).length;
      waiting.push(`${who}: ${plural(open, 'comment or change')} still to accept or decline.`);
    }
  }
  if (recipients.length === 0) waiting.push('The draft has not been sent to any agency yet.');
  else if (current.length === 0) waiting.push(`Draft ${latestDraft} has not been sent to any agency yet: send it to the agencies that had the earlier draft.`);
  return { ready: waiting.length === 0, waiting };
}

/**
 * What the conference list needs to say what is overdue without opening the conference (kept in
 * its index summary, domain/record/summary.ts): the day the draft first went out, and the due
 * day of each agency sent the latest draft that still owes its comments. Due dates, not a
 * verdict: the list compares them with today, so "overdue" is never a stale word.
 */
export function reviewDueDates(recipients: readonly Recipient[], returns: readonly ReturnedCopy[], latestDraft: number): { firstSentOn: IsoDate | null; commentsDueOn: IsoDate[] } {
  const firstSentOn = recipients.map((r) => r.sentOn).sort()[0] ?? null;
  const owing = recipients.filter((r) => r.draftVersion >= latestDraft && r.noCommentsOn === null && !returns.some((x) => x.recipientId === r.id));
  return { firstSentOn, commentsDueOn: owing.map((r) => r.dueOn).sort() };
}
