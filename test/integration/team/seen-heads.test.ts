import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { StoreProblem } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { oseiRecord } from '../../../main/demo/scenarios';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { memberFileTag } from '../../../main/services/team/offline-queue';
import { PgConferenceStore } from '../../../main/services/team/pg-store';
import { backUp, restore } from './backup';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * A team server that goes back (seen-heads.ts): restored from an older backup, or changed by
 * its database owner with the triggers off. Each member's app keeps the versions it has seen,
 * sealed on this computer; signing in says which conferences the server holds at an earlier
 * version or has lost, and none of them is saved over until the member accepts the server as it
 * is. Fictional names throughout.
 */

let cluster: Cluster;
let team: Team;
let chair: string;
let seenDir: string;
const stores: PgConferenceStore[] = [];

function app(dir: string = seenDir) {
  const store = new PgConferenceStore({ server: team.server, login: chair, kdf: TEST_KDF, seenDir: dir });
  stores.push(store);
  const handlers = handlersFor(store);
  const call = async <T>(operation: string, input: unknown = {}): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw Object.assign(new Error(`${operation}: ${result.error.code} ${result.error.message}`), { code: result.error.code, text: result.error.message });
    return result.value as T;
  };
  return {
    call,
    signIn: () => call<{ problems: StoreProblem[] }>('vault.unlock', { passphrase: passphraseOf(chair) }).then((r) => r.problems),
    lock: () => call('vault.lock'),
    failure: async (operation: string, input: unknown): Promise<{ code: string; text: string }> => {
      const result = await dispatch(handlers, operation, input);
      if (result.ok) throw new Error(`${operation} was expected to be refused`);
      return { code: result.error.code, text: result.error.message };
    },
  };
}

const harm = (text: string) => ({ risk: { kind: 'single' as const, values: { harm: text } } });

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'seen');
  chair = team.login('ch.marsh');
  await team.join(chair, 'chair');
}, 120_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.lock().catch(() => undefined)));
  await team?.close();
  await cluster?.stop();
});

beforeEach(async () => {
  if (seenDir) await rm(seenDir, { recursive: true, force: true });
  seenDir = await mkdtemp(join(tmpdir(), 'cpc-seen-'));
});

describe('a team server that went back', () => {
  test('is reported at sign-in, is not saved over, and is saved again once the member accepts it', async () => {
    const a = app();
    expect(await a.signIn()).toEqual([]);
    const kept = await a.call<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-03-11', children: [{ name: 'Ruby Ashdown' }] });
    const lastNight = await backUp(team.owner, kept.id);
    await a.call('conferences.save', { id: kept.id, baseRevision: 1, sections: harm('Bruising seen by the school nurse.') });
    await a.call('conferences.save', { id: kept.id, baseRevision: 2, sections: harm('Bruising seen by the school nurse; father left the home.') });
    const made = await a.call<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-03-12', children: [{ name: "Tomás O'Brien-Łukasiewicz" }] });
    await a.lock();

    // The server is restored from last night's backup: one conference two versions back, one never made.
    await restore(team.owner, kept.id, lastNight);
    await restore(team.owner, made.id, null);

    const problems = await a.signIn();
    expect(problems).toHaveLength(1);
    const [report] = problems;
    expect(report).toMatchObject({ conferenceId: null, kind: 'rolledBack' });
    expect(report?.message).toContain(`Conference ${kept.id} (11/03/2026): version 1 on the server, version 3 seen here`);
    expect(report?.message).toContain(`Conference ${made.id} (12/03/2026): not on the server, version 1 seen here`);
    // Ids and dates only: messages may be logged.
    expect(report?.message).not.toContain('Ashdown');

    // The conference still opens, as the server has it, and says why it cannot be saved.
    const opened = await a.call<{ conference: ConferenceRecord; problems: StoreProblem[] }>('conferences.get', { id: kept.id });
    expect(opened.conference.revision).toBe(1);
    expect(opened.problems).toContainEqual(expect.objectContaining({ conferenceId: kept.id, kind: 'rolledBack' }));
    const refused = await a.failure('conferences.save', { id: kept.id, baseRevision: 1, sections: harm('Typed after the restore.') });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.text).toContain('holds version 1, earlier than version 3 which this computer saw');
    const signing = await a.failure('conferences.sign', { id: kept.id, baseRevision: 1 });
    expect(signing.code).toBe('TAMPERED');
    const { rows } = await team.owner.query<{ revision: number }>('SELECT revision FROM cpc.conferences WHERE id = $1', [kept.id]);
    expect(rows[0]?.revision).toBe(1);

    // Signing in again (or from a new app process, as after a restart) still reports it: kept on disk.
    await a.lock();
    const restarted = app();
    expect((await restarted.signIn()).map((p) => p.kind)).toEqual(['rolledBack']);

    // Accepted once the admin has checked: saved again from the server's version, and not reported again.
    expect(await restarted.call<{ problems: StoreProblem[] }>('vault.acknowledgeRollback')).toEqual({ problems: [] });
    const saved = await restarted.call<{ revision: number }>('conferences.save', { id: kept.id, baseRevision: 1, sections: harm('Re-entered from the chair’s notes.') });
    expect(saved.revision).toBe(2);
    await restarted.lock();
    expect(await app().signIn()).toEqual([]);
  });

  test('is put right by restoring the newer backup: nothing reported, saving carries on', async () => {
    const a = app();
    await a.signIn();
    const record = await a.call<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-04-02', children: [{ name: 'Nell Trevithick' }] });
    const older = await backUp(team.owner, record.id);
    await a.call('conferences.save', { id: record.id, baseRevision: 1, sections: harm('Seen at home with the health visitor.') });
    const newer = await backUp(team.owner, record.id);

    // Going back while the member is signed in: the next read finds it, the save after it is refused.
    await restore(team.owner, record.id, older);
    const opened = await a.call<{ problems: StoreProblem[] }>('conferences.get', { id: record.id });
    expect(opened.problems.map((p) => p.kind)).toEqual(['rolledBack']);
    expect((await a.failure('conferences.save', { id: record.id, baseRevision: 1, sections: harm('Lost?') })).code).toBe('TAMPERED');

    await restore(team.owner, record.id, newer);
    const back = await a.call<{ conference: ConferenceRecord; problems: StoreProblem[] }>('conferences.get', { id: record.id });
    expect(back.problems).toEqual([]);
    expect(back.conference.revision).toBe(2);
    expect((await a.call<{ revision: number }>('conferences.save', { id: record.id, baseRevision: 2, sections: harm('Carried on.') })).revision).toBe(3);
    await a.lock();
    expect(await app().signIn()).toEqual([]);
  });

  test('the record on this computer names nobody, opens only with this member’s passphrase, and a damaged one is kept aside and said', async () => {
    const a = app();
    await a.signIn();
    const record = await a.call<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-05-20', children: [{ name: 'Idris Penhallow' }] });
    await a.lock();
    const [file] = (await readdir(seenDir)).filter((name) => name.endsWith('.seen'));
    expect(file).toBeDefined();
    const bytes = await readFile(join(seenDir, file ?? ''));
    for (const plain of [record.id, '2026-05-20', 'Penhallow', chair]) expect(bytes.includes(Buffer.from(plain, 'utf8'))).toBe(false);

    await writeFile(join(seenDir, file ?? ''), Buffer.concat([bytes.subarray(0, bytes.length - 5), Buffer.from('xxxxx')]));
    const problems = await app().signIn();
    expect(problems).toEqual([expect.objectContaining({ conferenceId: null, kind: 'corrupt' })]);
    expect(problems[0]?.message).toMatch(/could not be opened .* kept, unopened, as \S+/);
    const names = await readdir(seenDir);
    expect(names.filter((n) => n !== file).length).toBeGreaterThanOrEqual(1); // the damaged copy, kept aside
  });

  test('a judgement removed from the end of a conference’s history (same version) is reported too', async () => {
    const manager = team.login('mg.lindqvist');
    await team.join(manager, 'manager');
    const theirs = new PgConferenceStore({ server: team.server, login: manager, kdf: TEST_KDF, seenDir });
    stores.push(theirs);
    const handlers = handlersFor(theirs);
    const call = async <T>(operation: string, input: unknown = {}): Promise<T> => {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    const c = app();
    await c.signIn();
    const ready = oseiRecord();
    const listed = ready.sections['children'];
    const names = listed?.kind === 'list' ? listed.items.map((item) => ({ name: String(item.values['name']) })) : [];
    const created = await c.call<ConferenceRecord>('conferences.create', { type: ready.type, date: '2026-02-03', children: names });
    // The whole demo record (children included, so each child's decision is theirs): Daniel leaves on a child in need plan.
    await c.call('conferences.save', { id: created.id, baseRevision: created.revision, sections: ready.sections });
    await c.lock();

    await call('vault.unlock', { passphrase: passphraseOf(manager) });
    await call('profile.set', { name: 'Ingrid Lindqvist', role: 'Safeguarding Service Manager', council: 'Carrowby Borough Council' });
    const { conference } = await call<{ conference: ConferenceRecord }>('conferences.get', { id: created.id });
    const children = conference.sections['children'];
    const decision = conference.sections['decision'];
    const childId = (children?.kind === 'list' ? children.items : []).find((item) => decision?.kind === 'perChild' && decision.perChild[item.id]?.['outcome'] !== 'cp-plan')?.id ?? '';
    await call('audit.judge', { conferenceId: created.id, childId, rating: 'requires-improvement', comment: 'The rationale does not weigh the police view against the school’s.', actionForChair: 'Add the weighing of the police view.' });
    await call('vault.lock');

    // The database's owner removes the judgement and its history entry: the conference's version is unchanged.
    const { rows } = await team.owner.query<{ seq: number }>('SELECT max(seq) AS seq FROM cpc.history WHERE conference_id = $1', [created.id]);
    await team.owner.query('BEGIN');
    await team.owner.query('SET LOCAL session_replication_role = replica');
    await team.owner.query('DELETE FROM cpc.audit_judgements WHERE conference_id = $1', [created.id]);
    await team.owner.query('DELETE FROM cpc.history WHERE conference_id = $1 AND seq = $2', [created.id, rows[0]?.seq]);
    await team.owner.query('COMMIT');

    const problems = await call<{ problems: StoreProblem[] }>('vault.unlock', { passphrase: passphraseOf(manager) });
    expect(problems.problems).toHaveLength(1);
    expect(problems.problems[0]?.message).toContain(`Conference ${created.id} (03/02/2026): history entry ${(rows[0]?.seq ?? 0) - 1} on the server, entry ${rows[0]?.seq} seen here`);
    await call('vault.lock');
  });

  test('a record that cannot be read at all (its folder is a file): signing in goes on, saying the check is off this session', async () => {
    const notAFolder = join(seenDir, 'not-a-folder');
    await writeFile(notAFolder, 'x');
    const a = app(notAFolder);
    const problems = await a.signIn();
    expect(problems).toEqual([expect.objectContaining({ conferenceId: null, kind: 'unprotected' })]);
    expect(problems[0]?.message).toContain('could not be read (ENOTDIR)');
    const record = await a.call<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-06-10', children: [{ name: 'Ellis Quennell' }] });
    expect((await a.call<{ revision: number }>('conferences.save', { id: record.id, baseRevision: 1, sections: harm('Saved as usual.') })).revision).toBe(2);
    await a.lock();
  });

  test('another member cannot take over this member’s record: it will not open for them', async () => {
    const a = app();
    await a.signIn();
    await a.call<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-06-03', children: [{ name: 'Ottoline Fairbrother' }] });
    await a.lock();
    const other = team.login('ch.okafor');
    await team.join(other, 'chair');
    const mine = join(seenDir, `${memberFileTag(team.server, chair)}.seen`);
    await writeFile(join(seenDir, `${memberFileTag(team.server, other)}.seen`), await readFile(mine));
    const theirs = new PgConferenceStore({ server: team.server, login: other, kdf: TEST_KDF, seenDir });
    stores.push(theirs);
    const problems = await theirs.unlock(passphraseOf(other));
    expect(problems.map((p) => p.kind)).toEqual(['corrupt']);
  });
});
