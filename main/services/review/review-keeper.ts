import type { KeyObject } from 'node:crypto';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { LocalSettings } from '../../../domain/rules/local-settings';
import type { Signer } from '../signing/signed-version';
import { nextEntry, recordHash } from '../store/history';
import type { ReviewBlock } from './review-block';

/**
 * Where the accuracy review is kept: the local folder keeps the review block in the conference's
 * sealed document (local-keeper.ts); a team's PostgreSQL server keeps it in rows of its own,
 * sealed with the conference's data key (../team/pg-review.ts). The review service
 * (review-service.ts) decides; a keeper only reads and writes, with the same guarantees in both:
 * each step is one commit with its own history entry, refused as CONFLICT when someone else
 * changed the conference in between, and refused as TAMPERED when its stored copy and history
 * disagree.
 */

export interface ReviewSnapshot {
  record: ConferenceRecord;
  review: ReviewBlock;
  /** The final minutes are signed: the review is closed. */
  signed: boolean;
  /** What the keeper needs to commit on top of exactly this state (its own business). */
  readonly token: unknown;
}

export interface ReviewStep {
  action: HistoryEntry['action'];
  detail: string;
  /** For a draft approval: the signed draft's hash, so the history vouches for it. */
  signedVersionHash?: string;
  /** The sections an accepted correction changed (empty when the record is unchanged). */
  sections?: string[];
}

export interface ReviewKeeper {
  /** For reading: the review as stored (an empty one before any draft is approved). */
  read(id: string): Promise<ReviewSnapshot>;
  /** For a change: the same, checked against its history and for having been put back. Signed conferences are returned; the service refuses them. */
  forChange(id: string): Promise<ReviewSnapshot>;
  /** One step: the record (changed only by an accepted correction, with a new revision), the review block and a history entry, together or not at all. */
  commit(before: ReviewSnapshot, record: ConferenceRecord, review: ReviewBlock, step: ReviewStep): Promise<ReviewSnapshot>;
  /** The signed-in chair's key; NO_PROFILE without one. */
  signer(): Promise<{ signer: Signer; privateKey: KeyObject }>;
  localSettings(): Promise<LocalSettings>;
  now(): Date;
}

/**
 * A step's history entry, chained after the conference's newest: the same for either keeper, so
 * a step reads alike in a local folder's history and a team's.
 */
export function reviewStepEntry(id: string, head: HistoryEntry | null, record: ConferenceRecord, step: ReviewStep, by: { at: Date; actor: string }): HistoryEntry {
  return nextEntry(id, head, {
    at: by.at.toISOString(),
    actor: by.actor,
    action: step.action,
    sections: step.sections ?? [],
    revision: record.revision,
    recordHash: recordHash(record),
    detail: step.detail,
    ...(step.signedVersionHash ? { signedVersionHash: step.signedVersionHash } : {}),
  });
}
