import type { Block, DocumentModel } from '../../domain/documents/model';
import { paragraphsOf, plain, text } from '../../domain/documents/model';
import { redactRestricted } from '../../domain/documents/redact';
import { CHILD_LETTER_FIELD, CHILD_LETTER_SECTION, childLetter } from '../../domain/letters/child-letters';
import { meetingValues, textOf } from '../../domain/record/access';
import type { ConferenceRecord } from '../../domain/record/conference';
import { conferenceDate, documentDate, documentOf, type LayoutOptions, withRecordRestrictions } from './common';

/**
 * The chair's letter to one child, in large print: the child's name as its title, the
 * chair's own words exactly as typed, and the chair's name. Nothing else from the record is
 * read, so nothing restricted can reach it; and if the chair has marked the letter itself
 * restricted (a letter meant only for the file), it is not laid out at all.
 *
 * The words added are fixed and few, written for a child: the title, the sign-off line and,
 * on a draft, a plain note that it is not finished. No decision, category or rationale is
 * copied in: how much of that a child should read is the chair's judgement, in the letter.
 */

export const CHILD_LETTER = 'Letter to a child';

export class NoChildLetter extends Error {
  override readonly name = 'NoChildLetter';
}

export function childLetterDocument(record: ConferenceRecord, childId: string, given: LayoutOptions = {}): DocumentModel {
  const options = withRecordRestrictions(record, given);
  const letter = childLetter(record, childId);
  if (letter === null) throw new NoChildLetter('There is no letter to this child.');
  if (options.isRestricted?.({ sectionId: CHILD_LETTER_SECTION, fieldId: CHILD_LETTER_FIELD, childId })) {
    throw new NoChildLetter('This letter is marked restricted, so it is not exported.');
  }
  const signature = options.signature ?? null;
  const chair = signature?.signer ?? (textOf(meetingValues(record)['chair']).trim() || 'The chair of your meeting');
  const date = conferenceDate(record);
  const blocks: Block[] = [{ kind: 'paragraph', style: 'title', runs: [text(`A letter for ${letter.firstName}`)] }];
  if (!signature) {
    blocks.push({ kind: 'notice', title: 'Draft', runs: [text('This letter is not finished yet. Please do not give it to the child.')] });
  }
  blocks.push(...paragraphsOf(letter.text), plain('From'), { kind: 'paragraph', runs: [text(chair, { bold: true })] }, plain('The chair of the meeting about you'));
  if (date) blocks.push(plain(`The meeting was on ${documentDate(date)}.`));
  const model = documentOf({
    record,
    options,
    documentName: `Letter to ${letter.firstName}`,
    subject: `The chair's letter to ${letter.childName} about the child protection conference`,
    // The letter holds no restricted blocks; redacting anyway means a future edit that adds one cannot leak it.
    blocks: redactRestricted(blocks).blocks,
  });
  return { ...model, print: 'large' };
}
