import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { AuditRow, JudgementView } from '../../../domain/audit/types';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { oseiRecord } from '../../../main/demo/scenarios';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import type { ConferenceStore } from '../../../main/services/store/conference-store';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { removeMember, signIn } from '../../../main/services/team/membership';
import { buildCohort, type AuditStore } from '../../../main/services/audit/cohort-service';
import type { PgConferenceStore } from '../../../main/services/team/pg-store';
import { startCluster, type Cluster } from './pg-cluster';
import { readWhileWriting } from './read-while-writing';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * The manager's audit judgements on a team store. Not in the store contract: on the local store
 * whoever holds the passphrase may record one (signed when they have a profile); on the team
 * only a manager may, always signed with their own key. Fictional families, staff and council.
 */

let cluster: Cluster;
let team: Team;
let chair: string;
let manager: string;

const CHAIR_PROFILE = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };
const MANAGER_PROFILE = { name: 'Ingrid Lindqvist', role: 'Safeguarding Service Manager', council: 'Carrowby Borough Council' };

function api(store: ConferenceStore) {
  const handlers = handlersFor(store);
  return {
    call: (operation: string, input?: unknown) => dispatch(handlers, operation, input),
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

async function signedIn(login: string): Promise<Api> {
  const a = api(team.storeFor(login));
  await a.ok('vault.unlock', { passphrase: passphraseOf(login) });
  return a;
}

/** The Osei family (Daniel: a child in need plan, so in the audit cohort), entered by the chair. */
async function enterOsei(a: Api): Promise<ConferenceRecord> {
  const ready = oseiRecord();
  const children = ready.sections['children'];
  const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
  const meeting = ready.sections['meeting'];
  const date = meeting?.kind === 'single' ? String(meeting.values['date']) : '2026-02-03';
  const created = await a.ok<ConferenceRecord>('conferences.create', { type: ready.type, date, children: names });
  await a.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: ready.sections });
  return (await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference;
}

function firstChild(record: ConferenceRecord): string {
  const children = record.sections['children'];
  if (children?.kind !== 'list' || children.items[0] === undefined) throw new Error('no children');
  return children.items[0].id;
}

/** The team store as the cohort sees it, failing the test if the cohort opens any conference whole. */
const openingNothing = (store: PgConferenceStore): AuditStore => ({
  auditIndex: (period) => store.auditIndex(period),
  auditJudgements: (ids) => store.auditJudgements(ids),
  auditSource: (id) => Promise.reject(new Error(`${id} opened`)),
  getSettings: () => store.getSettings(),
});

/** A chair's save of the meeting section with some values changed. */
async function saveMeeting(a: Api, record: ConferenceRecord, values: Record<string, string>): Promise<void> {
  const { conference } = await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: record.id });
  const meeting = conference.sections['meeting'];
  if (meeting?.kind !== 'single') throw new Error('no meeting');
  await a.ok('conferences.save', { id: record.id, baseRevision: conference.revision, sections: { meeting: { kind: 'single', values: { ...meeting.values, ...values } } } });
}

/**
 * The Osei conference entered by the chair, a second manager (with a profile, so able to judge)
 * and this suite's manager, who looks at the first half of 2026: Daniel's row in that look.
 */
async function withSecondManager(login: string, name: string) {
  const other = team.login(login);
  await team.join(other, 'manager');
  const c = await signedIn(chair);
  const m = await signedIn(manager);
  const o = await signedIn(other);
  await o.ok('profile.set', { ...MANAGER_PROFILE, name });
  const record = await enterOsei(c);
  const rowOf = async () =>
    (await m.ok<{ rows: AuditRow[] }>('audit.cohort', { period: { from: '2026-01-01', to: '2026-06-30' } })).rows.find(
      (r) => r.conferenceId === record.id && r.childId === firstChild(record),
    );
  return { o, record, rowOf };
}

const judgementOf = (record: ConferenceRecord, comment: string) => ({
  conferenceId: record.id,
  childId: firstChild(record),
  rating: 'requires-improvement',
  comment,
  actionForChair: 'Add the escalation letter to the record.',
});

/** A change made by the database owner with the triggers off, as a DBA going round them could. */
async function asOwnerPastTriggers(sql: string, values: unknown[]): Promise<void> {
  await team.owner.query('BEGIN');
  try {
    await team.owner.query('SET LOCAL session_replication_role = replica');
    await team.owner.query(sql, values);
    await team.owner.query('COMMIT');
  } catch (error) {
    await team.owner.query('ROLLBACK');
    throw error;
  }
}

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'judgements');
  chair = team.login('ch.marsh');
  manager = team.login('mg.lindqvist');
  await team.join(chair, 'chair');
  await team.join(manager, 'manager');
}, 120_000);

afterAll(async () => {
  await team?.close();
  await cluster?.stop();
});

describe('a manager’s judgement on the team store', () => {
  test('is signed by the manager, leaves the signed record as it was, and the chair sees it verified', async () => {
    const c = await signedIn(chair);
    await c.ok('profile.set', CHAIR_PROFILE);
    const record = await enterOsei(c);
    const { revision } = await c.ok<{ revision: number }>('conferences.sign', { id: record.id, baseRevision: record.revision });
    const m = await signedIn(manager);
    // Without a profile there is no key to sign with: refused, nothing recorded.
    expect(await m.code('audit.judge', judgementOf(record, 'Threshold reasoning is thin here.'))).toBe('NO_PROFILE');
    await m.ok('profile.set', MANAGER_PROFILE);
    const { judgement } = await m.ok<{ judgement: JudgementView }>('audit.judge', judgementOf(record, 'Threshold reasoning is thin here.'));
    expect(judgement).toMatchObject({ number: 1, author: MANAGER_PROFILE.name, signed: true, valid: true, rating: 'requires-improvement' });

    const seen = await c.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: record.id });
    expect(seen.judgements).toEqual([judgement]);
    const { conference, problems } = await c.ok<{ conference: ConferenceRecord; problems: unknown[] }>('conferences.get', { id: record.id });
    expect(problems).toEqual([]);
    expect(conference.revision).toBe(revision);
    const history = await c.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id: record.id });
    expect(history.intact).toBe(true);
    expect(history.entries.at(-1)).toMatchObject({ action: 'judgement', revision, actor: `${MANAGER_PROFILE.name} (${manager})` });
    // The signed minutes still verify, and the audit's cohort carries the judgement on Daniel's row.
    expect((await c.ok<{ intact: boolean }>('conferences.signatures', { id: record.id })).intact).toBe(true);
    const cohort = await m.ok<{ rows: AuditRow[] }>('audit.cohort', { period: { from: '2026-01-01', to: '2026-12-31' } });
    const row = cohort.rows.find((r) => r.conferenceId === record.id && r.childId === firstChild(record));
    expect(row?.judgements).toEqual([judgement]);
  });

  test('a chair cannot record one, through the app or straight to the database', async () => {
    const c = await signedIn(chair);
    const record = await enterOsei(c);
    expect(await c.code('audit.judge', judgementOf(record, 'A chair judging their own conference.'))).toBe('FORBIDDEN');
    const raw = await signIn(team.server, chair, passphraseOf(chair), TEST_KDF);
    try {
      await expect(
        raw.client.query('SELECT cpc.record_judgement($1, $2, 1, $3, 2, $4)', [randomUUID(), record.id, Buffer.from('j'), Buffer.from('h')]),
      ).rejects.toThrow(/permission denied/);
      await expect(raw.client.query('INSERT INTO cpc.audit_judgements (id, conference_id, key_id, sealed) VALUES ($1, $2, 1, $3)', [randomUUID(), record.id, Buffer.from('j')])).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await raw.client.end();
    }
    expect(await c.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: record.id })).toEqual({ judgements: [], missing: 0 });
    expect((await c.ok<{ intact: boolean }>('conferences.history', { id: record.id })).intact).toBe(true);
  });

  test('on unsigned minutes the chair saves on after a judgement, and both judgements stay verified', async () => {
    const c = await signedIn(chair);
    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    const record = await enterOsei(c);
    const first = await m.ok<{ judgement: JudgementView }>('audit.judge', judgementOf(record, 'Plan is vague on who visits.'));
    // The chair's next save follows the judgement's history entry, not the version's.
    const risk = { kind: 'single', values: { harm: 'Updated after the audit.' } };
    const saved = await c.ok<{ revision: number }>('conferences.save', { id: record.id, baseRevision: record.revision, sections: { risk } });
    expect(saved.revision).toBe(record.revision + 1);
    const second = await m.ok<{ judgement: JudgementView }>('audit.judge', judgementOf(record, 'Revisited after the chair’s update.'));
    expect(second.judgement).toMatchObject({ number: 2, valid: true });
    const history = await c.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id: record.id });
    expect(history.intact).toBe(true);
    expect(history.entries.map((e) => e.action)).toEqual(['created', 'saved', 'judgement', 'saved', 'judgement']);
    const seen = await c.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: record.id });
    expect(seen.judgements.map((j) => [j.number, j.comment, j.valid])).toEqual([
      [1, first.judgement.comment, true],
      [2, 'Revisited after the chair’s update.', true],
    ]);
  });

  test('a judgement row altered in the database is reported as not valid, and none is added on top of it', async () => {
    const c = await signedIn(chair);
    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    const record = await enterOsei(c);
    await m.ok('audit.judge', { ...judgementOf(record, 'Good analysis of the police view.'), rating: 'good' });
    await m.ok('audit.judge', judgementOf(record, 'Action for the chair added later.'));
    // Someone with the database owner's rights, going round the triggers, copies the second
    // judgement's sealed bytes over the first: both still open (same conference and key).
    await team.owner.query('ALTER TABLE cpc.audit_judgements DISABLE TRIGGER append_only');
    await team.owner.query(
      `UPDATE cpc.audit_judgements SET sealed = (SELECT sealed FROM cpc.audit_judgements WHERE conference_id = $1 ORDER BY created_at DESC LIMIT 1)
        WHERE id = (SELECT id FROM cpc.audit_judgements WHERE conference_id = $1 ORDER BY created_at LIMIT 1)`,
      [record.id],
    );
    await team.owner.query('ALTER TABLE cpc.audit_judgements ENABLE TRIGGER append_only');
    const seen = await c.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: record.id });
    expect(seen.judgements.map((j) => j.valid)).toEqual([false, false]);
    expect(seen.judgements.some((j) => j.rating === 'good')).toBe(false);
    expect(await m.code('audit.judge', judgementOf(record, 'One more judgement on top.'))).toBe('TAMPERED');
    const history = await c.ok<{ entries: HistoryEntry[] }>('conferences.history', { id: record.id });
    expect(history.entries.filter((e) => e.action === 'judgement')).toHaveLength(2);
  });

  test('a judgement deleted from the end is shown as missing to the chair and in the cohort, though the one left verifies', async () => {
    const c = await signedIn(chair);
    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    const record = await enterOsei(c);
    await m.ok('audit.judge', { ...judgementOf(record, 'Good analysis of the police view.'), rating: 'good' });
    await m.ok('audit.judge', { ...judgementOf(record, 'On reflection the police view is not answered.'), rating: 'inadequate' });
    // The database owner, going round the triggers, deletes the second (the unfavourable) row.
    await team.owner.query('ALTER TABLE cpc.audit_judgements DISABLE TRIGGER append_only');
    await team.owner.query(
      'DELETE FROM cpc.audit_judgements WHERE id = (SELECT id FROM cpc.audit_judgements WHERE conference_id = $1 ORDER BY created_at DESC LIMIT 1)',
      [record.id],
    );
    await team.owner.query('ALTER TABLE cpc.audit_judgements ENABLE TRIGGER append_only');
    const seen = await c.ok<{ judgements: JudgementView[]; missing: number }>('audit.judgements', { id: record.id });
    expect(seen.judgements.map((j) => [j.rating, j.valid])).toEqual([['good', true]]);
    expect(seen.missing).toBe(1);
    const { rows } = await m.ok<{ rows: AuditRow[] }>('audit.cohort', { period: { from: '2026-01-01', to: '2026-06-30' } });
    const row = rows.find((r) => r.conferenceId === record.id)!;
    expect(row.judgements.map((j) => j.rating)).toEqual(['good']);
    expect(row.judgementsMissing).toBe(1);
    expect(await m.code('audit.judge', judgementOf(record, 'One more judgement over the gap.'))).toBe('TAMPERED');
  });

  test('the cohort comes from the sealed summaries without opening a conference, and equals the cohort from the records', async () => {
    const c = await signedIn(chair);
    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    await c.ok('profile.set', CHAIR_PROFILE);
    const signed = await enterOsei(c);
    await c.ok('conferences.sign', { id: signed.id, baseRevision: signed.revision });
    const unsigned = await enterOsei(c);
    await m.ok('audit.judge', judgementOf(signed, 'The police dissent needs a clearer answer.'));
    const store = team.storeFor(manager);
    await store.unlock(passphraseOf(manager));
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const now = new Date('2026-03-01T10:00:00Z');
    const fromFacts = await buildCohort(
      openingNothing(store),
      period,
      null,
      now,
    );
    const fromRecords = await buildCohort(
      { auditIndex: async () => ({ conferences: (await store.auditIndex()).conferences, facts: () => undefined }), auditSource: (id) => store.auditSource(id), getSettings: () => store.getSettings() },
      period,
      null,
      now,
    );
    const ours = (rows: AuditRow[]) => rows.filter((r) => r.conferenceId === signed.id || r.conferenceId === unsigned.id);
    expect(ours(fromFacts.rows).map((r) => [r.conferenceId, r.judgements.length, r.indicators.find((i) => i.id === 'minutes-signed')?.status])).toEqual(
      [
        [signed.id, 1, 'met'],
        [unsigned.id, 0, 'not-met'],
      ].sort((a, b) => (fromFacts.rows.findIndex((r) => r.conferenceId === a[0]) - fromFacts.rows.findIndex((r) => r.conferenceId === b[0]))),
    );
    expect(fromFacts).toEqual(fromRecords);
    await store.lock();
  });

  test('a period reads its own months and the twelve after (who came back), and every conference whose month the server does not know', async () => {
    const c = await signedIn(chair);
    const osei = await enterOsei(c); // held 03/02/2026
    const month = async (id: string) =>
      (await team.owner.query<{ month: string | null }>("SELECT to_char(conference_month, 'YYYY-MM-DD') AS month FROM cpc.conferences WHERE id = $1", [id])).rows[0]?.month;
    expect(await month(osei.id)).toBe('2026-02-01');
    // Moved to another date by a save: the month moves with it.
    const redate = (record: ConferenceRecord, date: string) => saveMeeting(c, record, { date });
    const earlier = await enterOsei(c);
    await redate(earlier, '2019-05-14');
    expect(await month(earlier.id)).toBe('2019-05-01');
    const created = (date: string) => c.ok<ConferenceRecord>('conferences.create', { type: 'initial', date, children: [{ name: 'Daniel Osei' }] });
    const returned = await created('2027-06-30');
    const tooLate = await created('2027-07-01');
    const undated = await created('2026-03-03');
    await redate(undated, '');
    expect(await month(undated.id)).toBeNull();
    // As a conference saved before the server kept months (migrations/008): no month, so always read.
    const older = await enterOsei(c);
    await asOwnerPastTriggers('UPDATE cpc.conferences SET conference_month = NULL WHERE id = $1', [older.id]);

    const store = team.storeFor(manager);
    await store.unlock(passphraseOf(manager));
    const ids = async (from: string, to: string) => new Set((await store.auditIndex({ from, to })).conferences.map((x) => x.id));
    const first = await ids('2026-01-01', '2026-06-30');
    expect([osei.id, returned.id, undated.id, older.id].every((id) => first.has(id))).toBe(true);
    expect(first.has(earlier.id)).toBe(false);
    expect(first.has(tooLate.id)).toBe(false);
    const before = await ids('2019-01-01', '2019-12-31');
    expect(before.has(earlier.id)).toBe(true);
    expect(before.has(osei.id)).toBe(false);
    // Without a period, everything (the import and the whole list read it so).
    const all = new Set((await store.auditIndex()).conferences.map((x) => x.id));
    expect([osei.id, earlier.id, returned.id, tooLate.id, undated.id, older.id].every((id) => all.has(id))).toBe(true);
    await store.lock();
  });

  test('an older summary put back on the server is reported, not listed or audited as if it were the current one', async () => {
    const c = await signedIn(chair);
    const record = await enterOsei(c); // revision 2: created, then the scenario saved
    const { rows } = await team.owner.query<{ summary: Buffer; audit_facts: Buffer }>('SELECT summary, audit_facts FROM cpc.conferences WHERE id = $1', [record.id]);
    await saveMeeting(c, record, { minuteTaker: 'Priya Okafor' }); // revision 3
    // The database owner, going round the triggers, puts revision 2's summary and facts back.
    await asOwnerPastTriggers('UPDATE cpc.conferences SET summary = $2, audit_facts = $3 WHERE id = $1', [record.id, rows[0]!.summary, rows[0]!.audit_facts]);
    const m = await signedIn(manager);
    const page = await m.ok<{ conferences: { id: string }[]; problems: { conferenceId: string }[] }>('conferences.list', { limit: 100 });
    expect(page.conferences.map((x) => x.id)).not.toContain(record.id);
    expect(page.problems.map((p) => p.conferenceId)).toContain(record.id);
    const cohort = await m.ok<{ rows: AuditRow[] }>('audit.cohort', { period: { from: '2026-01-01', to: '2026-06-30' } });
    expect(cohort.rows.map((r) => r.conferenceId)).not.toContain(record.id);
  });

  test('a judgement another manager records shows at this manager’s next look at the period, though the rows were kept', async () => {
    const { o, record, rowOf } = await withSecondManager('mg.okonjo', 'Ada Okonjo');
    expect((await rowOf())?.judgements).toEqual([]);
    await o.ok('audit.judge', judgementOf(record, 'Recorded by the second manager.'));
    expect((await rowOf())?.judgements.map((j) => [j.author, j.comment])).toEqual([['Ada Okonjo', 'Recorded by the second manager.']]);
  });

  test('looking at the cohort while another manager judges never shows a judgement as missing or not valid', async () => {
    // The judgements and the history entries that name them were read in two statements: one
    // committed between them looked like a judgement deleted from the store.
    const { o, record, rowOf } = await withSecondManager('mg.mensah', 'Efua Mensah');
    const { reads: looks, alarms } = await readWhileWriting(
      async () => {
        for (let n = 1; n <= 10; n += 1) await o.ok('audit.judge', judgementOf(record, `The second manager’s look, number ${n}, at the rationale.`));
      },
      async () => {
        const row = await rowOf();
        if (row === undefined) return ['row gone'];
        const invalid = row.judgements.filter((j) => !j.valid).length;
        return row.judgementsMissing > 0 || invalid > 0 ? [`${row.judgementsMissing} missing, ${invalid} not valid`] : [];
      },
    );
    expect(looks).toBeGreaterThan(3);
    expect(alarms).toEqual([]);
  });

  test('a judgement made before the chair saves again is still found and checked by the cohort, which opens no conference', async () => {
    const c = await signedIn(chair);
    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    const record = await enterOsei(c);
    const { judgement } = await m.ok<{ judgement: JudgementView }>('audit.judge', judgementOf(record, 'Judged before the chair saved again.'));
    // The chair's next save puts the revision's own history entry after the judgement's.
    await saveMeeting(c, record, { minuteTaker: 'Priya Okafor' });
    const store = team.storeFor(manager);
    await store.unlock(passphraseOf(manager));
    const cohort = await buildCohort(
      openingNothing(store),
      { from: '2026-01-01', to: '2026-06-30' },
      null,
    );
    const row = cohort.rows.find((r) => r.conferenceId === record.id && r.childId === firstChild(record));
    expect(row?.judgements).toEqual([judgement]);
    expect(row?.judgementsMissing).toBe(0);
    await store.lock();
  });

  test('two managers judging one conference at once: one is recorded, the other is asked to try again', async () => {
    const second = team.login('mg.achebe');
    await team.join(second, 'manager');
    const c = await signedIn(chair);
    const m1 = await signedIn(manager);
    const m2 = await signedIn(second);
    await m1.ok('profile.set', MANAGER_PROFILE);
    await m2.ok('profile.set', { ...MANAGER_PROFILE, name: 'Kofi Achebe' });
    const record = await enterOsei(c);
    const results = await Promise.all([
      m1.call('audit.judge', judgementOf(record, 'The first manager’s view, recorded.')),
      m2.call('audit.judge', judgementOf(record, 'The second manager’s view, recorded.')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.flatMap((r) => (r.ok ? [] : [r.error.code]))).toEqual(['CONFLICT']);
    const seen = await c.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: record.id });
    expect(seen.judgements.map((j) => [j.number, j.valid])).toEqual([[1, true]]);
    expect((await c.ok<{ intact: boolean }>('conferences.history', { id: record.id })).intact).toBe(true);
  });

  test('a judgement’s history entry that will not open: the conference still opens, reported as tampered, and nothing is saved after it', async () => {
    const c = await signedIn(chair);
    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    const record = await enterOsei(c);
    await m.ok('audit.judge', judgementOf(record, 'Entry about to be damaged.'));
    await team.owner.query('ALTER TABLE cpc.history DISABLE TRIGGER append_only');
    await team.owner.query('UPDATE cpc.history SET sealed = $2 WHERE conference_id = $1 AND seq = (SELECT max(seq) FROM cpc.history WHERE conference_id = $1)', [
      record.id,
      Buffer.alloc(64, 7),
    ]);
    await team.owner.query('ALTER TABLE cpc.history ENABLE TRIGGER append_only');
    const opened = await c.ok<{ conference: ConferenceRecord; problems: { kind: string }[] }>('conferences.get', { id: record.id });
    expect(opened.conference.revision).toBe(record.revision);
    expect(opened.problems).toHaveLength(1);
    const risk = { kind: 'single', values: { harm: 'Written after the damage.' } };
    expect(await c.code('conferences.save', { id: record.id, baseRevision: record.revision, sections: { risk } })).toBe('TAMPERED');
    expect(await m.code('audit.judge', judgementOf(record, 'Another judgement on top of it.'))).toBe('TAMPERED');
  });
});

describe('a manager’s audit digests (migrations/009)', () => {
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const cohortOf = async (login: string, id: string) => {
    // The digests alone: a copy of the cohort (migrations/012, tested below) would answer first.
    await team.owner.query('DELETE FROM cpc.audit_cohorts WHERE member = $1', [login]);
    return (await (await signedIn(login)).ok<{ rows: AuditRow[] }>('audit.cohort', { period })).rows.filter((r) => r.conferenceId === id);
  };
  const digestOf = async (login: string, month: string) =>
    (await team.owner.query<{ sealed: Buffer }>('SELECT sealed FROM cpc.audit_digests WHERE member = $1 AND month = $2::date', [login, month])).rows[0]?.sealed;

  test('the next sign-in starts from them, yet a save since, an old digest put back or one in another’s name never shows an old answer', async () => {
    const c = await signedIn(chair);
    const record = await enterOsei(c); // held 03/02/2026
    const first = await cohortOf(manager, record.id);
    expect(first.length).toBeGreaterThan(0);
    expect(first.map((r) => r.chair)).toEqual(first.map(() => 'Martin Lowe (independent chair)'));
    const february = await digestOf(manager, '2026-02-01');
    expect(february).toBeInstanceOf(Buffer);
    expect(february!.includes(Buffer.from('Osei'))).toBe(false);

    // The row's sealed summary and facts replaced with junk at the same revision: a new session's
    // look reads them from the digest (what a look read at that revision), so the cohort is as
    // before — the list, which reads the row, still reports the damage.
    const { rows: kept } = await team.owner.query<{ summary: Buffer; audit_facts: Buffer }>('SELECT summary, audit_facts FROM cpc.conferences WHERE id = $1', [record.id]);
    await asOwnerPastTriggers('UPDATE cpc.conferences SET summary = $2, audit_facts = $2 WHERE id = $1', [record.id, Buffer.alloc(80, 9)]);
    expect(await cohortOf(manager, record.id)).toEqual(first);
    const page = await (await signedIn(manager)).ok<{ problems: { conferenceId: string }[] }>('conferences.list', { limit: 100 });
    expect(page.problems.map((p) => p.conferenceId)).toContain(record.id);
    await asOwnerPastTriggers('UPDATE cpc.conferences SET summary = $2, audit_facts = $3 WHERE id = $1', [record.id, kept[0]!.summary, kept[0]!.audit_facts]);

    // The chair saves a change: the digest's entry is of the revision before, so the row is read.
    await saveMeeting(c, record, { chair: 'Rhiannon Pryce' });
    expect((await cohortOf(manager, record.id)).map((r) => r.chair)).toEqual(first.map(() => 'Rhiannon Pryce'));
    expect((await digestOf(manager, '2026-02-01'))!.equals(february!)).toBe(false);
    // The old digest put back on the server: its entry no longer matches the row's revision.
    await team.owner.query('UPDATE cpc.audit_digests SET sealed = $3 WHERE member = $1 AND month = $2::date', [manager, '2026-02-01', february]);
    expect((await cohortOf(manager, record.id)).map((r) => r.chair)).toEqual(first.map(() => 'Rhiannon Pryce'));

    // Another manager's look never opens this manager's digest, even copied into their name: with
    // the row damaged again, the copy (current, and would have answered) is not used, so the
    // conference is left out of their cohort as unreadable.
    const other = team.login('mg.fairweather');
    await team.join(other, 'manager');
    const current = await digestOf(manager, '2026-02-01');
    await team.owner.query('INSERT INTO cpc.audit_digests (member, month, sealed) VALUES ($1, $2::date, $3)', [other, '2026-02-01', current]);
    await asOwnerPastTriggers('UPDATE cpc.conferences SET summary = $2, audit_facts = $2 WHERE id = $1', [record.id, Buffer.alloc(80, 9)]);
    expect((await cohortOf(manager, record.id)).map((r) => r.chair)).toEqual(first.map(() => 'Rhiannon Pryce'));
    expect(await cohortOf(other, record.id)).toEqual([]);
  });

  test('a digest holds the audit’s part of a summary only; the whole list after a look from digests is still whole', async () => {
    const c = await signedIn(chair);
    const record = await enterOsei(c);
    await cohortOf(manager, record.id); // writes the digests
    // The next session's look starts from them; the whole list in that session then shows the
    // list's fields (chair, readiness), which no digest holds, read from the row.
    const m = await signedIn(manager);
    const rows = (await m.ok<{ rows: AuditRow[] }>('audit.cohort', { period })).rows.filter((r) => r.conferenceId === record.id);
    expect(rows.length).toBeGreaterThan(0);
    const { conferences } = await m.ok<{ conferences: ConferenceSummary[] }>('conferences.list');
    const listed = conferences.find((summary) => summary.id === record.id);
    expect(listed?.chair).toBe('Martin Lowe (independent chair)');
    expect(listed?.readiness).toBeDefined();
    expect(listed?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  test('a manager removed from the team leaves no digests behind (migrations/010)', async () => {
    const leaver = team.login('mg.whitlow');
    await team.join(leaver, 'manager');
    const c = await signedIn(chair);
    const record = await enterOsei(c);
    expect((await cohortOf(leaver, record.id)).length).toBeGreaterThan(0);
    expect(await digestOf(leaver, '2026-02-01')).toBeInstanceOf(Buffer);
    await removeMember(team.admin, leaver);
    const { rows } = await team.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM cpc.audit_digests WHERE member = $1', [leaver]);
    expect(rows[0]?.n).toBe(0);
    // Another manager's digests are untouched.
    expect(await digestOf(manager, '2026-02-01')).toBeInstanceOf(Buffer);
  });

  test('only a manager has digests: a chair can neither read nor write one', async () => {
    const raw = await signIn(team.server, chair, passphraseOf(chair), TEST_KDF);
    try {
      await expect(raw.client.query('SELECT sealed FROM cpc.audit_digests')).rejects.toThrow(/permission denied/);
      await expect(raw.client.query("INSERT INTO cpc.audit_digests (month, sealed) VALUES ('2026-02-01', '\\x00')")).rejects.toThrow(/permission denied/);
    } finally {
      await raw.client.end();
    }
    const m = await signIn(team.server, manager, passphraseOf(manager), TEST_KDF);
    try {
      // And a manager's rows are their own: none in another's name.
      await expect(m.client.query("INSERT INTO cpc.audit_digests (member, month, sealed) VALUES ('cpc_someone', '2026-03-01', '\\x00')")).rejects.toThrow(/row-level security/);
    } finally {
      await m.client.end();
    }
  });
});

describe('a manager’s cohort copies (migrations/012)', () => {
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const copyOf = async (login: string) =>
    (await team.owner.query<{ sealed: Buffer }>('SELECT sealed FROM cpc.audit_cohorts WHERE member = $1 AND period_from = $2 AND period_to = $3', [login, period.from, period.to])).rows[0]?.sealed;
  /** A new session of the member's, telling whether each look worked the cohort out (read the index) or drew it from the copy. */
  const session = async (login: string) => {
    const store = team.storeFor(login);
    const workedOut = vi.spyOn(store, 'auditIndex');
    const a = api(store);
    await a.ok('vault.unlock', { passphrase: passphraseOf(login) });
    const look = async (id: string) => (await a.ok<{ rows: AuditRow[] }>('audit.cohort', { period })).rows.filter((r) => r.conferenceId === id);
    return { a, store, look, workedOut: () => workedOut.mock.calls.length };
  };

  test('the next sign-in draws the cohort from the copy: the same rows, then whole ones from its details for the drill-down and the CSV', async () => {
    const c = await signedIn(chair);
    const record = await enterOsei(c);
    const first = await session(manager);
    const rows = await first.look(record.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(first.workedOut()).toBe(1);
    const drill = { period, conferenceId: record.id, childId: firstChild(record) };
    const whole = (await first.a.ok<{ row: AuditRow }>('audit.child', drill)).row;
    const csvOf = async (s: { a: Api }) => Buffer.from((await s.a.ok<{ base64: string }>('audit.export', { period, format: 'csv' })).base64, 'base64').toString('utf8');
    const csv = await csvOf(first);
    const { rows: stored } = await team.owner.query<{ sealed: Buffer; details: Buffer }>('SELECT sealed, details FROM cpc.audit_cohorts WHERE member = $1', [manager]);
    for (const { sealed, details } of stored) for (const word of ['Osei', 'Daniel']) expect([sealed.includes(word), details.includes(word)]).toEqual([false, false]);

    const next = await session(manager);
    expect(await next.look(record.id)).toEqual(rows);
    expect(next.workedOut()).toBe(0);
    // The drill-down's sentences and came-back matches come from the details kept beside the copy: the same row, not worked out again.
    const child = (await next.a.ok<{ row: AuditRow }>('audit.child', drill)).row;
    expect(child).toEqual(whole);
    expect(child.indicators.every((i) => i.explanation.length > 0)).toBe(true);
    expect(await csvOf(next)).toBe(csv);
    // The PDF summary too, from rows made whole from the details (rows share frozen lists: nothing may write to them).
    const pdf = await next.a.ok<{ base64: string }>('audit.export', { period, format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(next.workedOut()).toBe(0);

    // Details that are not this copy's (another period's put in their place): the cohort is worked out in full instead, and the row is the same.
    const other = { from: '2026-01-01', to: '2026-03-31' };
    const otherLook = await signedIn(manager);
    await otherLook.ok('audit.cohort', { period: other });
    await otherLook.ok('vault.lock'); // after the details written just after the look

    await team.owner.query(
      `UPDATE cpc.audit_cohorts SET details = (SELECT details FROM cpc.audit_cohorts WHERE member = $1 AND period_from = $2 AND period_to = $3)
        WHERE member = $1 AND period_from = $4 AND period_to = $5`,
      [manager, other.from, other.to, period.from, period.to],
    );
    const third = await session(manager);
    await third.look(record.id);
    expect(third.workedOut()).toBe(0);
    expect((await third.a.ok<{ row: AuditRow }>('audit.child', drill)).row).toEqual(whole);
    expect(third.workedOut()).toBe(1);
  });

  test('a save since, an old copy put back, or one in another’s name never shows an old answer', async () => {
    const c = await signedIn(chair);
    const record = await enterOsei(c);
    const before = await session(manager);
    await before.look(record.id);
    await before.a.ok('vault.lock'); // after the details, written just after the look
    const old = await copyOf(manager);
    const { rows: oldDetails } = await team.owner.query<{ details: Buffer }>('SELECT details FROM cpc.audit_cohorts WHERE member = $1 AND period_from = $2 AND period_to = $3', [manager, period.from, period.to]);
    expect(oldDetails[0]?.details).toBeInstanceOf(Buffer);

    await saveMeeting(c, record, { chair: 'Rhiannon Pryce' });
    const afterSave = await session(manager);
    expect((await afterSave.look(record.id)).map((r) => r.chair)).toEqual(['Rhiannon Pryce']);
    expect(afterSave.workedOut()).toBe(1);
    expect((await copyOf(manager))!.equals(old!)).toBe(false);
    await afterSave.a.ok('vault.lock');

    // The details from before the save put back beside the current copy: they name the window as
    // it was, so the drill-down works the cohort out rather than make rows whole from them.
    await team.owner.query('UPDATE cpc.audit_cohorts SET details = $4 WHERE member = $1 AND period_from = $2 AND period_to = $3', [manager, period.from, period.to, oldDetails[0]!.details]);
    const oldBeside = await session(manager);
    await oldBeside.look(record.id);
    expect(oldBeside.workedOut()).toBe(0);
    const drilled = await oldBeside.a.ok<{ row: AuditRow }>('audit.child', { period, conferenceId: record.id, childId: firstChild(record) });
    expect(oldBeside.workedOut()).toBe(1);
    expect(drilled.row.chair).toBe('Rhiannon Pryce');

    // The copy from before the save put back: it names the window as it was, so it is not used.
    await team.owner.query('UPDATE cpc.audit_cohorts SET sealed = $4 WHERE member = $1 AND period_from = $2 AND period_to = $3', [manager, period.from, period.to, old]);
    const putBack = await session(manager);
    expect((await putBack.look(record.id)).map((r) => r.chair)).toEqual(['Rhiannon Pryce']);
    expect(putBack.workedOut()).toBe(1);

    // Another manager's look never opens this manager's copy, even copied into their name.
    const other = team.login('mg.ashdown');
    await team.join(other, 'manager');
    await team.owner.query(
      'INSERT INTO cpc.audit_cohorts (member, period_from, period_to, sealed, details) SELECT $1, period_from, period_to, sealed, details FROM cpc.audit_cohorts WHERE member = $2 AND period_from = $3 AND period_to = $4',
      [other, manager, period.from, period.to],
    );
    const theirs = await session(other);
    expect((await theirs.look(record.id)).map((r) => r.chair)).toEqual(['Rhiannon Pryce']);
    expect(theirs.workedOut()).toBe(1);
  });

  test('a judgement recorded since the copy was kept shows at the next look drawn from it', async () => {
    const { o, record } = await withSecondManager('mg.okafor', 'Chidi Okafor');
    await (await session(manager)).look(record.id);
    await o.ok('audit.judge', judgementOf(record, 'The rationale does not answer the police view.'));
    const next = await session(manager);
    const [row] = await next.look(record.id);
    expect(next.workedOut()).toBe(0);
    expect(row?.judgements.map((j) => [j.comment, j.valid])).toEqual([['The rationale does not answer the police view.', true]]);
  });

  test('a period the audit does not cover is refused in the manager’s words before the server is asked anything', async () => {
    const m = await session(manager);
    const copyAsked = vi.spyOn(m.store, 'cohortCopy');
    for (const bad of [{ from: '2016-01-01', to: '2025-12-31' }, { from: '2026-06-30', to: '2026-01-01' }]) {
      const result = await m.a.call('audit.cohort', { period: bad });
      expect(result.ok ? 'ok' : [result.error.code, result.error.message.length > 20]).toEqual(['INVALID_INPUT', true]);
    }
    expect([m.workedOut(), copyAsked.mock.calls.length]).toEqual([0, 0]);
  });

  test('only a manager keeps copies, a chair can neither read nor write one, and a removed manager’s go with them', async () => {
    const raw = await signIn(team.server, chair, passphraseOf(chair), TEST_KDF);
    try {
      await expect(raw.client.query('SELECT sealed FROM cpc.audit_cohorts')).rejects.toThrow(/permission denied/);
    } finally {
      await raw.client.end();
    }
    const leaver = team.login('mg.tranter');
    await team.join(leaver, 'manager');
    const record = await enterOsei(await signedIn(chair));
    await (await session(leaver)).look(record.id);
    expect(await copyOf(leaver)).toBeInstanceOf(Buffer);
    await removeMember(team.admin, leaver);
    expect(await copyOf(leaver)).toBeUndefined();
    expect(await copyOf(manager)).toBeInstanceOf(Buffer);
  });
});
