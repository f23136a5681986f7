import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../record/conference';

/**
 * The accuracy review of draft minutes, as the conference's document stores it (beside the
 * record, encrypted with it) and as the API shows it. Agencies review in Word, so what comes
 * back is a list of comments and changes, each tied to a paragraph of the copy they were sent;
 * the chair decides each one. Nothing here reaches the record until the chair accepts.
 */

/** Which document an agency reviews: the family copy leaves restricted information out. */
export const REVIEW_DOCUMENTS = ['full-minutes', 'family-copy'] as const;
export const ReviewDocumentSchema = z.enum(REVIEW_DOCUMENTS);
export type ReviewDocument = z.infer<typeof ReviewDocumentSchema>;

const Name = z.string().trim().min(1).max(200);

export const RecipientInputSchema = z.strictObject({
  name: Name,
  organisation: Name,
  /** A secure address (e.g. a .gov.uk or .nhs.net mailbox), recorded for the log; the app sends nothing. */
  email: z.email().max(320),
  document: ReviewDocumentSchema,
  /** The day the copy was sent. */
  sentOn: IsoDateSchema,
});
export type RecipientInput = z.infer<typeof RecipientInputSchema>;

export const RecipientSchema = RecipientInputSchema.extend({
  id: IdSchema,
  /** The approved draft this recipient was sent. */
  draftVersion: z.number().int().min(1),
  /** Comments are due by this day (working days after sentOn, from the local settings when sent). */
  dueOn: IsoDateSchema,
  /** The chair recorded that the agency replied with no comments. */
  noCommentsOn: IsoDateSchema.nullable(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/** A paragraph of a review copy: its id in the file (the Word bookmark), its section, its words as sent. */
export const SentParagraphSchema = z.strictObject({
  id: z.string().regex(/^s\d+_p\d+$/),
  section: z.string().max(500),
  text: z.string().max(100_000),
});
export type SentParagraph = z.infer<typeof SentParagraphSchema>;

/** What one approved draft looked like in one document: kept to find edits made without tracked changes. */
export const SentCopySchema = z.strictObject({
  draftVersion: z.number().int().min(1),
  document: ReviewDocumentSchema,
  paragraphs: z.array(SentParagraphSchema),
});
export type SentCopy = z.infer<typeof SentCopySchema>;

export const ReviewItemKindSchema = z.enum(['comment', 'tracked-change', 'untracked-edit']);
export type ReviewItemKind = z.infer<typeof ReviewItemKindSchema>;

export const DecisionSchema = z.strictObject({
  status: z.enum(['accepted', 'declined']),
  /** Why, for a decline (required) or an accepted comment (optional); quoted in the letter to the agency. */
  reason: z.string().max(2000),
  at: IsoDateTimeSchema,
  /** An accepted change that was written into the draft (false: accepted as noted, or applied by hand). */
  applied: z.boolean(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const ReviewItemSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: ReviewItemKindSchema,
  /** As Word recorded it (w:author); for an untracked edit, the recipient. */
  author: z.string().max(500),
  /** As Word recorded it (w:date), when it did. */
  date: z.string().max(40).nullable(),
  /** The paragraph it sits on, or null when that paragraph was not in the copy sent. */
  paragraphId: z.string().max(40).nullable(),
  /** The section heading, as the reader saw it. */
  section: z.string().max(500),
  /** The paragraph as sent (empty for a paragraph the agency added). */
  before: z.string().max(100_000),
  /** The paragraph as the agency would have it (same as before for a comment). */
  after: z.string().max(100_000),
  /** A comment's own words; for a change, what was inserted and deleted, said briefly. */
  text: z.string().max(100_000),
  /** Why it cannot be placed on the draft, in a plain sentence (e.g. a paragraph no longer there); null when it can. */
  placement: z.string().max(1000).nullable(),
  decision: DecisionSchema.nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export const ReturnedCopySchema = z.strictObject({
  id: IdSchema,
  recipientId: IdSchema,
  /** SHA-256 of the file as received: the same file imported twice is recognised. */
  fileHash: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: IsoDateTimeSchema,
  /**
   * 'verified': the signed identifier names this conference, draft and recipient.
   * 'unknown': the identifier was removed; comments are shown, nothing is applied without the chair's confirmation.
   */
  identifier: z.enum(['verified', 'unknown']),
  items: z.array(ReviewItemSchema).max(5000),
});
export type ReturnedCopy = z.infer<typeof ReturnedCopySchema>;

/** Derived, never stored: what the circulation view shows for each recipient. */
export const RecipientStatusSchema = z.enum(['sent', 'no-comments', 'comments-received', 'answered', 'overdue', 'superseded']);
export type RecipientStatus = z.infer<typeof RecipientStatusSchema>;

export const ReviewCopyFileSchema = z.strictObject({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
