import { z } from 'zod';
import { AddendumSchema } from '../../../domain/signoff/schemas';
import { SignedVersionSchema } from './signed-version';

/** The signed versions of one conference and the addenda's text, as its document stores them. */
export const SignedBlockSchema = z.strictObject({
  versions: z.array(SignedVersionSchema).min(1),
  addenda: z.array(AddendumSchema),
});
export type SignedBlock = z.infer<typeof SignedBlockSchema>;
