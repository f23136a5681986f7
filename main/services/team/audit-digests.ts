import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { AuditSummarySchema, type AuditSummary } from '../../../domain/audit/cohort';
import type { IndexedAuditFacts } from '../../../domain/audit/facts';
import { asciiJson, parseAsciiJson } from '../store/ascii-json';
import { open, seal } from '../store/crypto';
import type { SignedInMember } from './membership';

/**
 * A manager's audit digests on the team store (migrations/009): per month, what the audit
 * reads of each conference this member's app has opened — its audit summary (the children, their
 * outcomes and what "came back" matches by) and, for those that can have a child in a cohort, its
 * audit facts — sealed as one. The manager's first look at a year after signing in then opens
 * two dozen digests instead of some 40,000 summaries one by one (pg-store.ts, auditIndex).
 *
 * Only the audit's part of a summary is kept (format 3): the list's fields (chair, readiness,
 * signature, review dates) were half of every digest's bytes, and the first look after sign-in
 * opened them all for nothing. Each entry is written as an array, not an object, for the same
 * reason: 40,000 entries' keys are 40,000 times the same words to read.
 *
 * A digest is a cache, never a source: each entry carries its conference's revision and is used
 * only while the conference's row is at that revision (a summary changes only with its
 * revision, migrations/001 and 008), so a digest left behind by a save, or an old one put back on
 * the server, costs a few rows opened the usual way and is written afresh — it never shows an
 * old answer. Sealed with the member's personal key and bound to member and month: nobody else
 * can read one or write one that opens for them.
 */

/** First days of the first and last months a cohort needs, both included. */
export interface MonthWindow {
  from: string;
  to: string;
}

/** One conference as the audit opened it. */
export interface DigestEntry {
  id: string;
  revision: number;
  summary: AuditSummary;
  audit: IndexedAuditFacts | undefined;
}

/**
 * What an audit summary looks like to this build of the app (its fields, and the conference
 * types and lengths they allow): a hash of its schema. A digest written by a build whose
 * summaries had another shape is set aside (and written again), so the entries of one that opens
 * need no check field by field — 40,000 summaries checked again at every sign-in cost a third of
 * the look. Nothing else can make a digest that opens: it is sealed with this member's own key.
 */
const SUMMARY_SHAPE = createHash('sha256').update(JSON.stringify(z.toJSONSchema(AuditSummarySchema, { unrepresentable: 'any' }))).digest('hex').slice(0, 16);
/** Bumped when how the digest is written changes (2: ASCII JSON; 3: the audit's part only, entries as arrays). */
const DIGEST_FORMAT = 3;

const role = (login: string, month: string) => `team-audit-digest:${login}:${month}`;

// The outside is checked; the entries are read by position (readEntry), their facts checked as
// the row's are (pg-store.ts, AuditFactsSchema) and read through their version.
const DigestSchema = z.strictObject({
  format: z.literal(DIGEST_FORMAT),
  shape: z.literal(SUMMARY_SHAPE),
  month: z.string(),
  entries: z.array(z.array(z.unknown())),
});

type ChildRow = [id: string, name: string, outcome: string | null, caseNumber: string | null, dateOfBirth: string | null, planStatus: string | null];
type EntryRow = [id: string, revision: number, type: string, conferenceDate: string | null, children: ChildRow[], audit: IndexedAuditFacts | 0];

function entryRow(e: DigestEntry): EntryRow {
  const children = e.summary.children.map((c): ChildRow => [c.id, c.name, c.outcome, c.caseNumber ?? null, c.dateOfBirth ?? null, c.planStatus ?? null]);
  return [e.id, e.revision, e.summary.type, e.summary.conferenceDate, children, e.audit ?? 0];
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

function isFacts(value: unknown): value is IndexedAuditFacts {
  return typeof value === 'object' && value !== null && typeof (value as { version?: unknown }).version === 'number';
}

/** An entry read back by position; null when it is not one this build writes (the digest is then set aside). */
function readEntry(row: readonly unknown[]): DigestEntry | null {
  const [id, revision, type, conferenceDate, children, audit] = row;
  if (row.length !== 6 || !isText(id) || !Number.isInteger(revision) || !isText(type) || !isTextOrNull(conferenceDate) || !Array.isArray(children)) return null;
  const kids: AuditSummary['children'][number][] = [];
  for (const c of children as unknown[]) {
    if (!Array.isArray(c) || c.length !== 6) return null;
    const [childId, name, outcome, caseNumber, dateOfBirth, planStatus] = c as unknown[];
    if (!isText(childId) || !isText(name) || !isTextOrNull(outcome) || !isTextOrNull(caseNumber) || !isTextOrNull(dateOfBirth) || !isTextOrNull(planStatus)) return null;
    const kid: AuditSummary['children'][number] = { id: childId, name, outcome };
    if (caseNumber !== null) kid.caseNumber = caseNumber;
    if (dateOfBirth !== null) kid.dateOfBirth = dateOfBirth;
    if (planStatus !== null) kid.planStatus = planStatus;
    kids.push(kid);
  }
  // The type is one this build knows: the shape hash above names the enum it was written under.
  const summary = { id, type, revision, conferenceDate, children: kids } as AuditSummary;
  return { id, revision: revision as number, summary, audit: isFacts(audit) ? audit : undefined };
}

export function sealDigest(m: Pick<SignedInMember, 'login' | 'personalKey'>, month: string, entries: readonly DigestEntry[]): Buffer {
  const plain = gzipSync(asciiJson({ format: DIGEST_FORMAT, shape: SUMMARY_SHAPE, month, entries: entries.map(entryRow) }), { level: 1 });
  return seal(m.personalKey, plain, role(m.login, month));
}

/** The entries of one sealed digest, or null when it will not open (another member's, damaged, an older format). */
export function openDigest(m: Pick<SignedInMember, 'login' | 'personalKey'>, month: string, sealed: Buffer): DigestEntry[] | null {
  try {
    const parsed = DigestSchema.parse(parseAsciiJson(gunzipSync(open(m.personalKey, sealed, role(m.login, month)))));
    if (parsed.month !== month) return null;
    const entries: DigestEntry[] = [];
    for (const row of parsed.entries) {
      const entry = readEntry(row);
      if (entry === null) return null;
      entries.push(entry);
    }
    return entries;
  } catch {
    return null;
  }
}

/** This member's digests of the months in the window that are asked for, by month; those that will not open are left out. */
export async function readDigests(m: SignedInMember, months: readonly string[]): Promise<Map<string, DigestEntry[]>> {
  const found = new Map<string, DigestEntry[]>();
  if (months.length === 0) return found;
  // base64 rather than bytea's hex text: a quarter fewer bytes to send and decode.
  const { rows } = await m.client.query<{ month: string; sealed: string }>(
    "SELECT month::text AS month, encode(sealed, 'base64') AS sealed FROM cpc.audit_digests WHERE member = session_user AND month = ANY($1::date[])",
    [months],
  );
  for (const row of rows) {
    const entries = openDigest(m, row.month, Buffer.from(row.sealed, 'base64'));
    if (entries !== null) found.set(row.month, entries);
  }
  return found;
}

/** Writes (or replaces) this member's digests of the given months, in one statement. */
export async function writeDigests(m: SignedInMember, months: ReadonlyMap<string, readonly DigestEntry[]>): Promise<void> {
  if (months.size === 0) return;
  const names = [...months.keys()];
  const sealed = names.map((month) => sealDigest(m, month, months.get(month) ?? []));
  await m.client.query(
    `INSERT INTO cpc.audit_digests (month, sealed) SELECT * FROM unnest($1::date[], $2::bytea[])
     ON CONFLICT (member, month) DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = now()`,
    [names, sealed],
  );
}
