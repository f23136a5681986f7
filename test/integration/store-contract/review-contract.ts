import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import type { ReviewState } from '../../../domain/review/state';
import type { Signatures } from '../../../domain/signoff/schemas';
import { oseiRecord } from '../../../main/demo/scenarios/osei';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import type { ConferenceStore } from '../../../main/services/store/conference-store';
import { bookmarkOf, WordFile } from '../review/word-edits';
import type { OpenedSubject, Subject } from './contract';

/**
 * The agencies' accuracy review, owed alike by the local folder and the team's PostgreSQL store
 * (run from storeContract): the Osei draft approved (a chained draft signature), sent to two
 * agencies, the police's Word file imported, one change accepted into the record and one comment
 * declined, CAMHS overdue, the list's due dates, a stale approval refused as CONFLICT, every step
 * in an intact history, and the final minutes signed only once the review allows. Fictional names.
 */

const CHAIR = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };
const POLICE = { name: 'PC Ryan Holt', organisation: 'Police', email: 'ryan.holt@police.example.gov.uk', document: 'full-minutes', sentOn: '2026-02-19' } as const;
const CAMHS = { name: 'Dr Ruth Ellis', organisation: 'CAMHS', email: 'ruth.ellis@nhs.example.net', document: 'full-minutes', sentOn: '2026-02-19' } as const;
const day = (iso: string) => Date.parse(`${iso}T10:00:00Z`);

function api(store: ConferenceStore) {
  const handlers = handlersFor(store);
  const call = (operation: string, input?: unknown) => dispatch(handlers, operation, input);
  return {
    call,
    async ok<T>(operation: string, input?: unknown): Promise<T> {
      const result = await call(operation, input);
      if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async code(operation: string, input?: unknown): Promise<string> {
      const result = await call(operation, input);
      return result.ok ? 'ok' : result.error.code;
    },
  };
}

export function reviewContract(subject: Subject): void {
  describe(`accuracy review contract: ${subject.name}`, () => {
    let opened: OpenedSubject;
    let a: ReturnType<typeof api>;

    beforeEach(async () => {
      opened = await subject.open();
      a = api(opened.store);
      opened.clock.ms = day('2026-02-18');
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      // The clock jumps days at a time: auto-lock would lock the store between steps.
      await a.ok('settings.update', { autoLockMinutes: 0 });
      await a.ok('profile.set', CHAIR);
    }, 60_000);
    afterEach(async () => {
      await opened.close();
    });

    async function enterOsei(): Promise<ConferenceRecord> {
      const osei = oseiRecord();
      const created = await a.ok<ConferenceRecord>('conferences.create', { type: osei.type, date: '2026-02-03', children: [{ name: 'Daniel Osei' }] });
      await a.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: osei.sections });
      return (await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference;
    }
    const send = (id: string, recipient: typeof POLICE | typeof CAMHS) =>
      a.ok<{ state: ReviewState; copy: { base64: string } }>('review.addRecipient', { id, recipient });
    const listed = async (id: string) => (await a.ok<{ conferences: ConferenceSummary[] }>('conferences.list')).conferences.find((c) => c.id === id);

    test('draft approved, circulated, a Word return accepted and declined, CAMHS overdue, final minutes signed; the history has it all', async () => {
      const record = await enterOsei();
      const id = record.id;
      // A stale approval (someone saved since) is refused, and nothing is approved.
      expect(await a.code('review.approveDraft', { id, baseRevision: record.revision - 1 })).toBe('CONFLICT');
      expect((await a.ok<ReviewState>('review.get', { id })).drafts).toEqual([]);
      await a.ok('review.approveDraft', { id, baseRevision: record.revision });
      opened.clock.ms = day('2026-02-19');
      const police = await send(id, POLICE);
      await send(id, CAMHS);
      expect((await listed(id))?.review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05', '2026-03-05'] });

      const word = new WordFile(Buffer.from(police.copy.base64, 'base64'));
      const worries = bookmarkOf(word, 'Daniel is at serious risk of violence');
      word.comment(worries, 'PC Ryan Holt', 'Please add that Daniel was found with a knife in November.');
      word.trackedReplace(bookmarkOf(word, 'Daniel was found 40 miles from home carrying cash'), '40 miles', '35 miles', 'PC Ryan Holt');
      opened.clock.ms = day('2026-02-26');
      const policeId = police.state.recipients.at(-1)!.id;
      // Made once: the zip carries its time, so each call to bytes() is a different file.
      const returned = word.bytes().toString('base64');
      const imported = await a.ok<{ state: ReviewState; returnId: string }>('review.import', { id, recipientId: policeId, base64: returned });
      const items = imported.state.returns[0]!.items;
      expect(items.map((i) => [i.kind, i.author, i.section])).toEqual([
        ['tracked-change', 'PC Ryan Holt', 'Agency contributions'],
        ['comment', 'PC Ryan Holt', 'Agency contributions'],
      ]);
      // The same file again is recognised.
      expect(await a.code('review.import', { id, recipientId: policeId, base64: returned })).toBe('CONFLICT');
      const accepted = await a.ok<{ applied: boolean }>('review.decide', { id, returnId: imported.returnId, itemId: items[0]!.id, status: 'accepted', reason: '' });
      expect(accepted.applied).toBe(true);
      expect(await a.code('review.decide', { id, returnId: imported.returnId, itemId: items[1]!.id, status: 'declined', reason: 'no' })).toBe('INVALID_INPUT');
      await a.ok('review.decide', { id, returnId: imported.returnId, itemId: items[1]!.id, status: 'declined', reason: 'The knife was not mentioned at the conference; it can go in the next review.' });
      const corrected = (await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id })).conference;
      expect(JSON.stringify(corrected.sections)).toContain('Daniel was found 35 miles from home carrying cash');
      expect(corrected.revision).toBe(record.revision + 1);

      // CAMHS is still within time: the final minutes wait.
      expect(await a.code('conferences.sign', { id, baseRevision: corrected.revision })).toBe('NOT_READY');
      opened.clock.ms = day('2026-03-06');
      const state = await a.ok<ReviewState>('review.get', { id });
      expect(state.recipients.map((r) => [r.organisation, r.status])).toEqual([['Police', 'answered'], ['CAMHS', 'overdue']]);
      expect(state.drafts.map((d) => [d.version, d.signer, d.valid])).toEqual([[1, CHAIR.name, true]]);
      expect((await listed(id))?.review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05'] });

      await a.ok('conferences.sign', { id, baseRevision: corrected.revision });
      expect((await listed(id))?.signed?.version).toBe(1);
      expect(await a.code('review.noComments', { id, recipientId: state.recipients[1]!.id, on: '2026-03-06' })).toBe('SIGNED');
      const history = await a.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id });
      expect(history.intact).toBe(true);
      expect(history.entries.map((e) => e.action)).toEqual([
        'created', 'saved', 'draft-approved', 'circulated', 'circulated', 'review-imported', 'review-accepted', 'review-declined', 'signed',
      ]);
      expect(JSON.stringify(history.entries)).not.toContain('knife');
      const signatures = await a.ok<Signatures>('conferences.signatures', { id });
      expect(signatures.intact).toBe(true);
      // The review is still readable after signing, unchanged.
      expect((await a.ok<ReviewState>('review.get', { id })).signed).toBe(true);
    }, 120_000);

    test('a second draft chains onto the first; a save in between is not lost, and a stale step is refused', async () => {
      const record = await enterOsei();
      const id = record.id;
      await a.ok('review.approveDraft', { id, baseRevision: record.revision });
      // The draft stays correctable: a save moves the record on, and the next approval chains on.
      const opening = record.sections['opening'] as { kind: 'single'; values: Record<string, unknown> };
      const saved = await a.ok<{ revision: number }>('conferences.save', { id, baseRevision: record.revision, sections: { opening: { ...opening, values: { ...opening.values, interpreter: 'Not needed.' } } } });
      expect(await a.code('review.addRecipient', { id, recipient: POLICE })).toBe('NOT_READY');
      expect(await a.code('review.approveDraft', { id, baseRevision: record.revision })).toBe('CONFLICT');
      const second = await a.ok<ReviewState>('review.approveDraft', { id, baseRevision: saved.revision });
      expect(second.drafts.map((d) => [d.version, d.valid])).toEqual([[1, true], [2, true]]);
      expect((await a.ok<{ intact: boolean }>('conferences.history', { id })).intact).toBe(true);
    }, 120_000);
  });
}
