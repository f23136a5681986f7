import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { IndexedAuditFacts } from '../../../domain/audit/facts';
import { ConferenceSummarySchema, type ConferenceSummary } from '../../../domain/record/summary';
import { asciiJson, parseAsciiJson } from '../store/ascii-json';
import { open, seal } from '../store/crypto';
import type { SignedInMember } from './membership';

/**
 * A manager's audit digests on the team store (migrations/009): per month, the conference
 * summaries and audit facts this member's app has opened, sealed as one. The manager's first
 * look at a year after signing in then opens two dozen digests instead of some 40,000 summaries
 * one by one (pg-store.ts, auditIndex).
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

/** One conference as the whole list opened it. */
export interface DigestEntry {
  id: string;
  revision: number;
  summary: ConferenceSummary;
  audit: IndexedAuditFacts | undefined;
}

/**
 * What an entry's summary looks like to this build of the app: a hash of the summary schema. A
 * digest written by a build whose summaries had another shape is set aside (and written again),
 * so the entries of one that opens need no check field by field — 40,000 summaries checked again
 * at every sign-in cost a third of the look. Nothing else can make a digest that opens: it is
 * sealed with this member's own key (see above).
 */
const SUMMARY_SHAPE = createHash('sha256').update(JSON.stringify(z.toJSONSchema(ConferenceSummarySchema, { unrepresentable: 'any' }))).digest('hex').slice(0, 16);
/** Bumped when what an entry holds besides the summary, or how the digest is written, changes (2: ASCII JSON). */
const DIGEST_FORMAT = 2;

const role = (login: string, month: string) => `team-audit-digest:${login}:${month}`;

// The outside is checked; each entry's summary is this build's own shape (SUMMARY_SHAPE) and its
// facts are checked as the row's are (pg-store.ts, AuditFactsSchema) and read through their version.
const DigestSchema = z.strictObject({
  format: z.literal(DIGEST_FORMAT),
  shape: z.literal(SUMMARY_SHAPE),
  month: z.string(),
  entries: z.array(z.unknown()),
});

function isFacts(value: unknown): value is IndexedAuditFacts {
  return typeof value === 'object' && value !== null && typeof (value as { version?: unknown }).version === 'number';
}

export function sealDigest(m: Pick<SignedInMember, 'login' | 'personalKey'>, month: string, entries: readonly DigestEntry[]): Buffer {
  const plain = gzipSync(asciiJson({ format: DIGEST_FORMAT, shape: SUMMARY_SHAPE, month, entries }), { level: 1 });
  return seal(m.personalKey, plain, role(m.login, month));
}

/** The entries of one sealed digest, or null when it will not open (another member's, damaged, an older format). */
export function openDigest(m: Pick<SignedInMember, 'login' | 'personalKey'>, month: string, sealed: Buffer): DigestEntry[] | null {
  try {
    const parsed = DigestSchema.parse(parseAsciiJson(gunzipSync(open(m.personalKey, sealed, role(m.login, month)))));
    if (parsed.month !== month) return null;
    const entries: DigestEntry[] = [];
    for (const raw of parsed.entries) {
      const e = raw as Partial<Record<keyof DigestEntry, unknown>>;
      if (typeof e.id !== 'string' || !Number.isInteger(e.revision) || typeof e.summary !== 'object' || e.summary === null) return null;
      entries.push({ id: e.id, revision: e.revision as number, summary: e.summary as ConferenceSummary, audit: isFacts(e.audit) ? e.audit : undefined });
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
