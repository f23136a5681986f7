import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { KdfParams } from '../store/kdf';
import {
  deriveMemberSecrets,
  fingerprint,
  newMemberKeyPair,
  newSetupCode,
  openFor,
  openPrivateKey,
  sealFor,
  sealPrivateKey,
  teamKeyRole,
} from './member-keys';
import { scramVerifier } from './scram';
import { clientConfig, plainFailure, type TeamServer } from './team-server';

/**
 * A team's membership, in three steps so no secret passes through the admin or the server:
 *
 *  1. The admin adds a member: a login with a one-time setup code (the server is given only its
 *     SCRAM verifier). The admin hands the code to the person.
 *  2. The member enrols from any council computer with that code: the app makes their X25519 key
 *     pair, seals the private key with their passphrase, and replaces the code with the password
 *     derived from the passphrase. It shows a fingerprint of their public key.
 *  3. The admin compares the fingerprint and confirms: the team key is sealed for that public key
 *     and the member gets their role.
 *
 * Removing a member disables their login and takes their role away (the server refuses their very
 * next statement); then the team key is rotated, so everything written afterwards is under a key
 * they never held.
 */

export type TeamRole = 'chair' | 'minute_taker' | 'manager' | 'team_admin';

export async function connect(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw plainFailure(error);
  }
  return client;
}

/** Step 1, by an admin (or by the database owner for the team's first admin). */
export async function addMember(admin: pg.ClientBase, login: string, role: TeamRole): Promise<{ setupCode: string }> {
  const setupCode = newSetupCode();
  await admin.query('SELECT cpc.add_member($1, $2, $3)', [login, role, scramVerifier(setupCode)]);
  return { setupCode };
}

/** Step 2, by the member. Returns the fingerprint to read out to the admin. */
export async function enrol(server: TeamServer, login: string, setupCode: string, passphrase: string, kdf: KdfParams): Promise<{ fingerprint: string }> {
  const client = await connect(clientConfig(server, login, setupCode));
  try {
    const secrets = await deriveMemberSecrets(passphrase, server.prefix, login, kdf);
    const pair = newMemberKeyPair();
    const sealed = sealPrivateKey(secrets.personalKey, login, pair.privateKey);
    secrets.personalKey.fill(0);
    await client.query('SELECT cpc.enrol($1, $2, $3)', [pair.publicKey, sealed, scramVerifier(secrets.databasePassword)]);
    return { fingerprint: fingerprint(pair.publicKey) };
  } catch (error) {
    throw plainFailure(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface SignedInMember {
  client: pg.Client;
  login: string;
  /** Kept for the session only (like the keys), so a dropped connection can be made again without asking. */
  databasePassword: string;
  role: TeamRole;
  personalKey: Buffer;
  /** Every team key version this member was given, opened. */
  teamKeys: Map<number, Buffer>;
}

/** Signs in with login and passphrase: one scrypt gives both the password and the key to the rest. */
export async function signIn(server: TeamServer, login: string, passphrase: string, kdf: KdfParams): Promise<SignedInMember> {
  const secrets = await deriveMemberSecrets(passphrase, server.prefix, login, kdf);
  const client = await connect(clientConfig(server, login, secrets.databasePassword));
  try {
    const { rows } = await client.query<{ role: TeamRole; status: string; wrapped_private_key: Buffer | null }>(
      'SELECT role, status, wrapped_private_key FROM cpc.members WHERE login = session_user',
    );
    const me = rows[0];
    if (me === undefined || me.wrapped_private_key === null) throw new Error('not enrolled');
    const privateKey = openPrivateKey(secrets.personalKey, login, me.wrapped_private_key);
    const teamKeys = new Map<number, Buffer>();
    const grants = await client.query<{ version: number; wrapped: Buffer }>('SELECT version, wrapped FROM cpc.team_key_grants WHERE member = session_user');
    for (const grant of grants.rows) teamKeys.set(grant.version, openFor(privateKey, grant.wrapped, teamKeyRole(grant.version, login)));
    return { client, login, databasePassword: secrets.databasePassword, role: me.role, personalKey: secrets.personalKey, teamKeys };
  } catch (error) {
    await client.end().catch(() => undefined);
    secrets.personalKey.fill(0);
    throw plainFailure(error);
  }
}

export function latestTeamKey(member: Pick<SignedInMember, 'teamKeys'>): { version: number; key: Buffer } {
  const version = Math.max(...member.teamKeys.keys());
  const key = member.teamKeys.get(version);
  if (key === undefined) throw new Error('No team key has been shared with this member yet.');
  return { version, key };
}

async function publicKeyOf(admin: pg.ClientBase, login: string): Promise<Buffer> {
  const { rows } = await admin.query<{ public_key: Buffer | null; status: string }>('SELECT public_key, status FROM cpc.members WHERE login = $1', [login]);
  const row = rows[0];
  if (row?.public_key == null || row.status !== 'enrolled') throw new Error(`${login} has not enrolled yet.`);
  return row.public_key;
}

/** The fingerprint of an enrolled member's key, for the admin to compare before confirming. */
export async function pendingFingerprint(admin: pg.ClientBase, login: string): Promise<string> {
  return fingerprint(await publicKeyOf(admin, login));
}

/** Step 3, by an admin who holds the team key. */
export async function confirmMember(admin: SignedInMember, login: string): Promise<void> {
  const publicKey = await publicKeyOf(admin.client, login);
  const { version, key } = latestTeamKey(admin);
  const c = admin.client;
  await c.query('BEGIN');
  try {
    // Earlier team keys too, so the new member can read conferences not written since a rotation.
    for (const [older, olderKey] of admin.teamKeys) {
      if (older === version) continue;
      await c.query('INSERT INTO cpc.team_key_grants (version, member, wrapped) VALUES ($1, $2, $3)', [older, login, sealFor(publicKey, olderKey, teamKeyRole(older, login))]);
    }
    await c.query('SELECT cpc.confirm_member($1, $2, $3)', [login, version, sealFor(publicKey, key, teamKeyRole(version, login))]);
    await c.query('COMMIT');
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw plainFailure(error);
  }
}

/**
 * The team's first admin, after enrolling: makes team key 1 and confirms themselves with it.
 * The schema allows this only while nobody in the team is active yet.
 */
export async function foundTeam(server: TeamServer, login: string, passphrase: string, kdf: KdfParams): Promise<SignedInMember> {
  const secrets = await deriveMemberSecrets(passphrase, server.prefix, login, kdf);
  const client = await connect(clientConfig(server, login, secrets.databasePassword));
  try {
    const { rows } = await client.query<{ public_key: Buffer }>('SELECT public_key FROM cpc.members WHERE login = session_user');
    const publicKey = rows[0]?.public_key;
    if (publicKey == null) throw new Error('not enrolled');
    const teamKey = randomBytes(32);
    await client.query('SELECT cpc.confirm_member($1, 1, $2)', [login, sealFor(publicKey, teamKey, teamKeyRole(1, login))]);
    teamKey.fill(0);
  } finally {
    await client.end().catch(() => undefined);
    secrets.personalKey.fill(0);
  }
  return signIn(server, login, passphrase, kdf);
}

/** Removes a member and rotates the team key for everyone still in the team. */
export async function removeMember(admin: SignedInMember, login: string): Promise<{ newVersion: number }> {
  const c = admin.client;
  await c.query('BEGIN');
  try {
    await c.query('SELECT cpc.remove_member($1)', [login]);
    const newVersion = Math.max(...admin.teamKeys.keys()) + 1;
    const teamKey = randomBytes(32);
    await c.query('INSERT INTO cpc.team_keys (version) VALUES ($1)', [newVersion]);
    const { rows } = await c.query<{ login: string; public_key: Buffer }>("SELECT login, public_key FROM cpc.members WHERE status = 'active'");
    for (const member of rows) {
      await c.query('INSERT INTO cpc.team_key_grants (version, member, wrapped) VALUES ($1, $2, $3)', [
        newVersion,
        member.login,
        sealFor(member.public_key, teamKey, teamKeyRole(newVersion, member.login)),
      ]);
    }
    await c.query('COMMIT');
    admin.teamKeys.set(newVersion, teamKey);
    return { newVersion };
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw plainFailure(error);
  }
}

