import { randomUUID } from 'node:crypto';
import { access, mkdir, readdir } from 'node:fs/promises';
import {
  MIN_PASSPHRASE_LENGTH,
  type HistoryEntry,
  type NewConference,
  type Settings,
  type StoreProblem,
  type VaultState,
} from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import {
  CURRENT_SCHEMA_VERSION,
  ConferenceRecordSchema,
  type ConferenceRecord,
  type SectionValue,
} from '../../../domain/record/conference';
import { summarise, type ConferenceSummary } from '../../../domain/record/summary';
import { isNotFound, removeStaleTemps } from './atomic-file';
import { canonicalJson } from './canonical';
import { ConferenceFiles, type LoadedConference } from './conference-file';
import { ConferenceIndex, type SummaryResult } from './conference-index';
import { FolderLock } from './folder-lock';
import { nextEntry, readHistory, recordHash } from './history';
import { assessHistory, type Assessment } from './integrity';
import { DEFAULT_KDF, type KdfParams } from './kdf';
import { DataKey } from './key';
import { checkMigrations, latestVersion, MIGRATIONS, type JsonObject, type Migration } from './migrations';
import { CONFERENCE_FILE, storePaths, type StorePaths } from './paths';
import { problems } from './problems';
import { SerialQueue } from './serial-queue';
import { SettingsStore } from './settings-store';
import { newVaultFile, readVaultFile, unwrapDataKey, writeVaultFile, type VaultFile } from './vault-file';

/**
 * The conference store: vault lifecycle, auto-lock, and the conference operations, each run
 * one at a time. Plain Node: the Electron main process, the browser shell, tests and benchmarks
 * all use it the same way.
 *
 * Write order for a save (why a SIGKILL at any instant never makes a good store look tampered,
 * and never loses an acknowledged save):
 *   1. index journal: "intent <id>"            (append + fdatasync)
 *   2. conferences/<id>.enc: record + its entry (temp → fsync → rename → fsync folder)
 *   3. history/<id>.log: the entry              (append + fdatasync)
 *   4. index journal: the new summary           (append + fdatasync)
 *   5. only then is the save acknowledged.
 * Dying before 2's rename leaves the old version everywhere (unacknowledged, so nothing owed).
 * Dying after it leaves a complete new document whose entry chains onto the history's last
 * entry: reads report 'recovered', and the next save appends that exact entry first. A torn
 * history line (dying inside 3) is an unterminated final line: reported as 'recovered' and cut
 * off before the next append. Dying before 4 leaves the intent of 1, so unlock re-summarises
 * that one conference. Anything that does not fit these shapes is reported as 'tampered'.
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
}

export interface UnlockTimings {
  kdfMs: number;
  /** Everything after the key is known: migrations, index load and reconcile, settings. */
  openMs: number;
  conferences: number;
}

export interface SaveInput {
  id: string;
  baseRevision: number;
  sections: Record<string, SectionValue>;
}

interface Session {
  key: DataKey;
  lock: FolderLock;
  files: ConferenceFiles;
  index: ConferenceIndex;
  settings: SettingsStore;
}

const CONFLICT_MESSAGE =
  'This conference was changed elsewhere since you opened it. Reload to see the latest version; your unsaved text is still on screen.';

function minutes(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}

export class ConferenceStore {
  readonly paths: StorePaths;
  readonly #actor: string;
  readonly #now: () => Date;
  readonly #kdf: KdfParams;
  readonly #migrations: readonly Migration[];
  readonly #target: number;
  readonly #queue = new SerialQueue();
  #session: Session | null = null;
  #problems = new Map<string, StoreProblem>();
  #lastActivity = 0;
  #idleLockedAfter: number | null = null;
  lastUnlockTimings: UnlockTimings | null = null;

  constructor(options: StoreOptions) {
    this.paths = storePaths(options.dataDir);
    this.#actor = options.actor ?? 'chair';
    this.#now = options.now ?? (() => new Date());
    this.#kdf = options.kdf ?? DEFAULT_KDF;
    this.#migrations = options.migrations ?? MIGRATIONS;
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

  create(passphrase: string): Promise<VaultState> {
    return this.#queue.run(async (): Promise<VaultState> => {
      if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
        throw new ApiFailure(
          'WEAK_PASSPHRASE',
          `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well. Nothing has been created yet.`,
        );
      }
      await this.#refuseIfVaultExists();
      await mkdir(this.paths.root, { recursive: true, mode: 0o700 });
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
      } catch (error) {
        await lock.release();
        throw error;
      }
      return 'unlocked';
    });
  }

  unlock(passphrase: string): Promise<StoreProblem[]> {
    return this.#queue.run(async () => {
      if (this.#session !== null && this.#idleExpired(this.#session)) await this.#lockForIdle(this.#session);
      const vault = await readVaultFile(this.paths.vault);
      if (vault === null) throw this.#noVault();
      if (vault.storeSchemaVersion > this.#target) {
        throw new ApiFailure(
          'INTERNAL',
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
        opened = await this.#openSession(vault, dataKey, lock);
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
      const found = await this.#migrateAll(files);
      const index = new ConferenceIndex(this.paths, session.key, this.#now);
      found.push(...(await index.load({ summarise: (id) => this.#summarise(files, id), rebuild: true })));
      const vault = await readVaultFile(this.paths.vault);
      if (vault === null) throw this.#noVault();
      await writeVaultFile(this.paths.vault, { ...vault, storeSchemaVersion: version });
      await this.#closeSession(session);
      return found;
    });
  }

  // ── settings ─────────────────────────────────────────────────────────────

  getSettings(): Promise<Settings> {
    return this.#queue.run(async () => (await this.#require()).settings.get());
  }

  updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return this.#queue.run(async () => (await this.#require()).settings.update(patch));
  }

  // ── conferences ──────────────────────────────────────────────────────────

  list(): Promise<{ conferences: ConferenceSummary[]; problems: StoreProblem[] }> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      return { conferences: session.index.list(), problems: [...this.#problems.values()] };
    });
  }

  createConference(input: NewConference): Promise<ConferenceRecord> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      const id = randomUUID();
      const at = this.#now().toISOString();
      const record = ConferenceRecordSchema.parse({
        id,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        type: input.type,
        revision: 1,
        createdAt: at,
        updatedAt: at,
        sections: {
          meeting: { kind: 'single', values: { date: input.date } },
          children: { kind: 'list', items: input.children.map((child) => ({ id: randomUUID(), values: { name: child.name } })) },
        },
      });
      const entry = nextEntry(id, null, {
        at,
        actor: this.#actor,
        action: 'created',
        sections: Object.keys(record.sections).sort(),
        revision: record.revision,
        recordHash: recordHash(record),
      });
      const slot = await session.files.load(id);
      if (slot.kind !== 'missing') throw new Error('A new conference id is already in use.');
      await session.index.noteIntent(id);
      const bytes = await session.files.commit(id, slot.db, slot.adapter, null, { record, entry });
      await session.index.record({ summary: summarise(record), bytes });
      return record;
    });
  }

  get(id: string): Promise<{ conference: ConferenceRecord; problems: StoreProblem[] }> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      const loaded = await this.#load(session, id);
      const assessment = await this.#assess(session, id, loaded);
      return { conference: loaded.record, problems: this.#noteAssessment(session, id, assessment) };
    });
  }

  history(id: string): Promise<{ entries: HistoryEntry[]; intact: boolean }> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      let loaded: LoadedConference;
      try {
        loaded = await this.#load(session, id);
      } catch (error) {
        // The history of a damaged conference is still worth showing, but cannot be vouched for.
        if (!(error instanceof ApiFailure && error.code === 'CORRUPT')) throw error;
        const read = await readHistory(this.paths.history(id), session.key.get(), id);
        return { entries: read.entries, intact: false };
      }
      const assessment = await this.#assess(session, id, loaded);
      this.#noteAssessment(session, id, assessment);
      return { entries: assessment.entries, intact: assessment.state !== 'tampered' };
    });
  }

  save(input: SaveInput): Promise<{ revision: number; savedAt: string }> {
    return this.#queue.run(async () => {
      const session = await this.#require();
      const loaded = await this.#load(session, input.id);
      const { record, stored } = loaded;
      if (stored.entry.recordHash !== recordHash(stored.record)) {
        throw new ApiFailure(
          'TAMPERED',
          `Conference ${input.id} was not saved because its stored copy does not match its history. Nothing has been changed; report this to your information governance lead.`,
        );
      }
      if (input.baseRevision !== record.revision) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
      const changed = Object.keys(input.sections)
        .filter((key) => {
          const before = record.sections[key];
          return before === undefined || canonicalJson(before) !== canonicalJson(input.sections[key]);
        })
        .sort();
      if (changed.length === 0 && !loaded.migrated) return { revision: record.revision, savedAt: record.updatedAt };
      const at = this.#now().toISOString();
      const parsed = ConferenceRecordSchema.safeParse({
        ...record,
        sections: { ...record.sections, ...input.sections },
        revision: record.revision + 1,
        updatedAt: at,
      });
      if (!parsed.success) {
        throw new ApiFailure('INVALID_INPUT', 'The changes could not be saved because a section is not in the expected form. Nothing was changed.');
      }
      const next = parsed.data;
      const entry = nextEntry(input.id, stored.entry, {
        at,
        actor: this.#actor,
        action: 'saved',
        sections: changed,
        revision: next.revision,
        recordHash: recordHash(next),
      });
      await session.index.noteIntent(input.id);
      const bytes = await session.files.commit(input.id, loaded.db, loaded.adapter, stored.entry, { record: next, entry });
      await session.index.record({ summary: summarise(next), bytes });
      // The save completed any interrupted history; tampering stays reported until re-checked.
      if (this.#problems.get(input.id)?.kind === 'recovered') this.#problems.delete(input.id);
      return { revision: next.revision, savedAt: at };
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
      if (migrating) found.push(...(await this.#migrateAll(files)));
      const index = new ConferenceIndex(this.paths, key, this.#now);
      found.push(...(await index.load({ summarise: (id) => this.#summarise(files, id), rebuild: migrating })));
      // Only now, with every document migrated and the index rebuilt, does vault.json say so:
      // a crash before this point simply migrates again (each file records its own version).
      if (migrating) await writeVaultFile(this.paths.vault, { ...vault, storeSchemaVersion: this.#target });
      const settings = new SettingsStore(this.paths, key, this.#now);
      found.push(...(await settings.load()));
      const session: Session = { key, lock, files, index, settings };
      this.#session = session;
      // One problem per conference (a migration and the index rebuild may both trip on one file).
      this.#problems = new Map(found.map((problem) => [problem.conferenceId ?? `store:${problem.message}`, problem]));
      this.#lastActivity = this.#now().getTime();
      this.#idleLockedAfter = null;
      return { found: [...this.#problems.values()], session };
    } catch (error) {
      key.wipe();
      throw error;
    }
  }

  async #migrateAll(files: ConferenceFiles): Promise<StoreProblem[]> {
    const found: StoreProblem[] = [];
    const names = await readdir(this.paths.conferencesDir);
    for (const name of names) {
      const id = CONFERENCE_FILE.exec(name)?.[1];
      if (id === undefined) continue;
      const result = await files.load(id);
      if (result.kind === 'unreadable') found.push(problems.unreadableConference(id, null));
      if (result.kind !== 'ok' || !result.conference.migrated) continue;
      const { record, stored, db, adapter } = result.conference;
      const before = stored.record['sections'];
      const beforeSections = typeof before === 'object' && before !== null ? (before as JsonObject) : {};
      const changed = Object.keys({ ...beforeSections, ...record.sections })
        .filter((key) => canonicalJson(beforeSections[key] ?? null) !== canonicalJson(record.sections[key] ?? null))
        .sort();
      const unchanged = canonicalJson(stored.record) === canonicalJson(record);
      const next = unchanged ? record : { ...record, revision: stored.entry.revision + 1 };
      const entry = unchanged
        ? null
        : nextEntry(id, stored.entry, {
            at: this.#now().toISOString(),
            actor: 'Conference Recorder (store update)',
            action: 'migrated',
            sections: changed,
            revision: next.revision,
            recordHash: recordHash(next),
          });
      await files.commit(id, db, adapter, stored.entry, { record: next, entry });
    }
    return found;
  }

  async #summarise(files: ConferenceFiles, id: string): Promise<SummaryResult> {
    const result = await files.load(id);
    if (result.kind === 'ok') return { kind: 'ok', entry: { summary: summarise(result.conference.record), bytes: result.bytes } };
    return { kind: result.kind };
  }

  async #load(session: Session, id: string): Promise<LoadedConference> {
    const result = await session.files.load(id);
    if (result.kind === 'ok') return result.conference;
    const date = session.index.get(id)?.summary.conferenceDate ?? null;
    if (result.kind === 'missing' && session.index.get(id) === undefined) {
      throw new ApiFailure('NOT_FOUND', 'That conference could not be found. It may have been opened from an out-of-date list; go back to the list and try again.');
    }
    const problem = result.kind === 'missing' ? problems.missingConference(id, date) : problems.unreadableConference(id, date);
    this.#problems.set(id, problem);
    throw new ApiFailure('CORRUPT', problem.message);
  }

  async #assess(session: Session, id: string, loaded: LoadedConference): Promise<Assessment> {
    const read = await readHistory(this.paths.history(id), session.key.get(), id);
    return assessHistory(id, loaded.stored, read);
  }

  #noteAssessment(session: Session, id: string, assessment: Assessment): StoreProblem[] {
    const date = session.index.get(id)?.summary.conferenceDate ?? null;
    const problem =
      assessment.state === 'tampered'
        ? problems.tamperedHistory(id, date)
        : assessment.state === 'recovered'
          ? problems.recoveredHistory(id, date)
          : null;
    if (problem === null) this.#problems.delete(id);
    else this.#problems.set(id, problem);
    return problem === null ? [] : [problem];
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
    session.key.wipe();
    session.index.clear();
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
