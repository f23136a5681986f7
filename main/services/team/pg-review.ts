import type pg from 'pg';
import type { HistoryEntry } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import { NO_REVIEW, ReviewDueSummarySchema, type ReviewDueSummary } from '../../../domain/record/summary';
import { ReviewBlockSchema, type ReviewBlock } from '../review/review-block';
import { openJson, sealJson } from '../store/crypto';
import { reviewDue } from '../store/summary';

/**
 * The accuracy review's rows on the team store (migrations/005): after each step, the whole
 * review block sealed with the conference's data key, and the list's due dates sealed with the
 * team key, both naming the step's history entry. pg-store.ts builds the review keeper on these;
 * the rules (who may write, never once signed, one row per history entry) are the server's.
 */

/** History actions of the review: after the version's own entry, they leave the record as it was. */
export const REVIEW_ACTIONS: ReadonlySet<HistoryEntry['action']> = new Set([
  'draft-approved',
  'circulated',
  'review-imported',
  'review-accepted',
  'review-declined',
  'no-comments',
]);

export const reviewRoles = {
  block: (id: string, seq: number) => `team-review:${id}:${seq}`,
  summary: (id: string, seq: number) => `team-review-summary:${id}:${seq}`,
};

export interface StoredReview {
  review: ReviewBlock;
  /** The history entry the row was written with; null before any review step. */
  seq: number | null;
}

/** The newest review row, opened (an empty review when there is none). */
export async function latestReview(client: pg.ClientBase, id: string, dataKey: (keyId: number) => Promise<Buffer>): Promise<StoredReview & { readable: boolean }> {
  const { rows } = await client.query<{ seq: number; key_id: number; sealed: Buffer }>(
    'SELECT seq, key_id, sealed FROM cpc.conference_reviews WHERE conference_id = $1 ORDER BY seq DESC LIMIT 1',
    [id],
  );
  const row = rows[0];
  if (row === undefined) return { review: { drafts: [], recipients: [], copies: [], returns: [] }, seq: null, readable: true };
  try {
    return { review: ReviewBlockSchema.parse(openJson(await dataKey(row.key_id), row.sealed, reviewRoles.block(id, row.seq))), seq: row.seq, readable: true };
  } catch {
    return { review: { drafts: [], recipients: [], copies: [], returns: [] }, seq: row.seq, readable: false };
  }
}

/**
 * The review row must be the one written with the history's last review step, or after it (a
 * conference brought in by `team import-local` carries its review as one row at its last
 * entry): a row removed by someone going round the triggers (the review put back to an earlier
 * step), one that will not open, or a review step in the history with no row, all fail this.
 */
export function refuseUnboundReview(id: string, stored: StoredReview & { readable: boolean }, entries: readonly HistoryEntry[]): void {
  const lastStep = entries.filter((entry) => REVIEW_ACTIONS.has(entry.action)).at(-1);
  const bound =
    stored.seq === null ? lastStep === undefined : lastStep !== undefined && lastStep.seq <= stored.seq && entries.some((entry) => entry.seq === stored.seq);
  if (stored.readable && bound) return;
  throw new ApiFailure(
    'TAMPERED',
    `Conference ${id}: its accuracy review does not match its history, so it cannot be shown or changed. Nothing has been changed; report this to your information governance lead.`,
  );
}

/** Inserts the review row for the history entry `seq` (already inserted in the same transaction). */
export async function insertReview(
  c: pg.ClientBase,
  id: string,
  seq: number,
  keyId: number,
  dataKey: Buffer,
  review: ReviewBlock,
  team: { version: number; key: Buffer },
): Promise<void> {
  await c.query('INSERT INTO cpc.conference_reviews (conference_id, seq, key_id, sealed, summary, summary_key_id) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    seq,
    keyId,
    sealJson(dataKey, review, reviewRoles.block(id, seq)),
    sealJson(team.key, reviewDue(review) ?? NO_REVIEW, reviewRoles.summary(id, seq)),
    team.version,
  ]);
}

/** The list's due dates from a review row's summary; NO_REVIEW when there is no row; null when it will not open. */
export function openReviewSummary(id: string, row: { seq: number | null; summary: Buffer | null; key: Buffer | undefined }): ReviewDueSummary | null {
  if (row.seq === null || row.summary === null) return NO_REVIEW;
  if (row.key === undefined) return null;
  try {
    return ReviewDueSummarySchema.parse(openJson(row.key, row.summary, reviewRoles.summary(id, row.seq)));
  } catch {
    return null;
  }
}
