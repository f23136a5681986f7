import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ReviewState } from '../../../domain/review/state';
import { oseiRecord } from '../../../main/demo/scenarios';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import type { ConferenceStore } from '../../../main/services/store/conference-store';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { signIn } from '../../../main/services/team/membership';
import { startCluster, type Cluster } from './pg-cluster';
import { readWhileWriting } from './read-while-writing';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * The accuracy review on a team store, beyond what the store contract holds both stores to
 * (test/integration/store-contract/review-contract.ts): who may write it (chairs only, refused by
 * the server itself), two chairs at once (nothing lost), a review row removed behind the app's
 * back, and what the server can read of it (nothing). Fictional families, staff and council.
 */

let cluster: Cluster;
let team: Team;
let chair: string;
let cover: string;
let minuteTaker: string;

const CHAIR_PROFILE = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };
const COVER_PROFILE = { name: 'Samuel Okafor', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };
const TAKER_PROFILE = { name: 'Priya Lal', role: 'Minute taker', council: 'Carrowby Borough Council' };
const recipient = (organisation: string) => ({ name: `Officer of ${organisation}`, organisation, email: 'duty@agency.example.gov.uk', document: 'full-minutes', sentOn: '2026-02-19' });

function api(store: ConferenceStore) {
  const handlers = handlersFor(store);
  return {
    async ok<T>(operation: string, input?: unknown): Promise<T> {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async code(operation: string, input?: unknown): Promise<string> {
      const result = await dispatch(handlers, operation, input);
      return result.ok ? 'ok' : result.error.code;
    },
  };
}
type Api = ReturnType<typeof api>;

async function signedIn(login: string, profile: typeof CHAIR_PROFILE): Promise<Api> {
  const a = api(team.storeFor(login));
  await a.ok('vault.unlock', { passphrase: passphraseOf(login) });
  await a.ok('settings.update', { autoLockMinutes: 0 });
  await a.ok('profile.set', profile);
  return a;
}

async function approvedOsei(a: Api): Promise<ConferenceRecord> {
  const ready = oseiRecord();
  const created = await a.ok<ConferenceRecord>('conferences.create', { type: ready.type, date: '2026-02-03', children: [{ name: 'Daniel Osei' }] });
  await a.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: ready.sections });
  const record = (await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference;
  await a.ok('review.approveDraft', { id: record.id, baseRevision: record.revision });
  return record;
}

const historyOf = async (a: Api, id: string) => a.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id });

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'review');
  chair = team.login('ch.marsh');
  cover = team.login('ch.okafor');
  minuteTaker = team.login('mt.lal');
  await team.join(chair, 'chair');
  await team.join(cover, 'chair');
  await team.join(minuteTaker, 'minute_taker');
}, 120_000);

afterAll(async () => {
  await team?.close();
  await cluster?.stop();
});

describe('the accuracy review on the team store', () => {
  test('a minute-taker can read it but not approve or circulate: the server refuses, through the app or straight to the database', async () => {
    const c = await signedIn(chair, CHAIR_PROFILE);
    const record = await approvedOsei(c);
    const t = await signedIn(minuteTaker, TAKER_PROFILE);
    expect((await t.ok<ReviewState>('review.get', { id: record.id })).drafts).toHaveLength(1);
    const before = (await historyOf(c, record.id)).entries.length;
    expect(await t.code('review.addRecipient', { id: record.id, recipient: recipient('Police') })).toBe('FORBIDDEN');
    const raw = await signIn(team.server, minuteTaker, passphraseOf(minuteTaker), TEST_KDF);
    try {
      await expect(
        raw.client.query('INSERT INTO cpc.conference_reviews (conference_id, seq, key_id, sealed, summary, summary_key_id) VALUES ($1, $2, 1, $3, $3, 1)', [record.id, before - 1, Buffer.from('r')]),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await raw.client.end();
    }
    // Nothing was half-written: the history entry went back with the refused row.
    const after = await historyOf(c, record.id);
    expect(after.entries).toHaveLength(before);
    expect(after.intact).toBe(true);
    expect((await c.ok<ReviewState>('review.get', { id: record.id })).recipients).toEqual([]);
  }, 120_000);

  test('two chairs circulating at once lose nothing: each step is kept or refused as CONFLICT', async () => {
    const c = await signedIn(chair, CHAIR_PROFILE);
    const record = await approvedOsei(c);
    const o = await signedIn(cover, COVER_PROFILE);
    const outcomes = await Promise.all([
      c.code('review.addRecipient', { id: record.id, recipient: recipient('Police') }),
      o.code('review.addRecipient', { id: record.id, recipient: recipient('CAMHS') }),
      c.code('review.addRecipient', { id: record.id, recipient: recipient('Castlegate Academy') }),
      o.code('review.addRecipient', { id: record.id, recipient: recipient('Youth Justice Service') }),
    ]);
    expect(outcomes.filter((code) => code !== 'ok' && code !== 'CONFLICT')).toEqual([]); // names the code if one slips through
    const kept = outcomes.filter((code) => code === 'ok').length;
    expect(kept).toBeGreaterThan(0);
    const state = await c.ok<ReviewState>('review.get', { id: record.id });
    expect(state.recipients).toHaveLength(kept);
    const history = await historyOf(c, record.id);
    expect(history.intact).toBe(true);
    expect(history.entries.filter((e) => e.action === 'circulated')).toHaveLength(kept);
  }, 120_000);

  test('reading while a colleague writes never raises a false tamper alarm: each read is one snapshot', async () => {
    // Found by CI: a read took the record, the history and the review in separate statements, so
    // a step committed between them looked like a review with no history entry (TAMPERED), or a
    // save looked like a history that does not end on the record. Both are false alarms sent to
    // the information governance lead.
    const c = await signedIn(chair, CHAIR_PROFILE);
    const record = await approvedOsei(c);
    const familyViews = record.sections.familyViews as { kind: 'single'; values: Record<string, unknown> };
    const o = await signedIn(cover, COVER_PROFILE);
    const { reads, alarms } = await readWhileWriting(
      async () => {
        let revision = record.revision;
        for (let step = 0; step < 12; step += 1) {
          const saved = await c.ok<{ revision: number }>('conferences.save', {
            id: record.id,
            baseRevision: revision,
            sections: { familyViews: { kind: 'single', values: { ...familyViews.values, parentsViews: `Grace and Kofi said they are frightened for Daniel (${step}).` } } },
          });
          revision = saved.revision;
          await c.ok('review.approveDraft', { id: record.id, baseRevision: revision });
          await c.ok('review.addRecipient', { id: record.id, recipient: recipient(`Agency ${step}`) });
        }
      },
      async () => {
        const [review, got, history] = await Promise.all([
          o.code('review.get', { id: record.id }),
          o.ok<{ problems: { kind: string }[] }>('conferences.get', { id: record.id }),
          historyOf(o, record.id),
        ]);
        return [
          ...(review === 'ok' ? [] : [`review.get ${review}`]),
          ...got.problems.map((problem) => `conferences.get ${problem.kind}`),
          ...(history.intact ? [] : ['conferences.history not intact']),
        ];
      },
    );
    expect(reads).toBeGreaterThan(3);
    expect(alarms).toEqual([]);
  }, 120_000);

  test('a review row removed behind the app’s back (the review put back a step) is reported, and nothing is built on it', async () => {
    const c = await signedIn(chair, CHAIR_PROFILE);
    const record = await approvedOsei(c);
    await c.ok('review.addRecipient', { id: record.id, recipient: recipient('Police') });
    await team.owner.query('ALTER TABLE cpc.conference_reviews DISABLE TRIGGER append_only');
    await team.owner.query('DELETE FROM cpc.conference_reviews WHERE conference_id = $1 AND seq = (SELECT max(seq) FROM cpc.conference_reviews WHERE conference_id = $1)', [record.id]);
    await team.owner.query('ALTER TABLE cpc.conference_reviews ENABLE TRIGGER append_only');
    expect(await c.code('review.get', { id: record.id })).toBe('TAMPERED');
    expect(await c.code('review.addRecipient', { id: record.id, recipient: recipient('CAMHS') })).toBe('TAMPERED');
    expect(await c.code('conferences.sign', { id: record.id, baseRevision: record.revision })).toBe('TAMPERED');
  }, 120_000);

  test('the server holds no word of it: names, organisations and addresses are sealed', async () => {
    const c = await signedIn(chair, CHAIR_PROFILE);
    const record = await approvedOsei(c);
    await c.ok('review.addRecipient', { id: record.id, recipient: { ...recipient('Carrowby Police'), name: 'PC Ryan Holt', email: 'ryan.holt@police.example.gov.uk' } });
    const { rows } = await team.owner.query<{ sealed: Buffer; summary: Buffer }>('SELECT sealed, summary FROM cpc.conference_reviews WHERE conference_id = $1', [record.id]);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      for (const words of ['Ryan Holt', 'Carrowby Police', 'ryan.holt', 'Daniel', '2026-03-05']) {
        expect(row.sealed.toString('latin1')).not.toContain(words);
        expect(row.summary.toString('latin1')).not.toContain(words);
      }
    }
  }, 120_000);
});
