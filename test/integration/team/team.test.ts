import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import type { ConferenceStore } from '../../../main/services/store/conference-store';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { addMember, enrol, removeMember, signIn } from '../../../main/services/team/membership';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * A council's team on one server: what the database can see, two people on one record, roles the
 * server enforces through the app's own store, and a member removed mid-session. Fictional
 * families, staff and council throughout.
 */

let cluster: Cluster;
let team: Team;
let chair: string;
let minuteTaker: string;
let manager: string;

const CHAIR_PROFILE = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };
const MANAGER_PROFILE = { name: 'Ingrid Lindqvist', role: 'Safeguarding Service Manager', council: 'Carrowby Borough Council' };
const JUDGEMENT = { comment: 'Threshold reasoning leans on the school alone.', actionForChair: 'Ask the police for the strategy notes.' };
const MINUTE_TAKER_PROFILE = { name: 'Priya Okafor', role: 'Minute-taker', council: 'Carrowby Borough Council' };

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

async function signedIn(login: string) {
  const a = api(team.storeFor(login));
  await a.ok('vault.unlock', { passphrase: passphraseOf(login) });
  return a;
}

/** The Whitfield scenario (ready to sign), entered as a chair would. */
async function enterWhitfield(a: ReturnType<typeof api>, ready = whitfieldRecord()): Promise<ConferenceRecord> {
  const children = ready.sections['children'];
  const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
  const meeting = ready.sections['meeting'];
  const date = meeting?.kind === 'single' ? String(meeting.values['date']) : '2026-01-15';
  const created = await a.ok<ConferenceRecord>('conferences.create', { type: ready.type, date, children: names });
  await a.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: ready.sections });
  return (await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference;
}

/** Every string a person typed into the record: names, free text, dates. */
function typedStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.length >= 6 && /[A-Za-z]{3}/.test(value)) into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => typedStrings(v, into));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => typedStrings(v, into));
  return into;
}

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'team');
  chair = team.login('ch.marsh');
  minuteTaker = team.login('mt.okafor');
  manager = team.login('mg.lindqvist');
  await team.join(chair, 'chair');
  await team.join(minuteTaker, 'minute_taker');
  await team.join(manager, 'manager');
}, 120_000);

afterAll(async () => {
  await team?.close();
  await cluster?.stop();
});

describe('what the server holds', () => {
  test('no table or column holds a name or any text typed into a conference, the chair profile or settings', async () => {
    const a = await signedIn(chair);
    await a.ok('profile.set', CHAIR_PROFILE);
    await a.ok('settings.update', { autoLockMinutes: 17 });
    const record = await enterWhitfield(a);
    await a.ok('conferences.sign', { id: record.id, baseRevision: record.revision });
    await a.ok('conferences.addendum', { id: record.id, reason: 'Spelling of the school corrected', text: 'Ruby attends Carrowby Primary School.' });
    // A manager's audit judgement on the Osei conference (Daniel: a child in need plan, so in the cohort).
    const osei = await enterWhitfield(a, oseiRecord());
    const daniel = osei.sections['children'];
    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    await m.ok('audit.judge', { conferenceId: osei.id, childId: daniel?.kind === 'list' ? daniel.items[0]?.id : '', rating: 'inadequate', ...JUDGEMENT });
    const needles = [
      ...typedStrings(record.sections),
      ...typedStrings(osei.sections),
      ...Object.values(CHAIR_PROFILE),
      ...Object.values(MANAGER_PROFILE),
      JUDGEMENT.comment,
      JUDGEMENT.actionForChair,
      'inadequate', // the rating
      'Carrowby Primary School',
      'Spelling of the school corrected',
    ];
    expect(needles.length).toBeGreaterThan(40); // names, worries, strengths, the plan, the child's words…

    // Every column of every table in the database (not only the ones the store is known to use).
    const { rows: columns } = await team.owner.query<{ table_schema: string; table_name: string; column_name: string }>(
      `SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const texts: string[] = [];
    for (const c of columns) {
      const { rows } = await team.owner.query<{ v: unknown }>(`SELECT ${pg.escapeIdentifier(c.column_name)} AS v FROM ${pg.escapeIdentifier(c.table_schema)}.${pg.escapeIdentifier(c.table_name)}`);
      for (const { v } of rows) {
        if (v === null) continue;
        // bytea read both as UTF-8 and Latin-1, so text stored raw in a binary column is found too.
        if (Buffer.isBuffer(v)) texts.push(v.toString('utf8'), v.toString('latin1'));
        else texts.push(typeof v === 'string' ? v : JSON.stringify(v));
      }
    }
    const haystack = texts.join('\n');
    // The scan works: it finds what the server is meant to see (a login), so finding nothing else means something.
    expect(haystack).toContain(chair);
    expect(needles.filter((needle) => haystack.includes(needle))).toEqual([]);
    // Nor in the server's own log.
    const log = await readFile(join(cluster.dir, 'log'), 'utf8');
    expect(needles.filter((needle) => log.includes(needle))).toEqual([]);
  });
});

describe('two people, one record', () => {
  test('two saves of the same revision at once: one is kept, the other is a conflict, and nothing is half-written', async () => {
    const a = await signedIn(chair);
    const b = await signedIn(minuteTaker);
    const created = await a.ok<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-02-03', children: [{ name: 'Ellis Varga' }] });
    const results = await Promise.all([
      a.call('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'The chair’s wording.' } } } }),
      b.call('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'The minute-taker’s wording.' } } } }),
    ]);
    const kept = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(kept).toHaveLength(1);
    expect(refused.map((r) => (r.ok ? '' : r.error.code))).toEqual(['CONFLICT']);
    const winner = results[0]?.ok ? 'The chair’s wording.' : 'The minute-taker’s wording.';
    const { conference } = await b.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id });
    expect(conference.revision).toBe(2);
    expect(conference.sections['risk']).toEqual({ kind: 'single', values: { harm: winner } });
    expect((await a.ok<{ intact: boolean; entries: unknown[] }>('conferences.history', { id: created.id })).entries).toHaveLength(2);
  });

  test('addenda signed side by side from two computers: each is kept or refused as CONFLICT, and the signatures stay intact', async () => {
    const a = await signedIn(chair);
    await a.ok('profile.set', CHAIR_PROFILE);
    const record = await enterWhitfield(a);
    await a.ok('conferences.sign', { id: record.id, baseRevision: record.revision });
    const b = await signedIn(chair); // the same chair on a second computer
    const addendum = (n: number) => ({ id: record.id, reason: `Correction ${n}`, text: `Correction ${n} to the minutes.` });
    // Each computer adds its addenda one after another, the two running side by side, so one's
    // reads fall between the other's writes.
    const outcomes: string[] = [];
    const addAll = async (api: typeof a, first: number) => {
      for (let n = first; n < first + 6; n += 1) outcomes.push(await api.code('conferences.addendum', addendum(n)));
    };
    await Promise.all([addAll(a, 0), addAll(b, 100)]);
    expect(outcomes.filter((code) => code !== 'ok' && code !== 'CONFLICT')).toEqual([]);
    const kept = outcomes.filter((code) => code === 'ok').length;
    expect(kept).toBeGreaterThanOrEqual(6);
    const signatures = await b.ok<{ intact: boolean; versions: unknown[] }>('conferences.signatures', { id: record.id });
    expect(signatures.intact).toBe(true);
    expect(signatures.versions).toHaveLength(1 + kept);
  });

  test('the chair’s saves appear to the manager, who cannot edit', async () => {
    const a = await signedIn(chair);
    const m = await signedIn(manager);
    const created = await a.ok<ConferenceRecord>('conferences.create', { type: 'review', date: '2026-02-10', children: [{ name: 'Nia Fairweather' }] });
    await a.ok('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'Seen by the manager.' } } } });
    const { conference } = await m.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id });
    expect(conference.sections['risk']).toEqual({ kind: 'single', values: { harm: 'Seen by the manager.' } });
    expect((await m.ok<{ conferences: { id: string }[] }>('conferences.list')).conferences.map((c) => c.id)).toContain(created.id);
    expect(await m.code('conferences.save', { id: created.id, baseRevision: 2, sections: { risk: { kind: 'single', values: { harm: 'Changed by the manager.' } } } })).toBe('FORBIDDEN');
    expect(await m.code('conferences.create', { type: 'initial', date: '2026-02-11', children: [{ name: 'Nia Fairweather' }] })).toBe('FORBIDDEN');
    expect((await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference.revision).toBe(2);
  });

  test('the minute-taker cannot sign, even with a ready record and a profile: the server refuses', async () => {
    const a = await signedIn(chair);
    const t = await signedIn(minuteTaker);
    await t.ok('profile.set', MINUTE_TAKER_PROFILE);
    const record = await enterWhitfield(a);
    const refused = await t.call('conferences.sign', { id: record.id, baseRevision: record.revision });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    expect(refused.ok ? '' : refused.error.message).toMatch(/your role does not allow it/);
    // Still the same record, unsigned, still editable by the chair, and the minute-taker still signed in.
    expect((await t.ok<{ versions: unknown[] }>('conferences.signatures', { id: record.id })).versions).toEqual([]);
    await a.ok('conferences.save', { id: record.id, baseRevision: record.revision, sections: { risk: { kind: 'single', values: { harm: 'Still editable.' } } } });
    expect(await t.code('conferences.list')).toBe('ok');
  });
});

describe('sign-in and membership', () => {
  test('a wrong passphrase is refused; the setup code stops working once the member has enrolled', async () => {
    const store = api(team.storeFor(chair));
    expect(await store.code('vault.unlock', { passphrase: 'harbour wall quiet the walks' })).toBe('WRONG_PASSPHRASE');
    const login = team.login('ch.quinn');
    const { setupCode } = await addMember(team.admin.client, login, 'chair');
    await enrol(team.server, login, setupCode, passphraseOf(login), TEST_KDF);
    await expect(enrol(team.server, login, setupCode, passphraseOf(login), TEST_KDF)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    // Enrolled but not yet confirmed: signed in, but holding no team key, so nothing to open.
    expect(await api(team.storeFor(login)).code('vault.unlock', { passphrase: passphraseOf(login) })).toBe('FORBIDDEN');
  });

  test('a member removed mid-session is refused at the next call and locked out; new writes use a rotated key they never had', async () => {
    const leaver = team.login('ch.pryce');
    await team.join(leaver, 'chair');
    const l = await signedIn(leaver);
    const a = await signedIn(chair);
    const created = await l.ok<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-03-02', children: [{ name: 'Jonah Ashcombe' }] });
    const before = await team.owner.query('SELECT key_id, team_key_version FROM cpc.conference_keys WHERE conference_id = $1', [created.id]);
    const { newVersion } = await removeMember(team.admin, leaver);
    expect(await l.code('conferences.get', { id: created.id })).toBe('FORBIDDEN');
    expect(await l.code('conferences.list')).toBe('LOCKED'); // the screen asks for sign-in again
    expect(await l.code('vault.unlock', { passphrase: passphraseOf(leaver) })).toBe('FORBIDDEN');
    // The team carries on; the next save moves the conference to a new data key under the new team key.
    await a.ok('vault.lock');
    await a.ok('vault.unlock', { passphrase: passphraseOf(chair) });
    await a.ok('conferences.save', { id: created.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'Written after the rotation.' } } } });
    const after = await team.owner.query('SELECT key_id, team_key_version FROM cpc.conference_keys WHERE conference_id = $1 ORDER BY key_id', [created.id]);
    expect(before.rows).toEqual([{ key_id: 1, team_key_version: newVersion - 1 }]);
    expect(after.rows).toEqual([{ key_id: 1, team_key_version: newVersion - 1 }, { key_id: 2, team_key_version: newVersion }]);
    const grants = await team.owner.query('SELECT version FROM cpc.team_key_grants WHERE member = $1', [leaver]);
    expect(grants.rows.map((r) => r.version)).not.toContain(newVersion);
    const version = await team.owner.query('SELECT key_id FROM cpc.conference_versions WHERE conference_id = $1 AND revision = 2', [created.id]);
    expect(version.rows).toEqual([{ key_id: 2 }]);
    // Someone who joins later can still read what was written before the rotation.
    const joiner = team.login('ch.okoro');
    await team.join(joiner, 'chair');
    const j = await signedIn(joiner);
    expect((await j.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference.revision).toBe(2);
    expect((await j.ok<{ intact: boolean }>('conferences.history', { id: created.id })).intact).toBe(true);
  });

  test('sign-in derives everything from the passphrase: nothing is kept on this computer', async () => {
    const started = performance.now();
    const member = await signIn(team.server, chair, passphraseOf(chair), TEST_KDF);
    const ms = performance.now() - started;
    expect(member.role).toBe('chair');
    expect(member.teamKeys.size).toBeGreaterThan(0);
    await member.client.end();
    expect(ms).toBeLessThan(5_000);
  });
});
