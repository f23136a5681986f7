import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { APP_NAME, type PdfCertificate } from '../signing/pdf-certificate';

/**
 * Adds a standard PDF signature to a finished PDF: an incremental update holding a signature
 * field whose /ByteRange covers every byte of the file except the signature itself, and a
 * detached CMS (PKCS#7) signature over those bytes with the chair's certificate. PDF readers
 * show the file as signed, and as changed since signing if one byte in the range is altered.
 * The sub-filter is ETSI.CAdES.detached, the one PAdES names. (forge writes the CMS without the
 * ESS signing-certificate-v2 attribute that strict PAdES-B validators look for; readers such as
 * Acrobat and poppler's pdfsig check the signature without it.)
 *
 * The signature is invisible (no widget on a page), so the layout is exactly pdfmake's; the
 * signer, time and code are already printed in every page's footer.
 *
 * Speed: @signpdf/signer-p12 opens the PKCS#12 with forge (PBKDF2 in JavaScript) and signs
 * with forge's JavaScript RSA on every export — 250 ms and more on a busy machine. Here the
 * bundle is opened once per unlocked session and the RSA operation is node:crypto's; forge
 * still writes the CMS structure. The opened keys are dropped when the store locks
 * (forgetPdfSigningKeys, called from forgetExportCaches).
 */

/** Room for the CMS: an RSA-2048 signature with a chain of up to three certificates fits in 8 KB with margin. */
const SIGNATURE_BYTES = 12_288;

export interface PadesDetails {
  /** Shown by readers as the reason for signing, e.g. "Signed full minutes, version 2". */
  reason: string;
  /** The signer as the reader shows it (the certificate's subject is shown as well). */
  name: string;
  location: string;
  signedAt: Date;
}

interface OpenedCertificate {
  key: KeyObject;
  chain: forge.pki.Certificate[];
}

const opened = new Map<string, OpenedCertificate>();

export function forgetPdfSigningKeys(): void {
  opened.clear();
}

function open(certificate: PdfCertificate): OpenedCertificate {
  const known = opened.get(certificate.fingerprint);
  if (known) return known;
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(certificate.p12, 'base64').toString('binary')), false, certificate.passphrase);
  const keyBag = p12.getBags({ bagType: forge.pki.oids['pkcs8ShroudedKeyBag']! })[forge.pki.oids['pkcs8ShroudedKeyBag']!]?.[0];
  const chain = (p12.getBags({ bagType: forge.pki.oids['certBag']! })[forge.pki.oids['certBag']!] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  if (!keyBag?.key || chain.length === 0) throw new TypeError('The stored certificate bundle is incomplete.');
  // The chair's own certificate is first: pdf-certificate.ts seals it so.
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key as forge.pki.rsa.PrivateKey));
  const entry = { key, chain };
  opened.set(certificate.fingerprint, entry);
  return entry;
}

/** DER prefix of a DigestInfo for SHA-256 (RFC 8017 §9.2 note 1): what RSASSA-PKCS1-v1_5 signs, before the hash. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

class CertificateSigner extends Signer {
  constructor(private readonly certificate: OpenedCertificate) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { key, chain } = this.certificate;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of chain) p7.addCertificate(cert);
    // forge calls only key.sign(digest) (pkcs7.js); the RSA operation itself is node:crypto's.
    const nodeKey = {
      sign: (md: forge.md.MessageDigest) =>
        privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')])).toString('binary'),
    };
    p7.addSigner({
      key: nodeKey as unknown as forge.pki.rsa.PrivateKey,
      certificate: chain[0]!,
      digestAlgorithm: forge.pki.oids['sha256']!,
      // The order @signpdf/signer-p12 uses, which EU validators expect.
      authenticatedAttributes: [
        { type: forge.pki.oids['contentType']!, value: forge.pki.oids['data']! },
        { type: forge.pki.oids['signingTime']!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids['messageDigest']! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

export async function signPdfFile(pdf: Buffer, certificate: PdfCertificate, details: PadesDetails): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: details.reason,
    contactInfo: '',
    name: details.name,
    location: details.location,
    signingTime: details.signedAt,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    // Written as a PDF name, which cannot hold a space.
    appName: APP_NAME.replace(/\s+/g, ''),
  });
  // A fresh instance: the package's shared default keeps the last signature on itself.
  return new SignPdf().sign(withPlaceholder, new CertificateSigner(open(certificate)), details.signedAt);
}
