import { z } from 'zod';

/**
 * What checking an exported file says (files.verify, the "Check a signed file" screen and the
 * command line's `verify`). One verdict, one sentence a records officer can act on, and the
 * facts behind it. The verdicts:
 *
 * - valid: the file is signed version N of conference X exactly as this store holds it;
 * - altered: it claims to be a signed version, but its content is not what was signed;
 * - unknown: signed by someone this store does not know, a signature that does not check, or a
 *   conference this store does not hold;
 * - newer: a signed version this store does not have, of a conference it holds at an older
 *   version — how a store put back from an older copy shows itself;
 * - not-a-document: not a signed export of this app at all (another file, a draft, empty, damaged).
 */

export const FILE_VERDICTS = ['valid', 'altered', 'unknown', 'newer', 'not-a-document'] as const;
export type FileVerdict = (typeof FILE_VERDICTS)[number];

/** A file travels as base64 inside a JSON request; the browser shell takes bodies up to 16 MB. */
export const MAX_VERIFY_FILE_BYTES = 12 * 1024 * 1024;

export const FileVerificationSchema = z.strictObject({
  verdict: z.enum(FILE_VERDICTS),
  /** The answer in one plain sentence. */
  summary: z.string(),
  /** What was checked and found, one sentence each. */
  details: z.array(z.string()),
  format: z.enum(['pdf', 'docx', 'other']),
  conferenceId: z.string().nullable(),
  version: z.number().int().nullable(),
  /** The latest signed version this store holds of that conference, when it holds it. */
  latestVersion: z.number().int().nullable(),
});
export type FileVerification = z.infer<typeof FileVerificationSchema>;
