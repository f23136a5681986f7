import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../../main/services/team/migrate';
import { scramVerifier } from '../../../main/services/team/scram';
import { startCluster, type Cluster } from './pg-cluster';

/**
 * The roles are enforced by PostgreSQL itself, not only by the app: these tests speak raw SQL as
 * each kind of member, as a tampered client would, and expect the server to refuse. The rows are
 * opaque bytes here (the encryption is tested elsewhere); only the rules are under test.
 */

const PREFIX = 'cpc_';
let cluster: Cluster;
let database: string;
let admin: pg.Client;
const opened: pg.Client[] = [];

async function connectAs(user: string, password: string): Promise<pg.Client> {
  const client = new pg.Client({ host: cluster.host, port: cluster.port, database, user, password });
  await client.connect();
  opened.push(client);
  return client;
}

/** Adds, enrols and confirms a member the way the app does, with stand-in key bytes. */
async function member(login: string, role: string): Promise<pg.Client> {
  await admin.query('SELECT cpc.add_member($1, $2, $3)', [login, role, scramVerifier(`setup-${login}`)]);
  const setup = await connectAs(login, `setup-${login}`);
  await setup.query('SELECT cpc.enrol($1, $2, $3)', [Buffer.from('pk'), Buffer.from('wrapped'), scramVerifier(`pw-${login}`)]);
  await setup.end();
  await admin.query('SELECT cpc.confirm_member($1, 1, $2)', [login, Buffer.from('team key for one member')]);
  return connectAs(login, `pw-${login}`);
}

let chair: pg.Client;
let minuteTaker: pg.Client;
let manager: pg.Client;

async function newConference(as: pg.Client): Promise<string> {
  const id = randomUUID();
  await as.query('BEGIN');
  await as.query('INSERT INTO cpc.conferences (id, revision, summary, summary_key_id) VALUES ($1, 1, $2, 1)', [id, Buffer.from('s')]);
  await as.query('INSERT INTO cpc.conference_keys (conference_id, key_id, team_key_version, wrapped) VALUES ($1, 1, 1, $2)', [id, Buffer.from('k')]);
  await as.query('INSERT INTO cpc.conference_versions (conference_id, revision, key_id, sealed) VALUES ($1, 1, 1, $2)', [id, Buffer.from('v1')]);
  await as.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, 0, 1, $2)', [id, Buffer.from('h0')]);
  await as.query('COMMIT');
  return id;
}

async function save(as: pg.Client, id: string, revision: number): Promise<void> {
  await as.query('BEGIN');
  try {
    await as.query('UPDATE cpc.conferences SET revision = $2, summary = $3 WHERE id = $1', [id, revision, Buffer.from(`s${revision}`)]);
    await as.query('INSERT INTO cpc.conference_versions (conference_id, revision, key_id, sealed) VALUES ($1, $2, 1, $3)', [id, revision, Buffer.from(`v${revision}`)]);
    await as.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, $2, 1, $3)', [id, revision - 1, Buffer.from(`h${revision}`)]);
    await as.query('COMMIT');
  } catch (error) {
    await as.query('ROLLBACK');
    throw error;
  }
}

async function signMinutes(as: pg.Client, id: string, revision: number): Promise<void> {
  await as.query('INSERT INTO cpc.signatures (conference_id, version, kind, revision, key_id, sealed) VALUES ($1, 1, $2, $3, 1, $4)', [
    id,
    'minutes',
    revision,
    Buffer.from('signed statement'),
  ]);
}

beforeAll(async () => {
  cluster = await startCluster();
  database = await cluster.createDatabase('roles');
  admin = new pg.Client(cluster.config(database));
  await admin.connect();
  await migrate(admin, { prefix: PREFIX });
  chair = await member('ch.marsh', 'chair');
  minuteTaker = await member('mt.okafor', 'minute_taker');
  manager = await member('mg.lindqvist', 'manager');
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((c) => c.end().catch(() => undefined)));
  await admin?.end().catch(() => undefined);
  await cluster?.stop();
});

describe('migrations', () => {
  test('running the migrations again changes nothing', async () => {
    const catalogue = async () =>
      (
        await admin.query(`
          SELECT (SELECT json_agg(c ORDER BY c) FROM (SELECT relname || ':' || relkind::text AS c FROM pg_class WHERE relnamespace = 'cpc'::regnamespace) x) AS relations,
                 (SELECT json_agg(t ORDER BY t) FROM (SELECT tgname || ':' || tgrelid::regclass AS t FROM pg_trigger WHERE NOT tgisinternal) y) AS triggers,
                 (SELECT json_agg(p ORDER BY p) FROM (SELECT polname || ':' || polrelid::regclass AS p FROM pg_policy) z) AS policies,
                 (SELECT json_agg(r ORDER BY r) FROM (SELECT rolname AS r FROM pg_roles) w) AS roles,
                 (SELECT json_agg(m ORDER BY m) FROM (SELECT version || ':' || applied_at AS m FROM cpc.schema_migrations) v) AS applied,
                 (SELECT json_agg(g ORDER BY g) FROM (SELECT grantee || ':' || table_name || ':' || privilege_type AS g FROM information_schema.role_table_grants WHERE table_schema = 'cpc') u) AS grants`)
      ).rows[0];
    const before = await catalogue();
    const lines: string[] = [];
    const again = await migrate(admin, { prefix: PREFIX, progress: (line) => lines.push(line) });
    expect(again.applied).toEqual([]);
    expect(lines).toEqual(['The schema is up to date; nothing to apply.']);
    expect(await catalogue()).toEqual(before);
  });

  test('an applied migration that has since been edited is refused, and nothing changes', async () => {
    const { loadMigrations } = await import('../../../main/services/team/migrate');
    const edited = (await loadMigrations()).map((m) => (m.version === 1 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(admin, { prefix: PREFIX, migrations: edited })).rejects.toThrow(/differs from the one applied/);
  });
});

describe('a minute-taker, connected with a raw client', () => {
  test('can write an unsigned conference (so the refusals below are about the rules, not a broken login)', async () => {
    const id = await newConference(minuteTaker);
    await save(minuteTaker, id, 2);
    const { rows } = await minuteTaker.query('SELECT revision FROM cpc.conferences WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ revision: 2 });
  });

  test('is refused when trying to sign', async () => {
    const id = await newConference(minuteTaker);
    await expect(signMinutes(minuteTaker, id, 1)).rejects.toThrow(/permission denied for table signatures/);
    await expect(minuteTaker.query('UPDATE cpc.conferences SET signed = true WHERE id = $1', [id])).rejects.toThrow(/permission denied/);
    const { rows } = await admin.query('SELECT signed FROM cpc.conferences WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ signed: false });
  });

  test('is refused when trying to rewrite or remove history', async () => {
    const id = await newConference(minuteTaker);
    await expect(minuteTaker.query('UPDATE cpc.history SET sealed = $2 WHERE conference_id = $1', [id, Buffer.from('forged')])).rejects.toThrow(/permission denied/);
    await expect(minuteTaker.query('DELETE FROM cpc.history WHERE conference_id = $1', [id])).rejects.toThrow(/permission denied/);
    await expect(minuteTaker.query('DELETE FROM cpc.conference_versions WHERE conference_id = $1', [id])).rejects.toThrow(/permission denied/);
    // Nor by inserting an entry out of turn, or in someone else's name.
    await expect(minuteTaker.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, 5, 1, $2)', [id, Buffer.from('x')])).rejects.toThrow(/out of turn/);
    await expect(
      minuteTaker.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed, created_by) VALUES ($1, 1, 1, $2, $3)', [id, Buffer.from('x'), 'ch.marsh']),
    ).rejects.toThrow(/row-level security/);
    const { rows } = await admin.query('SELECT seq, sealed FROM cpc.history WHERE conference_id = $1', [id]);
    expect(rows).toEqual([{ seq: 0, sealed: Buffer.from('h0') }]);
  });

  test('is refused when trying to change a signed version, in any of the ways a client could try', async () => {
    const id = await newConference(chair);
    await save(chair, id, 2);
    await signMinutes(chair, id, 2);
    await expect(save(minuteTaker, id, 3)).rejects.toThrow(/signed and cannot be changed/);
    await expect(minuteTaker.query('UPDATE cpc.conferences SET summary = $2 WHERE id = $1', [id, Buffer.from('forged')])).rejects.toThrow(/signed and cannot be changed/);
    await expect(minuteTaker.query('UPDATE cpc.conference_versions SET sealed = $2 WHERE conference_id = $1', [id, Buffer.from('forged')])).rejects.toThrow(/permission denied/);
    await expect(minuteTaker.query('INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES ($1, 2, 1, $2)', [id, Buffer.from('x')])).rejects.toThrow(/only a chair/);
    // Nor by moving the conference to another month, which would hide it from that month's audit, or changing its audit facts.
    await expect(minuteTaker.query("UPDATE cpc.conferences SET conference_month = '2020-01-01' WHERE id = $1", [id])).rejects.toThrow(/signed and cannot be changed/);
    await expect(minuteTaker.query('UPDATE cpc.conferences SET audit_facts = $2 WHERE id = $1', [id, Buffer.from('forged')])).rejects.toThrow(/signed and cannot be changed/);
    const { rows } = await admin.query('SELECT revision, signed, summary, conference_month FROM cpc.conferences WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ revision: 2, signed: true, summary: Buffer.from('s2'), conference_month: null });
  });

  test('moves a conference’s month only with a new revision, and only to the first of a month', async () => {
    const id = await newConference(minuteTaker);
    await expect(minuteTaker.query("UPDATE cpc.conferences SET conference_month = '2026-03-01' WHERE id = $1", [id])).rejects.toThrow(/at revision 1, not 0/);
    await expect(
      minuteTaker.query("UPDATE cpc.conferences SET revision = 2, conference_month = '2026-03-14' WHERE id = $1", [id]),
    ).rejects.toThrow(/check constraint/);
    await minuteTaker.query("UPDATE cpc.conferences SET revision = 2, conference_month = '2026-03-01' WHERE id = $1", [id]);
    const { rows } = await admin.query("SELECT revision, to_char(conference_month, 'YYYY-MM-DD') AS month FROM cpc.conferences WHERE id = $1", [id]);
    expect(rows[0]).toEqual({ revision: 2, month: '2026-03-01' });
  });

  test('gains nothing through the one-call save (it runs with the caller’s own rights)', async () => {
    const id = await newConference(chair);
    await signMinutes(chair, id, 1);
    const commit = "SELECT cpc.commit_version($1, $2, $3, 1, 1, NULL, NULL, $4, $5, $6, '2026-03-01', NULL)";
    await expect(minuteTaker.query(commit, [id, 1, Buffer.from('s'), Buffer.from('v2'), 1, Buffer.from('h1')])).rejects.toThrow(/signed and cannot be changed/);
    const unsigned = await newConference(chair);
    await expect(manager.query(commit, [unsigned, 1, Buffer.from('s'), Buffer.from('v2'), 1, Buffer.from('h1')])).rejects.toThrow(/permission denied for function/);
    // A stale base revision is answered false (a conflict), and changes nothing.
    const stale = await minuteTaker.query<{ committed: boolean }>(`${commit} AS committed`, [unsigned, 7, Buffer.from('s'), Buffer.from('v8'), 7, Buffer.from('h7')]);
    expect(stale.rows).toEqual([{ committed: false }]);
    const { rows } = await admin.query('SELECT revision FROM cpc.conferences WHERE id = $1', [unsigned]);
    expect(rows).toEqual([{ revision: 1 }]);
  });

  test('cannot record an audit judgement, which is a manager’s', async () => {
    const id = await newConference(chair);
    const judgement = 'INSERT INTO cpc.audit_judgements (id, conference_id, key_id, sealed) VALUES ($1, $2, 1, $3)';
    await expect(minuteTaker.query(judgement, [randomUUID(), id, Buffer.from('j')])).rejects.toThrow(/permission denied/);
    await expect(chair.query(judgement, [randomUUID(), id, Buffer.from('j')])).rejects.toThrow(/permission denied/);
    await manager.query(judgement, [randomUUID(), id, Buffer.from('j')]);
    const { rows } = await admin.query('SELECT created_by FROM cpc.audit_judgements WHERE conference_id = $1', [id]);
    expect(rows).toEqual([{ created_by: 'mg.lindqvist' }]);
  });

  test('cannot add members or make themselves a chair', async () => {
    await expect(minuteTaker.query('SELECT cpc.add_member($1, $2, $3)', ['mt.friend', 'chair', scramVerifier('x')])).rejects.toThrow(/only a team admin/);
    await expect(minuteTaker.query('GRANT cpc_chair TO "mt.okafor"')).rejects.toThrow(/permission denied|must have admin option/);
  });
});

describe('the rest of the team', () => {
  test('a chair signs, and even the chair cannot change the signed version afterwards', async () => {
    const id = await newConference(chair);
    await signMinutes(chair, id, 1);
    await expect(save(chair, id, 2)).rejects.toThrow(/signed and cannot be changed/);
    await expect(signMinutes(chair, id, 1)).rejects.toThrow(/does not follow on|duplicate key/);
  });

  test('a manager can read but not write a conference', async () => {
    const id = await newConference(chair);
    const { rows } = await manager.query('SELECT revision FROM cpc.conferences WHERE id = $1', [id]);
    expect(rows).toEqual([{ revision: 1 }]);
    await expect(save(manager, id, 2)).rejects.toThrow(/permission denied/);
  });

  test('history stays append-only even for the database owner (short of disabling triggers)', async () => {
    const id = await newConference(chair);
    await expect(admin.query('DELETE FROM cpc.history WHERE conference_id = $1', [id])).rejects.toThrow(/never changed or removed/);
    await expect(admin.query('TRUNCATE cpc.signatures CASCADE')).rejects.toThrow(/never changed or removed/);
  });

  test('a removed member is refused at their next statement and cannot sign in again', async () => {
    const leaver = await member('ch.pryce', 'chair');
    await leaver.query('SELECT count(*) FROM cpc.conferences');
    await admin.query('SELECT cpc.remove_member($1)', ['ch.pryce']);
    await expect(leaver.query('SELECT count(*) FROM cpc.conferences')).rejects.toThrow(/permission denied/);
    await expect(connectAs('ch.pryce', 'pw-ch.pryce')).rejects.toThrow(/not permitted to log in|permission denied/);
  });

  test('someone on the same server but not in the team cannot even connect', async () => {
    await admin.query(`CREATE ROLE outsider LOGIN PASSWORD '${scramVerifier('outsider-pw')}'`);
    await expect(connectAs('outsider', 'outsider-pw')).rejects.toThrow(/permission denied for database/);
  });
});
