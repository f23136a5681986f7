import { sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { EXPORT_DOCUMENTS } from '../../../domain/signoff/file-name';
import { publicKeyFrom } from '../signing/chair-key';
import { SignedVersionSchema, versionHash, type SignedVersion } from '../signing/signed-version';
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

/**
 * For a Word file: the SHA-256 of its body's text as exported (docx-content.ts), signed with
 * the chair's Ed25519 key when the file was made. Verification compares a Word file's text with
 * the store's version laid out again; this lets a file laid out by an earlier version of the
 * app (whose layout has since changed) still be recognised, and a changed text still caught.
 */
const ContentSealSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Base64 SPKI of the Ed25519 key that signed it. */
  publicKey: z.string().min(1).max(200),
  signature: z.string().min(1).max(200),
});

export const DocumentSealSchema = z.strictObject({
  format: z.literal(1),
  document: z.enum(EXPORT_DOCUMENTS),
  version: SignedVersionSchema,
  content: ContentSealSchema.optional(),
});
export type DocumentSeal = z.infer<typeof DocumentSealSchema>;

/** What the content signature covers: which version and document, and the text's hash. */
function contentStatement(document: DocumentSeal['document'], version: SignedVersion, sha256: string): Buffer {
  return Buffer.from(canonicalJson({ purpose: 'conference-recorder/docx-text', document, versionHash: versionHash(version), sha256 }), 'utf8');
}

export function sealContent(document: DocumentSeal['document'], version: SignedVersion, sha256: string, key: { publicKey: string; privateKey: KeyObject }): NonNullable<DocumentSeal['content']> {
  return { sha256, publicKey: key.publicKey, signature: sign(null, contentStatement(document, version, sha256), key.privateKey).toString('base64') };
}

/** The content signature checks with the key it names (whether that key is known is the caller's question). */
export function contentSealChecks(seal: DocumentSeal): boolean {
  if (!seal.content) return false;
  try {
    return verify(null, contentStatement(seal.document, seal.version, seal.content.sha256), publicKeyFrom(seal.content.publicKey), Buffer.from(seal.content.signature, 'base64'));
  } catch {
    return false;
  }
}

/** More than any real seal (about 1 KB): a longer value is not ours and is not parsed. */
const MAX_SEAL_CHARACTERS = 16_000;

export function encodeSeal(document: DocumentSeal['document'], version: SignedVersion, content?: DocumentSeal['content']): string {
  return Buffer.from(canonicalJson(DocumentSealSchema.parse({ format: 1, document, version, ...(content ? { content } : {}) })), 'utf8').toString('base64url');
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
