import { z } from 'zod';
import { RecipientSchema, ReturnedCopySchema, SentCopySchema } from '../../../domain/review/schemas';
import { SignedVersionSchema } from '../signing/signed-version';

/**
 * The accuracy review as the conference's document stores it, beside the record and its signed
 * versions (conference-file.ts): so it is encrypted with the record, written atomically with it,
 * and every change to it is a commit with its own history entry.
 *
 * `drafts` are the chair's approvals of the draft: signed statements of kind 'draft', chained
 * 1, 2, 3… like the final versions, but kept OUT of the `signed` block, because a signed draft
 * must not lock the record — accepted corrections are written into it afterwards. The final
 * signature is the ordinary sign-off (sign-off.ts), which locks it.
 */
export const ReviewBlockSchema = z.strictObject({
  drafts: z.array(SignedVersionSchema),
  recipients: z.array(RecipientSchema).max(200),
  copies: z.array(SentCopySchema).max(400),
  returns: z.array(ReturnedCopySchema).max(2000),
});
export type ReviewBlock = z.infer<typeof ReviewBlockSchema>;

export const EMPTY_REVIEW: ReviewBlock = { drafts: [], recipients: [], copies: [], returns: [] };
