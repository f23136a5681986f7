import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { CohortRowSchema, type AuditPeriod } from '../../../domain/audit/types';
import { packDetails, unpackDetails, type PackedDetails, type PackedRow, type RowDetails } from '../../../domain/audit/packed-cohort';
import { UnfilteredViewSchema } from '../../../domain/audit/view';
import type { CohortCopy, CopyMade } from '../audit/cohort-copy';
import { asciiJson, parseAsciiJson } from '../store/ascii-json';
import { open, seal } from '../store/crypto';
import type { SignedInMember } from './membership';

/**
 * A manager's cohort copies on the team store (migrations/012): the cohort of a period as their
 * app last worked it out, kept so that the next look at that period — after signing in again,
 * on another computer — is drawn from a few megabytes instead of two years of digests
 * (cohort-copy.ts says when a copy is used). Sealed with the member's personal key and bound to
 * member and period, like a digest (audit-digests.ts): nobody else can read one or write one
 * that opens for them, and one that will not open is simply not used.
 */

/** What a cohort row looks like to this build: a copy written by a build with other rows is not used. */
const ROW_SHAPE = createHash('sha256').update(JSON.stringify(z.toJSONSchema(CohortRowSchema, { unrepresentable: 'any' }))).digest('hex').slice(0, 16);
/** Bumped when how a copy is written changes (2: each distinct list once; 3: with the whole cohort's view; 4: details packed). */
const COPY_FORMAT = 4;

const role = (login: string, period: AuditPeriod) => `team-audit-cohort:${login}:${period.from}:${period.to}`;

// The outside is checked here (a few hundred lists at most); the packed rows by unpackCohort when they are read.
const Lists = z.array(z.array(z.number().int().nonnegative()));
const CopySchema = z.strictObject({
  format: z.literal(COPY_FORMAT),
  shape: z.literal(ROW_SHAPE),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  window: z.string(),
  rules: z.string(),
  workedOutOn: z.string(),
  stableUntil: z.string(),
  unreadable: z.number().int().nonnegative(),
  message: z.string().nullable(),
  // Checked by a loop, not element by element through zod: some 7,000 pairs at a large council.
  conferences: z.custom<[string, number | null][]>(
    (value) => Array.isArray(value) && value.every((c) => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && (c[1] === null || Number.isInteger(c[1]))),
  ),
  rows: z.strictObject({
    words: z.array(z.string()),
    lists: z.strictObject({ categories: Lists, recommendations: Lists, dissent: Lists, indicators: Lists }),
    // 12,000 rows through zod cost more than unpacking them: unpackCohort checks each as it reads it.
    rows: z.custom<PackedRow[]>((value) => Array.isArray(value)),
  }),
  view: UnfilteredViewSchema,
});

export function sealCohortCopy(m: Pick<SignedInMember, 'login' | 'personalKey'>, copy: CohortCopy): Buffer {
  const { conferences, ...rest } = copy;
  const plain = { format: COPY_FORMAT, shape: ROW_SHAPE, ...rest, conferences: conferences.map((c) => [c.id, c.historySeq ?? null]) };
  return seal(m.personalKey, gzipSync(asciiJson(plain), { level: 1 }), role(m.login, copy.period));
}

/** The copy, or null when it will not open (another member's or period's, damaged, another build's). */
export function openCohortCopy(m: Pick<SignedInMember, 'login' | 'personalKey'>, period: AuditPeriod, sealed: Buffer): CohortCopy | null {
  try {
    const { format: _format, shape: _shape, conferences, ...rest } = CopySchema.parse(parseAsciiJson(gunzipSync(open(m.personalKey, sealed, role(m.login, period)))));
    if (rest.period.from !== period.from || rest.period.to !== period.to) return null;
    return { ...rest, conferences: conferences.map(([id, historySeq]) => ({ id, historySeq: historySeq ?? undefined })) };
  } catch {
    return null;
  }
}

const detailsRole = (login: string, period: AuditPeriod) => `team-audit-cohort-details:${login}:${period.from}:${period.to}`;

const DetailsSchema = z.strictObject({
  format: z.literal(COPY_FORMAT),
  window: z.string(),
  workedOutOn: z.string(),
  // Checked as they are unpacked, and each row as it is made whole (wholeRow).
  details: z.custom<PackedDetails>((value) => typeof value === 'object' && value !== null),
});

export function sealCohortDetails(m: Pick<SignedInMember, 'login' | 'personalKey'>, copy: CohortCopy, details: readonly RowDetails[]): Buffer {
  const plain = { format: COPY_FORMAT, window: copy.window, workedOutOn: copy.workedOutOn, details: packDetails(details) };
  return seal(m.personalKey, gzipSync(asciiJson(plain), { level: 1 }), detailsRole(m.login, copy.period));
}

/** The details, or null when they will not open or were kept with another copy than `made`. */
export function openCohortDetails(m: Pick<SignedInMember, 'login' | 'personalKey'>, made: CopyMade, sealed: Buffer): RowDetails[] | null {
  try {
    const parsed = DetailsSchema.parse(parseAsciiJson(gunzipSync(open(m.personalKey, sealed, detailsRole(m.login, made.period)))));
    return parsed.window === made.window && parsed.workedOutOn === made.workedOutOn ? unpackDetails(parsed.details) : null;
  } catch {
    return null;
  }
}

/** The details kept with this member's copy of a period's cohort, if they are that copy's. */
export async function readCohortDetails(m: SignedInMember, made: CopyMade): Promise<RowDetails[] | null> {
  const { rows } = await m.client.query<{ details: Buffer | null }>(
    'SELECT details FROM cpc.audit_cohorts WHERE member = session_user AND period_from = $1::date AND period_to = $2::date',
    [made.period.from, made.period.to],
  );
  const details = rows[0]?.details;
  return details === undefined || details === null ? null : openCohortDetails(m, made, details);
}

/** This member's sealed copy of the period's cohort, if there is one. */
export async function readCohortCopy(m: SignedInMember, period: AuditPeriod): Promise<CohortCopy | null> {
  const { rows } = await m.client.query<{ sealed: Buffer }>(
    'SELECT sealed FROM cpc.audit_cohorts WHERE member = session_user AND period_from = $1::date AND period_to = $2::date',
    [period.from, period.to],
  );
  const row = rows[0];
  return row === undefined ? null : openCohortCopy(m, period, row.sealed);
}

/** Most periods a manager's copies are kept for: the oldest looked at go first. */
const KEPT_PERIODS = 12;

/** Writes the details of the copy just kept (writeCohortCopy). Details of another copy left there are refused on reading (openCohortDetails). */
export async function writeCohortDetails(m: SignedInMember, copy: CohortCopy, details: readonly RowDetails[]): Promise<void> {
  await m.client.query('UPDATE cpc.audit_cohorts SET details = $3 WHERE member = session_user AND period_from = $1::date AND period_to = $2::date', [
    copy.period.from,
    copy.period.to,
    sealCohortDetails(m, copy, details),
  ]);
}

/** Keeps (replaces) this member's copy of a period's cohort, its details to follow (writeCohortDetails), and lets their oldest go beyond KEPT_PERIODS. */
export async function writeCohortCopy(m: SignedInMember, copy: CohortCopy): Promise<void> {
  await m.client.query(
    `INSERT INTO cpc.audit_cohorts (period_from, period_to, sealed) VALUES ($1::date, $2::date, $3)
     ON CONFLICT (member, period_from, period_to) DO UPDATE SET sealed = EXCLUDED.sealed, details = NULL, updated_at = now()`,
    [copy.period.from, copy.period.to, sealCohortCopy(m, copy)],
  );
  await m.client.query(
    `DELETE FROM cpc.audit_cohorts WHERE member = session_user AND (period_from, period_to) NOT IN
       (SELECT period_from, period_to FROM cpc.audit_cohorts WHERE member = session_user ORDER BY updated_at DESC LIMIT $1)`,
    [KEPT_PERIODS],
  );
}
