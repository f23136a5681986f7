import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EditLeases, SessionInfo } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { signIn, type SignedInMember } from '../../../main/services/team/membership';
import { PgConferenceStore } from '../../../main/services/team/pg-store';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * "Being edited by …" (migrations/006_edit_leases.sql, edit-leases.ts): a second person opening a
 * conference is told who else is in it and since when; the name is sealed on the server; nobody
 * can take, renew or release a lease in another's name; the lease is advice and never stops a
 * save (the revision check does that). Fictional staff throughout.
 */

let cluster: Cluster;
let team: Team;
let chair: string;
let minuteTaker: string;
let manager: string;
const raw: SignedInMember[] = [];

const CHAIR_NAME = 'Helen Marsh';
const MINUTE_TAKER_NAME = 'Priya Okafor';
const profile = (name: string) => ({ name, role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' });

function api(login: string) {
  const handlers = handlersFor(team.storeFor(login));
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

async function signedIn(login: string) {
  const a = api(login);
  await a.ok('vault.unlock', { passphrase: passphraseOf(login) });
  return a;
}

/** The member's own database connection, as a changed client would use it (raw SQL, their own rights). */
async function rawAs(login: string): Promise<SignedInMember> {
  const member = await signIn(team.server, login, passphraseOf(login), TEST_KDF);
  member.client.on('error', () => undefined);
  raw.push(member);
  return member;
}

async function leaseRow(id: string, login: string) {
  const { rows } = await team.owner.query<{ taken_at: Date; expires_at: Date; sealed: Buffer }>(
    'SELECT taken_at, expires_at, sealed FROM cpc.edit_leases WHERE conference_id = $1 AND member = $2',
    [id, login],
  );
  return rows[0];
}

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'leases');
  chair = team.login('ch.marsh');
  minuteTaker = team.login('mt.okafor');
  manager = team.login('mg.lindqvist');
  await team.join(chair, 'chair');
  await team.join(minuteTaker, 'minute_taker');
  await team.join(manager, 'manager');
}, 120_000);

afterAll(async () => {
  await Promise.all(raw.map((m) => m.client.end().catch(() => undefined)));
  await team?.close();
  await cluster?.stop();
});

async function newConference(a: Awaited<ReturnType<typeof signedIn>>): Promise<ConferenceRecord> {
  return a.ok<ConferenceRecord>('conferences.create', { type: 'initial', date: '2026-02-03', children: [{ name: 'Ellis Varga' }] });
}

describe('who is signed in, for the screens', () => {
  test('the status names the team store and, once signed in, the member’s role', async () => {
    const a = api(minuteTaker);
    const before = await a.ok<{ session: SessionInfo }>('vault.status', {});
    expect(before.session).toEqual({ store: { kind: 'team', host: team.server.host, database: team.server.database }, role: null });
    await a.ok('vault.unlock', { passphrase: passphraseOf(minuteTaker) });
    expect((await a.ok<{ session: SessionInfo }>('vault.status', {})).session.role).toBe('minute_taker');
    const m = await signedIn(manager);
    expect((await m.ok<{ session: SessionInfo }>('vault.status', {})).session.role).toBe('manager');
  });
});

describe('being edited by …', () => {
  test('a second person opening the conference sees the first by name and since when; it goes when the first leaves', async () => {
    const c = await signedIn(chair);
    await c.ok('profile.set', profile(CHAIR_NAME));
    const record = await newConference(c);
    const mine = await c.ok<EditLeases>('conferences.editLease', { id: record.id, action: 'hold' });
    expect(mine.others).toEqual([]); // nobody else yet; the chair never sees their own lease

    const t = await signedIn(minuteTaker);
    const seen = await t.ok<EditLeases>('conferences.editLease', { id: record.id, action: 'hold' });
    expect(seen.others.map((o) => o.name)).toEqual([CHAIR_NAME]);
    const row = await leaseRow(record.id, chair);
    expect(seen.others[0]?.since).toBe(row?.taken_at.toISOString());
    // The server's clock sets a short expiry: 90 seconds from the last renewal.
    expect((row!.expires_at.getTime() - row!.taken_at.getTime()) / 1000).toBeCloseTo(90, 0);

    // Without a profile, teammates see the login.
    const back = await c.ok<EditLeases>('conferences.editLease', { id: record.id, action: 'look' });
    expect(back.others.map((o) => o.name)).toEqual([minuteTaker]);

    // A manager only looks (read-only page) and sees both.
    const m = await signedIn(manager);
    expect((await m.ok<EditLeases>('conferences.editLease', { id: record.id, action: 'look' })).others.map((o) => o.name).sort()).toEqual([CHAIR_NAME, minuteTaker].sort());

    await c.ok('conferences.editLease', { id: record.id, action: 'release' });
    expect((await t.ok<EditLeases>('conferences.editLease', { id: record.id, action: 'hold' })).others).toEqual([]);
  });

  test('locking releases the member’s leases at once, rather than after 90 seconds', async () => {
    const c = await signedIn(chair);
    await c.ok('profile.set', profile(CHAIR_NAME));
    const first = await newConference(c);
    const second = await newConference(c);
    await c.ok('conferences.editLease', { id: first.id, action: 'hold' });
    await c.ok('conferences.editLease', { id: second.id, action: 'hold' });
    const t = await signedIn(minuteTaker);
    await t.ok('conferences.editLease', { id: first.id, action: 'hold' });
    expect((await t.ok<EditLeases>('conferences.editLease', { id: second.id, action: 'look' })).others.map((o) => o.name)).toEqual([CHAIR_NAME]);
    await c.ok('vault.lock');
    expect((await t.ok<EditLeases>('conferences.editLease', { id: first.id, action: 'look' })).others).toEqual([]);
    expect((await t.ok<EditLeases>('conferences.editLease', { id: second.id, action: 'look' })).others).toEqual([]);
    // Only the one who locked: the minute-taker's own lease stays for the chair to see.
    const back = await signedIn(chair);
    expect((await back.ok<EditLeases>('conferences.editLease', { id: first.id, action: 'look' })).others.map((o) => o.name)).toEqual([minuteTaker]);
  });

  test('renewing keeps “since”; a lease that has run out is no longer shown', async () => {
    const c = await signedIn(chair);
    const record = await newConference(c);
    await c.ok('conferences.editLease', { id: record.id, action: 'hold' });
    const first = await leaseRow(record.id, chair);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.ok('conferences.editLease', { id: record.id, action: 'hold' });
    const renewed = await leaseRow(record.id, chair);
    expect(renewed?.taken_at.toISOString()).toBe(first?.taken_at.toISOString());
    expect(renewed!.expires_at.getTime()).toBeGreaterThan(first!.expires_at.getTime());

    // The chair's app closed without releasing (crash, lost network): the lease runs out by itself.
    // (The owner moves the clock on by switching the timing trigger off for one statement.)
    await team.owner.query('BEGIN');
    await team.owner.query('SET LOCAL session_replication_role = replica');
    await team.owner.query("UPDATE cpc.edit_leases SET expires_at = now() - interval '1 second' WHERE conference_id = $1", [record.id]);
    await team.owner.query('COMMIT');
    const t = await signedIn(minuteTaker);
    expect((await t.ok<EditLeases>('conferences.editLease', { id: record.id, action: 'look' })).others).toEqual([]);
  });

  test('the server holds no name: the lease row is the login, two times and sealed bytes', async () => {
    const t = await signedIn(minuteTaker);
    await t.ok('profile.set', profile(MINUTE_TAKER_NAME));
    const c = await signedIn(chair);
    const record = await newConference(c);
    await t.ok('conferences.editLease', { id: record.id, action: 'hold' });
    const { rows } = await team.owner.query('SELECT * FROM cpc.edit_leases WHERE conference_id = $1', [record.id]);
    expect(rows).toHaveLength(1);
    const everything = rows.flatMap((row: Record<string, unknown>) => Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))).join('\n');
    for (const part of MINUTE_TAKER_NAME.split(' ')) expect(everything).not.toContain(part);
    expect((await c.ok<EditLeases>('conferences.editLease', { id: record.id, action: 'look' })).others.map((o) => o.name)).toEqual([MINUTE_TAKER_NAME]);
  });

  test('a lease is advice, not a lock: the second person still saves, and a stale save is still a conflict', async () => {
    const c = await signedIn(chair);
    const record = await newConference(c);
    await c.ok('conferences.editLease', { id: record.id, action: 'hold' });
    const t = await signedIn(minuteTaker);
    const sections = { meeting: { kind: 'single', values: { date: '2026-02-04' } } };
    const saved = await t.ok<{ revision: number }>('conferences.save', { id: record.id, baseRevision: record.revision, sections });
    expect(saved.revision).toBe(record.revision + 1);
    expect(await c.code('conferences.save', { id: record.id, baseRevision: record.revision, sections: { meeting: { kind: 'single', values: { date: '2026-02-05' } } } })).toBe('CONFLICT');
  });
});

describe('an open page is not someone at the keyboard', () => {
  test('renewing a lease does not hold off the idle lock: ten minutes after the last use, the store locks', async () => {
    let clock = Date.parse('2026-02-03T10:00:00Z');
    const store = new PgConferenceStore({ server: team.server, login: chair, kdf: TEST_KDF, now: () => new Date(clock) });
    const handlers = handlersFor(store);
    await store.unlock(passphraseOf(chair));
    const record = await store.createConference({ type: 'initial', date: '2026-02-03', children: [{ name: 'Ellis Varga' }] });
    for (const minutes of [3, 6, 9]) {
      clock = Date.parse('2026-02-03T10:00:00Z') + minutes * 60_000;
      expect((await dispatch(handlers, 'conferences.editLease', { id: record.id, action: 'hold' })).ok).toBe(true);
    }
    clock = Date.parse('2026-02-03T10:10:01Z');
    const late = await dispatch(handlers, 'conferences.editLease', { id: record.id, action: 'hold' });
    expect(late.ok ? 'ok' : late.error.code).toBe('LOCKED');
    expect(await store.status()).toBe('locked');
  });
});

describe('nobody holds a lease in another’s name (raw SQL, the member’s own rights)', () => {
  test('a minute-taker cannot take, renew, move or release the chair’s lease', async () => {
    const c = await signedIn(chair);
    await c.ok('profile.set', profile(CHAIR_NAME));
    const record = await newConference(c);
    await c.ok('conferences.editLease', { id: record.id, action: 'hold' });
    const before = await leaseRow(record.id, chair);
    const t = await rawAs(minuteTaker);

    await expect(
      t.client.query('INSERT INTO cpc.edit_leases (conference_id, member, team_key_version, sealed) VALUES ($1, $2, 1, $3)', [record.id, manager, Buffer.from('x')]),
    ).rejects.toThrow(/row-level security/);
    // Row-level security hides the chair's row from UPDATE and DELETE: nothing changes.
    const renewed = await t.client.query('UPDATE cpc.edit_leases SET sealed = $2 WHERE conference_id = $1', [record.id, Buffer.from('forged')]);
    expect(renewed.rowCount).toBe(0);
    const released = await t.client.query('DELETE FROM cpc.edit_leases WHERE conference_id = $1', [record.id]);
    expect(released.rowCount).toBe(0);
    const after = await leaseRow(record.id, chair);
    expect(after?.sealed.equals(before!.sealed)).toBe(true);
    expect(after?.expires_at.getTime()).toBe(before?.expires_at.getTime());

    // Their own lease cannot be handed to someone else either.
    await t.client.query('INSERT INTO cpc.edit_leases (conference_id, team_key_version, sealed) VALUES ($1, 1, $2)', [record.id, Buffer.from('mine')]);
    await expect(t.client.query('UPDATE cpc.edit_leases SET member = $2 WHERE conference_id = $1 AND member = session_user', [record.id, chair])).rejects.toThrow();
  });

  test('nobody sets their own expiry: the server’s clock gives 90 seconds whatever is sent', async () => {
    const c = await signedIn(chair);
    const record = await newConference(c);
    const t = await rawAs(minuteTaker);
    await t.client.query("INSERT INTO cpc.edit_leases (conference_id, team_key_version, sealed, taken_at, expires_at) VALUES ($1, 1, $2, now() - interval '1 day', now() + interval '10 years')", [
      record.id,
      Buffer.from('x'),
    ]);
    await t.client.query("UPDATE cpc.edit_leases SET expires_at = now() + interval '10 years' WHERE conference_id = $1", [record.id]);
    const row = await leaseRow(record.id, minuteTaker);
    expect(row!.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(91_000);
    expect(Date.now() - row!.taken_at.getTime()).toBeLessThan(60_000);
  });

  test('a manager, who only reads conferences, cannot take a lease', async () => {
    const c = await signedIn(chair);
    const record = await newConference(c);
    const m = await signedIn(manager);
    expect(await m.code('conferences.editLease', { id: record.id, action: 'hold' })).toBe('FORBIDDEN');
    const r = await rawAs(manager);
    await expect(r.client.query('INSERT INTO cpc.edit_leases (conference_id, team_key_version, sealed) VALUES ($1, 1, $2)', [record.id, Buffer.from('x')])).rejects.toThrow(/permission denied/);
  });
});
