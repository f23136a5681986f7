import { afterAll, beforeAll } from 'vitest';
import { newTeam, passphraseOf, type Team } from '../team/team-fixture';
import { startCluster, type Cluster } from '../team/pg-cluster';
import { PgConferenceStore } from '../../../main/services/team/pg-store';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { storeContract, TestClock } from './contract';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
}, 90_000);
afterAll(async () => {
  await cluster?.stop();
});

let count = 0;
storeContract({
  name: 'a team on PostgreSQL',
  async open() {
    count += 1;
    const team: Team = await newTeam(cluster, `contract ${count}`);
    const chair = team.login('ch.marsh');
    await team.join(chair, 'chair');
    const clock = new TestClock();
    const store = new PgConferenceStore({ server: team.server, login: chair, kdf: TEST_KDF, now: clock.now });
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
