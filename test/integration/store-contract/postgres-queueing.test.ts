import { afterAll, beforeAll } from 'vitest';
import { newTeam, passphraseOf, type Team } from '../team/team-fixture';
import { startCluster, type Cluster } from '../team/pg-cluster';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueingTeamStore } from '../../../main/services/team/offline-store';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { storeContract, TestClock } from './contract';

/**
 * The same contract against the team store the app builds (app-root.ts): the one that keeps saves
 * on this computer while the server is away. With the server there, it must behave exactly as
 * the plain team store does.
 */

let cluster: Cluster;
let queueDir: string;
beforeAll(async () => {
  cluster = await startCluster();
  queueDir = await mkdtemp(join(tmpdir(), 'cpc-contract-queue-'));
}, 90_000);
afterAll(async () => {
  await cluster?.stop();
  if (queueDir) await rm(queueDir, { recursive: true, force: true });
});

let count = 0;
storeContract({
  name: 'a team on PostgreSQL, with the local queue',
  async open() {
    count += 1;
    const team: Team = await newTeam(cluster, `contract ${count}`);
    const chair = team.login('ch.marsh');
    await team.join(chair, 'chair');
    const clock = new TestClock();
    const store = new QueueingTeamStore({ server: team.server, login: chair, kdf: TEST_KDF, now: clock.now, queueDir });
    return {
      store,
      clock,
      passphrase: passphraseOf(chair),
      async tamperHistory(id) {
        // The database owner, going round the triggers, puts entry 0's row in entry 1's place.
        await team.owner.query('ALTER TABLE cpc.history DISABLE TRIGGER append_only');
        await team.owner.query(
          'UPDATE cpc.history SET sealed = (SELECT sealed FROM cpc.history WHERE conference_id = $1 AND seq = 0) WHERE conference_id = $1 AND seq = 1',
          [id],
        );
        await team.owner.query('ALTER TABLE cpc.history ENABLE TRIGGER append_only');
      },
      async close() {
        await store.lock().catch(() => undefined);
        await team.close();
      },
    };
  },
});
