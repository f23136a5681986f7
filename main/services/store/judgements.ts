import { sign } from 'node:crypto';
import { ApiFailure } from '../../../domain/api/result';
import { childrenOf } from '../../../domain/record/access';
import { cohortChildIds } from '../../../domain/audit/cohort';
import { refuseThinJudgement } from '../../../domain/audit/judgement-rules';
import type { JudgementInput, JudgementView } from '../../../domain/audit/types';
import { JudgementStatementSchema, judgementHash, judgementHashesIn, judgementView, localJudgementFacts, type StoredJudgement } from './judgement-schema';
import { indexEntryAfterWrite } from './index-entry';
import type { ChairProfileStore } from '../signing/chair-profile-store';
import { canonicalJson } from './canonical';
import type { ConferenceContext, Conferences } from './conferences';
import { nextEntry, recordHash } from './history';
import type { StoredConference } from './conference-file';
import type { HistoryEntry } from '../../../domain/api/contract';

/**
 * The manager's judgements of a conference's non-plan decisions, kept in the conference's own
 * document (beside its signed versions) and entered in its hash-chained history as a
 * 'judgement' entry that names the judgement's hash. A judgement is a commit like an addendum:
 * the record is not touched (same revision, same record hash), so nothing in the minutes
 * changes. Judgements chain to each other by hash, so removing or altering one breaks the
 * chain and the history's word for it.
 *
 * Who signs: on this single-user store the only key is the signing profile's (Settings → Chair
 * profile). With a profile, the judgement is signed with it (Ed25519) and names that person;
 * without one it is recorded under the computer's user with its hash only, and says it is not
 * signed. Managers' own keys and roles belong to the team store.
 */

export interface JudgementsContext extends ConferenceContext {
  conferences: Conferences;
  profile: ChairProfileStore;
}

export class Judgements {
  constructor(private readonly c: JudgementsContext) {}

  async judge(input: JudgementInput): Promise<JudgementView> {
    refuseThinJudgement(input);
    const loaded = await this.c.conferences.loadForChange(input.conferenceId, { allowSigned: true });
    const { record, stored } = loaded;
    if (!childrenOf(record).some((child) => child.id === input.childId)) {
      throw new ApiFailure('NOT_FOUND', 'That child is not in this conference’s record. Reload the audit and try again; nothing has been recorded.');
    }
    if (!cohortChildIds(record).includes(input.childId)) {
      throw new ApiFailure(
        'INVALID_INPUT',
        'This child is not in the audit cohort (their outcome is a child protection plan, or not decided yet). Reload the audit; nothing has been recorded.',
      );
    }
    const earlier = stored.judgements ?? [];
    // Each earlier judgement must still be what the history recorded, and every judgement the
    // history recorded must still be there: a judgement altered or removed is not built upon.
    const { history } = await this.c.conferences.load(input.conferenceId);
    const recorded = judgementHashesIn(history.entries);
    const checked = localJudgementFacts(input.conferenceId, earlier, recorded);
    if (checked.views.some((v) => !v.valid) || checked.missing > 0) {
      throw new ApiFailure(
        'TAMPERED',
        `Conference ${input.conferenceId}: its earlier judgements do not match its history, so no judgement can be added to them. Nothing has been recorded; report this to your information governance lead.`,
      );
    }
    const at = this.c.now().toISOString();
    const profile = this.c.profile.get();
    const keyed = profile === null ? null : this.c.profile.signer();
    const statement = JudgementStatementSchema.parse({
      format: 1,
      conferenceId: input.conferenceId,
      number: earlier.length + 1,
      childId: input.childId,
      rating: input.rating,
      comment: input.comment,
      actionForChair: input.actionForChair,
      author: keyed?.signer.name ?? this.c.actor,
      at,
      recordHash: recordHash(record),
      previousHash: earlier.length === 0 ? null : judgementHash(earlier.at(-1)!),
    });
    const judgement: StoredJudgement = {
      statement,
      signer: keyed?.signer ?? null,
      signature: keyed ? sign(null, Buffer.from(canonicalJson(statement), 'utf8'), keyed.privateKey).toString('base64') : null,
    };
    const hash = judgementHash(judgement);
    const entry = nextEntry(input.conferenceId, stored.entry, {
      at,
      actor: keyed ? `${keyed.signer.name} (${this.c.actor})` : this.c.actor,
      action: 'judgement',
      sections: [],
      revision: record.revision,
      recordHash: recordHash(record),
      signedVersionHash: hash,
    });
    await this.c.index.noteIntent(input.conferenceId);
    // The record goes back exactly as it was read: only the judgements and the history grow.
    const stamp = await this.c.files.commit(input.conferenceId, loaded.db, loaded.adapter, stored.entry, {
      record,
      entry,
      judgements: [...earlier, judgement],
    });
    // The index keeps the judgements beside the audit's facts, so the cohort need not open this conference.
    await this.c.index.record(
      await indexEntryAfterWrite(this.c, input.conferenceId, {
        record,
        stored: { signed: stored.signed, judgements: [...earlier, judgement], review: stored.review },
        head: entry.hash,
        stamp,
        recorded: [...recorded, hash],
      }),
    );
    return judgementView(judgement, hash, true);
  }

  /** Every judgement of a conference, each checked (hash chain, signature, the history's word), and how many the history names that are gone. */
  async list(id: string): Promise<{ judgements: JudgementView[]; missing: number }> {
    const { loaded, history } = await this.c.conferences.load(id);
    return this.ofLoaded(id, loaded.stored, history.entries);
  }

  /** The same, for a conference already read (the audit reads each once). */
  ofLoaded(id: string, stored: StoredConference, entries: readonly HistoryEntry[]): { judgements: JudgementView[]; missing: number } {
    const facts = localJudgementFacts(id, stored.judgements ?? [], judgementHashesIn(entries), entries.length > 0);
    return { judgements: facts.views, missing: facts.missing };
  }

}


