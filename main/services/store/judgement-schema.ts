import { z } from 'zod';
import { JudgementRatingSchema } from '../../../domain/audit/types';
import { SignerSchema } from '../signing/signed-version';
import { canonicalHash } from './canonical';

/** How a manager's judgement is kept in a conference's document (see judgements.ts). */

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const JudgementStatementSchema = z.strictObject({
  format: z.literal(1),
  conferenceId: z.uuid(),
  number: z.number().int().min(1),
  childId: z.uuid(),
  rating: JudgementRatingSchema,
  comment: z.string(),
  actionForChair: z.string(),
  author: z.string().min(1).max(500),
  at: z.iso.datetime({ offset: true }),
  /** The record this judgement was made on: a later change to it does not carry the judgement over silently. */
  recordHash: Sha256Hex,
  previousHash: Sha256Hex.nullable(),
});
export type JudgementStatement = z.infer<typeof JudgementStatementSchema>;

export const StoredJudgementSchema = z.strictObject({
  statement: JudgementStatementSchema,
  signer: SignerSchema.nullable(),
  /** Ed25519 over the statement's canonical JSON, base64; null when recorded without a key. */
  signature: z.string().min(1).max(200).nullable(),
});
export type StoredJudgement = z.infer<typeof StoredJudgementSchema>;

export function judgementHash(judgement: StoredJudgement): string {
  return canonicalHash(judgement);
}
