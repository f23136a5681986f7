import pg from 'pg';
import { TEST_KDF, type KdfParams } from '../../../main/services/store/kdf';
import { migrate } from '../../../main/services/team/migrate';
import { addMember, confirmMember, enrol, foundTeam, type SignedInMember, type TeamRole } from '../../../main/services/team/membership';
import { PgConferenceStore } from '../../../main/services/team/pg-store';
import type { TeamServer } from '../../../main/services/team/team-server';
import type { Cluster } from './pg-cluster';

/**
 * A team on a fresh database, set up the way a council would: the database owner migrates and
 * adds the first admin, who enrols and founds the team; members are then added, enrol with their
 * setup codes, and are confirmed. Fictional logins and passphrases throughout.
 */

export const PREFIX = 'cpc_';

export interface Team {
  server: TeamServer;
  /** Logins are cluster-wide in PostgreSQL: each team's carry this ending (".2"…) to keep them apart. */
  login(name: string): string;
  owner: pg.Client;
  admin: SignedInMember;
  /** Adds, enrols and confirms a member; their passphrase is `passphraseOf(login)`. */
  join(login: string, role: TeamRole): Promise<void>;
  storeFor(login: string): PgConferenceStore;
  close(): Promise<void>;
}

export const passphraseOf = (login: string) => `${login} walks the quiet harbour wall`;

let teams = 0;

export async function newTeam(cluster: Cluster, hint: string, kdf: KdfParams = TEST_KDF): Promise<Team> {
  const database = await cluster.createDatabase(hint);
  const server: TeamServer = { host: cluster.host, port: cluster.port, database, prefix: PREFIX };
  teams += 1;
  const login = (name: string) => `${name}.${teams}`;
  const owner = new pg.Client(cluster.config(database));
  owner.on('error', () => undefined); // the cluster stops at the end of the file
  await owner.connect();
  await migrate(owner, { prefix: PREFIX });
  const founder = login('ad.brennan');
  const { setupCode } = await addMember(owner, founder, 'team_admin');
  await enrol(server, founder, setupCode, passphraseOf(founder), kdf);
  const admin = await foundTeam(server, founder, passphraseOf(founder), kdf);
  admin.client.on('error', () => undefined);
  const stores: PgConferenceStore[] = [];
  return {
    server,
    login,
    owner,
    admin,
    async join(login, role) {
      const { setupCode: code } = await addMember(admin.client, login, role);
      await enrol(server, login, code, passphraseOf(login), kdf);
      await confirmMember(admin, login);
    },
    storeFor(login) {
      const store = new PgConferenceStore({ server, login, kdf });
      stores.push(store);
      return store;
    },
    async close() {
      await Promise.all(stores.map((s) => s.lock().catch(() => undefined)));
      await admin.client.end().catch(() => undefined);
      await owner.end().catch(() => undefined);
    },
  };
}
