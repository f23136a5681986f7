import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCluster, type Cluster } from './pg-cluster';

/**
 * The `team` commands end to end, as a DBA and a team admin would run them: each a separate
 * process, secrets on standard input (never as arguments), the real key-derivation cost.
 */

let cluster: Cluster;
let work: string;
let serverFile: string;

function team(args: string[], input = '', env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['bin/team.mjs', ...args], { env: { ...process.env, ...env }, timeout: 120_000 }, (error, out, err) =>
      resolve({ code: error === null ? 0 : ((error as { code?: number }).code ?? 1), out, err }),
    );
    child.stdin?.end(input);
  });
}

beforeAll(async () => {
  cluster = await startCluster();
  const database = await cluster.createDatabase('cli');
  work = await mkdtemp(join(tmpdir(), 'cpc-team-cli-'));
  serverFile = join(work, 'server.json');
  await writeFile(serverFile, JSON.stringify({ host: cluster.host, port: cluster.port, database, prefix: 'cli_' }));
}, 90_000);

afterAll(async () => {
  await cluster?.stop();
  await rm(work, { recursive: true, force: true });
});

const ADMIN_PASSPHRASE = 'copper kettle under the stair';
const CHAIR_PASSPHRASE = 'seven herons over the estuary';

test('init, enrol, found, add, confirm, status, remove: a team set up and run from the command line', async () => {
  const owner = { PGPASSWORD: cluster.password };
  const init = await team(['init', '--server', serverFile, '--owner', 'postgres', '--admin', 'cli.admin'], '', owner);
  expect(init.err).toBe('');
  expect(init.out).toMatch(/Applying migration 001/);
  const adminCode = /setup code[^:]*: (\S+)/.exec(init.out)?.[1] as string;
  expect(adminCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);

  // Running the migrations again changes nothing.
  const again = await team(['migrate', '--server', serverFile, '--owner', 'postgres'], '', owner);
  expect(again.out).toMatch(/up to date; nothing to apply/);

  expect((await team(['enrol', '--server', serverFile, '--login', 'cli.admin'], `${adminCode}\n${ADMIN_PASSPHRASE}\n`)).out).toMatch(/fingerprint/);
  expect((await team(['found', '--server', serverFile, '--login', 'cli.admin'], `${ADMIN_PASSPHRASE}\n`)).out).toMatch(/team key 1/);

  const added = await team(['add-member', '--server', serverFile, '--login', 'cli.admin', '--member', 'cli.chair', '--role', 'chair'], `${ADMIN_PASSPHRASE}\n`);
  const chairCode = /setup code[^:]*: (\S+)/.exec(added.out)?.[1] as string;
  const enrolled = await team(['enrol', '--server', serverFile, '--login', 'cli.chair'], `${chairCode}\n${CHAIR_PASSPHRASE}\n`);
  const fingerprint = /fingerprint to your team admin: (.+)$/m.exec(enrolled.out)?.[1] as string;
  expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);

  // A fingerprint that does not match is refused with a plain reason and changes nothing.
  const wrong = await team(['confirm-member', '--server', serverFile, '--login', 'cli.admin', '--member', 'cli.chair', '--fingerprint', '0000 0000 0000 0000 0000'], `${ADMIN_PASSPHRASE}\n`);
  expect(wrong.code).toBe(1);
  expect(wrong.err).toMatch(/^team: cli\.chair's key has the fingerprint .* not the one given\. Nothing has been changed/);
  const confirmed = await team(['confirm-member', '--server', serverFile, '--login', 'cli.admin', '--member', 'cli.chair', '--fingerprint', fingerprint], `${ADMIN_PASSPHRASE}\n`);
  expect(confirmed.out).toMatch(/Confirmed cli\.chair/);

  const status = await team(['status', '--server', serverFile, '--login', 'cli.admin'], `${ADMIN_PASSPHRASE}\n`);
  expect(status.out).toMatch(/Schema version 12; team key version 1\./);
  expect(status.out).toMatch(/cli\.chair {2}chair {2}active/);

  const removed = await team(['remove-member', '--server', serverFile, '--login', 'cli.admin', '--member', 'cli.chair'], `${ADMIN_PASSPHRASE}\n`);
  expect(removed.out).toMatch(/new writes use team key 2/);
  const after = await team(['status', '--server', serverFile, '--login', 'cli.admin'], `${ADMIN_PASSPHRASE}\n`);
  expect(after.out).toMatch(/cli\.chair {2}chair {2}removed/);

  // A wrong passphrase: a plain sentence, exit status 1, nothing else said.
  const denied = await team(['status', '--server', serverFile, '--login', 'cli.admin'], 'not my passphrase at all\n');
  expect(denied).toMatchObject({ code: 1, out: '', err: 'team: That login and passphrase do not match. Check both and try again.\n' });
}, 240_000);
