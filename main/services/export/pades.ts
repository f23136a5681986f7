import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
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
 */

/** Room for the CMS: an RSA-2048 signature with a chain of up to three certificates fits in 8 KB with margin. */
const SIGNATURE_BYTES = 12_288;

export interface PadesDetails {
  /** Shown by readers as the reason for signing, e.g. "Signed minutes, version 2". */
  reason: string;
  /** The signer as the reader shows it (the certificate's subject is shown as well). */
  name: string;
  location: string;
  signedAt: Date;
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
  const signer = new P12Signer(Buffer.from(certificate.p12, 'base64'), { passphrase: certificate.passphrase });
  // A fresh instance: the package's shared default keeps the last signature on itself.
  return new SignPdf().sign(withPlaceholder, signer, details.signedAt);
}
