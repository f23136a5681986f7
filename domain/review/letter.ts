import { formatUkDate } from '../calendar/dates';
import { heading, paragraph, plain, text, type Block, type DocumentModel } from '../documents/model';
import type { Recipient, ReturnedCopy, ReviewItem } from './schemas';

/**
 * The chair's short reply to one agency: each of its comments and changes, and what became of
 * it — accepted (and written into the minutes, or to be made by hand) or declined, with the reason.
 */
export function responseLetter(input: {
  recipient: Recipient;
  returns: readonly ReturnedCopy[];
  conferenceTitle: string;
  chair: { name: string; role: string; council: string };
  today: string;
}): DocumentModel {
  const { recipient, chair } = input;
  const items = input.returns.filter((r) => r.recipientId === recipient.id).flatMap((r) => r.items);
  const blocks: Block[] = [
    plain(`Your comments on the draft minutes: ${input.conferenceTitle}`, 'title'),
    plain(`To ${recipient.name}, ${recipient.organisation}. ${formatUkDate(input.today)}.`),
    plain(
      items.length === 0
        ? 'Thank you for reviewing the draft minutes. No comments or changes were received from you.'
        : `Thank you for reviewing the draft minutes (draft ${recipient.draftVersion}, sent on ${formatUkDate(recipient.sentOn)}). Each of your ${items.length === 1 ? 'comments' : `${items.length} comments and changes`} is answered below.`,
    ),
  ];
  items.forEach((item, index) => {
    blocks.push(heading(2, `${index + 1}. ${item.section}`));
    blocks.push(paragraph(text(`${itemWords(item)}: `, { bold: true }), text(item.kind === 'comment' ? item.text : `${item.before || '(new paragraph)'} → ${item.after || '(deleted)'}`)));
    blocks.push(paragraph(text('Answer: ', { bold: true }), text(answer(item))));
  });
  blocks.push(plain(`${chair.name}, ${chair.role}, ${chair.council}`));
  return {
    metadata: { title: `Response to ${recipient.organisation}`, author: chair.name, subject: 'Accuracy review of draft minutes', language: 'en-GB' },
    draft: false,
    header: `${input.conferenceTitle} · accuracy review · OFFICIAL-SENSITIVE`,
    footer: `Response to ${recipient.organisation}`,
    blocks,
  };
}

function itemWords(item: ReviewItem): string {
  if (item.kind === 'comment') return `Your comment${item.author ? ` (${item.author})` : ''}`;
  return item.kind === 'tracked-change' ? 'Your tracked change' : 'Your change';
}

function answer(item: ReviewItem): string {
  const d = item.decision;
  if (d === null) return 'Not yet answered.';
  if (d.status === 'declined') return `Not accepted. ${d.reason}`;
  const base = item.kind === 'comment' ? 'Accepted.' : d.applied ? 'Accepted: the minutes now read as you suggested.' : 'Accepted: the chair has made the change by hand.';
  return d.reason ? `${base} ${d.reason}` : base;
}
