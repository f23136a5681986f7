import { formatUkDate } from '../calendar/dates';
import { label, plain, text, type Block, type DocumentModel } from '../documents/model';
import type { Recipient } from './schemas';

/**
 * The cover page of an agency's review copy: who it is for, by when, and how to comment so that
 * the app can read the comments back. Kept short: agencies read many of these.
 */
export function withReviewCover(model: DocumentModel, recipient: Recipient, replyTo: string): DocumentModel {
  const cover: Block[] = [
    plain('Draft minutes for your accuracy review', 'title'),
    plain(`For ${recipient.name}, ${recipient.organisation}. Sent on ${formatUkDate(recipient.sentOn)}.`),
    {
      kind: 'notice',
      title: `Please reply by ${formatUkDate(recipient.dueOn)}`,
      runs: [text('Comment on the accuracy of what your agency said and did. The decision and the plan are the conference’s and are not changed through this review.')],
    },
    label('How to comment'),
    {
      kind: 'list',
      ordered: true,
      items: [
        [text('Open this file in Word (or LibreOffice) and keep working in this file: do not copy its text into a new document. The app recognises this copy when it comes back.')],
        [text('To correct wording, turn on '), text('Track Changes', { bold: true }), text(' (Review → Track Changes) and type the correction.')],
        [text('To question something or add context, select the words and add a '), text('comment', { bold: true }), text(' (Review → New Comment).')],
        [text(`Save the file and send it back by secure email to ${replyTo}. If you have no comments, reply to say so.`)],
      ],
    },
    { kind: 'pageBreak' },
  ];
  return { ...model, header: `${model.header} · review copy for ${recipient.organisation}`, blocks: [...cover, ...model.blocks] };
}
