import { type ListPage } from '../../../domain/record/list-page';
import { DEFAULT_SETTINGS, type NewConference, type Settings, type StoreProblem } from '../../../domain/api/contract';
import type { JudgementInput, JudgementView } from '../../../domain/audit/types';
import { ApiFailure } from '../../../domain/api/result';
import type { ConferenceRecord, SectionValue } from '../../../domain/record/conference';
import type { Signatures, SignedVersionView } from '../../../domain/signoff/schemas';
import type { SaveInput } from '../store/conference-store';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { SerialQueue } from '../store/serial-queue';
import { EMPTY_QUEUE, OfflineQueueFile, queueFileName, type KeptSave, type QueueContent } from './offline-queue';
import { PgConferenceStore, type PgStoreOptions } from './pg-store';
import { applySave, CONFLICT_MESSAGE } from './records';
import { ServerUnreachable } from './team-server';

/**
 * The team store that keeps typing going when the server goes away (issue 9, item 6).
 *
 * A save the server cannot be reached for (refused connection, reset, timeout: never a conflict
 * or a refusal) is written, sealed, to this member's queue file (offline-queue.ts) and only then
 * answered, as `queued`: kept on this computer, not yet on the server. Once one save of a
 * conference is queued, its later saves queue behind it, so they reach the server in the order
 * typed. The queue is sent, in order and each against the revision it was based on, on every call
 * and by a timer with growing pauses; a save the server refuses when it arrives (someone else
 * changed the conference meanwhile) is kept aside in the same sealed file, never dropped.
 *
 * Reads of a conference with queued saves show them on top of the last copy read from the
 * server (held in memory only, gone at lock), so the chair carries on typing on top.
 *
 * The session: the timer does not keep an idle session open (it stops, and locks, once the
 * member has not used the app for their auto-lock time). Locking leaves the queue sealed on disk;
 * signing in again opens it and sends it. Signing in needs the server, so after a restart the
 * queue waits for the server to be back.
 */

export interface TeamConnection {
  state: 'online' | 'away';
  /** Saves kept on this computer, to be sent. */
  waiting: number;
  /** Saves the server refused when they were sent: kept on this computer, not lost. */
  kept: number;
}

export interface QueueingStoreOptions extends PgStoreOptions {
  /** The app's per-user folder for queues (team-queue), never the records or a shared folder. */
  queueDir: string;
  /** Pauses between the timer's attempts while the server is away; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** A call from the page tries the server again once this long has passed since the last failure (default 2 s). */
  callRetryMs?: number;
}

export type SaveAnswer = { revision: number; savedAt: string; queued?: true };

export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

const damagedMessage = (file: string) =>
  `The changes this computer kept while the team server could not be reached could not be opened (the file is damaged, or was written before a passphrase change). It has been kept, unopened, as ${file} in the app’s folder: tell your team admin. Nothing on the team server is affected.`;

const needsServer = (doing: string, nothing: string) =>
  new ApiFailure(
    'NOT_AVAILABLE',
    `${doing} needs the team server, which cannot be reached just now, so nothing has been ${nothing}. Your changes are kept, encrypted, on this computer and will be sent when it is back; try again then.`,
  );

export class QueueingTeamStore extends PgConferenceStore {
  readonly #file: OfflineQueueFile;
  readonly #offline = new SerialQueue();
  readonly #delays: readonly number[];
  readonly #clock: () => Date;
  readonly #callRetryMs: number;
  #lastFailureAt = 0;
  #key: Buffer | null = null;
  #content: QueueContent = EMPTY_QUEUE;
  /** The last copy of each conference read from or written to the server: memory only. */
  #cache = new Map<string, ConferenceRecord>();
  #signatures = new Map<string, Signatures>();
  #judgements = new Map<string, { judgements: JudgementView[]; missing: number }>();
  #lists = new Map<string, { conferences: ConferenceSummary[]; problems: StoreProblem[]; next?: string | null }>();
  #away = false;
  #failures = 0;
  #nextAttemptAt = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastUse = 0;
  #autoLockMinutes = DEFAULT_SETTINGS.autoLockMinutes;

  constructor(options: QueueingStoreOptions) {
    // The same per-user folder keeps the record of the versions seen on the server (seen-heads.ts).
    super({ ...options, seenDir: options.seenDir ?? options.queueDir });
    this.#file = new OfflineQueueFile(options.queueDir, queueFileName(options.server, options.login), options.login);
    this.#delays = options.retryDelaysMs && options.retryDelaysMs.length > 0 ? options.retryDelaysMs : RETRY_DELAYS_MS;
    this.#clock = options.now ?? (() => new Date());
    this.#callRetryMs = options.callRetryMs ?? 2_000;
    // Every way the session closes (lock, idle lock, removal) forgets the open queue.
    this.onLock(() => this.#forget());
  }

  /** Where this member's queue is kept (tests look at its bytes). */
  get queuePath(): string {
    return this.#file.path;
  }

  connection(): TeamConnection {
    if (this.#key === null) return { state: 'online', waiting: 0, kept: 0 };
    return { state: this.#away ? 'away' : 'online', waiting: this.#content.saves.length, kept: this.#content.kept.length };
  }

  /** The saves of a conference the server refused on arrival, as typed. */
  keptSaves(id: string): Promise<KeptSave[]> {
    return this.#offline.run(async () => {
      this.#signedIn();
      return this.#content.kept.filter((k) => k.id === id);
    });
  }

  /**
   * The chair's choice about their kept version: `send` puts it on top of the server's current
   * version (a new save, so the other person's version stays in the history: both are kept);
   * `discard` lets it go. Only then does it leave the file.
   */
  resolveKept(id: string, action: 'send' | 'discard'): Promise<{ revision: number | null }> {
    return this.#offline.run(async () => {
      const key = this.#signedIn();
      this.#used();
      const mine = this.#content.kept.filter((k) => k.id === id);
      if (mine.length === 0) return { revision: null };
      let revision: number | null = null;
      if (action === 'send') {
        if (this.#away || this.#content.saves.some((s) => s.id === id)) throw needsServer('Sending your kept version', 'sent');
        const sections: Record<string, SectionValue> = Object.assign({}, ...mine.map((k) => k.sections));
        try {
          const current = await super.get(id);
          revision = (await super.save({ id, baseRevision: current.conference.revision, sections })).revision;
        } catch (error) {
          if (error instanceof ServerUnreachable) {
            this.#wentAway();
            throw needsServer('Sending your kept version', 'sent');
          }
          throw error;
        }
        this.#cache.delete(id);
      }
      const after: QueueContent = { ...this.#content, kept: this.#content.kept.filter((k) => k.id !== id) };
      await this.#file.write(key, after);
      if (this.#key === key) this.#content = after;
      return { revision };
    });
  }

  override async unlock(passphrase: string): Promise<StoreProblem[]> {
    const problems = await super.unlock(passphrase);
    return this.#offline.run(async () => {
      if (this.#key !== null) return problems;
      const key = this.localQueueKey();
      if (key === null) return problems;
      const loaded = await this.#file.load(key, this.#clock());
      this.#key = key;
      this.#content = loaded.content;
      this.#away = false;
      this.#failures = 0;
      this.#lastUse = this.#clock().getTime();
      this.#autoLockMinutes = (await super.getSettings().catch(() => DEFAULT_SETTINGS)).autoLockMinutes;
      const found = [...problems];
      if (loaded.damaged !== null) found.push({ conferenceId: null, kind: 'corrupt', message: damagedMessage(loaded.damaged.split(/[\\/]/).at(-1) ?? '') });
      // Signed in means the server answered: what waited since the last session goes now.
      await this.#drain();
      return found;
    });
  }

  override getSettings(): Promise<Settings> {
    // The page reads settings on the chair's activity (useAutoLock): that is use.
    this.#lastUse = this.#clock().getTime();
    return super.getSettings();
  }

  override async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const next = await super.updateSettings(patch);
    this.#autoLockMinutes = next.autoLockMinutes;
    return next;
  }

  override async createConference(input: NewConference): Promise<ConferenceRecord> {
    const record = await super.createConference(input);
    this.#cache.set(record.id, record);
    return record;
  }

  override get(id: string): Promise<{ conference: ConferenceRecord; problems: StoreProblem[] }> {
    return this.#offline.run(async () => {
      this.#used();
      await this.#attemptIfDue();
      // A kept version (refused on arrival) is not a problem with the record: the page shows it
      // beside this one (team.keptChanges, renderer/src/team/KeptVersion.tsx).
      if (!this.#away) {
        try {
          const read = await super.get(id);
          this.#cache.set(id, read.conference);
          // The server answered: what waits goes now, before the page builds on it.
          if (this.#content.saves.length > 0) await this.#drain();
          return { conference: this.#overlay(id) ?? read.conference, problems: read.problems };
        } catch (error) {
          if (!(error instanceof ServerUnreachable)) throw error;
          this.#wentAway();
        }
      }
      const overlay = this.#overlay(id);
      if (overlay === undefined) throw new ServerUnreachable();
      return { conference: overlay, problems: [] };
    });
  }

  override save(input: SaveInput): Promise<SaveAnswer> {
    return this.#offline.run(async () => {
      this.#used();
      await this.#attemptIfDue();
      if (this.#away || this.#content.saves.some((s) => s.id === input.id)) return this.#keep(input);
      try {
        const answer = await super.save(input);
        const cached = this.#cache.get(input.id);
        if (cached !== undefined && answer.revision === cached.revision + 1 && input.baseRevision === cached.revision) {
          this.#cache.set(input.id, withSections(cached, input.sections, answer.revision, answer.savedAt));
        } else if (cached !== undefined && answer.revision !== cached.revision) {
          this.#cache.delete(input.id); // someone else's save in between: read again when next needed
        }
        return answer;
      } catch (error) {
        if (!(error instanceof ServerUnreachable)) throw error;
        this.#wentAway();
        return this.#keep(input);
      }
    });
  }

  /** While away, the signatures last read (a conference being typed in is, and stays, unsigned until the server says otherwise). */
  override signatures(id: string): Promise<Signatures> {
    return this.#lastRead(this.#signatures, id, () => super.signatures(id));
  }

  /** While away, the conference list last read (its summaries are the server's: queued text shows when a conference is opened). */
  override list(page?: ListPage): Promise<{ conferences: ConferenceSummary[]; problems: StoreProblem[]; next?: string | null }> {
    // Each page is remembered under its own request, so the page asked for again while away is the one shown.
    return this.#lastRead(this.#lists, `list:${page?.limit ?? ''}:${page?.after ?? ''}`, () => super.list(page));
  }

  /** While away, the audit judgements last read, so the conference still opens as it did. */
  override judgements(id: string): Promise<{ judgements: JudgementView[]; missing: number }> {
    return this.#lastRead(this.#judgements, id, () => super.judgements(id));
  }

  override sign(id: string, baseRevision: number): Promise<{ signed: SignedVersionView; revision: number }> {
    return this.#needingServer(id, needsServer('Signing', 'signed'), () => super.sign(id, baseRevision));
  }

  override addendum(id: string, reason: string, text: string): Promise<{ signed: SignedVersionView }> {
    return this.#needingServer(id, needsServer('Signing an addendum', 'added'), () => super.addendum(id, reason, text));
  }

  override judge(input: JudgementInput): Promise<JudgementView> {
    return this.#needingServer(input.conferenceId, needsServer('Recording a judgement', 'recorded'), () => super.judge(input));
  }

  // ── internals ────────────────────────────────────────────────────────────

  /** What must happen on the server itself: sent queue first (it is what is being signed), else said plainly. */
  #needingServer<T>(id: string, refusal: ApiFailure, work: () => Promise<T>): Promise<T> {
    return this.#offline.run(async () => {
      this.#used();
      if (this.#key !== null && (this.#away || this.#content.saves.length > 0)) await this.#attempt();
      if (this.#away || this.#content.saves.some((s) => s.id === id)) throw refusal;
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof ServerUnreachable)) throw error;
        this.#wentAway();
        throw refusal;
      }
    });
  }

  /** Read from the server when it answers (and remembered, in memory); while away, what was last read. */
  #lastRead<T>(remembered: Map<string, T>, id: string, read: () => Promise<T>): Promise<T> {
    return this.#offline.run(async () => {
      this.#used();
      if (!this.#away) {
        try {
          const value = await read();
          remembered.set(id, value);
          return value;
        } catch (error) {
          if (!(error instanceof ServerUnreachable)) throw error;
          this.#wentAway();
        }
      }
      const seen = remembered.get(id);
      if (seen === undefined) throw new ServerUnreachable();
      return seen;
    });
  }

  #signedIn(): Buffer {
    const key = this.#key;
    if (key === null) throw new ApiFailure('LOCKED', 'Sign in to the team’s store to carry on.');
    return key;
  }

  #used(): void {
    this.#lastUse = this.#clock().getTime();
  }

  /** The conference as the page should see it: the server's last copy with the queued saves on top. */
  #overlay(id: string): ConferenceRecord | undefined {
    const cached = this.#cache.get(id);
    if (cached === undefined) return undefined;
    let record = cached;
    for (const save of this.#content.saves) if (save.id === id) record = withSections(record, save.sections, save.ack, save.queuedAt);
    return record;
  }

  /** Sealed and on disk before it is answered: this is the acknowledgement that must never be lost. */
  async #keep(input: SaveInput): Promise<SaveAnswer> {
    const key = this.#signedIn();
    const at = this.#clock().toISOString();
    const mine = this.#content.saves.filter((s) => s.id === input.id);
    const seen = this.#overlay(input.id);
    let ack: number;
    if (seen !== undefined) {
      // The server's own rules, against what the page has been told: a stale base is a
      // conflict, a section outside the template is refused now rather than at sending.
      const outcome = applySave(seen, input.baseRevision, input.sections, at);
      if (outcome.kind === 'unchanged') return mine.length > 0 ? { revision: outcome.revision, savedAt: outcome.savedAt, queued: true } : { revision: outcome.revision, savedAt: outcome.savedAt };
      ack = outcome.next.revision;
    } else {
      const last = mine.at(-1);
      if (last !== undefined && input.baseRevision !== last.ack) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
      ack = input.baseRevision + 1;
    }
    const next: QueueContent = { ...this.#content, saves: [...this.#content.saves, { id: input.id, base: input.baseRevision, ack, sections: input.sections, queuedAt: at }] };
    await this.#file.write(key, next);
    if (this.#key === key) this.#content = next;
    return { revision: ack, savedAt: at, queued: true };
  }

  /** On each call: when the server is away (or saves wait) and the pause has passed, try it again. */
  async #attemptIfDue(): Promise<void> {
    if (this.#key === null) return;
    if (!this.#away && this.#content.saves.length === 0) return;
    // The timer's pauses grow; a call from the page (the chair is here) tries sooner, but not on
    // every keystroke's save, so a server that times out does not slow each one.
    const now = this.#clock().getTime();
    if (now < this.#nextAttemptAt && now - this.#lastFailureAt < this.#callRetryMs) return;
    await this.#attempt();
  }

  async #attempt(): Promise<void> {
    if (this.#content.saves.length > 0) {
      await this.#drain();
      return;
    }
    try {
      await super.getSettings(); // the smallest question the server answers
      this.#back();
    } catch (error) {
      if (error instanceof ServerUnreachable) this.#wentAway();
      else throw error;
    }
  }

  /**
   * Sends the queue in order. Each save goes against the revision it was based on; when the
   * server's revision differs from what the page was told (an earlier save had in fact landed),
   * the next save of that conference is moved onto it. A refusal keeps that conference's saves
   * aside (merged, in order), never drops them, and the rest carry on.
   */
  async #drain(): Promise<void> {
    const key = this.#key;
    if (key === null) return;
    while (this.#content.saves.length > 0) {
      const [next, ...rest] = this.#content.saves as [QueueContent['saves'][number], ...QueueContent['saves']];
      let answer: { revision: number; savedAt: string };
      try {
        answer = await super.save({ id: next.id, baseRevision: next.base, sections: next.sections });
      } catch (error) {
        if (error instanceof ServerUnreachable) {
          this.#wentAway();
          return;
        }
        if (error instanceof ApiFailure && error.code === 'LOCKED') return;
        // Locked while this save was on its way: the queue on disk stays as it is, for next time.
        if (this.#key !== key) return;
        const code = error instanceof ApiFailure ? error.code : 'INTERNAL';
        const theirs = this.#content.saves.filter((s) => s.id === next.id);
        const sections: Record<string, SectionValue> = Object.assign({}, ...theirs.map((s) => s.sections));
        const kept: KeptSave = { id: next.id, sections, reason: code, keptAt: this.#clock().toISOString() };
        const after: QueueContent = { ...this.#content, saves: this.#content.saves.filter((s) => s.id !== next.id), kept: [...this.#content.kept, kept] };
        await this.#file.write(key, after);
        this.#content = after;
        this.#cache.delete(next.id);
        continue;
      }
      // Locked meanwhile: the save landed, but the file keeps it; sent again, it is answered as already saved.
      if (this.#key !== key) return;
      const moved = rest.map((s) => (s.id === next.id && s.base === next.ack ? { ...s, base: answer.revision, ack: s.ack - next.ack + answer.revision } : s));
      const after: QueueContent = { ...this.#content, saves: moved };
      await this.#file.write(key, after);
      this.#content = after;
      const cached = this.#cache.get(next.id);
      if (cached !== undefined) this.#cache.set(next.id, withSections(cached, next.sections, answer.revision, answer.savedAt));
    }
    this.#back();
  }

  #wentAway(): void {
    this.#away = true;
    this.#failures += 1;
    this.#lastFailureAt = this.#clock().getTime();
    const wait = this.#delays[Math.min(this.#failures, this.#delays.length) - 1] ?? 30_000;
    this.#nextAttemptAt = this.#clock().getTime() + wait;
    this.#schedule(wait);
  }

  #back(): void {
    this.#away = false;
    this.#failures = 0;
    this.#nextAttemptAt = 0;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(wait: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#offline.run(() => this.#probe()).catch(() => undefined);
    }, wait);
    this.#timer.unref?.();
  }

  /** The timer's attempt. It never keeps an idle session open: past the auto-lock time it locks instead. */
  async #probe(): Promise<void> {
    if (this.#key === null || !this.#away) return;
    const idleFor = this.#clock().getTime() - this.#lastUse;
    if (this.#autoLockMinutes > 0 && idleFor >= this.#autoLockMinutes * 60_000) {
      void this.lock();
      return;
    }
    await this.#attempt();
  }

  #forget(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const key = this.#key;
    this.#key = null;
    this.#content = EMPTY_QUEUE;
    this.#cache.clear();
    this.#signatures.clear();
    this.#judgements.clear();
    this.#lists.clear();
    this.#away = false;
    this.#failures = 0;
    // Zeroed after whatever is already under way has written with it.
    if (key !== null) void this.#offline.run(async () => key.fill(0));
  }
}

function withSections(record: ConferenceRecord, sections: Record<string, SectionValue>, revision: number, at: string): ConferenceRecord {
  return { ...record, sections: { ...record.sections, ...sections }, revision, updatedAt: at };
}
