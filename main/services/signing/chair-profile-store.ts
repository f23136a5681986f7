import { Low } from 'lowdb';
import { z } from 'zod';
import type { KeyObject } from 'node:crypto';
import type { StoreProblem } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import type { ChairProfile, ChairProfileInput } from '../../../domain/signoff/schemas';
import { moveAside } from '../store/atomic-file';
import { EncryptedJsonAdapter, UnreadableFileError } from '../store/encrypted-adapter';
import type { DataKey } from '../store/key';
import { roles, type StorePaths } from '../store/paths';
import { generateChairKey, keyIdOf, privateKeyFrom } from './chair-key';
import type { PdfCertificate } from './pdf-certificate';
import { certificatesForProfile, certificateView, EarlierCertificatesSchema, generateFor, knownCertificatesOf, PdfCertificateSchema, withImportedCertificate } from './certificate-holding';

import type { Signer } from './signed-version';

/**
 * The chair's profile and signing key, in `chair-profile.enc`: sealed under the data key with
 * its own role, like settings.enc, so the private key is never on disk in the clear and the
 * file cannot be swapped for another store file. The key is made the first time the profile is
 * saved and kept when the name, role or council change later: versions signed before a change
 * still verify, because each carries the public key it was signed with.
 */

const ProfileFileSchema = z.strictObject({
  format: z.literal(1),
  name: z.string().min(1).max(200),
  role: z.string().min(1).max(200),
  council: z.string().min(1).max(200),
  createdAt: z.iso.datetime({ offset: true }),
  publicKey: z.string().min(1).max(200),
  /** PKCS#8 DER, base64: readable only inside this encrypted file. */
  privateKey: z.string().min(1).max(400),
  /** The X.509 certificate and key for PDF signatures (pdf-certificate.ts); made on first need in files from before it existed. */
  pdfCertificate: PdfCertificateSchema.optional(),
  /** Certificates this profile signed PDFs with before the current one: PDFs signed with them still verify as this store's. */
  earlierCertificates: EarlierCertificatesSchema.optional(),
});
type ProfileFile = z.infer<typeof ProfileFileSchema>;

export class ChairProfileStore {
  #unreadable = false;
  readonly #db: Low<ProfileFile | null>;

  constructor(
    private readonly paths: StorePaths,
    key: DataKey,
    private readonly now: () => Date,
  ) {
    this.#db = new Low<ProfileFile | null>(new EncryptedJsonAdapter(paths.chairProfile, key, roles.chairProfile, ProfileFileSchema), null);
  }

  async load(): Promise<StoreProblem[]> {
    try {
      await this.#db.read();
      return [];
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      this.#unreadable = true;
      return [
        {
          conferenceId: null,
          kind: 'corrupt',
          message:
            'The chair profile could not be read: its file is damaged or has been altered. It has been kept as it is; enter your name, role and council again under Settings to sign with a new key.',
        },
      ];
    }
  }

  get(): ChairProfile | null {
    const file = this.#db.data;
    if (file === null) return null;
    return {
      name: file.name,
      role: file.role,
      council: file.council,
      keyId: keyIdOf(Buffer.from(file.publicKey, 'base64')),
      createdAt: file.createdAt,
      ...certificateView(file.pdfCertificate),
    };
  }

  async set(input: ChairProfileInput): Promise<ChairProfile> {
    if (this.#unreadable) {
      // Never overwrite what could not be read: the damaged file (and the old key in it) is kept beside.
      await moveAside(this.paths.chairProfile, this.now());
      await this.#db.read();
      this.#unreadable = false;
    }
    const existing = this.#db.data;
    let keys: Pick<ProfileFile, 'publicKey' | 'privateKey' | 'createdAt'>;
    if (existing === null) {
      const pair = generateChairKey();
      keys = { publicKey: pair.publicKey, privateKey: pair.privateKeyPkcs8.toString('base64'), createdAt: this.now().toISOString() };
      pair.privateKeyPkcs8.fill(0);
    } else {
      keys = { publicKey: existing.publicKey, privateKey: existing.privateKey, createdAt: existing.createdAt };
    }
    // node-forge is loaded on first need (a profile saved, a certificate imported): the store itself never needs it.
    const { pdfCertificate, earlierCertificates } = await certificatesForProfile(existing, input, this.now());
    this.#db.data = {
      format: 1,
      name: input.name,
      role: input.role,
      council: input.council,
      ...keys,
      pdfCertificate,
      ...(earlierCertificates ? { earlierCertificates } : {}),
    };
    await this.#db.write();
    const profile = this.get();
    if (profile === null) throw new Error('The profile was not kept.');
    return profile;
  }

  /**
   * Replaces the PDF certificate with a council-issued PKCS#12. The file and password are
   * checked before anything is written (importPdfCertificate refuses with a plain sentence),
   * and the certificate it replaces stays known, so PDFs signed with it still verify.
   */
  async importSigningCertificate(p12: Buffer, password: string): Promise<ChairProfile> {
    const file = this.#requireProfile('Before importing a certificate, enter your name, role and council under Settings → Chair profile. Nothing has been changed.');
    this.#db.data = { ...file, ...(await withImportedCertificate(file, p12, password, this.now())) };
    await this.#db.write();
    const profile = this.get();
    if (profile === null) throw new Error('The profile was not kept.');
    return profile;
  }

  /** The certificate signed PDFs carry; a profile saved before certificates existed gets one now. */
  async pdfCertificate(): Promise<PdfCertificate> {
    const file = this.#requireProfile('Before exporting signed minutes, enter your name, role and council under Settings → Chair profile. Nothing has been exported.');
    if (file.pdfCertificate) return file.pdfCertificate;
    const made = await generateFor(file, this.now());
    this.#db.data = { ...file, pdfCertificate: made };
    await this.#db.write();
    return made;
  }

  /** Fingerprints (SHA-256 hex) of every certificate this profile has signed PDFs with. */
  knownCertificates(): Map<string, string> {
    return new Map(knownCertificatesOf(this.#db.data).map((c) => [c.fingerprint, c.subject]));
  }

  /** The Ed25519 public key (base64 SPKI) this profile signs versions with, if there is a profile. */
  publicKey(): string | null {
    return this.#db.data?.publicKey ?? null;
  }

  #requireProfile(message: string): ProfileFile {
    const file = this.#db.data;
    if (file === null) throw new ApiFailure('NO_PROFILE', message);
    return file;
  }

  /** The signer a new version names, and the key to sign it with; refused without a profile. */
  signer(): { signer: Signer; privateKey: KeyObject } {
    const file = this.#db.data;
    if (file === null) {
      throw new ApiFailure(
        'NO_PROFILE',
        'Before signing, enter your name, role and council under Settings → Chair profile. Nothing has been signed.',
      );
    }
    const der = Buffer.from(file.privateKey, 'base64');
    try {
      return {
        signer: { name: file.name, role: file.role, council: file.council, publicKey: file.publicKey, keyId: keyIdOf(Buffer.from(file.publicKey, 'base64')) },
        privateKey: privateKeyFrom(der),
      };
    } finally {
      der.fill(0);
    }
  }
}
