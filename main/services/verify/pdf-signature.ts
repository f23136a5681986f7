import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * Checks the PDF signature (PAdES / PKCS#7 detached) of a PDF this app signed, the way a PDF
 * reader does: the /ByteRange must cover the whole file except the signature's own hex, the
 * CMS's message digest must equal the SHA-256 of those bytes, and the signature over the
 * signed attributes must check with the certificate it names. forge parses the ASN.1 (it has
 * no CMS verification of its own); node:crypto checks the certificate and the RSA signature.
 *
 * Written for the files the app writes (one signature, plain cross-reference tables), and
 * defensive about everything else: any malformed input is an answer, never an exception.
 */

export type PdfSignatureCheck =
  | { kind: 'unsigned' }
  /** A signature whose covered bytes are not the file as it is: edited, cut short or added to. */
  | { kind: 'altered'; reason: 'digest' | 'truncated' | 'appended' | 'range' }
  /** A signature that is not well-formed or does not check with its own certificate. */
  | { kind: 'bad'; reason: string }
  | { kind: 'ok'; fingerprint: string; subject: string; signedBytes: Buffer };

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;
const HASHES: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

export function checkPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const at = pdf.indexOf('/ByteRange');
  if (at === -1) return { kind: 'unsigned' };
  const match = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(pdf.subarray(at, at + 120).toString('latin1'));
  if (!match) return { kind: 'bad', reason: 'The signature’s byte range cannot be read.' };
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b + 2 || d < 0) return { kind: 'altered', reason: 'range' };
  if (c + d > pdf.length || b > pdf.length) return { kind: 'altered', reason: 'truncated' };
  if (c + d < pdf.length) return { kind: 'altered', reason: 'appended' };
  const hex = pdf.subarray(b, c).toString('latin1');
  if (!/^<[0-9A-Fa-f]*>$/.test(hex)) return { kind: 'altered', reason: 'range' };
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  // The hex is padded with zeros to the placeholder's size; the DER parser stops at the CMS's own end.
  const cms = Buffer.from(hex.slice(1, -1), 'hex');
  try {
    return checkCms(cms, signedBytes);
  } catch {
    return { kind: 'bad', reason: 'The signature is not in a form that can be checked.' };
  }
}

type Asn1 = forge.asn1.Asn1;

function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? (node.value as Asn1[]) : [];
}

function bytesOf(node: Asn1 | undefined): Buffer {
  return node && typeof node.value === 'string' ? Buffer.from(node.value, 'binary') : Buffer.alloc(0);
}

function oidOf(node: Asn1 | undefined): string {
  return node && typeof node.value === 'string' && node.type === forge.asn1.Type.OID ? forge.asn1.derToOid(node.value) : '';
}

function checkCms(cms: Buffer, signedBytes: Buffer): PdfSignatureCheck {
  const { Class, Type } = forge.asn1;
  const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(cms.toString('binary')), { strict: false, parseAllBytes: false } as unknown as boolean);
  const signedData = children(children(contentInfo)[1])[0];
  const parts = children(signedData);
  const certificates = children(parts.find((p) => p.tagClass === Class.CONTEXT_SPECIFIC && p.type === 0)).map(
    (cert) => new X509Certificate(Buffer.from(forge.asn1.toDer(cert).getBytes(), 'binary')),
  );
  const signerInfos = children(parts.findLast((p) => p.tagClass === Class.UNIVERSAL && p.type === Type.SET));
  if (signerInfos.length !== 1) return { kind: 'bad', reason: 'The file does not carry exactly one signer.' };
  const info = children(signerInfos[0]);
  const serial = bytesOf(children(info[1])[1]).toString('hex').replace(/^(00)+/, '').toUpperCase();
  const hash = HASHES[oidOf(children(info[2])[0])];
  const attributes = info.find((p) => p.tagClass === Class.CONTEXT_SPECIFIC && p.type === 0);
  const signature = bytesOf(info.at(-1));
  if (!hash || !attributes || signature.length === 0) return { kind: 'bad', reason: 'The signature lacks the parts a document signature has.' };

  const digestAttribute = children(attributes).find((attr) => oidOf(children(attr)[0]) === OID.messageDigest);
  const claimed = bytesOf(children(children(digestAttribute)[1])[0]);
  if (!claimed.equals(createHash(hash).update(signedBytes).digest())) return { kind: 'altered', reason: 'digest' };

  const signer = certificates.find((cert) => cert.serialNumber.replace(/^(00)+/, '').toUpperCase() === serial);
  if (!signer) return { kind: 'bad', reason: 'The signature does not include the signer’s certificate.' };
  // What is signed is the attributes as a DER SET (tag 0x31), not as the [0] they are stored under (RFC 5652 §5.4).
  const asSet = forge.asn1.create(Class.UNIVERSAL, Type.SET, true, children(attributes));
  const signedAttributes = Buffer.from(forge.asn1.toDer(asSet).getBytes(), 'binary');
  let good = false;
  try {
    good = verify(hash, signedAttributes, signer.publicKey, signature);
  } catch {
    good = false;
  }
  if (!good) return { kind: 'bad', reason: 'The signature does not check with the certificate it names.' };
  return { kind: 'ok', fingerprint: createHash('sha256').update(signer.raw).digest('hex'), subject: readableSubject(signer.subject), signedBytes };
}

/** "CN=Helen Marsh\nO=Carrowby…" → "Helen Marsh, Carrowby…": the names a reader shows. */
function readableSubject(subject: string): string {
  const fields = Object.fromEntries(
    subject
      .split('\n')
      .map((line) => /^([^=]+)=(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  return [fields['CN'], fields['title'], fields['O']].filter(Boolean).join(', ') || 'an unnamed certificate';
}
