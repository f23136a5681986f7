import { z } from 'zod';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import type { CertificateSubject, PdfCertificate } from './pdf-certificate';

/**
 * How a sealed profile holds its PDF-signing certificate, shared by the local chair profile
 * (chair-profile-store.ts) and a team member's sealed profile row (team/pg-store.ts), so both
 * follow the same rules: a generated certificate follows the profile's name, role and council;
 * an imported one is kept as issued; every certificate replaced stays known, so PDFs signed
 * with it still verify. node-forge is loaded only when a certificate is made or imported.
 */

const certificates = () => import('./pdf-certificate');

export const PdfCertificateSchema = z.strictObject({
  p12: z.string().min(1).max(400_000),
  passphrase: z.string().min(1).max(200),
  source: z.enum(['generated', 'imported']),
  subject: z.string().max(2000),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  notAfter: z.iso.datetime({ offset: true }),
});

export const KnownCertificateSchema = z.strictObject({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/), subject: z.string().max(2000) });
export type KnownCertificate = z.infer<typeof KnownCertificateSchema>;
export const EarlierCertificatesSchema = z.array(KnownCertificateSchema).max(1000);

export interface CertificateHolding {
  pdfCertificate?: PdfCertificate | undefined;
  earlierCertificates?: KnownCertificate[] | undefined;
}

/** The certificates a profile should hold after it is saved as `input` (one made on first save, or after a rename of a generated one). */
export async function certificatesForProfile(existing: (CertificateHolding & CertificateSubject) | null, input: CertificateSubject, now: Date): Promise<CertificateHolding> {
  const renamed = existing !== null && (existing.name !== input.name || existing.role !== input.role || existing.council !== input.council);
  let pdfCertificate = existing?.pdfCertificate;
  let earlierCertificates = existing?.earlierCertificates ?? [];
  // A generated certificate names the chair, so it follows the profile; a council's imported one is kept as issued.
  if (pdfCertificate === undefined || (renamed && pdfCertificate.source === 'generated')) {
    if (pdfCertificate) earlierCertificates = [...earlierCertificates, { fingerprint: pdfCertificate.fingerprint, subject: pdfCertificate.subject }];
    pdfCertificate = (await certificates()).generatePdfCertificate(input, now);
  }
  return { pdfCertificate, ...(earlierCertificates.length > 0 ? { earlierCertificates } : {}) };
}

/** A council PKCS#12 opened (refused in plain words, nothing changed, if it cannot be) and put in place of the current certificate. */
export async function withImportedCertificate(file: CertificateHolding, p12: Buffer, password: string, now: Date): Promise<Required<CertificateHolding>> {
  const imported = (await certificates()).importPdfCertificate(p12, password, now);
  const earlier = file.pdfCertificate ? [...(file.earlierCertificates ?? []), { fingerprint: file.pdfCertificate.fingerprint, subject: file.pdfCertificate.subject }] : (file.earlierCertificates ?? []);
  return { pdfCertificate: imported, earlierCertificates: earlier.filter((c) => c.fingerprint !== imported.fingerprint) };
}

/** A certificate for a profile saved before certificates existed. */
export async function generateFor(subject: CertificateSubject, now: Date): Promise<PdfCertificate> {
  return (await certificates()).generatePdfCertificate(subject, now);
}

/** Every certificate (fingerprint → subject) the holder has signed PDFs with, now or before. */
export function knownCertificatesOf(file: CertificateHolding | null): KnownCertificate[] {
  const known = [...(file?.earlierCertificates ?? [])];
  if (file?.pdfCertificate) known.push({ fingerprint: file.pdfCertificate.fingerprint, subject: file.pdfCertificate.subject });
  return known;
}

/** What the profile screen shows of the certificate: never the key or its passphrase. */
export function certificateView(cert: PdfCertificate | undefined): Pick<ChairProfile, 'certificate'> {
  return cert ? { certificate: { source: cert.source, subject: cert.subject, fingerprint: cert.fingerprint.slice(0, 16), notAfter: cert.notAfter } } : {};
}
