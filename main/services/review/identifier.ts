import { sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyFrom } from '../signing/chair-key';
import type { ReviewDocument } from '../../../domain/review/schemas';

/**
 * The signed identifier a review copy carries: which conference, which approved draft, which
 * recipient and which document. It travels as two custom document properties (File → Info →
 * Properties in Word), because Word and LibreOffice both keep custom properties when they save,
 * and Word shows at most 255 characters of one: so the identifier and its Ed25519 signature
 * (over the identifier's exact text, with the chair's key) are each a property of their own.
 */

export const ID_PROPERTY = 'ConferenceRecorderReviewCopy';
export const SIGNATURE_PROPERTY = 'ConferenceRecorderReviewSignature';

export interface CopyIdentifier {
  conferenceId: string;
  draftVersion: number;
  recipientId: string;
  document: ReviewDocument;
}

const PREFIX = 'cpc-review-1';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATTERN = new RegExp(`^${PREFIX}:(${UUID}):(\\d{1,6}):(${UUID}):(full-minutes|family-copy)$`);

export function identifierText(id: CopyIdentifier): string {
  return `${PREFIX}:${id.conferenceId}:${id.draftVersion}:${id.recipientId}:${id.document}`;
}

export function parseIdentifier(text: string): CopyIdentifier | null {
  const match = PATTERN.exec(text.trim());
  if (match === null) return null;
  return { conferenceId: match[1]!, draftVersion: Number(match[2]), recipientId: match[3]!, document: match[4] as ReviewDocument };
}

export function signIdentifier(id: CopyIdentifier, privateKey: KeyObject): { text: string; signature: string } {
  const text = identifierText(id);
  return { text, signature: sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64url') };
}

/** True when `signature` is the chair's (the key that signed the draft) over exactly `text`. */
export function identifierSignatureValid(text: string, signature: string, publicKeyBase64: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKeyFrom(publicKeyBase64), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
