import { userInfo } from 'node:os';
import { access, chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  MIN_PASSPHRASE_LENGTH,
  type HistoryEntry,
  type NewConference,
  type Settings,
  type StoreProblem,
  type VaultState,
} from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import { strongEnough } from '../../../domain/passphrase/strength';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import type { ListPage } from '../../../domain/record/list-page';
import { entryFromFile } from './index-entry';
import { isNotFound, removeStaleTemps } from './atomic-file';
import { ConferenceFiles } from './conference-file';
import { ConferenceIndex } from './conference-index';
import { Conferences, type SaveInput } from './conferences';
import type { ConferenceStore, ExportSource } from './conference-store';
import { FolderLock } from './folder-lock';
import { DEFAULT_KDF, type KdfParams } from './kdf';
import { DataKey } from './key';
import { checkMigrations, latestVersion, MIGRATIONS, type Migration } from './migrations';
import { migrateConferences } from './migrations/run';
import { CONFERENCE_FILE, storePaths, type StorePaths } from './paths';
import { ProblemRegistry, problems } from './problems';
import { SerialQueue } from './serial-queue';
import { SettingsStore } from './settings-store';
import { SignOff } from './sign-off';
import { ReviewService } from '../review/review-service';
import { localReviewKeeper } from '../review/local-keeper';
import { Judgements } from './judgements';
import type { SignOffFacts } from '../../../domain/audit/indicators';
import type { AuditIndex } from '../audit/cohort-service';
import type { JudgementInput, JudgementView } from '../../../domain/audit/types';
import { ChairProfileStore } from '../signing/chair-profile-store';
import type { PdfCertificate } from '../signing/pdf-certificate';
import type { KeyObject } from 'node:crypto';
import type { ChairProfile, ChairProfileInput, Signatures, SignedVersionView } from '../../../domain/signoff/schemas';
import { HeadKeeper, type HeadAnchor } from './store-head';
import { newVaultFile, readVaultFile, unwrapDataKey, writeVaultFile, type VaultFile } from './vault-file';

export type { SaveInput } from './conferences';

/**
 * The conference store: the vault's life (create, unlock, lock, auto-lock), the gate every
 * operation passes, and one queue so operations run one at a time. Plain Node: the Electron main
 * process, the browser shell, tests and benchmarks all use it the same way. The conference
 * operations themselves, and the write order that makes them crash-safe, are in conferences.ts.
 */

export interface StoreOptions {
  dataDir: string;
  /** Who the history names as making changes. */
  actor?: string;
  now?: () => Date;
  /** scrypt cost for a new vault; existing vaults keep the cost recorded in vault.json. */
  kdf?: KdfParams;
  /** Injected by tests; the app uses the real list. */
  migrations?: readonly Migration[];
  /**
   * Where the store's head is kept outside the data folder, so the folder cannot be put back
   * to an earlier state unnoticed (store-head.ts). The app passes a keychain or config-folder
   * anchor; without one the store works as before, without that check.
   */
  headAnchor?: HeadAnchor;
}

/**
 * Wait before the next passphrase attempt, after `failures` wrong ones in a row: none after the
 * first (a typo), then 1 s, 2 s, 4 s… up to 30 s. In memory only: the scrypt cost is what
 * protects a copied folder; this stops a program on this computer guessing through the API.
 */
export function unlockDelayMs(failures: number): number {
  return failures < 2 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 2));
}

/**
 * Until the app has its own sign-in (roles come later), the history records the computer
 * account that made a change: a council issues one per member of staff.
 */
function computerUser(): string {
  try {
    return userInfo().username || 'this computer’s user';
  } catch {
    return 'this computer’s user';
  }
}

export interface UnlockTimings {
  kdfMs: number;
  /** Everything after the key is known: migrations, index load and reconcile, settings. */
  openMs: number;
  conferences: number;
}

interface Session {
  key: DataKey;
  lock: FolderLock;
  index: ConferenceIndex;
  settings: SettingsStore;
  conferences: Conferences;
  profile: ChairProfileStore;
  signOff: SignOff;
  review: ReviewService;
  judgements: Judgements;
  /** The audit's worked-out rows per conference (main/services/audit), dropped with the session. */
  auditMemo: Map<string, unknown>;
}

/** What the manager's audit reads of one conference (main/services/audit/cohort-service.ts). */
export interface AuditSource {
  record: ConferenceRecord;
  signOff: SignOffFacts;
  judgements: JudgementView[];
  /** Judgements the conference's history records that its stored copy no longer holds. */
  judgementsMissing: number;
}

export type { ExportSource } from './conference-store';

function minutes(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}

export class LocalConferenceStore implements ConferenceStore {
  readonly paths: StorePaths;
  readonly #actor: string;
  readonly #now: () => Date;
  readonly #kdf: KdfParams;
  readonly #migrations: readonly Migration[];
  readonly #target: number;
  readonly #queue = new SerialQueue();
  readonly #problems = new ProblemRegistry();
  readonly #headAnchor: HeadAnchor | undefined;
  /** Passphrase attempts wait their turn here, outside the main queue, so status polling is never held up. */
  readonly #attempts = new SerialQueue();
  #failures = 0;
  #session: Session | null = null;
  #lastActivity = 0;
  #idleLockedAfter: number | null = null;
  lastUnlockTimings: UnlockTimings | null = null;

  constructor(options: StoreOptions) {
    this.paths = storePaths(options.dataDir);
    this.#actor = options.actor ?? computerUser();
    this.#now = options.now ?? (() => new Date());
    this.#kdf = options.kdf ?? DEFAULT_KDF;
    this.#migrations = options.migrations ?? MIGRATIONS;
    this.#headAnchor = options.headAnchor;
    checkMigrations(this.#migrations);
    this.#target = latestVersion(this.#migrations);
  }

  // ── vault ────────────────────────────────────────────────────────────────

  status(): Promise<VaultState> {
    return this.#queue.run(async () => {
      // Status is polled by the UI: it may lock an idle store but never counts as use.
      if (this.#session !== null && this.#idleExpired(this.#session)) await this.#lockForIdle(this.#session);
      if (this.#session !== null) return 'unlocked';
      return (await this.#vaultExists()) ? 'locked' : 'new';
    });
  }

  async create(passphrase: string): Promise<VaultState> {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
      throw new ApiFailure(
        'WEAK_PASSPHRASE',
        `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well. Nothing has been created yet.`,
      );
    }
    // The page explains the same rule as it is typed; here it is enforced, whatever the caller.
    // Outside the queue: the first check loads the dictionaries (about a second on a busy machine).
    if (!(await strongEnough(passphrase))) {
      throw new ApiFailure(
        'WEAK_PASSPHRASE',
        'That passphrase would be easy to guess. Add another word or two that are not connected with each other or with you. Nothing has been created yet.',
      );
    }
    return this.#queue.run(async (): Promise<VaultState> => {
      await this.#refuseIfVaultExists();
      await mkdir(this.paths.root, { recursive: true, mode: 0o700 });
      const exposed = await this.#restrictFolder();
      await this.#refuseIfOrphanedFiles();
      const lock = await FolderLock.acquire(this.paths.lock);
      try {
        await this.#refuseIfVaultExists(); // another process may have created it meanwhile
        const { file, dataKey } = await newVaultFile(passphrase, this.#kdf, this.#target);
        await writeVaultFile(this.paths.vault, file);
        const { session } = await this.#openSession(file, dataKey, lock);
        // So a new store has its full set of files from the start.
        await session.settings.update({});
        await session.index.checkpoint();
        if (exposed) this.#problems.set(problems.folderOpenToOthers());
      } catch (error) {
        await lock.release();
        throw error;
      }
      return 'unlocked';
    });
  }

  /**
   * After repeated wrong passphrases each attempt waits longer (unlockDelayMs) before it is
   * tried. Attempts queue among themselves, so firing many at once gains nothing; the wait is
   * outside the main queue, so status polling and the rest answer meanwhile.
   */
  unlock(passphrase: string): Promise<StoreProblem[]> {
    return this.#attempts.run(async () => {
      const wait = unlockDelayMs(this.#failures);
      if (wait > 0) await sleep(wait);
      try {
        const found = await this.#unlock(passphrase);
        this.#failures = 0;
        return found;
      } catch (error) {
        if (error instanceof ApiFailure && error.code === 'WRONG_PASSPHRASE') this.#failures += 1;
        throw error;
      }
    });
  }

  #unlock(passphrase: string): Promise<StoreProblem[]> {
    return this.#queue.run(async () => {
      if (this.#session !== null && this.#idleExpired(this.#session)) await this.#lockForIdle(this.#session);
      const vault = await readVaultFile(this.paths.vault);
      if (vault === null) throw this.#noVault();
      if (vault.storeSchemaVersion > this.#target) {
        throw new ApiFailure(
          'STORE_TOO_NEW',
          'This data folder was last used by a newer version of Conference Recorder. Install that version to open it; nothing has been changed.',
        );
      }
      const started = performance.now();
      const dataKey = await unwrapDataKey(vault, passphrase);
      const kdfMs = performance.now() - started;
      if (this.#session !== null) {
        dataKey.fill(0); // already open with this very key
        this.#lastActivity = this.#now().getTime();
        return [];
      }
      const lock = await FolderLock.acquire(this.paths.lock).catch((error: unknown) => {
        dataKey.fill(0);
        throw error;
      });
      let opened: { found: StoreProblem[]; session: Session };
      try {
        const exposed = await this.#restrictFolder();
        opened = await this.#openSession(vault, dataKey, lock);
        if (exposed) {
          this.#problems.set(problems.folderOpenToOthers());
          opened.found = this.#problems.all();
        }
      } catch (error) {
        await lock.release();
        throw error;
      }
      this.lastUnlockTimings = { kdfMs, openMs: performance.now() - started - kdfMs, conferences: opened.session.index.size };
      return opened.found;
    });
  }

  lock(): Promise<VaultState> {
    return this.#queue.run(async () => {
      this.#idleLockedAfter = null;
      if (this.#session !== null) await this.#closeSession(this.#session);
      return (await this.#vaultExists()) ? 'locked' : 'new';
    });
  }

  /**
   * Moves every conference to store version `version` (down as well as up), then locks: the
   * running code expects its own version, so the folder must be reopened by matching code.
   * Used by the migration tests and, later, by a downgrade tool.
   */
  migrateTo(version: number): Promise<StoreProblem[]> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      if (version < 1 || version > this.#target) throw new Error(`No store version ${version}.`);
      const files = new ConferenceFiles(this.paths, session.key, this.#migrations, version);
      const found = await migrateConferences(this.paths, files, this.#now);
      const index = new ConferenceIndex(this.paths, session.key, this.#now, new HeadKeeper(this.#headAnchor, session.key));
      found.push(...(await index.load({ summarise: (id) => entryFromFile(files, this.paths, session.key, id, session.settings.get().local), rebuild: true })));
      await index.flushHead();
      const vault = await readVaultFile(this.paths.vault);
      if (vault === null) throw this.#noVault();
      await writeVaultFile(this.paths.vault, { ...vault, storeSchemaVersion: version });
      await this.#closeSession(session);
      return found;
    });
  }

  /**
   * After a reported rollback of the whole folder has been looked into (restored from a backup,
   * or accepted as it is), stops reporting it at every unlock; answers the problems still
   * reported. The page offers it behind a confirmation (the app has no information governance
   * role of its own, so the chair confirms that it was checked). A single conference put back
   * stays reported and refused for saving: this accepts the folder, not an older conference.
   */
  acknowledgeRollback(): Promise<StoreProblem[]> {
    return this.#queue.run(async () => {
      await (await this.#require()).index.acknowledgeRollback();
      return this.#problems.withoutFolderRollback();
    });
  }

  // ── settings and conferences: gated, queued, then delegated ──────────────

  getSettings(): Promise<Settings> {
    return this.#queue.run(async () => (await this.#require()).settings.get());
  }

  updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return this.#queue.run(async () => (await this.#require()).settings.update(patch));
  }

  list(page?: ListPage): Promise<{ conferences: ConferenceSummary[]; problems: StoreProblem[]; next?: string | null }> {
    return this.#queue.run(async () => (await this.#require()).conferences.list(page));
  }

  createConference(input: NewConference): Promise<ConferenceRecord> {
    return this.#queue.run(async () => (await this.#require()).conferences.create(input));
  }

  get(id: string): Promise<{ conference: ConferenceRecord; problems: StoreProblem[] }> {
    return this.#queue.run(async () => (await this.#require()).conferences.get(id));
  }

  history(id: string): Promise<{ entries: HistoryEntry[]; intact: boolean }> {
    return this.#queue.run(async () => (await this.#require()).conferences.history(id));
  }

  save(input: SaveInput): Promise<{ revision: number; savedAt: string }> {
    return this.#queue.run(async () => (await this.#require()).conferences.save(input));
  }

  // ── chair profile and sign-off ──────────────────────────────────────────

  getProfile(): Promise<ChairProfile | null> {
    return this.#queue.run(async () => (await this.#require()).profile.get());
  }

  setProfile(input: ChairProfileInput): Promise<ChairProfile> {
    return this.#queue.run(async () => (await this.#require()).profile.set(input));
  }

  sign(id: string, baseRevision: number): Promise<{ signed: SignedVersionView; revision: number }> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      // An accuracy review in progress holds the final signature until every agency has answered or is overdue.
      await session.review.assertFinalAllowed(id);
      return session.signOff.sign(id, baseRevision);
    });
  }

  addendum(id: string, reason: string, text: string): Promise<{ signed: SignedVersionView }> {
    return this.#queue.run(async () => (await this.#require()).signOff.addendum(id, reason, text));
  }

  signatures(id: string): Promise<Signatures> {
    return this.#queue.run(async () => (await this.#require()).signOff.signatures(id));
  }

  /** Read in the queue; the caller renders outside it, so a long PDF does not hold up other calls. */
  exportSource(id: string): Promise<ExportSource> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      const { loaded } = await session.conferences.load(id);
      return { record: loaded.record, signed: loaded.stored.signed, signatures: await session.signOff.signatures(id) };
    });
  }

  // ── PDF certificate and verification (pades) ─────────────────────────────

  readonly #lockListeners: (() => void)[] = [];

  /** Called each time the store locks, so caches built from records (export/pdf.ts) are dropped with the key. */
  onLock(listener: () => void): void {
    if (!this.#lockListeners.includes(listener)) this.#lockListeners.push(listener);
  }

  importSigningCertificate(p12: Buffer, password: string): Promise<ChairProfile> {
    return this.#queue.run(async () => (await this.#require()).profile.importSigningCertificate(p12, password));
  }

  /** The certificate a signed PDF export carries (made now for a profile from before certificates). */
  pdfCertificate(): Promise<PdfCertificate> {
    return this.#queue.run(async () => (await this.#require()).profile.pdfCertificate());
  }

  /** The chair's Ed25519 key, to sign a Word export's text; null without a profile (the file is then checked by its text alone). */
  documentKey(): Promise<{ publicKey: string; privateKey: KeyObject } | null> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      if (session.profile.get() === null) return null;
      const { signer, privateKey } = session.profile.signer();
      return { publicKey: signer.publicKey, privateKey };
    });
  }

  /**
   * What verifying a file needs from the store, read only: the conference as an export would
   * see it (null when this store has no such conference), and the certificates and key this
   * store's chair signs with. Nothing is written, so checking a file never changes the store.
   */
  verificationSource(id: string | null): Promise<{ source: ExportSource | null; certificates: Map<string, string>; publicKey: string | null }> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      const certificates = session.profile.knownCertificates();
      const publicKey = session.profile.publicKey();
      if (id === null || session.index.get(id) === undefined) return { source: null, certificates, publicKey };
      const { loaded } = await session.conferences.load(id);
      return { source: { record: loaded.record, signed: loaded.stored.signed, signatures: await session.signOff.signatures(id) }, certificates, publicKey };
    });
  }

  // ── accuracy review (../review) ──────────────────────────────────────────

  withReview<T>(work: (review: ReviewService) => Promise<T>): Promise<T> {
    return this.#queue.run(async () => work((await this.#require()).review));
  }

  // ── the manager's audit (main/services/audit) ─────────────────────────────

  judge(input: JudgementInput): Promise<JudgementView> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      const judgement = await session.judgements.judge(input);
      // The conference's rows carry its judgements: worked out again next time.
      session.auditMemo.delete(input.conferenceId);
      return judgement;
    });
  }

  /**
   * Where the audit keeps each conference's worked-out rows while the store is open, so a second
   * look at a period, a filter on the server or an export does not open every conference again.
   * Cleared at lock (with the index), so nothing read stays reachable once the store is locked.
   */
  auditMemo(): Promise<Map<string, unknown>> {
    return this.#queue.run(async () => (await this.#require()).auditMemo);
  }

  judgements(id: string): Promise<{ judgements: JudgementView[]; missing: number }> {
    return this.#queue.run(async () => (await this.#require()).judgements.list(id));
  }

  /**
   * The index as the audit reads it: every summary, and the audit facts kept with each at its
   * last save (none for an entry from before they were kept: the cohort opens that one).
   */
  auditIndex(): Promise<AuditIndex> {
    return this.#queue.run(async () => {
      const { index } = await this.#require();
      // A conference with a reported problem (put back, damaged, tampered) is not audited from
      // its index entry: it is opened, and counted as unreadable as it always was.
      const problemFree = (id: string) => this.#problems.get(id) === undefined || this.#problems.get(id)?.kind === 'recovered';
      return { conferences: index.list(), facts: (id: string) => (problemFree(id) ? index.auditFacts(id) : undefined) };
    });
  }

  /** One conference as the audit reads it: the record, whether and when it was signed, and its judgements (one read). */
  auditSource(id: string): Promise<AuditSource> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      const { loaded, history } = await session.conferences.load(id);
      const signed = loaded.stored.signed;
      const signatures = signed ? await session.signOff.signatures(id) : null;
      const { judgements, missing } = session.judgements.ofLoaded(id, loaded.stored, history.entries);
      return {
        record: loaded.record,
        signOff: { signedAt: signed?.versions[0]?.statement.signedAt ?? null, intact: signatures?.intact ?? true },
        judgements,
        judgementsMissing: missing,
      };
    });
  }

  // ── internals ────────────────────────────────────────────────────────────

  async #openSession(vault: VaultFile, dataKey: Buffer, lock: FolderLock): Promise<{ found: StoreProblem[]; session: Session }> {
    const key = new DataKey(dataKey);
    try {
      await mkdir(this.paths.conferencesDir, { recursive: true, mode: 0o700 });
      await mkdir(this.paths.historyDir, { recursive: true, mode: 0o700 });
      await removeStaleTemps(this.paths.root);
      const files = new ConferenceFiles(this.paths, key, this.#migrations, this.#target);
      const found: StoreProblem[] = [];
      const migrating = vault.storeSchemaVersion !== this.#target;
      // Before the UI gets control: unlock does not answer until this is done.
      if (migrating) found.push(...(await migrateConferences(this.paths, files, this.#now)));
      // Settings before the index: it counts each conference's readiness under the council's rules.
      const settings = new SettingsStore(this.paths, key, this.#now);
      const settingsProblems = await settings.load();
      const localSettings = () => settings.get().local;
      const index = new ConferenceIndex(this.paths, key, this.#now, new HeadKeeper(this.#headAnchor, key));
      found.push(...(await index.load({ summarise: (id) => entryFromFile(files, this.paths, key, id, localSettings()), rebuild: migrating })));
      // Only now, with every file migrated and the index rebuilt, does vault.json say so:
      // a crash before this point simply migrates again (each file records its own version).
      if (migrating) await writeVaultFile(this.paths.vault, { ...vault, storeSchemaVersion: this.#target });
      found.push(...settingsProblems);
      const profile = new ChairProfileStore(this.paths, key, this.#now);
      found.push(...(await profile.load()));
      const context = { paths: this.paths, key, files, index, problems: this.#problems, actor: this.#actor, now: this.#now, localSettings };
      const conferences = new Conferences(context);
      const signOff = new SignOff({ ...context, conferences, profile });
      const review = new ReviewService(localReviewKeeper({ ...context, conferences, profile }));
      const judgements = new Judgements({ ...context, conferences, profile });
      const session: Session = { key, lock, index, settings, conferences, profile, signOff, review, judgements, auditMemo: new Map() };
      this.#session = session;
      this.#lastActivity = this.#now().getTime();
      this.#idleLockedAfter = null;
      // One problem per conference (a migration and the index rebuild may both trip on one file).
      return { found: this.#problems.replaceAll(found), session };
    } catch (error) {
      key.wipe();
      throw error;
    }
  }

  /**
   * The records folder is made private to this account (0700) where the system has POSIX
   * permissions: an older version, a copy, or a managed location may have left it readable by
   * others. True when it is open to others and could not be tightened (the caller warns).
   */
  async #restrictFolder(): Promise<boolean> {
    if (process.platform === 'win32') return false; // ACLs, inherited from the user's profile folder
    const mode = (await stat(this.paths.root)).mode & 0o777;
    if ((mode & 0o077) === 0) return false;
    try {
      await chmod(this.paths.root, 0o700);
      return false;
    } catch {
      return true;
    }
  }

  /** The gate every operation except status passes: locked, no vault, or idle too long → refused. */
  async #require(): Promise<Session> {
    const session = this.#session;
    if (session === null) {
      if (!(await this.#vaultExists())) throw this.#noVault();
      throw this.#locked();
    }
    if (this.#idleExpired(session)) {
      await this.#lockForIdle(session);
      throw this.#locked();
    }
    this.#lastActivity = this.#now().getTime();
    return session;
  }

  #idleExpired(session: Session): boolean {
    const limit = session.settings.get().autoLockMinutes;
    return limit > 0 && this.#now().getTime() - this.#lastActivity >= limit * 60_000;
  }

  async #lockForIdle(session: Session): Promise<void> {
    this.#idleLockedAfter = session.settings.get().autoLockMinutes;
    await this.#closeSession(session);
  }

  async #closeSession(session: Session): Promise<void> {
    this.#session = null;
    // Whatever else holds words from records or keys in memory (the export caches) lets go now.
    for (const listener of this.#lockListeners) listener();
    await session.index.flushHead(); // already sealed: the key is not needed for this
    session.key.wipe();
    // Names in the index cannot be zeroed (JS strings), but nothing keeps them reachable.
    session.index.clear();
    session.auditMemo.clear();
    this.#problems.clear();
    await session.lock.release();
  }

  #locked(): ApiFailure {
    if (this.#idleLockedAfter !== null) {
      return new ApiFailure(
        'LOCKED',
        `The app locked itself after ${minutes(this.#idleLockedAfter)} without use. Enter your passphrase to carry on; everything saved before then is safe.`,
      );
    }
    return new ApiFailure('LOCKED', 'The conference store is locked. Enter your passphrase to open it.');
  }

  #noVault(): ApiFailure {
    return new ApiFailure('NO_VAULT', 'No conference store has been set up on this computer yet. Choose a passphrase to create one.');
  }

  async #vaultExists(): Promise<boolean> {
    try {
      await access(this.paths.vault);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async #refuseIfVaultExists(): Promise<void> {
    if (await this.#vaultExists()) {
      throw new ApiFailure('VAULT_EXISTS', 'A conference store already exists here. Unlock it with its passphrase; nothing has been changed.');
    }
  }

  /** Conference files without vault.json cannot be decrypted by a new key; refuse rather than bury them. */
  async #refuseIfOrphanedFiles(): Promise<void> {
    const names = await readdir(this.paths.conferencesDir).catch(() => [] as string[]);
    if (names.some((name) => CONFERENCE_FILE.test(name))) {
      throw new ApiFailure(
        'VAULT_EXISTS',
        'This data folder holds conference files but its key file (vault.json) is missing. Restore the data folder from a backup; nothing has been changed.',
      );
    }
  }
}

/** The local store's earlier name, kept so existing callers (tests, benchmarks) need no change. */
export { LocalConferenceStore as ConferenceStore };
