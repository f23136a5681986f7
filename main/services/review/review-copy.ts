import type { ConferenceRecord } from '../../../domain/record/conference';
import { childrenOf, meetingValues, textOf } from '../../../domain/record/access';
import { withReviewCover } from '../../../domain/review/cover';
import type { Recipient, SentParagraph } from '../../../domain/review/schemas';
import { safeFileNamePart } from '../../../domain/signoff/file-name';
import { LAYOUTS } from '../../../templates/layouts';
import type { KeyObject } from 'node:crypto';
import { renderDocx } from '../export/docx';
import { signIdentifier } from './identifier';
import { markReviewCopy } from './mark-copy';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReviewCopy {
  fileName: string;
  bytes: Buffer;
  paragraphs: SentParagraph[];
}

/**
 * One agency's review copy: the draft (full minutes or family copy, as the chair chose for this
 * recipient) with a cover page, every paragraph bookmarked, and the signed identifier of
 * conference, draft version and recipient in its custom properties.
 */
export async function buildReviewCopy(
  record: ConferenceRecord,
  recipient: Recipient,
  chair: { privateKey: KeyObject; replyTo: string },
): Promise<ReviewCopy> {
  const model = withReviewCover(LAYOUTS[recipient.document](record, { signature: null }), recipient, chair.replyTo);
  const rendered = await renderDocx(model);
  const identifier = signIdentifier(
    { conferenceId: record.id, draftVersion: recipient.draftVersion, recipientId: recipient.id, document: recipient.document },
    chair.privateKey,
  );
  const marked = markReviewCopy(rendered, identifier, { cover: true });
  const date = textOf(meetingValues(record)['date']);
  const family = safeFileNamePart(textOf(childrenOf(record)[0]?.values['name']).split(/\s+/).at(-1) ?? '');
  const fileName = `${date} ${family} - draft ${recipient.draftVersion} for review - ${safeFileNamePart(recipient.organisation)}.docx`.replace(/\s+/g, ' ');
  return { fileName, bytes: marked.bytes, paragraphs: marked.paragraphs };
}

/** The paragraphs the draft has now, as a review copy of it would number them (to find paragraphs that are gone). */
export async function draftParagraphs(record: ConferenceRecord, document: Recipient['document']): Promise<SentParagraph[]> {
  const rendered = await renderDocx(LAYOUTS[document](record, { signature: null }));
  return markReviewCopy(rendered, { text: '', signature: '' }, { cover: false }).paragraphs;
}
