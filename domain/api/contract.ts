import { z } from 'zod';
import {
  ConferenceRecordSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  SectionValueSchema,
} from '../record/conference';
import { NewConferenceSchema, type NewConference } from '../record/new-conference';
import { ConferenceSummarySchema } from '../record/summary';
import { ListCursorSchema, ListPageSchema } from '../record/list-page';
import { AuditFiltersSchema, AuditPeriodSchema, AuditRowSchema, JudgementInputSchema, JudgementViewSchema } from '../audit/types';
import { CohortViewRequestSchema, CohortViewSchema } from '../audit/view';
import { LocalSettingsSchema } from '../rules/local-settings';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS } from '../signoff/file-name';
import {
  ChairProfileInputSchema,
  ChairProfileSchema,
  MAX_ADDENDUM_LENGTH,
  SignaturesSchema,
  SignedVersionViewSchema,
} from '../signoff/schemas';
import { FileVerificationSchema, MAX_VERIFY_FILE_BYTES } from '../signoff/verification';
import { RecipientInputSchema, ReviewCopyFileSchema } from '../review/schemas';
import { ReviewStateSchema } from '../review/state';

/**
 * The one API contract: operation name → input schema → output schema.
 * main/ registers a handler for each (IPC and the browser shell), the preload exposes
 * exactly these, and the renderer's client is generated from this table.
 */

export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;
const PassphraseSchema = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);

export const VaultStateSchema = z.enum(['new', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultStateSchema>;

export const SettingsSchema = z.strictObject({
  /** Minutes without activity before the app locks itself; 0 turns auto-lock off. */
  autoLockMinutes: z.number().int().min(0).max(240).default(10),
  /** The council's own rules: timescales, quorum, extra non-working days. */
  local: LocalSettingsSchema.prefault({}),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export const StoreProblemSchema = z.strictObject({
  /** The conference affected, when known (an id, never a name). */
  conferenceId: z.string().nullable(),
  kind: z.enum(['corrupt', 'tampered', 'recovered', 'rolledBack', 'unprotected']),
  message: z.string(),
});
export type StoreProblem = z.infer<typeof StoreProblemSchema>;

export const HistoryEntrySchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  at: IsoDateTimeSchema,
  actor: z.string(),
  action: z.enum([
    'created', 'saved', 'migrated', 'signed', 'addendum',
    // accuracy review (main/services/review)
    'draft-approved', 'circulated', 'review-imported', 'review-accepted', 'review-declined', 'no-comments',
    // 'judgement': a manager's audit judgement (main/services/store/judgements.ts); the record is unchanged.
    'judgement',
  ]),
  /** Which sections changed, by id: the history says what changed without copying it. */
  sections: z.array(z.string()),
  revision: z.number().int().nonnegative(),
  recordHash: z.string(),
  prevHash: z.string(),
  /** For 'signed' and 'addendum': the hash of the signed version, so the history vouches for it too. */
  signedVersionHash: z.string().optional(),
  /** For accuracy-review entries: what was done, for whom (an organisation, never the comment's words). */
  detail: z.string().max(1000).optional(),
  hash: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

// Defined beside the record: an unborn baby may be created unnamed (see new-conference.ts).
export { NewConferenceSchema, type NewConference };

const Empty = z.strictObject({});

// ── lease9: roles on screen and "being edited by …" (issue 9) ──
/** What a member may do; on this computer the one person is the chair. */
export const MemberRoleSchema = z.enum(['chair', 'minute_taker', 'manager', 'team_admin']);
export type MemberRole = z.infer<typeof MemberRoleSchema>;
export const SessionInfoSchema = z.strictObject({
  /** Where the records are: 'local' (this computer) or a team's server, named by host and database (never a person). */
  store: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('local') }), z.strictObject({ kind: z.literal('team'), host: z.string().max(300), database: z.string().max(100) })]),
  /** Null until someone is signed in. */
  role: MemberRoleSchema.nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
/** 'hold' takes or renews this member's lease, 'look' only asks (read-only pages), 'release' lets it go. */
export const EditLeaseActionSchema = z.enum(['hold', 'look', 'release']);
export type EditLeaseAction = z.infer<typeof EditLeaseActionSchema>;
export const EditLeasesSchema = z.strictObject({
  /** Other members in this conference now, by the name they gave their teammates (sealed on the server). */
  others: z.array(z.strictObject({ name: z.string().max(200), since: IsoDateTimeSchema, until: IsoDateTimeSchema })).max(50),
});
export type EditLeases = z.infer<typeof EditLeasesSchema>;

export const apiContract = {
  'vault.status': {
    input: Empty,
    // `demo` is present only in `npm run demo`, so its lock screen can say so and show the passphrase.
    output: z.strictObject({
      state: VaultStateSchema,
      demo: z.strictObject({ passphrase: z.string().max(200) }).optional(),
      // lease9: where the records are and the signed-in member's role, so screens offer only what the role may do.
      session: SessionInfoSchema.optional(),
    }),
  },
  'vault.create': {
    input: z.strictObject({ passphrase: PassphraseSchema }),
    output: z.strictObject({ state: VaultStateSchema }),
  },
  'vault.unlock': {
    input: z.strictObject({ passphrase: PassphraseSchema }),
    output: z.strictObject({ state: VaultStateSchema, problems: z.array(StoreProblemSchema) }),
  },
  'vault.lock': {
    input: Empty,
    output: z.strictObject({ state: VaultStateSchema }),
  },
  'settings.get': {
    input: Empty,
    output: SettingsSchema,
  },
  'settings.update': {
    input: z.strictObject({
      autoLockMinutes: z.number().int().min(0).max(240).optional(),
      local: LocalSettingsSchema.optional(),
    }),
    output: SettingsSchema,
  },
  'conferences.list': {
    input: ListPageSchema,
    output: z.strictObject({
      conferences: z.array(ConferenceSummarySchema),
      problems: z.array(StoreProblemSchema),
      /** Entries the page could not read and left out (set by the page's tolerant reading, see conference-list.ts). */
      unreadable: z.number().int().nonnegative().optional(),
      /** pgbench9: where the next page starts (give it as `after`); null on the last page; absent when the whole list was asked for. */
      next: ListCursorSchema.nullable().optional(),
    }),
  },
  'conferences.create': {
    input: NewConferenceSchema,
    output: ConferenceRecordSchema,
  },
  'conferences.get': {
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({
      conference: ConferenceRecordSchema,
      problems: z.array(StoreProblemSchema),
    }),
  },
  'conferences.save': {
    input: z.strictObject({
      id: IdSchema,
      /** The revision the edit was based on; a stale one is refused rather than overwriting. */
      baseRevision: z.number().int().nonnegative(),
      /** Only the sections that changed; the rest stay as stored. */
      sections: z.record(z.string(), SectionValueSchema),
    }),
    // queued (offline9): the team server was away; kept, encrypted, on this computer, to be sent.
    output: z.strictObject({ revision: z.number().int().nonnegative(), savedAt: IsoDateTimeSchema, queued: z.literal(true).optional() }),
  },
  'conferences.history': {
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({ entries: z.array(HistoryEntrySchema), intact: z.boolean() }),
  },
  'profile.get': {
    input: Empty,
    output: z.strictObject({ profile: ChairProfileSchema.nullable() }),
  },
  'profile.set': {
    input: ChairProfileInputSchema,
    output: z.strictObject({ profile: ChairProfileSchema }),
  },
  'conferences.sign': {
    input: z.strictObject({ id: IdSchema, baseRevision: z.number().int().nonnegative() }),
    output: z.strictObject({ signed: SignedVersionViewSchema, revision: z.number().int().nonnegative() }),
  },
  'conferences.addendum': {
    input: z.strictObject({
      id: IdSchema,
      reason: z.string().trim().min(1).max(2000),
      text: z.string().trim().min(1).max(MAX_ADDENDUM_LENGTH),
    }),
    output: z.strictObject({ signed: SignedVersionViewSchema }),
  },
  'conferences.signatures': {
    input: z.strictObject({ id: IdSchema }),
    output: SignaturesSchema,
  },
  'conferences.export': {
    input: z.strictObject({ id: IdSchema, document: z.enum(EXPORT_DOCUMENTS), format: z.enum(EXPORT_FORMATS) }),
    output: z.strictObject({
      fileName: z.string(),
      mimeType: z.string(),
      /** The file's bytes; a long PDF is a few MB as base64, well inside the transports' limits. */
      base64: z.string(),
      draft: z.boolean(),
    }),
  },
  // Issue 8, letters to the children and the export dialog: each child's letter, and saving to a folder in the desktop app.
  'conferences.exportChildLetter': {
    input: z.strictObject({ id: IdSchema, childId: IdSchema, format: z.enum(EXPORT_FORMATS) }),
    output: z.strictObject({ fileName: z.string(), mimeType: z.string(), base64: z.string(), draft: z.boolean() }),
  },
  /** The desktop app asks where to save (a folder dialog in main); the browser shell answers `available: false` and downloads instead. */
  'exports.chooseFolder': {
    input: Empty,
    output: z.strictObject({ available: z.boolean(), chosen: z.boolean(), folderName: z.string().nullable() }),
  },
  /** Exports one document into the folder last chosen: main writes it, so the page never names a path or sends bytes to disk. */
  'exports.saveToFolder': {
    input: z.strictObject({
      id: IdSchema,
      document: z.enum([...EXPORT_DOCUMENTS, 'child-letter']),
      childId: IdSchema.optional(),
      format: z.enum(EXPORT_FORMATS),
    }),
    output: z.strictObject({ fileName: z.string(), savedAs: z.string(), draft: z.boolean() }),
  },
  // pades: PDF certificate import and checking an exported file
  'profile.importCertificate': {
    input: z.strictObject({
      /** A PKCS#12 (.p12/.pfx) file, base64; council files are a few KB. */
      base64: z.string().min(1).max(1_400_000),
      /** The file's own password: used once to open it, never kept. */
      password: z.string().max(1024),
    }),
    output: z.strictObject({ profile: ChairProfileSchema }),
  },
  'files.verify': {
    input: z.strictObject({
      fileName: z.string().max(1000),
      base64: z.string().max(Math.ceil(MAX_VERIFY_FILE_BYTES / 3) * 4),
    }),
    output: FileVerificationSchema,
  },
  // template7 (issue 6 leftovers): after a reported rollback of the whole folder has been checked.
  'vault.acknowledgeRollback': {
    input: Empty,
    /** The problems still reported, without the folder's rollback. */
    output: z.strictObject({ problems: z.array(StoreProblemSchema) }),
  },
  // ── accuracy review of the draft by agencies (domain/review, main/services/review) ──
  'review.get': {
    input: z.strictObject({ id: IdSchema }),
    output: ReviewStateSchema,
  },
  'review.approveDraft': {
    input: z.strictObject({ id: IdSchema, baseRevision: z.number().int().nonnegative() }),
    output: ReviewStateSchema,
  },
  'review.addRecipient': {
    input: z.strictObject({ id: IdSchema, recipient: RecipientInputSchema }),
    output: z.strictObject({ state: ReviewStateSchema, copy: ReviewCopyFileSchema }),
  },
  'review.copy': {
    input: z.strictObject({ id: IdSchema, recipientId: IdSchema }),
    output: ReviewCopyFileSchema,
  },
  'review.noComments': {
    input: z.strictObject({ id: IdSchema, recipientId: IdSchema, on: IsoDateSchema }),
    output: ReviewStateSchema,
  },
  'review.import': {
    // Base64 of at most 10 MB (the service refuses larger files with a plain message; the page checks first).
    input: z.strictObject({ id: IdSchema, recipientId: IdSchema, base64: z.string().max(14_000_000) }),
    output: z.strictObject({ state: ReviewStateSchema, returnId: IdSchema }),
  },
  'review.decide': {
    input: z.strictObject({
      id: IdSchema,
      returnId: IdSchema,
      itemId: z.string().max(40),
      status: z.enum(['accepted', 'declined']),
      reason: z.string().max(2000),
      /** The chair has checked a file whose identifier was removed. */
      confirmUnknown: z.boolean().default(false),
    }),
    output: z.strictObject({ state: ReviewStateSchema, applied: z.boolean(), note: z.string().nullable() }),
  },
  'review.letter': {
    input: z.strictObject({ id: IdSchema, recipientId: IdSchema, format: z.enum(EXPORT_FORMATS) }),
    output: ReviewCopyFileSchema,
  },
  // ── the manager's audit of non-plan outcomes (domain/audit, main/services/audit) ──
  // A look at a period's cohort: built afresh, or (fromLastLook) the one built at the last look at
  // that period, filtered, sorted and cut to what the table draws (domain/audit/view.ts).
  'audit.cohort': {
    input: CohortViewRequestSchema.extend({ period: AuditPeriodSchema, fromLastLook: z.boolean().optional() }),
    output: CohortViewSchema.extend({
      total: z.number().int().nonnegative(),
      unreadable: z.number().int().nonnegative(),
      message: z.string().nullable(),
    }),
  },
  // One child's whole row (every indicator's sentence, who came back): the drill-down. Null when the child is not in the period's cohort.
  'audit.child': {
    input: z.strictObject({ period: AuditPeriodSchema, conferenceId: IdSchema, childId: IdSchema }),
    output: z.strictObject({ row: AuditRowSchema.nullable() }),
  },
  'audit.judge': {
    input: JudgementInputSchema,
    output: z.strictObject({ judgement: JudgementViewSchema }),
  },
  'audit.judgements': {
    input: z.strictObject({ id: IdSchema }),
    // missing: judgements the conference's history records that its stored copy no longer holds.
    output: z.strictObject({ judgements: z.array(JudgementViewSchema), missing: z.number().int().nonnegative() }),
  },
  'audit.export': {
    input: z.strictObject({ period: AuditPeriodSchema, filters: AuditFiltersSchema.optional(), format: z.enum(['csv', 'pdf']) }),
    output: z.strictObject({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  // offline9: whether the team server can be reached, and how many saves wait on this computer (the banner)
  'team.serverState': {
    input: z.strictObject({}),
    output: z.strictObject({ state: z.enum(['online', 'away']), waiting: z.number().int().nonnegative(), kept: z.number().int().nonnegative() }),
  },
  // offline9: saves the team server refused when they were finally sent (kept on this computer), and what the chair does with them
  'team.keptChanges': {
    input: z.strictObject({ id: IdSchema }),
    output: z.strictObject({ kept: z.array(z.strictObject({ sections: z.record(z.string(), SectionValueSchema), reason: z.string(), keptAt: z.string() })) }),
  },
  'team.resolveKept': {
    input: z.strictObject({ id: IdSchema, action: z.enum(['send', 'discard']) }),
    output: z.strictObject({ revision: z.number().int().nonnegative().nullable() }),
  },
  // ── lease9: "being edited by …" on the team store (an empty answer on this computer) ──
  'conferences.editLease': {
    input: z.strictObject({ id: IdSchema, action: EditLeaseActionSchema }),
    output: EditLeasesSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type ApiContract = typeof apiContract;
export type OperationName = keyof ApiContract;
export const OPERATION_NAMES = Object.keys(apiContract) as OperationName[];
export type OperationInput<K extends OperationName> = z.input<ApiContract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<ApiContract[K]['output']>;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(apiContract, name);
}
