import type { ChairProfileStore } from '../signing/chair-profile-store';
import type { LoadedConference } from '../store/conference-file';
import { isSigned, type ConferenceContext, type Conferences } from '../store/conferences';
import { indexEntryAfterWrite } from '../store/index-entry';
import { EMPTY_REVIEW } from './review-block';
import { reviewStepEntry, type ReviewKeeper, type ReviewSnapshot } from './review-keeper';

/**
 * The review on the local folder: the review block lives in the conference's sealed document,
 * beside the record, so each step is an ordinary commit (conferences.ts write order): intent,
 * document, history, index. The index summary is written with it, so the list's overdue lines
 * follow every step.
 */

export interface LocalReviewContext extends ConferenceContext {
  conferences: Conferences;
  profile: ChairProfileStore;
}

const snapshot = (loaded: LoadedConference): ReviewSnapshot => ({
  record: loaded.record,
  review: loaded.stored.review ?? EMPTY_REVIEW,
  signed: isSigned(loaded.stored),
  token: loaded,
});

export function localReviewKeeper(c: LocalReviewContext): ReviewKeeper {
  return {
    async read(id) {
      return snapshot((await c.conferences.load(id)).loaded);
    },
    async forChange(id) {
      return snapshot(await c.conferences.loadForChange(id, { allowSigned: true }));
    },
    async commit(before, record, review, step) {
      const loaded = before.token as LoadedConference;
      const id = record.id;
      const { signer } = c.profile.signer();
      const entry = reviewStepEntry(id, loaded.stored.entry, record, step, { at: c.now(), actor: `${signer.name} (${c.actor})` });
      await c.index.noteIntent(id);
      const stamp = await c.files.commit(id, loaded.db, loaded.adapter, loaded.stored.entry, { record, entry, review });
      await c.index.record(await indexEntryAfterWrite(c, id, { record, stored: { ...loaded.stored, review }, head: entry.hash, stamp }));
      // The document as now written (commit replaced db.data): the answer is drawn from it without reading the file again.
      const stored = loaded.db.data;
      if (stored === null) throw new Error('The conference was not kept.');
      return snapshot({ ...loaded, stored, record });
    },
    async signer() {
      return c.profile.signer();
    },
    async localSettings() {
      return c.localSettings();
    },
    now: () => c.now(),
  };
}
