import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCluster, type Cluster } from './pg-cluster';

// The helper every team-store test stands on: a real server that accepts only SCRAM passwords.
let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
}, 90_000);
afterAll(async () => {
  await cluster?.stop();
});

test('the throwaway cluster accepts its superuser by password and refuses a wrong one', async () => {
  const database = await cluster.createDatabase('cluster smoke');
  const client = new pg.Client(cluster.config(database));
  await client.connect();
  const { rows } = await client.query<{ v: string; auth: string }>(
    "SELECT current_setting('server_version_num') AS v, current_setting('password_encryption') AS auth",
  );
  await client.end();
  expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(150000);
  expect(rows[0]?.auth).toBe('scram-sha-256');
  const wrong = new pg.Client({ ...cluster.config(database), password: 'not the password' });
  await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
});
