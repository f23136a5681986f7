import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema } from '../record/conference';
import { RecipientSchema, RecipientStatusSchema, ReturnedCopySchema } from './schemas';

/** What the review screen is shown: everything derived (statuses, due dates) is worked out by the service. */
export const ReviewStateSchema = z.strictObject({
  drafts: z.array(
    z.strictObject({
      version: z.number().int().min(1),
      signedAt: IsoDateTimeSchema,
      signer: z.string(),
      revision: z.number().int(),
      verificationCode: z.string(),
      valid: z.boolean(),
    }),
  ),
  /** The record has changed (accepted corrections) since the latest approved draft. */
  changedSinceDraft: z.boolean(),
  /** Null before the conference has a date. */
  minutesDue: z.strictObject({ dueOn: IsoDateSchema, sentence: z.string(), late: z.boolean() }).nullable(),
  recipients: z.array(RecipientSchema.extend({ status: RecipientStatusSchema, statusLabel: z.string() })),
  returns: z.array(ReturnedCopySchema),
  final: z.strictObject({ ready: z.boolean(), waiting: z.array(z.string()) }),
  /** The final minutes are signed: the review is closed. */
  signed: z.boolean(),
  /** The agencies in the minutes, to fill a recipient's organisation and name. */
  agencies: z.array(z.strictObject({ organisation: z.string(), representative: z.string() })),
  today: IsoDateSchema,
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;
