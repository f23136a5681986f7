import type { EditLeaseAction, EditLeases, HistoryEntry, NewConference, SessionInfo, Settings, StoreProblem, VaultState } from '../../../domain/api/contract';
import type { ConferenceRecord, SectionValue } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import type { ListPage } from '../../../domain/record/list-page';
import type { ChairProfile, ChairProfileInput, Signatures, SignedVersionView } from '../../../domain/signoff/schemas';
import type { KeyObject } from 'node:crypto';
import type { SignedBlock } from '../signing/signed-block';
import type { PdfCertificate } from '../signing/pdf-certificate';
import type { VerificationStore } from '../verify/verify-file';
import type { ReviewService } from '../review/review-service';
import type { AuditOperationsStore } from '../audit/handlers';

/**
 * What the services need from wherever conferences are kept. Two implementations: the encrypted
 * folder on this computer (store.ts, the default) and a council's PostgreSQL server
 * (../team/pg-store.ts). The API handlers (../app-services.ts) see only this, and
 * test/integration/store-contract runs the same cases against both.
 *
 * Every method may throw an ApiFailure with the codes the API already knows (LOCKED, NO_VAULT,
 * WRONG_PASSPHRASE, NOT_FOUND, CONFLICT, SIGNED, TAMPERED, NOT_READY, NO_PROFILE, …), and
 * NOT_AVAILABLE for what one kind of store cannot do yet.
 */

export interface SaveInput {
  id: string;
  baseRevision: number;
  sections: Record<string, SectionValue>;
}

/** What an export is made from: the record as stored, its signed versions (verified) and addenda. */
export interface ExportSource {
  record: ConferenceRecord;
  signed: SignedBlock | undefined;
  signatures: Signatures;
}

export interface ConferenceStore extends VerificationStore, AuditOperationsStore {
  // The store's life: for the local folder a vault and its passphrase; for a team, signing in.
  status(): Promise<VaultState>;
  create(passphrase: string): Promise<VaultState>;
  unlock(passphrase: string): Promise<StoreProblem[]>;
  lock(): Promise<VaultState>;

  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;

  /** The whole list, or with `page` one page of it, most recently saved first, and where the next page starts. */
  list(page?: ListPage): Promise<{ conferences: ConferenceSummary[]; problems: StoreProblem[]; next?: string | null }>;
  createConference(input: NewConference): Promise<ConferenceRecord>;
  get(id: string): Promise<{ conference: ConferenceRecord; problems: StoreProblem[] }>;
  history(id: string): Promise<{ entries: HistoryEntry[]; intact: boolean }>;
  /** Optimistic concurrency: refused as CONFLICT unless `baseRevision` is the stored revision. */
  save(input: SaveInput): Promise<{ revision: number; savedAt: string }>;

  getProfile(): Promise<ChairProfile | null>;
  setProfile(input: ChairProfileInput): Promise<ChairProfile>;
  sign(id: string, baseRevision: number): Promise<{ signed: SignedVersionView; revision: number }>;
  addendum(id: string, reason: string, text: string): Promise<{ signed: SignedVersionView }>;
  signatures(id: string): Promise<Signatures>;
  exportSource(id: string): Promise<ExportSource>;

  /** Called each time the store locks, so caches built from records (export/pdf.ts) go with the key. */
  onLock(listener: () => void): void;
  /** The chair's PDF-signing certificate (PAdES), made with the profile or imported. */
  pdfCertificate(): Promise<PdfCertificate>;
  /** A council-issued PKCS#12 for PDF signatures; the password opens it once and is not kept. */
  importSigningCertificate(p12: Buffer, password: string): Promise<ChairProfile>;
  /** The chair's Ed25519 key, to sign a Word export's text; null without a profile. */
  documentKey(): Promise<{ publicKey: string; privateKey: KeyObject } | null>;
  /** After an information-governance check, accept a store reported as put back whole; returns the problems still reported. */
  acknowledgeRollback(): Promise<StoreProblem[]>;
  /** Agencies' accuracy review of the draft (../review), kept by each store's ReviewKeeper (../review/review-keeper.ts). */
  withReview<T>(work: (review: ReviewService) => Promise<T>): Promise<T>;

  // lease9: a store without these is one person on this computer (../session-info.ts answers for it).
  /** Where the records are and the signed-in member's role (null while nobody is signed in). */
  sessionInfo?(): Promise<SessionInfo>;
  /** "Being edited by …": take, renew or release this member's lease on a conference, or only look; answers the others in it. */
  editLease?(id: string, action: EditLeaseAction): Promise<EditLeases>;
}
