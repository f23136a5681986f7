import { z } from 'zod';
import { IsoDateTimeSchema } from '../record/conference';

/** What the API says about the chair profile and signed versions (the signing itself is in main/services/signing). */

const ProfileText = z.string().trim().min(1).max(200);

export const ChairProfileInputSchema = z.strictObject({
  name: ProfileText,
  role: ProfileText,
  council: ProfileText,
});
export type ChairProfileInput = z.infer<typeof ChairProfileInputSchema>;

export const ChairProfileSchema = z.strictObject({
  name: z.string(),
  role: z.string(),
  council: z.string(),
  /** A short fingerprint of the public key, for comparing keys; the private key never leaves the store. */
  keyId: z.string(),
  createdAt: IsoDateTimeSchema,
  /** The X.509 certificate signed PDFs carry (pades area): made by the app, or imported from the council. */
  certificate: z
    .strictObject({ source: z.enum(['generated', 'imported']), subject: z.string(), fingerprint: z.string(), notAfter: IsoDateTimeSchema })
    .optional(),
});
export type ChairProfile = z.infer<typeof ChairProfileSchema>;

export const MAX_ADDENDUM_LENGTH = 60_000;

/** A correction after sign-off: kept beside the locked record, never merged into it. */
export const AddendumSchema = z.strictObject({
  /** The signed version it was signed as (2, 3…). */
  version: z.number().int().min(2),
  reason: z.string().min(1).max(2000),
  text: z.string().min(1).max(MAX_ADDENDUM_LENGTH),
  author: z.string().min(1).max(200),
  at: IsoDateTimeSchema,
});
export type Addendum = z.infer<typeof AddendumSchema>;

export const SignedVersionViewSchema = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(['draft', 'minutes', 'addendum']),
  signer: z.strictObject({ name: z.string(), role: z.string(), council: z.string(), keyId: z.string() }),
  signedAt: IsoDateTimeSchema,
  revision: z.number().int().nonnegative(),
  verificationCode: z.string(),
  /** The signature verifies, it chains onto the version before, and what it names is what the store holds. */
  valid: z.boolean(),
  /** Why not, in a plain sentence; null when valid. */
  problem: z.string().nullable(),
  addendum: AddendumSchema.nullable(),
});
export type SignedVersionView = z.infer<typeof SignedVersionViewSchema>;

export const SignaturesSchema = z.strictObject({
  versions: z.array(SignedVersionViewSchema),
  /** Every version valid and in an unbroken chain. */
  intact: z.boolean(),
});
export type Signatures = z.infer<typeof SignaturesSchema>;
