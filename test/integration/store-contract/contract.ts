import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import type { Signatures } from '../../../domain/signoff/schemas';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import type { ConferenceStore } from '../../../main/services/store/conference-store';
import { reviewContract } from './review-contract';

/**
 * The behaviour every ConferenceStore owes the app, run unchanged against the local folder and
 * the team's PostgreSQL store (local.test.ts, postgres.test.ts). Calls go through the same API
 * handlers and schema checks the page uses. Fictional families only.
 */

/** The stores' clock, moved on by the tests (idle lock). */
export class TestClock {
  ms = Date.parse('2026-03-02T09:00:00.000Z');
  now = (): Date => new Date(this.ms);
}

export interface OpenedSubject {
  store: ConferenceStore;
  clock: TestClock;
  passphrase: string;
  /** Changes one history entry of `id` behind the store's back, as someone with file or database access could. */
  tamperHistory(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface Subject {
  name: string;
  /** A store whose owner can sign in with `passphrase`, currently locked. */
  open(): Promise<OpenedSubject>;
}

const ASHDOWN = { type: 'initial', date: '2025-05-14', children: [{ name: 'Ruby Ashdown' }, { name: 'Tobias Ashdown' }] };
const CHAIR = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };

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

const riskText = (text: string) => ({ kind: 'single', values: { harm: text } });

export function storeContract(subject: Subject): void {
  describe(`ConferenceStore contract: ${subject.name}`, () => {
    let opened: OpenedSubject;
    let a: ReturnType<typeof api>;

    beforeEach(async () => {
      opened = await subject.open();
      a = api(opened.store);
    }, 60_000);
    afterEach(async () => {
      await opened.close();
    });

    test('locked until signed in; a wrong passphrase is refused and opens nothing', async () => {
      expect(await a.code('conferences.list')).toBe('LOCKED');
      expect(await a.code('vault.unlock', { passphrase: 'not the passphrase at all' })).toBe('WRONG_PASSPHRASE');
      expect(await a.code('conferences.list')).toBe('LOCKED');
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      expect(await a.code('conferences.list')).toBe('ok');
      // Unlocking again while open still checks the passphrase.
      expect(await a.code('vault.unlock', { passphrase: 'not the passphrase at all' })).toBe('WRONG_PASSPHRASE');
      await a.ok('vault.lock');
      expect(await a.code('conferences.list')).toBe('LOCKED');
    });

    test('a new conference can be opened again and is in the list', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      const created = await a.ok<ConferenceRecord>('conferences.create', ASHDOWN);
      expect(created.revision).toBe(1);
      const { conference, problems } = await a.ok<{ conference: ConferenceRecord; problems: unknown[] }>('conferences.get', { id: created.id });
      expect(conference).toEqual(created);
      expect(problems).toEqual([]);
      const list = await a.ok<{ conferences: ConferenceSummary[] }>('conferences.list');
      expect(list.conferences.map((c) => c.id)).toEqual([created.id]);
      expect(list.conferences[0]?.conferenceDate).toBe('2025-05-14');
    });

    // pgbench9: the list a page at a time, most recently saved first, each conference exactly once.
    test('the list comes a page at a time, the most recently saved first, every conference once, and ends', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await a.ok<ConferenceRecord>('conferences.create', ASHDOWN)).id);
      opened.clock.ms += 60_000;
      await a.ok('conferences.save', { id: ids[1], baseRevision: 1, sections: { risk: riskText('Reviewed again.') } });
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await a.ok<{ conferences: ConferenceSummary[]; next: string | null }>('conferences.list', after === undefined ? { limit: 2 } : { limit: 2, after });
        pages += 1;
        expect(page.conferences.length).toBeLessThanOrEqual(2);
        seen.push(...page.conferences.map((c) => c.id));
        if (page.next === null) break;
        after = page.next;
      }
      expect(pages).toBe(3);
      expect(seen[0]).toBe(ids[1]);
      expect([...seen].sort()).toEqual([...ids].sort());
      // Asked for without a page, the whole list, as the audit and import read it.
      expect((await a.ok<{ conferences: ConferenceSummary[] }>('conferences.list', {})).conferences).toHaveLength(5);
      expect(await a.code('conferences.list', { limit: 2, after: "x' OR 1=1 --" })).toBe('INVALID_INPUT');
    });

    test('a save is kept, moves the revision on, and a stale revision is refused as a conflict without losing the saved text', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      const created = await a.ok<ConferenceRecord>('conferences.create', ASHDOWN);
      const first = await a.ok<{ revision: number }>('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: riskText('Plan agreed by all.') } });
      expect(first.revision).toBe(2);
      expect(await a.code('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: riskText('A different view typed elsewhere.') } })).toBe('CONFLICT');
      // The same save sent again (its answer lost) is answered as saved, not as a conflict.
      const retried = await a.ok<{ revision: number }>('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: riskText('Plan agreed by all.') } });
      expect(retried.revision).toBe(2);
      const { conference } = await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id });
      expect(conference.revision).toBe(2);
      expect(conference.sections['risk']).toEqual(riskText('Plan agreed by all.'));
    });

    test('the history records each change in order and verifies', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      const created = await a.ok<ConferenceRecord>('conferences.create', ASHDOWN);
      for (let revision = 1; revision <= 3; revision += 1) {
        await a.ok('conferences.save', { id: created.id, baseRevision: revision, sections: { risk: riskText(`Draft ${revision}.`) } });
      }
      const history = await a.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id: created.id });
      expect(history.intact).toBe(true);
      expect(history.entries.map((e) => [e.seq, e.action, e.revision])).toEqual([
        [0, 'created', 1],
        [1, 'saved', 2],
        [2, 'saved', 3],
        [3, 'saved', 4],
      ]);
      expect(history.entries[1]?.sections).toEqual(['risk']);
    });

    test('a history entry changed behind the store’s back is reported, not trusted', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      const created = await a.ok<ConferenceRecord>('conferences.create', ASHDOWN);
      await a.ok('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: riskText('Plan agreed by all.') } });
      await opened.tamperHistory(created.id);
      const history = await a.ok<{ intact: boolean }>('conferences.history', { id: created.id });
      expect(history.intact).toBe(false);
      const { problems } = await a.ok<{ problems: { kind: string }[] }>('conferences.get', { id: created.id });
      expect(problems.map((p) => p.kind)).toEqual(['tampered']);
    });

    test('once signed, the minutes verify and every change is refused; an addendum is the way to add', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      const ready = whitfieldRecord();
      const children = ready.sections['children'];
      const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
      const meeting = ready.sections['meeting'];
      const date = meeting?.kind === 'single' ? String(meeting.values['date']) : '2026-01-15';
      const created = await a.ok<ConferenceRecord>('conferences.create', { type: ready.type, date, children: names });
      const saved = await a.ok<{ revision: number }>('conferences.save', { id: created.id, baseRevision: created.revision, sections: ready.sections });
      expect(await a.code('conferences.sign', { id: created.id, baseRevision: saved.revision })).toBe('NO_PROFILE');
      await a.ok('profile.set', CHAIR);
      const signed = await a.ok<{ revision: number }>('conferences.sign', { id: created.id, baseRevision: saved.revision });
      expect(await a.code('conferences.save', { id: created.id, baseRevision: signed.revision, sections: { risk: riskText('Changed after signing.') } })).toBe('SIGNED');
      expect(await a.code('conferences.sign', { id: created.id, baseRevision: signed.revision })).toBe('SIGNED');
      await a.ok('conferences.addendum', { id: created.id, reason: 'Date of the review corrected', text: 'The review is on 16/04/2026, not 15/04/2026.' });
      await a.ok('conferences.addendum', { id: created.id, reason: 'Name of the school corrected', text: 'Ruby attends Carrowby Primary.' });
      const signatures = await a.ok<Signatures>('conferences.signatures', { id: created.id });
      expect(signatures.intact).toBe(true);
      expect(signatures.versions.map((v) => [v.version, v.kind, v.valid, v.signer.name])).toEqual([
        [1, 'minutes', true, 'Helen Marsh'],
        [2, 'addendum', true, 'Helen Marsh'],
        [3, 'addendum', true, 'Helen Marsh'],
      ]);
      const history = await a.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id: created.id });
      expect(history.intact).toBe(true);
      expect(history.entries.map((e) => e.action)).toEqual(['created', 'saved', 'signed', 'addendum', 'addendum']);
    });

    test('settings and the chair profile are kept between sign-ins', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      await a.ok('settings.update', { autoLockMinutes: 25 });
      const profile = await a.ok<{ profile: { keyId: string } }>('profile.set', CHAIR);
      await a.ok('vault.lock');
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      expect((await a.ok<{ autoLockMinutes: number }>('settings.get')).autoLockMinutes).toBe(25);
      const again = await a.ok<{ profile: { name: string; keyId: string } }>('profile.get');
      expect(again.profile).toMatchObject({ name: 'Helen Marsh', keyId: profile.profile.keyId });
    });

    test('a session left unused for the set time locks itself, and says so', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      await a.ok('settings.update', { autoLockMinutes: 5 });
      opened.clock.ms += 4 * 60_000;
      expect(await a.code('conferences.list')).toBe('ok'); // use resets the clock
      opened.clock.ms += 4 * 60_000;
      expect((await a.ok<{ state: string }>('vault.status')).state).toBe('unlocked');
      opened.clock.ms += 60_000;
      expect((await a.ok<{ state: string }>('vault.status')).state).toBe('locked');
      const refused = await a.call('conferences.list');
      expect(refused.ok ? '' : refused.error.message).toMatch(/locked itself after 5 minutes without use/);
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      expect(await a.code('conferences.list')).toBe('ok');
    });

    test('a conference that does not exist is plainly not found', async () => {
      await a.ok('vault.unlock', { passphrase: opened.passphrase });
      expect(await a.code('conferences.get', { id: '6f1c1b2e-1d8a-4a55-9b7e-2f0c4c1d9a10' })).toBe('NOT_FOUND');
    });
  });
  // The agencies' accuracy review (review-contract.ts), against the same store.
  reviewContract(subject);
}
