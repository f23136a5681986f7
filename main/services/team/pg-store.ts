import { hkdfSync, randomBytes, randomUUID, sign as ed25519Sign, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { PdfCertificate } from '../signing/pdf-certificate';
import type { AuditSource } from '../store/store';
import type { AuditPeriod, JudgementInput, JudgementView } from '../../../domain/audit/types';
import { CAME_BACK_MONTHS } from '../../../domain/audit/came-back';
import { addMonths } from '../../../domain/calendar/dates';
import { auditSummaryOf, cohortCandidates, cohortChildIds, type AuditSummary } from '../../../domain/audit/cohort';
import { refuseThinJudgement } from '../../../domain/audit/judgement-rules';
import { childrenOf, meetingValues, textOf } from '../../../domain/record/access';
import { JudgementStatementSchema, StoredJudgementSchema, judgementHash, judgementView, type StoredJudgement } from '../store/judgement-schema';
import { checkJudgements, type CheckedJudgements } from './judgements';
import { memberFileTag } from './offline-queue';
import { SeenHeads, type WentBack } from './seen-heads';
import type pg from 'pg';
import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  type EditLeaseAction,
  type EditLeases,
  type SessionInfo,
  HistoryEntrySchema,
  SettingsSchema,
  type HistoryEntry,
  type NewConference,
  type Settings,
  type StoreProblem,
  type VaultState,
} from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import { ConferenceRecordSchema, IsoDateSchema, type ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { ConferenceSummarySchema } from '../../../domain/record/summary';
import { cursorOf, LIST_PAGE_MAX, parseCursor, type ListPage } from '../../../domain/record/list-page';
import { assessReadiness } from '../../../domain/rules/readiness';
import { purgeRemovedChildren } from '../../../domain/signoff/purge';
import { AddendumSchema, type Addendum, type ChairProfile, type ChairProfileInput, type Signatures, type SignedVersionView } from '../../../domain/signoff/schemas';
import { templateForRecord } from '../../../templates/conference-templates';
import { generateChairKey, keyIdOf, privateKeyFrom } from '../signing/chair-key';
import {
  certificatesForProfile,
  certificateView,
  EarlierCertificatesSchema,
  generateFor,
  KnownCertificateSchema,
  knownCertificatesOf,
  PdfCertificateSchema,
  withImportedCertificate,
} from '../signing/certificate-holding';
import type { SignedBlock } from '../signing/signed-block';
import { signStatement, SignedVersionSchema, versionHash, type SignedStatement, type SignedVersion } from '../signing/signed-version';
import { canonicalJson } from '../store/canonical';
import type { ConferenceStore, ExportSource, SaveInput } from '../store/conference-store';
import { DecryptError, openJson, sealJson } from '../store/crypto';
import { chainIsValid, nextEntry, recordHash } from '../store/history';
import { DEFAULT_KDF, type KdfParams } from '../store/kdf';
import { problems, wentBackState } from '../store/problems';
import { SerialQueue } from '../store/serial-queue';
import { addendumHash, verify, view } from '../store/sign-off';
import { summariseConference } from '../store/summary';
import type { IndexedAuditFacts } from '../../../domain/audit/facts';
import type { AuditIndex, ConferenceJudgements } from '../audit/cohort-service';
import { conferenceKeyRole, deriveMemberSecrets } from './member-keys';
import { connect, latestTeamKey, signIn, type SignedInMember } from './membership';
import { applySave, CONFLICT_MESSAGE, newRecord } from './records';
import { editLease } from './edit-leases';
import { readDigests, writeDigests, type DigestEntry, type MonthWindow } from './audit-digests';
import { readCohortCopy, readCohortDetails, writeCohortCopy, writeCohortDetails } from './audit-cohorts';
import type { CohortCopy, CopyMade } from '../audit/cohort-copy';
import type { RowDetails } from '../../../domain/audit/packed-cohort';
import { clientConfig, plainFailure, type TeamServer } from './team-server';
import { insertReview, latestReview, openReviewSummary, refuseUnboundReview, REVIEW_ACTIONS } from './pg-review';
import type { ReviewDueSummary } from '../../../domain/record/summary';
import { ReviewService } from '../review/review-service';
import { reviewStepEntry, type ReviewKeeper, type ReviewSnapshot } from '../review/review-keeper';
import type { ReviewBlock } from '../review/review-block';

/**
 * The conference store on a council's PostgreSQL server. Same interface and behaviour as the
 * local folder (test/integration/store-contract holds both to it); what differs is where the
 * guarantees come from:
 *
 * - Secrecy: every row's content is sealed on this computer (AES-256-GCM, associated data naming
 *   the row's conference and position, so a row moved elsewhere fails to open). The server sees
 *   ids, revisions, timestamps, logins and the signed flag.
 * - Concurrency: a save moves the conference's row from `baseRevision` to the next in the same
 *   transaction that inserts the version and its history entry; another save of the same
 *   revision finds the row already moved (0 rows) and is answered CONFLICT. Nothing is
 *   half-written: the transaction commits whole or not at all, and only then is the save answered.
 * - Rules: the server refuses what the member's role does not allow (see migrations/001), so a
 *   changed client cannot sign as a minute-taker or rewrite history.
 * - Tampering: each open re-checks the history chain, the record's hash in its entry, and the
 *   signed versions, as the local store does.
 */

export interface PgStoreOptions {
  server: TeamServer;
  /** The member signed in on this computer (the API's unlock carries only the passphrase). */
  login: string;
  kdf?: KdfParams;
  now?: () => Date;
  /**
   * The app's per-user folder where this member's record of the versions seen on the server is
   * kept (seen-heads.ts): signing in then says which conferences the server holds at an earlier
   * version, and those are not saved over. Without it (tools, benchmarks) nothing is checked.
   */
  seenDir?: string;
}

/** Built once: the cohort checks some 7,000 ids at a look, and a zod schema costs more to make than to use. */
const UUID = z.uuid();
const VersionSchema = z.strictObject({ record: z.unknown(), entry: HistoryEntrySchema });
const SignatureRowSchema = z.strictObject({ version: SignedVersionSchema, addendum: AddendumSchema.nullable() });
const ProfileSchema = z.strictObject({
  name: z.string(),
  role: z.string(),
  council: z.string(),
  createdAt: z.string(),
  publicKey: z.string(),
  privateKey: z.string(),
  /** The member's X.509 certificate and its key for PDF signatures, sealed here with the rest of the profile. */
  pdfCertificate: PdfCertificateSchema.optional(),
  earlierCertificates: EarlierCertificatesSchema.optional(),
});
/** What a member publishes to teammates (cpc.member_public): public parts only. */
const MemberPublicSchema = z.strictObject({ publicKey: z.string(), certificates: z.array(KnownCertificateSchema).max(1000) });
type ProfileFile = z.infer<typeof ProfileSchema>;

const roles = {
  summary: (id: string) => `team-summary:${id}`,
  // Bound to its conference; the facts name their own revision, which must be the row's to be used.
  auditFacts: (id: string) => `team-audit-facts:${id}`,
  version: (id: string, revision: number) => `team-version:${id}:${revision}`,
  history: (id: string, seq: number) => `team-history:${id}:${seq}`,
  signature: (id: string, version: number) => `team-signature:${id}:${version}`,
  settings: (login: string) => `team-settings:${login}`,
  profile: (login: string) => `team-profile:${login}`,
  memberPublic: (login: string) => `team-member-public:${login}`,
  // Bound to its conference only: the statement inside carries its number and the hash of the one
  // before, so a row copied over another within the conference fails the chain check instead.
  judgement: (id: string) => `team-judgement:${id}`,
};

interface Current {
  id: string;
  revision: number;
  signed: boolean;
  keyId: number;
  /** The team key version the current data key is sealed under (older than the latest: rotate on write). */
  teamKeyVersion: number;
  record: ConferenceRecord;
  entry: HistoryEntry;
  /**
   * The history's last entry: the version's own, or an addendum or judgement after it. New
   * entries follow this. Null when that row will not open: reading still works (and reports the
   * history as tampered), but nothing is added after it.
   */
  head: HistoryEntry | null;
  /** True when the stored version is byte for byte the one this session last wrote: its record hash was made from this very record. */
  hashKnown?: boolean;
  /** Set when the server holds an earlier version than this computer saw (seen-heads.ts): read, never built on. */
  wentBack?: WentBack | null;
}

/** A conference's version as this session last wrote it (see #current): the sealed bytes and what they hold. */
interface Written {
  revision: number;
  sealed: Buffer;
  record: ConferenceRecord;
  entry: HistoryEntry;
}

/** Summaries fetched per statement by the whole list (ids sent as one array parameter). */
const SUMMARY_BATCH = 5000;

/** How many conferences' last written versions a session keeps (a chair works on a few at a time). */
const WRITTEN_KEPT = 8;

/** A conference's summary as opened, with the audit's facts sealed beside it. */
interface OpenedSummary {
  summary: ConferenceSummary;
  audit: IndexedAuditFacts | undefined;
}

/** A conference as this session has opened it (#opened). */
interface Opened {
  revision: number;
  /** The list's whole summary; undefined when only the audit's part was read (from a digest). */
  summary: ConferenceSummary | undefined;
  auditSummary: AuditSummary;
  audit: IndexedAuditFacts | undefined;
}

/**
 * What a conference's sealed summary holds: the list's summary and, beside it, the manager's
 * audit facts (domain/audit/facts.ts), both from summariseConference, so the cohort of a year
 * opens no conference. Summaries sealed before the facts were kept parse without them.
 */
const AuditFactsSchema = z.custom<IndexedAuditFacts>((value) => typeof value === 'object' && value !== null && typeof (value as { version?: unknown }).version === 'number');
const SealedSummarySchema = ConferenceSummarySchema.extend({ audit: AuditFactsSchema.optional() });

/**
 * A row's sealed summary, opened and checked against the row: a summary of another revision
 * (an older one put back on the server, say) is refused, as a damaged one is, rather than
 * listed — and its audit facts, which carry the same revision, used — as if it were current.
 */
function openSummary(key: Buffer, row: { id: string; revision: number; summary: Buffer }): z.infer<typeof SealedSummarySchema> {
  const summary = SealedSummarySchema.parse(openJson(key, row.summary, roles.summary(row.id)));
  if (summary.revision !== row.revision) throw new DecryptError();
  return summary;
}

/** What a conference's row holds beside its versions, as every writer writes it (see summaryColumns). */
export interface SummaryColumns {
  /** The list's summary, sealed under the team key. */
  summary: Buffer;
  /** The audit's facts, sealed under the team key apart from the summary (migrations/008). */
  auditFacts: Buffer;
  /** The month it was held, in plain (migrations/008); null with no date. */
  month: string | null;
}

/**
 * The summary columns of a team conference: the one function every write (create, save, sign,
 * import, and the benchmark's seeder through newConferenceRows) builds them with. The summary
 * and the audit's facts both come from summariseConference.
 */
export function summaryColumns(teamKey: Buffer, record: ConferenceRecord, historySeq: number, signed?: { block: SignedBlock; intact: boolean }): SummaryColumns {
  const { summary, audit } = summariseConference({
    record,
    ...(signed ? { signed: signed.block, signaturesIntact: signed.intact } : {}),
    historySeq,
  });
  return { summary: sealJson(teamKey, summary, roles.summary(record.id)), auditFacts: sealJson(teamKey, audit, roles.auditFacts(record.id)), month: conferenceMonth(record) };
}

const NOT_FOUND = () =>
  new ApiFailure('NOT_FOUND', 'That conference could not be found. It may have been opened from an out-of-date list; go back to the list and try again.');

export class PgConferenceStore implements ConferenceStore {
  readonly #server: TeamServer;
  readonly #login: string;
  readonly #kdf: KdfParams;
  readonly #now: () => Date;
  readonly #queue = new SerialQueue();
  #member: SignedInMember | null = null;
  /** Opened conference data keys, by `${id}:${keyId}`; dropped at lock. */
  #keys = new Map<string, Buffer>();
  /**
   * The last version this session wrote of a few conferences. A save reads the stored version
   * back (someone else may have saved since); when the server hands back exactly the bytes this
   * session sealed, they are not opened, parsed and hashed again: that was a third of a save.
   * Dropped at lock, like the keys.
   */
  #written = new Map<string, Written>();
  readonly #seenDir: string | undefined;
  /** The versions this member's app has seen (seen-heads.ts); open while signed in. */
  #seen: SeenHeads | null = null;
  /**
   * Summaries opened by the whole list or the audit, by conference, with the revision they were
   * opened at (see #wholeList). One taken from an audit digest has only its audit part
   * (`summary` undefined): the list opens that conference's row when it needs the rest.
   */
  #opened = new Map<string, Opened>();
  /**
   * The cohort's rows as last worked out, by conference (buildCohort's memo, keyed there by
   * revision, day and local rules). A judgement needs no clearing here: the team's judgements
   * are read afresh at every look (auditJudgements), never kept in these rows. Dropped at lock.
   */
  #auditMemo = new Map<string, unknown>();
  /**
   * What this member's audit digest of each month holds on the server (audit-digests.ts), as far
   * as this session knows from reading or writing it: conference id → revision and whether facts
   * were kept. A month is written back only when what the look used differs. Dropped at lock.
   */
  #digested = new Map<string, Map<string, number>>();
  lastSignInMs = 0;

  constructor(options: PgStoreOptions) {
    this.#server = options.server;
    this.#login = options.login;
    this.#kdf = options.kdf ?? DEFAULT_KDF;
    this.#now = options.now ?? (() => new Date());
    this.#seenDir = options.seenDir;
  }

  // ── signing in ───────────────────────────────────────────────────────────

  status(): Promise<VaultState> {
    return this.#queue.run(async () => {
      // Polled by the page: it may lock an idle session but never counts as use.
      if (this.#member !== null && this.#idleExpired()) await this.#lockForIdle();
      return this.#member === null ? ('locked' as const) : ('unlocked' as const);
    });
  }

  create(): Promise<VaultState> {
    return Promise.reject(
      new ApiFailure('VAULT_EXISTS', 'In a team, your team admin adds you and gives you a setup code; there is nothing to create on this computer.'),
    );
  }

  unlock(passphrase: string): Promise<StoreProblem[]> {
    return this.#queue.run(async () => {
      const open = this.#member;
      if (open !== null) {
        // Already signed in: the passphrase is still checked, never simply accepted.
        const secrets = await deriveMemberSecrets(passphrase, this.#server.prefix, this.#login, this.#kdf);
        secrets.personalKey.fill(0);
        const given = Buffer.from(secrets.databasePassword);
        const held = Buffer.from(open.databasePassword);
        if (given.length !== held.length || !timingSafeEqual(given, held)) {
          throw new ApiFailure('WRONG_PASSPHRASE', 'That login and passphrase do not match. Check both and try again.');
        }
        this.#lastActivity = this.#now().getTime();
        return [];
      }
      const started = performance.now();
      const member = await signIn(this.#server, this.#login, passphrase, this.#kdf);
      if (member.teamKeys.size === 0) {
        await member.client.end().catch(() => undefined);
        throw new ApiFailure('FORBIDDEN', 'Your team admin has not confirmed you yet. Ask them to confirm you, then sign in again.');
      }
      this.#watch(member.client);
      this.#member = member;
      this.#idleLockedAfter = null;
      this.#autoLockMinutes = (await this.#settingsOf(member).catch(() => DEFAULT_SETTINGS)).autoLockMinutes;
      this.#lastActivity = this.#now().getTime();
      const found = await this.#checkSeen(member);
      this.lastSignInMs = performance.now() - started;
      return found;
    });
  }

  /**
   * Signing in: the versions this computer has seen against the server's, in one query. A
   * conference the server holds at an earlier version, or not at all, is reported (ids and dates
   * only) and refused for saving until someone accepts the server as it is.
   */
  async #checkSeen(m: SignedInMember): Promise<StoreProblem[]> {
    if (this.#seenDir === undefined) return [];
    const key = Buffer.from(hkdfSync('sha256', m.personalKey, Buffer.alloc(0), 'cpc seen heads v1', 32));
    let opened;
    try {
      opened = await SeenHeads.open(this.#seenDir, `${memberFileTag(this.#server, this.#login)}.seen`, this.#login, key, this.#now());
    } catch (error) {
      // The folder cannot be read (permissions, a full disk): signing in goes on, unchecked, and says so.
      key.fill(0);
      return [problems.seenHeadsUnavailable(error instanceof Error && 'code' in error ? String(error.code) : 'unknown')];
    }
    const { seen, damaged } = opened;
    this.#seen = seen;
    const found: StoreProblem[] = damaged === null ? [] : [problems.seenHeadsUnreadable(damaged.split(/[\\/]/).at(-1) ?? '')];
    const ids = seen.ids();
    if (ids.length === 0) return found;
    const { rows } = await m.client.query<{ id: string; revision: number; seq: number | null }>(
      `SELECT c.id::text, c.revision, (SELECT max(seq) FROM cpc.history h WHERE h.conference_id = c.id) AS seq
         FROM cpc.conferences c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    const wentBack = seen.compare(new Map(rows.map((r) => [r.id, { revision: r.revision, seq: r.seq ?? 0 }])));
    if (wentBack.length > 0) found.push(problems.teamServerWentBack(wentBack));
    return found;
  }

  lock(): Promise<VaultState> {
    return this.#queue.run(async () => {
      this.#idleLockedAfter = null;
      await this.#close();
      return 'locked' as const;
    });
  }

  /**
   * The key for this member's saves kept on this computer while the server is away
   * (offline-store.ts): derived from the personal key, so only this member's passphrase opens
   * them and nothing from the server is needed to. A fresh copy (the caller zeroes it); null when signed out.
   */
  localQueueKey(): Buffer | null {
    const member = this.#member;
    return member === null ? null : Buffer.from(hkdfSync('sha256', member.personalKey, Buffer.alloc(0), 'cpc offline queue v1', 32));
  }

  // ── what signed exports and checking a file need (verify/, export/pades.ts) ──

  readonly #lockListeners: (() => void)[] = [];

  onLock(listener: () => void): void {
    if (!this.#lockListeners.includes(listener)) this.#lockListeners.push(listener);
  }

  documentKey(): Promise<{ publicKey: string; privateKey: KeyObject } | null> {
    return this.#run(async (m) => {
      const file = await this.#profileFile(m);
      if (file === null) return null;
      const der = Buffer.from(file.privateKey, 'base64');
      try {
        return { publicKey: file.publicKey, privateKey: privateKeyFrom(der) };
      } finally {
        der.fill(0);
      }
    });
  }

  // A member's X.509 certificate for PDF signatures lives in their sealed profile row, made with
  // the profile (or on first need for a profile saved before certificates existed); its public
  // parts are published to teammates (cpc.member_public), so any member can check a file signed
  // by any other.
  pdfCertificate(): Promise<PdfCertificate> {
    return this.#run(async (m) => {
      const file = await this.#profileFile(m);
      if (file === null) throw new ApiFailure('NO_PROFILE', 'Before exporting signed minutes, enter your name, role and council under Settings → Chair profile. Nothing has been exported.');
      if (file.pdfCertificate) return file.pdfCertificate;
      const next: ProfileFile = { ...file, pdfCertificate: await generateFor(file, this.#now()) };
      await this.#writeProfile(m, next);
      return next.pdfCertificate!;
    });
  }

  importSigningCertificate(p12: Buffer, password: string): Promise<ChairProfile> {
    return this.#run(async (m) => {
      const file = await this.#profileFile(m);
      if (file === null) throw new ApiFailure('NO_PROFILE', 'Before importing a certificate, enter your name, role and council under Settings → Chair profile. Nothing has been changed.');
      const next: ProfileFile = { ...file, ...(await withImportedCertificate(file, p12, password, this.#now())) };
      await this.#writeProfile(m, next);
      return profileView(next);
    });
  }

  /**
   * What checking a file needs, read only: the conference as an export sees it (null when the
   * team has no such conference), the certificates of every member who has published one (any
   * of them could have signed), and this member's own version-signing key.
   */
  verificationSource(id: string | null): Promise<{ source: ExportSource | null; certificates: Map<string, string>; publicKey: string | null }> {
    return this.#run(async (m) => {
      const certificates = new Map<string, string>();
      for (const published of await this.#teamPublic(m)) for (const c of published.certificates) certificates.set(c.fingerprint, c.subject);
      const publicKey = (await this.#profileFile(m))?.publicKey ?? null;
      if (id === null) return { source: null, certificates, publicKey };
      let current: Current;
      try {
        current = await this.#current(m, id);
      } catch (error) {
        if (error instanceof ApiFailure && error.code === 'NOT_FOUND') return { source: null, certificates, publicKey };
        throw error;
      }
      return { source: { record: current.record, signed: await this.#signedBlock(m, current), signatures: await this.#signatures(m, current) }, certificates, publicKey };
    });
  }

  /**
   * The member accepts the server as it is, once their team admin has checked (restored a newer
   * backup, or found there is none): the server's versions become the ones seen, and the
   * conferences reported open and save again from what the server holds.
   */
  acknowledgeRollback(): Promise<StoreProblem[]> {
    return this.#run(async () => {
      this.#seen?.accept();
      await this.#seen?.flush();
      return [];
    });
  }

  // ── agencies' accuracy review (../review) ──
  // The same review service as the local store's, through a keeper that keeps the review block
  // in cpc.conference_reviews (migrations/005, pg-review.ts): one row per step, sealed with the
  // conference's data key, written with the step's history entry in one transaction. A step that
  // changes the record (an accepted correction) is an ordinary new version with its row. Only
  // chairs may write review rows (the server refuses anyone else), never once signed.

  withReview<T>(work: (review: ReviewService) => Promise<T>): Promise<T> {
    return this.#run(async (m) => work(new ReviewService(this.#reviewKeeper(m))));
  }

  #reviewKeeper(m: SignedInMember): ReviewKeeper {
    interface Token {
      current: Current;
      head: HistoryEntry;
    }
    const openInSnapshot = async (id: string, forChange: boolean): Promise<ReviewSnapshot> => {
      const current = await this.#current(m, id);
      const head = forChange ? this.#refuseTampered(current) : (current.head ?? current.entry);
      const history = await this.#history(m, current);
      if (forChange && !history.intact) {
        throw new ApiFailure('TAMPERED', `Conference ${id} was not changed because its stored copy does not match its history. Nothing has been changed; report this to your information governance lead.`);
      }
      const stored = await latestReview(m.client, id, (keyId) => this.#dataKey(m, id, keyId));
      refuseUnboundReview(id, stored, history.entries);
      const token: Token = { current, head };
      return { record: current.record, review: stored.review, signed: current.signed, token };
    };
    const open = (id: string, forChange: boolean) => this.#snapshot(m, () => openInSnapshot(id, forChange));
    const profile = async (): Promise<ProfileFile> => {
      const file = await this.#profileFile(m);
      if (file === null) throw new ApiFailure('NO_PROFILE', 'Before signing, enter your name, role and council under Settings → Chair profile. Nothing has been signed.');
      return file;
    };
    return {
      read: (id) => open(id, false),
      forChange: (id) => open(id, true),
      commit: async (before, record, review: ReviewBlock, step) => {
        const { current, head } = before.token as Token;
        const id = current.id;
        const file = await profile();
        const entry = reviewStepEntry(id, head, record, step, { at: this.#now(), actor: `${file.name} (${m.login})` });
        const team = latestTeamKey(m);
        if (record.revision !== current.revision) {
          // An accepted correction: a new version, and the review row with it.
          await this.#commit(m, current, record, entry, (c, keyId, dataKey) => insertReview(c, id, entry.seq, keyId, dataKey, review, team));
        } else {
          const dataKey = await this.#dataKey(m, id, current.keyId);
          await this.#transaction(m, async (c) => {
            // Someone else's save in between moved the revision: CONFLICT, as for two saves. Another
            // review step in between took this history number: the server refuses it (CONFLICT too).
            const { rows } = await c.query<{ revision: number }>('SELECT revision FROM cpc.conferences WHERE id = $1 FOR UPDATE', [id]);
            if (rows[0]?.revision !== current.revision) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
            await c.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, $2, $3, $4)', [id, entry.seq, current.keyId, sealJson(dataKey, entry, roles.history(id, entry.seq))]);
            await insertReview(c, id, entry.seq, current.keyId, dataKey, review, team);
          });
        }
        return open(id, false);
      },
      signer: async () => {
        const file = await profile();
        const der = Buffer.from(file.privateKey, 'base64');
        try {
          return { signer: signerOf(file), privateKey: privateKeyFrom(der) };
        } finally {
          der.fill(0);
        }
      },
      localSettings: async () => (await this.#settingsOf(m)).local,
      now: () => this.#now(),
    };
  }

  // ── lease9: who is signed in, and "being edited by …" (edit-leases.ts) ──

  sessionInfo(): Promise<SessionInfo> {
    return this.#queue.run(async () => ({
      store: { kind: 'team' as const, host: this.#server.host, database: this.#server.database },
      role: this.#member?.role ?? null,
    }));
  }

  editLease(id: string, action: EditLeaseAction): Promise<EditLeases> {
    return this.#run(async (m) => {
      if (!UUID.safeParse(id).success) throw NOT_FOUND();
      // Teammates see the name on this member's chair profile; without one, their login.
      const name = action === 'hold' ? ((await this.#profileFile(m))?.name ?? m.login) : m.login;
      return editLease(m, id, action, name);
    }, false);
  }

  // ── the manager's audit (main/services/audit) ──
  // A judgement is kept as the local store keeps it (../store/judgements.ts: the same signed
  // statement, numbered and hash-chained, its hash in a 'judgement' history entry, the record
  // untouched), in cpc.audit_judgements sealed with the conference's data key. Only managers
  // can write one: the server refuses anyone else (migrations/003, record_judgement). Every
  // team judgement is signed with the manager's own Ed25519 key (their profile), so the name on
  // it is vouched for by the key, not only by the login the server saw.

  auditSource(id: string): Promise<AuditSource> {
    return this.#read(async (m) => {
      const current = await this.#current(m, id);
      // The history read once, for the signatures' check and the judgements' (it was read twice).
      const history = await this.#history(m, current);
      const signatures = verify(current.id, { record: current.record, stored: { signed: await this.#signedBlock(m, current) } }, signedHashes(history.entries));
      const judged = await this.#judgementsOf(m, current, history.entries);
      return {
        record: current.record,
        signOff: { signedAt: signatures.versions[0]?.signedAt ?? null, intact: signatures.intact },
        judgements: judged.views,
        judgementsMissing: judged.missing,
      };
    });
  }

  judge(input: JudgementInput): Promise<JudgementView> {
    return this.#run(async (m) => {
      refuseThinJudgement(input);
      // One snapshot for everything the judgement is built on: read in separate statements, a
      // judgement another manager committed in between showed up in the history but not in what
      // was read before it, and was reported as TAMPERED. In one REPEATABLE READ transaction the
      // second of two simultaneous judgements aims at the same history number and is refused by
      // its primary key: CONFLICT, as for two saves.
      await m.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        const view = await this.#judgeInSnapshot(m, input);
        await m.client.query('COMMIT');
        return view;
      } catch (error) {
        await m.client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async #judgeInSnapshot(m: SignedInMember, input: JudgementInput): Promise<JudgementView> {
    {
      const id = input.conferenceId;
      const current = await this.#current(m, id);
      const head = this.#refuseTampered(current);
      if (!childrenOf(current.record).some((child) => child.id === input.childId)) {
        throw new ApiFailure('NOT_FOUND', 'That child is not in this conference’s record. Reload the audit and try again; nothing has been recorded.');
      }
      if (!cohortChildIds(current.record).includes(input.childId)) {
        throw new ApiFailure(
          'INVALID_INPUT',
          'This child is not in the audit cohort (their outcome is a child protection plan, or not decided yet). Reload the audit; nothing has been recorded.',
        );
      }
      const history = await this.#history(m, current);
      const earlier = await this.#judgementsOf(m, current, history.entries);
      if (!history.intact || !earlier.intact) {
        throw new ApiFailure(
          'TAMPERED',
          `Conference ${id}: its earlier judgements or history do not match what was recorded, so no judgement can be added to them. Nothing has been recorded; report this to your information governance lead.`,
        );
      }
      const profile = await this.#profileFile(m);
      if (profile === null) {
        throw new ApiFailure('NO_PROFILE', 'Before recording a judgement, enter your name, role and council under Settings → Chair profile: each judgement is signed with your own key. Nothing has been recorded.');
      }
      const at = this.#now().toISOString();
      const locked = recordHash(current.record);
      const last = earlier.stored.at(-1);
      const statement = JudgementStatementSchema.parse({
        format: 1,
        conferenceId: id,
        number: earlier.stored.length + 1,
        childId: input.childId,
        rating: input.rating,
        comment: input.comment,
        actionForChair: input.actionForChair,
        author: profile.name,
        at,
        recordHash: locked,
        previousHash: last === undefined ? null : judgementHash(last),
      });
      const der = Buffer.from(profile.privateKey, 'base64');
      let signature: string;
      try {
        signature = ed25519Sign(null, Buffer.from(canonicalJson(statement), 'utf8'), privateKeyFrom(der)).toString('base64');
      } finally {
        der.fill(0);
      }
      const judgement: StoredJudgement = { statement, signer: signerOf(profile), signature };
      const hash = judgementHash(judgement);
      const entry = nextEntry(id, history.entries.at(-1) ?? head, {
        at,
        actor: `${profile.name} (${m.login})`,
        action: 'judgement',
        sections: [],
        revision: current.revision,
        recordHash: locked,
        signedVersionHash: hash,
      });
      const dataKey = await this.#dataKey(m, id, current.keyId);
      await m.client.query('SELECT cpc.record_judgement($1, $2, $3, $4, $5, $6)', [
        randomUUID(),
        id,
        current.keyId,
        sealJson(dataKey, judgement, roles.judgement(id)),
        entry.seq,
        sealJson(dataKey, entry, roles.history(id, entry.seq)),
      ]);
      this.#seen?.wrote(id, { revision: current.revision, seq: entry.seq }, () => dateOf(current.record));
      return judgementView(judgement, hash, true);
    }
  }

  judgements(id: string): Promise<{ judgements: JudgementView[]; missing: number }> {
    return this.#read(async (m) => {
      const current = await this.#current(m, id);
      const history = await this.#history(m, current);
      const { views, missing } = await this.#judgementsOf(m, current, history.entries);
      return { judgements: views, missing };
    });
  }

  /** A conference's judgements, opened and checked; a row that will not open counts against them. */
  async #judgementsOf(m: SignedInMember, current: Current, entries: readonly HistoryEntry[]): Promise<CheckedJudgements & { stored: StoredJudgement[] }> {
    const { rows } = await m.client.query<{ key_id: number; sealed: Buffer }>(
      'SELECT key_id, sealed FROM cpc.audit_judgements WHERE conference_id = $1 ORDER BY created_at, id',
      [current.id],
    );
    const stored: StoredJudgement[] = [];
    let unreadable = 0;
    for (const row of rows) {
      try {
        const key = await this.#dataKey(m, current.id, row.key_id);
        stored.push(StoredJudgementSchema.parse(openJson(key, row.sealed, roles.judgement(current.id))));
      } catch {
        unreadable += 1;
      }
    }
    // In their numbered order (created_at can tie); a copied or missing one then breaks the chain.
    stored.sort((a, b) => a.statement.number - b.statement.number);
    return { ...checkJudgements(current.id, stored, entries, unreadable), stored };
  }

  // ── settings and profile: each member's own, sealed by their personal key ──

  getSettings(): Promise<Settings> {
    return this.#run(async (m) => {
      const { rows } = await m.client.query<{ sealed: Buffer }>('SELECT sealed FROM cpc.member_settings WHERE member = session_user');
      const row = rows[0];
      if (row === undefined) return DEFAULT_SETTINGS;
      return SettingsSchema.parse(openJson(m.personalKey, row.sealed, roles.settings(m.login)));
    });
  }

  updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return this.#run(async (m) => {
      const { rows } = await m.client.query<{ sealed: Buffer }>('SELECT sealed FROM cpc.member_settings WHERE member = session_user');
      const current = rows[0] === undefined ? DEFAULT_SETTINGS : SettingsSchema.parse(openJson(m.personalKey, rows[0].sealed, roles.settings(m.login)));
      const next = SettingsSchema.parse({ ...current, ...patch });
      await m.client.query(
        `INSERT INTO cpc.member_settings (sealed) VALUES ($1)
         ON CONFLICT (member) DO UPDATE SET sealed = excluded.sealed, updated_at = now()`,
        [sealJson(m.personalKey, next, roles.settings(m.login))],
      );
      this.#autoLockMinutes = next.autoLockMinutes;
      return next;
    });
  }

  getProfile(): Promise<ChairProfile | null> {
    return this.#run(async (m) => {
      const file = await this.#profileFile(m);
      return file === null ? null : profileView(file);
    });
  }

  setProfile(input: ChairProfileInput): Promise<ChairProfile> {
    return this.#run(async (m) => {
      const existing = await this.#profileFile(m);
      let keys: Pick<ProfileFile, 'publicKey' | 'privateKey' | 'createdAt'>;
      if (existing === null) {
        const pair = generateChairKey();
        keys = { publicKey: pair.publicKey, privateKey: pair.privateKeyPkcs8.toString('base64'), createdAt: this.#now().toISOString() };
        pair.privateKeyPkcs8.fill(0);
      } else {
        keys = { publicKey: existing.publicKey, privateKey: existing.privateKey, createdAt: existing.createdAt };
      }
      const file: ProfileFile = { name: input.name, role: input.role, council: input.council, ...keys, ...(await certificatesForProfile(existing, input, this.#now())) };
      await this.#writeProfile(m, file, existing);
      return profileView(file);
    });
  }

  // ── conferences ─────────────────────────────────────────────────────────

  list(page?: ListPage): Promise<{ conferences: ConferenceSummary[]; problems: StoreProblem[]; next?: string | null }> {
    return this.#run(async (m) => {
      if (page?.limit === undefined && page?.after === undefined) {
        const { entries, problems: found } = await this.#wholeList(m);
        return { conferences: entries.map((e) => e.summary), problems: found };
      }
      const limit = page.limit ?? LIST_PAGE_MAX;
      // A page opens only its own summaries: keyset on (updated_at, id), which the server holds
      // in plain, walked down migrations/007's index; one row more says whether a next page exists.
      const after = page.after === undefined ? null : parseCursor(page.after);
      // With each conference, its newest accuracy-review row's due dates (what the list says is overdue).
      const { rows } = await m.client.query<{
        id: string;
        revision: number;
        summary: Buffer;
        summary_key_id: number;
        at: string;
        review_seq: number | null;
        review_summary: Buffer | null;
        review_key_id: number | null;
      }>(
        `SELECT c.id, c.revision, c.summary, c.summary_key_id, to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
                r.seq AS review_seq, r.summary AS review_summary, r.summary_key_id AS review_key_id
           FROM (SELECT id, revision, summary, summary_key_id, updated_at FROM cpc.conferences
                  WHERE $1::timestamptz IS NULL OR (updated_at, id) < ($1::timestamptz, $2::uuid)
                  ORDER BY updated_at DESC, id DESC LIMIT $3) c
           LEFT JOIN LATERAL (SELECT seq, summary, summary_key_id FROM cpc.conference_reviews WHERE conference_id = c.id ORDER BY seq DESC LIMIT 1) r ON true
          ORDER BY c.updated_at DESC, c.id DESC`,
        [after?.updatedAt ?? null, after?.id ?? null, limit + 1],
      );
      const shown = rows.slice(0, limit);
      const conferences: ConferenceSummary[] = [];
      const found: StoreProblem[] = [];
      for (const row of shown) {
        const key = m.teamKeys.get(row.summary_key_id);
        try {
          if (key === undefined) throw new DecryptError();
          // The audit's facts sealed beside the summary are not the list's business.
          const { audit: _facts, ...summary } = openSummary(key, row);
          const review = openReviewSummary(row.id, { seq: row.review_seq, summary: row.review_summary, key: row.review_key_id === null ? undefined : m.teamKeys.get(row.review_key_id) });
          // A review row that will not open leaves the review out (the conference's own check reports it when opened).
          const { review: _fromSave, ...rest } = summary;
          conferences.push(review === null ? rest : { ...rest, review });
        } catch {
          found.push(problems.unreadableConference(row.id, null));
        }
      }
      const last = shown.at(-1);
      return { conferences, problems: found, next: rows.length > limit && last !== undefined ? cursorOf(last.at, last.id) : null };
    });
  }

  /**
   * The summaries with the audit facts sealed beside each (opened once a revision, as the list
   * is). Given a period, only the conferences held in it or in the twelve months after it (who
   * came back), by the month the server keeps in plain (migrations/008), and those with no month.
   * A manager's look starts from their own digests of those months (audit-digests.ts) and
   * writes back the months in which anything had to be opened row by row.
   */
  auditIndex(period?: AuditPeriod): Promise<AuditIndex> {
    return this.#run(async (m) => {
      const months = period === undefined ? undefined : auditMonths(period);
      // A manager's look at a period starts from their digests and reads only the audit's part
      // of each summary; anyone else's (a chair's, for the judgements on their conferences) is
      // the whole list's.
      const digests = months !== undefined && m.role === 'manager';
      // Read first, so what is opened below is of these revisions or later ones (cohort-copy.ts).
      const window = digests ? await this.#windowPrint(m, months) : undefined;
      const { summaries, rows } = digests ? await this.#auditList(m, months) : { summaries: (await this.#wholeList(m, months)).entries.map((e) => e.summary), rows: [] };
      // The facts only of the conferences that can have a child in the period's cohort (the rest
      // are read for who came back, which the summary answers); kept with the opened summary.
      const wanted = period === undefined ? summaries.map((s) => s.id) : cohortCandidates(summaries, period);
      await this.#openAuditFacts(
        m,
        wanted.filter((id) => this.#opened.get(id)?.audit === undefined),
      );
      if (digests) await this.#writeBackDigests(m, rows);
      return { conferences: summaries, facts: (id: string) => this.#opened.get(id)?.audit, ...(window === undefined ? {} : { window }) };
    });
  }

  /**
   * This manager's copy of the period's cohort (audit-cohorts.ts) and the period's window as the
   * server holds it now, to check the copy against (cohort-copy.ts). Anyone else keeps none.
   */
  cohortCopy(period: AuditPeriod): Promise<{ copy: CohortCopy | null; window: string }> {
    return this.#run(async (m) => {
      if (m.role !== 'manager') return { copy: null, window: '' };
      const window = await this.#windowPrint(m, auditMonths(period));
      return { copy: await readCohortCopy(m, period), window };
    });
  }

  cohortCopyDetails(made: CopyMade): Promise<RowDetails[] | null> {
    return this.#run(async (m) => (m.role === 'manager' ? readCohortDetails(m, made) : null));
  }

  keepCohortCopy(copy: CohortCopy, details: RowDetails[]): Promise<void> {
    return this.#run(async (m) => {
      if (m.role !== 'manager') return;
      await writeCohortCopy(m, copy);
      // The details — every row's sentences, most of the bytes: sealing them took 400 ms at
      // 12,000 children — are written just after the look's answer has gone to the screen,
      // next in this store's queue, so whatever the member does next (and locking) waits for
      // them. Until then, or if they cannot be written, the drill-down works the cohort out.
      void this.#queue.run(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.#member === m) await writeCohortDetails(m, copy, details).catch(() => undefined);
      });
    });
  }

  /**
   * Every conference and revision of a window (and every row without a month), as one SHA-256
   * worked out by the server from the months' index alone: a conference saved, added, moved or
   * gone changes it. In two halves, as #windowRows, for the same reason. Hashed as the ids' and
   * revisions' bytes: as text, the same hash took twice as long at 40,000 rows (65 ms, 37 ms).
   */
  async #windowPrint(m: SignedInMember, months: MonthWindow): Promise<string> {
    const { rows } = await m.client.query<{ print: string | null }>(
      `SELECT encode(sha256(string_agg(uuid_send(id) || int4send(revision), ''::bytea ORDER BY id)), 'hex') AS print FROM (
         SELECT id, revision FROM cpc.conferences WHERE conference_month BETWEEN $1::date AND $2::date
         UNION ALL SELECT id, revision FROM cpc.conferences WHERE conference_month IS NULL) AS w`,
      [months.from, months.to],
    );
    return rows[0]?.print ?? 'empty';
  }

  auditMemo(): Promise<Map<string, unknown>> {
    return this.#run(async () => this.#auditMemo);
  }

  /**
   * The audit facts sealed apart from the summary (migrations/008), into the opened summaries'
   * cache. Facts that will not open, or of another revision than the summary opened (saved in
   * between), are left out: the cohort then opens that conference and reads it whole.
   */
  async #openAuditFacts(m: SignedInMember, ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += SUMMARY_BATCH) {
      const { rows } = await m.client.query<{ id: string; revision: number; summary_key_id: number; audit_facts: string }>(
        "SELECT id, revision, summary_key_id, encode(audit_facts, 'base64') AS audit_facts FROM cpc.conferences WHERE id = ANY($1::uuid[]) AND audit_facts IS NOT NULL",
        [ids.slice(start, start + SUMMARY_BATCH)],
      );
      for (const row of rows) {
        const opened = this.#opened.get(row.id);
        const key = m.teamKeys.get(row.summary_key_id);
        if (opened === undefined || opened.revision !== row.revision || key === undefined) continue;
        try {
          opened.audit = AuditFactsSchema.parse(openJson(key, Buffer.from(row.audit_facts, 'base64'), roles.auditFacts(row.id)));
        } catch {
          // Left out, as above.
        }
      }
    }
  }

  /**
   * The months whose digest no longer matches what the look used — a conference saved, added,
   * moved or gone since, facts opened that the digest lacked, or no digest yet — written afresh
   * from the summaries now opened. A digest that cannot be written (the server away, say) only
   * means the next look opens those rows again.
   */
  async #writeBackDigests(m: SignedInMember, rows: readonly ListedRow[]): Promise<void> {
    const byMonth = new Map<string, DigestEntry[]>();
    for (const row of rows) {
      if (row.month === null) continue;
      const opened = this.#opened.get(row.id);
      const list = byMonth.get(row.month) ?? [];
      byMonth.set(row.month, list);
      if (opened !== undefined && opened.revision === row.revision) list.push({ id: row.id, revision: row.revision, summary: opened.auditSummary, audit: opened.audit });
    }
    const stale = new Map<string, DigestEntry[]>();
    for (const [month, entries] of byMonth) if (!sameDigest(this.#digested.get(month), entries)) stale.set(month, entries);
    try {
      await writeDigests(m, stale);
      for (const [month, entries] of stale) this.#digested.set(month, digestContents(entries));
    } catch {
      // A cache: see above.
    }
  }

  /**
   * Takes from the member's digests what the rows still hold at the same revision, for the months
   * with rows not yet opened whose digest this session has not read or written already (one it
   * has is no newer than what is opened).
   */
  async #fillFromDigests(m: SignedInMember, notOpened: readonly ListedRow[]): Promise<void> {
    const months = [...new Set(notOpened.flatMap((row) => (row.month === null || this.#digested.has(row.month) ? [] : [row.month])))];
    let found: Map<string, DigestEntry[]>;
    try {
      found = await readDigests(m, months);
    } catch {
      return; // A cache: the rows are opened one by one instead.
    }
    const live = new Map(notOpened.map((row) => [row.id, row.revision]));
    for (const [month, entries] of found) {
      this.#digested.set(month, digestContents(entries));
      for (const entry of entries) {
        if (live.get(entry.id) === entry.revision) this.#opened.set(entry.id, { revision: entry.revision, summary: undefined, auditSummary: entry.summary, audit: entry.audit });
      }
    }
  }

  /**
   * The whole list (the chair's audit's and import's): ids and revisions first, then only the
   * summaries this session has not opened at that revision. A summary changes only with its
   * conference's revision (migrations/001's update rule), so one opened at a revision stays right
   * until it moves on; a second look at a period, or the export after it, opens only what changed
   * since. Kept until lock, like the keys. The audit's facts are sealed apart (summaryColumns;
   * inside the summary for rows written before migrations/008) and read by auditIndex for the
   * cohort's conferences only. The accuracy review's due dates are not (a review step leaves the
   * revision alone): they are read afresh from each conference's newest review row.
   */
  async #wholeList(m: SignedInMember, months?: MonthWindow): Promise<{ entries: OpenedSummary[]; problems: StoreProblem[] }> {
    // Nothing opened yet this session: one scan of everything, as before (cheaper than looking each up).
    const cold = this.#opened.size === 0;
    const { rows, sealed } = await this.#windowRows(m, months, cold);
    // One taken from an audit digest has no list summary: opened again here.
    const needed = (row: ListedRow) => {
      const known = this.#opened.get(row.id);
      return known?.revision !== row.revision || known.summary === undefined;
    };
    if (cold) this.#openSealed(m, sealed);
    else await this.#openRows(m, rows.filter(needed), rows.length, months);
    const reviews = await this.#newestReviews(m, months);
    const found: StoreProblem[] = [];
    const entries: OpenedSummary[] = [];
    for (const row of rows) {
      const summary = this.#opened.get(row.id)?.summary;
      // Saved again between the two reads: the newer summary was opened under its own revision, and is as good.
      if (summary === undefined) {
        found.push(problems.unreadableConference(row.id, null));
        continue;
      }
      const review = reviews.get(row.id);
      const { review: _fromSave, ...rest } = summary;
      entries.push({ summary: review === undefined ? rest : { ...rest, review }, audit: this.#opened.get(row.id)?.audit });
    }
    return { entries, problems: found };
  }

  /**
   * A manager's look at a period: the audit's part of each summary in the window, taken first
   * from the member's digests of those months at the revisions the rows are still at, then from
   * the rows for what is left. Nothing of the list's is read: no review dates, no whole summaries.
   */
  async #auditList(m: SignedInMember, months: MonthWindow): Promise<{ summaries: AuditSummary[]; rows: ListedRow[] }> {
    const { rows } = await this.#windowRows(m, months, false);
    const notOpened = () => rows.filter((row) => this.#opened.get(row.id)?.revision !== row.revision);
    await this.#fillFromDigests(m, notOpened());
    await this.#openRows(m, notOpened(), rows.length, months);
    const summaries: AuditSummary[] = [];
    for (const row of rows) {
      // One that will not open is left out (the list reports it by id); the cohort counts what it has.
      const known = this.#opened.get(row.id);
      if (known !== undefined) summaries.push(known.auditSummary);
    }
    return { summaries, rows };
  }

  /** Ids, revisions and months of the window's rows (every row without one); with `withSealed`, their sealed summaries too. */
  async #windowRows(m: SignedInMember, months: MonthWindow | undefined, withSealed: boolean): Promise<{ rows: ListedRow[]; sealed: SealedRow[] }> {
    // bytea as base64, a quarter fewer bytes than hex.
    const columns = `id, revision, conference_month::text AS month${withSealed ? ", encode(summary, 'base64') AS summary, summary_key_id" : ''}`;
    // A window's rows in no particular order (the cohort sorts its own), as two halves so that
    // the months' half is read from conferences_month_heads alone (migrations/011).
    const { rows } = await m.client.query<ListedRow & Partial<SealedRow>>(
      months === undefined
        ? `SELECT ${columns} FROM cpc.conferences ORDER BY updated_at DESC, id DESC`
        : `SELECT ${columns} FROM cpc.conferences WHERE conference_month BETWEEN $1::date AND $2::date
           UNION ALL SELECT ${columns} FROM cpc.conferences WHERE conference_month IS NULL`,
      months === undefined ? [] : [months.from, months.to],
    );
    return { rows, sealed: withSealed ? (rows as SealedRow[]) : [] };
  }

  /** Opens the summaries of these rows of a window of `total` rows, into #opened. */
  async #openRows(m: SignedInMember, wanted: readonly ListedRow[], total: number, months: MonthWindow | undefined): Promise<void> {
    if (wanted.length === 0) return;
    if (wanted.length > total / 2) {
      // Most of the window to open (a manager's first look ever): one scan of it beats looking each up.
      const want = new Set(wanted.map((row) => row.id));
      const within = months === undefined ? '' : 'WHERE conference_month IS NULL OR conference_month BETWEEN $1::date AND $2::date';
      const { rows: sealed } = await m.client.query<SealedRow>(
        `SELECT id, revision, encode(summary, 'base64') AS summary, summary_key_id FROM cpc.conferences ${within}`,
        months === undefined ? [] : [months.from, months.to],
      );
      this.#openSealed(m, sealed.filter((row) => want.has(row.id)));
      return;
    }
    for (let start = 0; start < wanted.length; start += SUMMARY_BATCH) {
      const { rows: sealed } = await m.client.query<SealedRow>(
        "SELECT id, revision, encode(summary, 'base64') AS summary, summary_key_id FROM cpc.conferences WHERE id = ANY($1::uuid[])",
        [wanted.slice(start, start + SUMMARY_BATCH).map((row) => row.id)],
      );
      this.#openSealed(m, sealed);
    }
  }

  /** Opens sealed summaries into #opened; one that will not open is dropped from it. */
  #openSealed(m: SignedInMember, sealed: readonly SealedRow[]): void {
    for (const row of sealed) {
      const key = m.teamKeys.get(row.summary_key_id);
      try {
        if (key === undefined) throw new DecryptError();
        const { audit, ...summary } = openSummary(key, { id: row.id, revision: row.revision, summary: Buffer.from(row.summary, 'base64') });
        // Facts already read at this revision (from a digest, or sealed apart) are as good as the summary's own.
        const known = this.#opened.get(row.id);
        const kept = known?.revision === row.revision ? known.audit : undefined;
        this.#opened.set(row.id, { revision: row.revision, summary, auditSummary: auditSummaryOf(summary), audit: audit ?? kept });
      } catch {
        this.#opened.delete(row.id);
      }
    }
  }

  /** Each circulated conference's newest accuracy-review row's due dates (rows that will not open are left out, as in a page). */
  async #newestReviews(m: SignedInMember, months?: MonthWindow): Promise<Map<string, ReviewDueSummary>> {
    const within =
      months === undefined
        ? ''
        : 'WHERE conference_id IN (SELECT id FROM cpc.conferences WHERE conference_month IS NULL OR conference_month BETWEEN $1::date AND $2::date)';
    const { rows } = await m.client.query<{ conference_id: string; seq: number; summary: Buffer; summary_key_id: number }>(
      `SELECT DISTINCT ON (conference_id) conference_id, seq, summary, summary_key_id FROM cpc.conference_reviews ${within} ORDER BY conference_id, seq DESC`,
      months === undefined ? [] : [months.from, months.to],
    );
    const reviews = new Map<string, ReviewDueSummary>();
    for (const row of rows) {
      const review = openReviewSummary(row.conference_id, { seq: row.seq, summary: row.summary, key: m.teamKeys.get(row.summary_key_id) });
      if (review !== null) reviews.set(row.conference_id, review);
    }
    return reviews;
  }

  /**
   * The judgements of many conferences at once, for the cohort: their rows in one query, and in
   * another only the history entries that can be judgements (those after each conference's own
   * version entry, historySeq in its facts, and those a manager wrote), so the history's word on
   * each judgement is checked — and one deleted from the end is seen as missing — without
   * reading whole histories.
   */
  auditJudgements(conferences: readonly { id: string; historySeq: number | undefined }[]): Promise<Map<string, ConferenceJudgements>> {
    // One snapshot (#read): a judgement committed between reading the judgements and reading the
    // history entries that name them looked like one deleted from the store ("1 missing").
    return this.#read(async (m) => {
      const seqs = new Map(conferences.flatMap((c) => (c.historySeq !== undefined && UUID.safeParse(c.id).success ? [[c.id, c.historySeq] as const] : [])));
      const wanted = [...seqs.keys()];
      const answer = new Map<string, ConferenceJudgements>();
      if (wanted.length === 0) return answer;
      const judged = await m.client.query<{ conference_id: string; key_id: number; sealed: Buffer }>(
        'SELECT conference_id, key_id, sealed FROM cpc.audit_judgements WHERE conference_id = ANY($1::uuid[])',
        [wanted],
      );
      // The managers by name, sent back as values: the server then knows how few rows they
      // wrote (history_by_author, 008) and starts there. Asked as a subquery, it planned for
      // any author and read every conference's first entry or the whole history (75-160 ms at
      // 200,000 conferences).
      const { rows: managers } = await m.client.query<{ login: string }>("SELECT login FROM cpc.members WHERE role = 'manager'");
      const after = await m.client.query<{ conference_id: string; seq: number; key_id: number; sealed: Buffer }>(
        // After the version's own entry come only addenda and judgements; a judgement made
        // before a later save sits earlier, and only managers add history rows other than
        // through a chair's or minute-taker's own writes (record_judgement, migrations/003).
        // Two halves, each walked down an index (the history's key; history_by_author, 008):
        // written as one condition with OR, the server read the whole history at every look.
        `SELECT h.conference_id, h.seq, h.key_id, h.sealed
           FROM unnest($1::uuid[], $2::int[]) AS t(id, seq) JOIN cpc.history h ON h.conference_id = t.id AND h.seq > t.seq
         UNION ALL
         SELECT h.conference_id, h.seq, h.key_id, h.sealed
           FROM cpc.history h JOIN unnest($1::uuid[], $2::int[]) AS t(id, seq) ON h.conference_id = t.id AND h.seq <= t.seq
          WHERE h.created_by = ANY($3::text[])
          ORDER BY 1, 2`,
        [wanted, wanted.map((id) => seqs.get(id)!), managers.map((row) => row.login)],
      );
      // The data keys only of the conferences that have such rows (most have none).
      await this.#loadKeys(m, [...new Set([...judged.rows, ...after.rows].map((row) => row.conference_id))]);
      const stored = new Map<string, { judgements: StoredJudgement[]; unreadable: number; entries: HistoryEntry[] }>();
      const of = (id: string) => {
        let found = stored.get(id);
        if (found === undefined) stored.set(id, (found = { judgements: [], unreadable: 0, entries: [] }));
        return found;
      };
      for (const row of judged.rows) {
        const into = of(row.conference_id);
        try {
          const key = await this.#dataKey(m, row.conference_id, row.key_id);
          into.judgements.push(StoredJudgementSchema.parse(openJson(key, row.sealed, roles.judgement(row.conference_id))));
        } catch {
          into.unreadable += 1;
        }
      }
      for (const row of after.rows) {
        const into = of(row.conference_id);
        try {
          const key = await this.#dataKey(m, row.conference_id, row.key_id);
          into.entries.push(HistoryEntrySchema.parse(openJson(key, row.sealed, roles.history(row.conference_id, row.seq))));
        } catch {
          into.unreadable += 1;
        }
      }
      for (const [id, found] of stored) {
        found.judgements.sort((a, b) => a.statement.number - b.statement.number);
        const checked = checkJudgements(id, found.judgements, found.entries, found.unreadable);
        answer.set(id, { views: checked.views, missing: checked.missing });
      }
      return answer;
    });
  }

  /** The data keys of many conferences in one query, into the cache #dataKey reads. */
  async #loadKeys(m: SignedInMember, ids: readonly string[]): Promise<void> {
    const { rows } = await m.client.query<{ conference_id: string; key_id: number; team_key_version: number; wrapped: Buffer }>(
      'SELECT conference_id, key_id, team_key_version, wrapped FROM cpc.conference_keys WHERE conference_id = ANY($1::uuid[])',
      [ids],
    );
    for (const row of rows) {
      const teamKey = m.teamKeys.get(row.team_key_version);
      if (teamKey === undefined || this.#keys.has(`${row.conference_id}:${row.key_id}`)) continue;
      try {
        this.#keys.set(`${row.conference_id}:${row.key_id}`, Buffer.from(z.string().parse(openJson(teamKey, row.wrapped, conferenceKeyRole(row.conference_id, row.key_id))), 'base64'));
      } catch {
        // Left out: #dataKey then reports this conference as unreadable when it is needed.
      }
    }
  }

  createConference(input: NewConference): Promise<ConferenceRecord> {
    return this.#run(async (m) => {
      const at = this.#now().toISOString();
      const record = newRecord(input, at);
      const id = record.id;
      const entry = nextEntry(id, null, {
        at,
        actor: m.login,
        action: 'created',
        sections: Object.keys(record.sections).sort(),
        revision: 1,
        recordHash: recordHash(record),
      });
      const team = latestTeamKey(m);
      const dataKey = randomBytes(32);
      const rows = newConferenceRows(record, entry, team, dataKey);
      await this.#transaction(m, async (c) => {
        await c.query('INSERT INTO cpc.conferences (id, revision, summary, summary_key_id, conference_month, audit_facts) VALUES ($1, $2, $3, $4, $5, $6)', rows.conference);
        await c.query('INSERT INTO cpc.conference_keys (conference_id, key_id, team_key_version, wrapped) VALUES ($1, $2, $3, $4)', rows.key);
        await c.query('INSERT INTO cpc.conference_versions (conference_id, revision, key_id, sealed) VALUES ($1, $2, $3, $4)', rows.version);
        await c.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, $2, $3, $4)', rows.history);
      });
      this.#keys.set(`${id}:1`, dataKey);
      this.#seen?.wrote(id, { revision: record.revision, seq: entry.seq }, () => dateOf(record));
      return record;
    });
  }

  get(id: string): Promise<{ conference: ConferenceRecord; problems: StoreProblem[] }> {
    return this.#read(async (m) => {
      const current = await this.#current(m, id);
      const history = await this.#history(m, current);
      const found = history.intact ? [] : [problems.tamperedHistory(id, dateOf(current.record))];
      if (current.wentBack) found.push(problems.teamConferenceWentBack(current.wentBack));
      return { conference: current.record, problems: found };
    });
  }

  history(id: string): Promise<{ entries: HistoryEntry[]; intact: boolean }> {
    return this.#read(async (m) => this.#history(m, await this.#current(m, id)));
  }

  save(input: SaveInput): Promise<{ revision: number; savedAt: string }> {
    return this.#run(async (m) => {
      const current = await this.#current(m, input.id);
      const head = this.#refuseTampered(current);
      if (current.signed) throw signedFailure();
      const at = this.#now().toISOString();
      const outcome = applySave(current.record, input.baseRevision, input.sections, at);
      if (outcome.kind === 'unchanged') return { revision: outcome.revision, savedAt: outcome.savedAt };
      const { next, changed } = outcome;
      const entry = nextEntry(input.id, head, { at, actor: m.login, action: 'saved', sections: changed, revision: next.revision, recordHash: recordHash(next) });
      await this.#commit(m, current, next, entry);
      return { revision: next.revision, savedAt: at };
    });
  }

  // ── sign-off ─────────────────────────────────────────────────────────────

  sign(id: string, baseRevision: number): Promise<{ signed: SignedVersionView; revision: number }> {
    return this.#run(async (m) => {
      const current = await this.#current(m, id);
      const head = this.#refuseTampered(current);
      if (current.signed) throw signedFailure();
      if (baseRevision !== current.revision) {
        throw new ApiFailure('CONFLICT', 'This conference was changed elsewhere since you opened it. Reload it and check it before signing; nothing has been signed.');
      }
      const settings = await this.#settingsOf(m);
      const report = assessReadiness(templateForRecord(current.record), current.record, undefined, settings.local);
      if (!report.ready) {
        const blocking = report.findings.filter((f) => f.severity === 'blocking').length;
        throw new ApiFailure(
          'NOT_READY',
          `The minutes cannot be signed yet: ${blocking === 1 ? '1 item still needs' : `${blocking} items still need`} finishing (see “Ready to sign?”). Nothing has been signed.`,
        );
      }
      const profile = await this.#profileFile(m);
      if (profile === null) {
        throw new ApiFailure('NO_PROFILE', 'Before signing, enter your name, role and council under Settings → Chair profile. Nothing has been signed.');
      }
      // An accuracy review in progress holds the final signature, as on the local store.
      await new ReviewService(this.#reviewKeeper(m)).assertFinalAllowed(id);
      const at = this.#now().toISOString();
      const next: ConferenceRecord = ConferenceRecordSchema.parse({ ...purgeRemovedChildren(current.record), revision: current.revision + 1, updatedAt: at });
      const hash = recordHash(next);
      const statement: SignedStatement = {
        format: 1,
        conferenceId: id,
        version: 1,
        kind: 'minutes',
        revision: next.revision,
        recordHash: hash,
        previousHash: null,
        signer: signerOf(profile),
        signedAt: at,
      };
      const version = signWith(profile, statement);
      const entry = nextEntry(id, head, {
        at,
        actor: `${profile.name} (${m.login})`,
        action: 'signed',
        sections: Object.keys(next.sections).filter((k) => canonicalJson(current.record.sections[k]) !== canonicalJson(next.sections[k])).sort(),
        revision: next.revision,
        recordHash: hash,
        signedVersionHash: versionHash(version),
      });
      // The list's summary names it signed (so nothing there is called overdue any more).
      await this.#commit(m, current, next, entry, async (c, keyId, dataKey) => {
        await c.query('INSERT INTO cpc.signatures (conference_id, version, kind, revision, key_id, sealed) VALUES ($1, 1, $2, $3, $4, $5)', [
          id,
          'minutes',
          next.revision,
          keyId,
          sealJson(dataKey, { version, addendum: null }, roles.signature(id, 1)),
        ]);
      }, { versions: [version], addenda: [] });
      return { signed: view(version, null, true, null), revision: next.revision };
    });
  }

  addendum(id: string, reason: string, text: string): Promise<{ signed: SignedVersionView }> {
    return this.#run(async (m) => {
      // The signatures and the history they are checked against, read in one snapshot (read
      // apart, only the order of the two reads kept a colleague's addendum committed in between
      // from looking like tampering). Two addenda at once aim at the same history number and
      // signature version: the second is refused (CONFLICT).
      const { current, block, history } = await this.#snapshot(m, async () => {
        const current = await this.#current(m, id);
        this.#refuseTampered(current);
        const block = await this.#signedBlock(m, current);
        if (block === undefined) {
          throw new ApiFailure('NOT_READY', 'Addenda are for signed minutes. This conference is not signed yet, so correct the minutes themselves. Nothing has been added.');
        }
        return { current, block, history: await this.#history(m, current) };
      });
      if (!verify(id, { record: current.record, stored: { signed: block } }, signedHashes(history.entries)).intact) {
        throw new ApiFailure('TAMPERED', `Conference ${id}: its signed versions do not verify, so no addendum can be signed onto them. Nothing has been added; report this to your information governance lead.`);
      }
      const profile = await this.#profileFile(m);
      if (profile === null) throw new ApiFailure('NO_PROFILE', 'Before signing, enter your name, role and council under Settings → Chair profile. Nothing has been added.');
      const at = this.#now().toISOString();
      const number = block.versions.length + 1;
      const addendum: Addendum = { version: number, reason, text, author: profile.name, at };
      const locked = recordHash(current.record);
      const version = signWith(profile, {
        format: 1,
        conferenceId: id,
        version: number,
        kind: 'addendum',
        revision: current.revision,
        recordHash: addendumHash(locked, addendum),
        previousHash: versionHash(block.versions.at(-1) as SignedVersion),
        signer: signerOf(profile),
        signedAt: at,
      });
      const entry = nextEntry(id, history.entries.at(-1) ?? current.entry, {
        at,
        actor: `${profile.name} (${m.login})`,
        action: 'addendum',
        sections: [],
        revision: current.revision,
        recordHash: locked,
        signedVersionHash: versionHash(version),
      });
      const dataKey = await this.#dataKey(m, id, current.keyId);
      await this.#transaction(m, async (c) => {
        await c.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, $2, $3, $4)', [id, entry.seq, current.keyId, sealJson(dataKey, entry, roles.history(id, entry.seq))]);
        await c.query('INSERT INTO cpc.signatures (conference_id, version, kind, revision, key_id, sealed) VALUES ($1, $2, $3, $4, $5, $6)', [
          id,
          number,
          'addendum',
          current.revision,
          current.keyId,
          sealJson(dataKey, { version, addendum }, roles.signature(id, number)),
        ]);
      });
      this.#seen?.wrote(id, { revision: current.revision, seq: entry.seq }, () => dateOf(current.record));
      return { signed: view(version, addendum, true, null) };
    });
  }

  signatures(id: string): Promise<Signatures> {
    return this.#read(async (m) => this.#signatures(m, await this.#current(m, id)));
  }

  exportSource(id: string): Promise<ExportSource> {
    return this.#read(async (m) => {
      const current = await this.#current(m, id);
      return { record: current.record, signed: await this.#signedBlock(m, current), signatures: await this.#signatures(m, current) };
    });
  }

  // ── moving a chair's local records in (import-local.ts) ──────────────────

  /**
   * Puts one conference from a local store into the team store as it is: its record, its whole
   * history (already hash-chained from the conference id, so it verifies here unchanged) and its
   * signed versions. Refused unless that history verifies and ends on this record. Already here
   * with the same record and history head: nothing is written ('present'); different: refused.
   */
  importConference(input: { record: ConferenceRecord; entries: readonly HistoryEntry[]; signed: SignedBlock | undefined; review?: ReviewBlock }): Promise<'imported' | 'present'> {
    return this.#run(async (m) => {
      const { record, entries, signed, review } = input;
      const id = record.id;
      const last = entries.at(-1);
      if (last === undefined || !chainIsValid(id, entries) || last.recordHash !== recordHash(record) || last.revision !== record.revision) {
        throw new ApiFailure('TAMPERED', `Conference ${id} was not imported: its history on this computer does not verify. Nothing has been sent.`);
      }
      // A local judgement lives in the local document, not in what is imported, and on the team
      // only a manager may write one: sent without it, the history would name a judgement the
      // server does not hold and the conference would read as tampered. Left where it is instead.
      if (entries.some((entry) => entry.action === 'judgement')) {
        throw new ApiFailure(
          'NOT_AVAILABLE',
          `Conference ${id} was not imported: it carries a manager's audit judgement, which cannot be moved into the team store. It stays on this computer; nothing has been sent.`,
        );
      }
      const existing = await m.client.query('SELECT 1 FROM cpc.conferences WHERE id = $1', [id]);
      if (existing.rowCount === 1) {
        const current = await this.#current(m, id);
        const history = await this.#history(m, current);
        if (recordHash(current.record) === recordHash(record) && history.entries.at(-1)?.hash === last.hash) return 'present';
        throw new ApiFailure('CONFLICT', `Conference ${id} is already in the team store with different contents. Nothing has been changed.`);
      }
      const team = latestTeamKey(m);
      const dataKey = randomBytes(32);
      await this.#transaction(m, async (c) => {
        const columns = summaryColumns(
          team.key,
          record,
          last.seq,
          input.signed ? { block: input.signed, intact: verify(id, { record, stored: { signed: input.signed } }, signedHashes(entries)).intact } : undefined,
        );
        await c.query('INSERT INTO cpc.conferences (id, revision, summary, summary_key_id, conference_month, audit_facts) VALUES ($1, $2, $3, $4, $5, $6)', [
          id,
          record.revision,
          columns.summary,
          team.version,
          columns.month,
          columns.auditFacts,
        ]);
        await c.query('INSERT INTO cpc.conference_keys (conference_id, key_id, team_key_version, wrapped) VALUES ($1, 1, $2, $3)', [
          id,
          team.version,
          sealJson(team.key, dataKey.toString('base64'), conferenceKeyRole(id, 1)),
        ]);
        await c.query('INSERT INTO cpc.conference_versions (conference_id, revision, key_id, sealed) VALUES ($1, $2, 1, $3)', [
          id,
          record.revision,
          sealJson(dataKey, { record, entry: last }, roles.version(id, record.revision)),
        ]);
        for (const entry of entries) {
          await c.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, $2, 1, $3)', [id, entry.seq, sealJson(dataKey, entry, roles.history(id, entry.seq))]);
        }
        // The accuracy review comes with it, as the row of its last review step (before the
        // signatures: the server takes no review row once a conference is signed).
        const lastStep = entries.filter((entry) => REVIEW_ACTIONS.has(entry.action)).at(-1);
        if (review !== undefined && lastStep !== undefined) {
          await insertReview(c, id, last.seq, 1, dataKey, review, team);
        }
        for (const version of signed?.versions ?? []) {
          const number = version.statement.version;
          const addendum = signed?.addenda.find((a) => a.version === number) ?? null;
          await c.query('INSERT INTO cpc.signatures (conference_id, version, kind, revision, key_id, sealed) VALUES ($1, $2, $3, $4, 1, $5)', [
            id,
            number,
            version.statement.kind,
            record.revision,
            sealJson(dataKey, { version, addendum }, roles.signature(id, number)),
          ]);
        }
      });
      this.#keys.set(`${id}:1`, dataKey);
      this.#seen?.wrote(id, { revision: record.revision, seq: last.seq }, () => dateOf(record));
      return 'imported';
    });
  }

  // ── internals ────────────────────────────────────────────────────────────

  /**
   * The server going away (restarted, network lost) must not crash the app: the connection is
   * marked dropped and the next operation connects again with the session's password. An
   * operation cut off mid-way is answered as failed; its transaction either committed whole or
   * not at all, and a retried save that had in fact landed is answered as saved.
   */
  #watch(client: pg.Client): void {
    const dropped = () => {
      if (this.#member?.client === client) this.#dropped = true;
    };
    client.on('error', dropped);
    client.on('end', dropped);
  }

  #dropped = false;
  #lastActivity = 0;
  #autoLockMinutes = DEFAULT_SETTINGS.autoLockMinutes;
  #idleLockedAfter: number | null = null;

  /** The same rule as the local store: no use for the set number of minutes locks the session. */
  #idleExpired(): boolean {
    return this.#autoLockMinutes > 0 && this.#now().getTime() - this.#lastActivity >= this.#autoLockMinutes * 60_000;
  }

  async #lockForIdle(): Promise<void> {
    this.#idleLockedAfter = this.#autoLockMinutes;
    await this.#close();
  }

  async #reconnect(member: SignedInMember): Promise<void> {
    const client = await connect(clientConfig(this.#server, member.login, member.databasePassword));
    await member.client.end().catch(() => undefined);
    member.client = client;
    this.#dropped = false;
    this.#watch(client);
  }

  /** Every operation: signed in, one at a time on this member's connection, errors made plain. */
  #run<T>(work: (member: SignedInMember) => Promise<T>, countsAsUse = true): Promise<T> {
    return this.#queue.run(async () => {
      if (this.#member !== null && this.#idleExpired()) await this.#lockForIdle();
      const member = this.#member;
      if (member === null) {
        const after = this.#idleLockedAfter;
        throw new ApiFailure(
          'LOCKED',
          after === null
            ? 'Sign in to the team’s store to carry on.'
            : `The app locked itself after ${after === 1 ? '1 minute' : `${after} minutes`} without use. Enter your passphrase to carry on; everything saved before then is safe.`,
        );
      }
      // lease9: an open page renewing its edit lease is not someone using the app (it must not hold off the idle lock).
      if (countsAsUse) this.#lastActivity = this.#now().getTime();
      try {
        if (this.#dropped) await this.#reconnect(member);
        return await work(member);
      } catch (error) {
        const failure = plainFailure(error);
        // Removed from the team mid-session: lock, so the screen asks for sign-in again.
        if (failure.code === 'FORBIDDEN' && !(await this.#stillMember(member))) await this.#close();
        throw failure;
      }
    });
  }

  async #stillMember(member: SignedInMember): Promise<boolean> {
    try {
      const { rows } = await member.client.query<{ active: boolean }>("SELECT status = 'active' AS active FROM cpc.members WHERE login = session_user");
      return rows[0]?.active === true;
    } catch {
      return false;
    }
  }

  async #close(): Promise<void> {
    const member = this.#member;
    this.#member = null;
    const seen = this.#seen;
    this.#seen = null;
    await seen?.close();
    this.#dropped = false;
    for (const key of this.#keys.values()) key.fill(0);
    this.#keys.clear();
    this.#written.clear();
    this.#opened.clear();
    this.#auditMemo.clear();
    this.#digested.clear();
    // Every way of closing (lock, idle lock, removal) drops what export caches hold from records.
    for (const listener of this.#lockListeners) listener();
    if (member === null) return;
    member.personalKey.fill(0);
    for (const key of member.teamKeys.values()) key.fill(0);
    // Whoever locks is no longer editing: teammates stop seeing "being edited by" now, not when
    // the lease runs out (up to 90 s). Best effort: with the server away the lease runs out anyway.
    await member.client.query('DELETE FROM cpc.edit_leases WHERE member = session_user').catch(() => undefined);
    await member.client.end().catch(() => undefined);
  }

  async #transaction(m: SignedInMember, work: (c: pg.ClientBase) => Promise<void>): Promise<void> {
    await m.client.query('BEGIN');
    try {
      await work(m.client);
      await m.client.query('COMMIT');
    } catch (error) {
      await m.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * A read of one conference that takes several statements (its version, its history, its review
   * or judgements), all from one snapshot. Read statement by statement, a colleague's save or
   * review step committed in between made the parts disagree: a history running past the record,
   * or a review row with no history entry yet. Both were reported as tampering, a false alarm
   * sent to the information governance lead.
   */
  async #snapshot<T>(m: SignedInMember, work: () => Promise<T>): Promise<T> {
    await m.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const result = await work();
      await m.client.query('COMMIT');
      return result;
    } catch (error) {
      await m.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** #run for a read that must be one snapshot (#snapshot). */
  #read<T>(work: (member: SignedInMember) => Promise<T>): Promise<T> {
    return this.#run((m) => this.#snapshot(m, () => work(m)));
  }

  async #dataKey(m: SignedInMember, id: string, keyId: number): Promise<Buffer> {
    const cached = this.#keys.get(`${id}:${keyId}`);
    if (cached !== undefined) return cached;
    const { rows } = await m.client.query<{ team_key_version: number; wrapped: Buffer }>(
      'SELECT team_key_version, wrapped FROM cpc.conference_keys WHERE conference_id = $1 AND key_id = $2',
      [id, keyId],
    );
    const row = rows[0];
    const teamKey = row === undefined ? undefined : m.teamKeys.get(row.team_key_version);
    if (row === undefined || teamKey === undefined) throw this.#unreadable(id, null);
    try {
      const key = Buffer.from(z.string().parse(openJson(teamKey, row.wrapped, conferenceKeyRole(id, keyId))), 'base64');
      this.#keys.set(`${id}:${keyId}`, key);
      return key;
    } catch {
      throw this.#unreadable(id, null);
    }
  }

  #unreadable(id: string, date: string | null): ApiFailure {
    return new ApiFailure('CORRUPT', problems.unreadableConference(id, date).message.replace('its file is damaged', 'its stored copy is damaged'));
  }

  async #current(m: SignedInMember, id: string): Promise<Current> {
    if (!UUID.safeParse(id).success) throw NOT_FOUND();
    // The history's last row comes in the same round trip: after an addendum or a manager's
    // judgement it is not the version's own entry, and the next entry must follow it.
    const { rows } = await m.client.query<{
      revision: number;
      signed: boolean;
      key_id: number;
      sealed: Buffer;
      team_key_version: number;
      head_seq: number | null;
      head_key_id: number | null;
      head_sealed: Buffer | null;
    }>(
      `SELECT c.revision, c.signed, v.key_id, v.sealed, k.team_key_version, h.seq AS head_seq, h.key_id AS head_key_id, h.sealed AS head_sealed
         FROM cpc.conferences c
         JOIN cpc.conference_versions v ON v.conference_id = c.id AND v.revision = c.revision
         JOIN cpc.conference_keys k ON k.conference_id = c.id AND k.key_id = v.key_id
         LEFT JOIN LATERAL (SELECT seq, key_id, sealed FROM cpc.history WHERE conference_id = c.id ORDER BY seq DESC LIMIT 1) h ON true
        WHERE c.id = $1`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) throw NOT_FOUND();
    const dataKey = await this.#dataKey(m, id, row.key_id);
    try {
      const written = this.#written.get(id);
      const known = written !== undefined && written.revision === row.revision && written.sealed.equals(row.sealed);
      const version = known ? written : VersionSchema.parse(openJson(dataKey, row.sealed, roles.version(id, row.revision)));
      const record = known ? written.record : ConferenceRecordSchema.parse(version.record);
      const entry = version.entry;
      let head: HistoryEntry | null = entry;
      if (row.head_seq !== null && row.head_seq !== entry.seq && row.head_key_id !== null && row.head_sealed !== null) {
        const headKey = await this.#dataKey(m, id, row.head_key_id);
        try {
          head = HistoryEntrySchema.parse(openJson(headKey, row.head_sealed, roles.history(id, row.head_seq)));
        } catch {
          head = null;
        }
      }
      const wentBack = this.#seen?.read(id, { revision: row.revision, seq: row.head_seq ?? 0 }, () => dateOf(record)) ?? null;
      return { id, revision: row.revision, signed: row.signed, keyId: row.key_id, teamKeyVersion: row.team_key_version, record, entry, head, hashKnown: known, wentBack };
    } catch (error) {
      if (error instanceof ApiFailure) throw error;
      throw this.#unreadable(id, null);
    }
  }

  /**
   * The history, checked: every row opens, the chain links from the genesis, the last entry is
   * the current version's, and that entry's record hash is the record's. A row changed or
   * removed directly in the database fails one of these.
   */
  async #history(m: SignedInMember, current: Current): Promise<{ entries: HistoryEntry[]; intact: boolean }> {
    const { rows } = await m.client.query<{ seq: number; key_id: number; sealed: Buffer }>(
      'SELECT seq, key_id, sealed FROM cpc.history WHERE conference_id = $1 ORDER BY seq',
      [current.id],
    );
    const entries: HistoryEntry[] = [];
    let readable = true;
    for (const row of rows) {
      try {
        const key = await this.#dataKey(m, current.id, row.key_id);
        entries.push(HistoryEntrySchema.parse(openJson(key, row.sealed, roles.history(current.id, row.seq))));
      } catch {
        readable = false;
      }
    }
    // The version's own entry is in the chain where it says; after it come only addenda,
    // judgements and review steps, which leave the record (its hash and revision) as it was.
    const locked = recordHash(current.record);
    const after = entries.slice(current.entry.seq + 1);
    const intact =
      readable &&
      chainIsValid(current.id, entries) &&
      entries[current.entry.seq]?.hash === current.entry.hash &&
      current.entry.recordHash === locked &&
      current.entry.revision === current.revision &&
      after.every((e) => (e.action === 'addendum' || e.action === 'judgement' || REVIEW_ACTIONS.has(e.action)) && e.recordHash === locked && e.revision === current.revision);
    return { entries, intact };
  }

  /** Refuses to build on a conference whose stored copy and history disagree; answers the entry to follow. */
  #refuseTampered(current: Current): HistoryEntry {
    // Building on an earlier version than one seen would bury the newer one, which a backup may still hold.
    if (current.wentBack) throw new ApiFailure('TAMPERED', wentBackRefusal(current.wentBack));
    const { entry, head } = current;
    // What follows the version's entry (addenda, judgements) leaves the record as it was.
    const headFollows = head !== null && (head === entry || (head.seq > entry.seq && head.recordHash === entry.recordHash && head.revision === entry.revision));
    const hashMatches = current.hashKnown === true || entry.recordHash === recordHash(current.record);
    if (head === null || !hashMatches || entry.revision !== current.revision || !headFollows) {
      throw new ApiFailure(
        'TAMPERED',
        `Conference ${current.id} was not saved because its stored copy does not match its history. Nothing has been changed; report this to your information governance lead.`,
      );
    }
    return head;
  }

  async #insertVersion(c: pg.ClientBase, id: string, keyId: number, dataKey: Buffer, record: ConferenceRecord, entry: HistoryEntry): Promise<void> {
    await c.query('INSERT INTO cpc.conference_versions (conference_id, revision, key_id, sealed) VALUES ($1, $2, $3, $4)', [
      id,
      record.revision,
      keyId,
      sealJson(dataKey, { record, entry }, roles.version(id, record.revision)),
    ]);
    await c.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, $2, $3, $4)', [id, entry.seq, keyId, sealJson(dataKey, entry, roles.history(id, entry.seq))]);
  }

  /**
   * One new version: the conference row moves from the revision this save was based on (zero
   * rows means someone else saved first: CONFLICT), the version and its history entry go in, all
   * in one transaction. After the team key rotates, the first write makes the conference a new
   * data key under the new team key, so a removed member's copy of the old one opens nothing new.
   */
  async #commit(
    m: SignedInMember,
    current: Current,
    next: ConferenceRecord,
    entry: HistoryEntry,
    more?: (c: pg.ClientBase, keyId: number, dataKey: Buffer) => Promise<void>,
    /** The signed versions this write makes (sign-off), for the summary's "Signed" and the audit's facts. */
    signed?: SignedBlock,
  ): Promise<void> {
    const id = current.id;
    const team = latestTeamKey(m);
    const rotate = current.teamKeyVersion < team.version;
    const keyId = rotate ? current.keyId + 1 : current.keyId;
    const dataKey = rotate ? randomBytes(32) : await this.#dataKey(m, id, current.keyId);
    const columns = summaryColumns(team.key, next, entry.seq, signed ? { block: signed, intact: true } : undefined);
    if (more === undefined) {
      // A plain save: one statement (migrations/002), so one round trip and atomic by itself.
      const sealedVersion = sealJson(dataKey, { record: next, entry }, roles.version(id, next.revision));
      const { rows } = await m.client.query<{ committed: boolean }>('SELECT cpc.commit_version($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) AS committed', [
        id,
        current.revision,
        columns.summary,
        team.version,
        keyId,
        rotate ? team.version : null,
        rotate ? sealJson(team.key, dataKey.toString('base64'), conferenceKeyRole(id, keyId)) : null,
        sealedVersion,
        entry.seq,
        sealJson(dataKey, entry, roles.history(id, entry.seq)),
        columns.month,
        columns.auditFacts,
      ]);
      if (rows[0]?.committed !== true) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
      if (rotate) this.#keys.set(`${id}:${keyId}`, dataKey);
      this.#remember(id, { revision: next.revision, sealed: sealedVersion, record: next, entry });
      this.#seen?.wrote(id, { revision: next.revision, seq: entry.seq }, () => dateOf(next));
      return;
    }
    await this.#transaction(m, async (c) => {
      const moved = await c.query(
        'UPDATE cpc.conferences SET revision = $2, summary = $3, summary_key_id = $4, conference_month = $6, audit_facts = $7 WHERE id = $1 AND revision = $5',
        [id, next.revision, columns.summary, team.version, current.revision, columns.month, columns.auditFacts],
      );
      if (moved.rowCount !== 1) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
      if (rotate) {
        await c.query('INSERT INTO cpc.conference_keys (conference_id, key_id, team_key_version, wrapped) VALUES ($1, $2, $3, $4)', [
          id,
          keyId,
          team.version,
          sealJson(team.key, dataKey.toString('base64'), conferenceKeyRole(id, keyId)),
        ]);
      }
      await this.#insertVersion(c, id, keyId, dataKey, next, entry);
      await more?.(c, keyId, dataKey);
    });
    if (rotate) this.#keys.set(`${id}:${keyId}`, dataKey);
    this.#seen?.wrote(id, { revision: next.revision, seq: entry.seq }, () => dateOf(next));
  }

  #remember(id: string, written: Written): void {
    this.#written.delete(id);
    this.#written.set(id, written);
    for (const oldest of this.#written.keys()) {
      if (this.#written.size <= WRITTEN_KEPT) break;
      this.#written.delete(oldest);
    }
  }

  async #signedBlock(m: SignedInMember, current: Current): Promise<SignedBlock | undefined> {
    const { rows } = await m.client.query<{ version: number; key_id: number; sealed: Buffer }>(
      'SELECT version, key_id, sealed FROM cpc.signatures WHERE conference_id = $1 ORDER BY version',
      [current.id],
    );
    if (rows.length === 0) return undefined;
    const versions: SignedVersion[] = [];
    const addenda: Addendum[] = [];
    for (const row of rows) {
      const key = await this.#dataKey(m, current.id, row.key_id);
      const parsed = SignatureRowSchema.parse(openJson(key, row.sealed, roles.signature(current.id, row.version)));
      versions.push(parsed.version);
      if (parsed.addendum !== null) addenda.push(parsed.addendum);
    }
    return { versions: versions as [SignedVersion, ...SignedVersion[]], addenda };
  }

  async #signatures(m: SignedInMember, current: Current): Promise<Signatures> {
    const block = await this.#signedBlock(m, current);
    const history = await this.#history(m, current);
    return verify(current.id, { record: current.record, stored: { signed: block } }, signedHashes(history.entries));
  }

  async #settingsOf(m: SignedInMember): Promise<Settings> {
    const { rows } = await m.client.query<{ sealed: Buffer }>('SELECT sealed FROM cpc.member_settings WHERE member = session_user');
    return rows[0] === undefined ? DEFAULT_SETTINGS : SettingsSchema.parse(openJson(m.personalKey, rows[0].sealed, roles.settings(m.login)));
  }

  /**
   * Seals the profile for this member alone and, when its keys or certificate changed, publishes
   * the public parts to teammates in the same transaction, so a certificate is never used to
   * sign a PDF that teammates could not recognise.
   */
  async #writeProfile(m: SignedInMember, file: ProfileFile, before: ProfileFile | null = null): Promise<void> {
    const published = before !== null && before.publicKey === file.publicKey && before.pdfCertificate?.fingerprint === file.pdfCertificate?.fingerprint;
    await this.#transaction(m, async (c) => {
      await c.query(
        `INSERT INTO cpc.member_profiles (sealed) VALUES ($1)
         ON CONFLICT (member) DO UPDATE SET sealed = excluded.sealed, updated_at = now()`,
        [sealJson(m.personalKey, file, roles.profile(m.login))],
      );
      if (published) return;
      const team = latestTeamKey(m);
      const open = { publicKey: file.publicKey, certificates: knownCertificatesOf(file) };
      await c.query('INSERT INTO cpc.member_public (team_key_version, sealed) VALUES ($1, $2)', [team.version, sealJson(team.key, open, roles.memberPublic(m.login))]);
    });
  }

  /** Every member's published public parts; a row that does not open under its member's name is left out (it cannot vouch for anyone). */
  async #teamPublic(m: SignedInMember): Promise<z.infer<typeof MemberPublicSchema>[]> {
    const { rows } = await m.client.query<{ member: string; team_key_version: number; sealed: Buffer }>('SELECT member, team_key_version, sealed FROM cpc.member_public ORDER BY id');
    const out: z.infer<typeof MemberPublicSchema>[] = [];
    for (const row of rows) {
      const key = m.teamKeys.get(row.team_key_version);
      if (key === undefined) continue;
      try {
        out.push(MemberPublicSchema.parse(openJson(key, row.sealed, roles.memberPublic(row.member))));
      } catch (error) {
        if (!(error instanceof DecryptError) && !(error instanceof z.ZodError)) throw error;
      }
    }
    return out;
  }

  async #profileFile(m: SignedInMember): Promise<ProfileFile | null> {
    const { rows } = await m.client.query<{ sealed: Buffer }>('SELECT sealed FROM cpc.member_profiles WHERE member = session_user');
    return rows[0] === undefined ? null : ProfileSchema.parse(openJson(m.personalKey, rows[0].sealed, roles.profile(m.login)));
  }
}

/** A new conference's four rows, as parameter lists in the column order of createConference's INSERTs. */
export interface NewConferenceRows {
  conference: [id: string, revision: number, summary: Buffer, summaryKeyId: number, month: string | null, auditFacts: Buffer];
  key: [conferenceId: string, keyId: number, teamKeyVersion: number, wrapped: Buffer];
  version: [conferenceId: string, revision: number, keyId: number, sealed: Buffer];
  history: [conferenceId: string, seq: number, keyId: number, sealed: Buffer];
}

/**
 * What createConference writes for a new conference: its summary under the team key, its data
 * key wrapped by the team key, and its first version and history entry under the data key.
 * Exported so the benchmark seeds 200,000 conferences with exactly the store's rows.
 */
export function newConferenceRows(record: ConferenceRecord, entry: HistoryEntry, team: { version: number; key: Buffer }, dataKey: Buffer): NewConferenceRows {
  const id = record.id;
  const columns = summaryColumns(team.key, record, entry.seq);
  return {
    conference: [id, record.revision, columns.summary, team.version, columns.month, columns.auditFacts],
    key: [id, 1, team.version, sealJson(team.key, dataKey.toString('base64'), conferenceKeyRole(id, 1))],
    version: [id, record.revision, 1, sealJson(dataKey, { record, entry }, roles.version(id, record.revision))],
    history: [id, entry.seq, 1, sealJson(dataKey, entry, roles.history(id, entry.seq))],
  };
}

function signedHashes(entries: readonly HistoryEntry[]): Set<string> {
  return new Set(entries.flatMap((entry) => (entry.signedVersionHash ? [entry.signedVersionHash] : [])));
}

function signedFailure(): ApiFailure {
  return new ApiFailure(
    'SIGNED',
    'These minutes were signed and can no longer be changed. Corrections are made as a signed addendum: use “Add an addendum”. Nothing has been changed.',
  );
}

function wentBackRefusal(found: WentBack): string {
  return `Conference ${found.id} was not saved because the team server ${wentBackState(found)}. Nothing has been changed; your text is still on screen. Tell your team admin, who may be able to restore the newer version from a backup; once they have checked, accept the server as it is from the list of conferences.`;
}

/**
 * The conference's date as its summary gives it (a real date, or null), read straight from the
 * meeting section: the whole summary runs the readiness rules (about 1 ms), and a save asked for
 * the date twice more after summarising (its month, and the versions seen).
 */
function dateOf(record: ConferenceRecord): string | null {
  const date = textOf(meetingValues(record)['date']);
  return IsoDateSchema.safeParse(date).success ? date : null;
}

/** The months an audit of a period reads: the period's, and the twelve after it in which a child may come back. */
export function auditMonths(period: AuditPeriod): MonthWindow {
  return { from: `${period.from.slice(0, 7)}-01`, to: `${addMonths(period.to, CAME_BACK_MONTHS).slice(0, 7)}-01` };
}

/**
 * The month a conference was held (its first day), which the server keeps in plain beside the
 * sealed summary so the audit of a period reads only that period's rows (migrations/008).
 * Null with no date yet: such rows are read by every cohort.
 */
export function conferenceMonth(record: ConferenceRecord): string | null {
  const date = dateOf(record);
  return date === null ? null : `${date.slice(0, 7)}-01`;
}

function profileView(file: ProfileFile): ChairProfile {
  return { name: file.name, role: file.role, council: file.council, keyId: keyIdOf(Buffer.from(file.publicKey, 'base64')), createdAt: file.createdAt, ...certificateView(file.pdfCertificate) };
}

function signerOf(file: ProfileFile) {
  return { name: file.name, role: file.role, council: file.council, publicKey: file.publicKey, keyId: keyIdOf(Buffer.from(file.publicKey, 'base64')) };
}

function signWith(file: ProfileFile, statement: SignedStatement): SignedVersion {
  const der = Buffer.from(file.privateKey, 'base64');
  try {
    return signStatement(statement, privateKeyFrom(der));
  } finally {
    der.fill(0);
  }
}

/** A conference row as the whole list first reads it: no sealed bytes yet. */
/** A conference row's sealed summary, as base64 (#windowRows, #openRows). */
interface SealedRow {
  id: string;
  revision: number;
  summary: string;
  summary_key_id: number;
}

interface ListedRow {
  id: string;
  revision: number;
  /** conference_month as text ('2024-03-01'), null with no date or written before migrations/008. */
  month: string | null;
}

/** An entry's revision and whether it carries facts, as one number (compared for 40,000 entries at each look). */
const digestStamp = (e: DigestEntry): number => e.revision * 2 + (e.audit === undefined ? 0 : 1);

function digestContents(entries: readonly DigestEntry[]): Map<string, number> {
  return new Map(entries.map((e) => [e.id, digestStamp(e)]));
}

function sameDigest(known: ReadonlyMap<string, number> | undefined, entries: readonly DigestEntry[]): boolean {
  if (known === undefined || known.size !== entries.length) return false;
  return entries.every((e) => known.get(e.id) === digestStamp(e));
}
