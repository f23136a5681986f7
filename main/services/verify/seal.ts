import { z } from 'zod';
import { EXPORT_DOCUMENTS } from '../../../domain/signoff/file-name';
import { SignedVersionSchema, type SignedVersion } from '../signing/signed-version';
import { canonicalJson } from '../store/canonical';

/**
 * The identity a signed export carries: which document it is and the signed version it was
 * made from — that version's statement (conference, version number, record hash, previous
 * hash, signer and key) and its Ed25519 signature, exactly as the store holds them. With it,
 * a file can be matched to "version N of conference X" by any store, or shown to be newer than
 * what a (rolled-back) store holds. It names no family member: only ids, hashes and the chair.
 *
 * In a PDF it is a custom entry of the document information, inside the PAdES-signed bytes; in
 * a Word file, a custom document property (File → Properties → Custom), which Word keeps when it
 * saves. It is written as base64url of canonical JSON, so it never needs escaping in either.
 */

export const SEAL_PROPERTY = 'ConferenceRecorderSeal';

export const DocumentSealSchema = z.strictObject({
  format: z.literal(1),
  document: z.enum(EXPORT_DOCUMENTS),
  version: SignedVersionSchema,
});
export type DocumentSeal = z.infer<typeof DocumentSealSchema>;

/** More than any real seal (about 1 KB): a longer value is not ours and is not parsed. */
const MAX_SEAL_CHARACTERS = 16_000;

export function encodeSeal(document: DocumentSeal['document'], version: SignedVersion): string {
  return Buffer.from(canonicalJson(DocumentSealSchema.parse({ format: 1, document, version })), 'utf8').toString('base64url');
}

/** The seal, or null for anything that is not a well-formed one (never throws). */
export function decodeSeal(value: string): DocumentSeal | null {
  if (value.length === 0 || value.length > MAX_SEAL_CHARACTERS || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed = DocumentSealSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
