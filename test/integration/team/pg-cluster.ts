import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for the team-store tests: initdb into a temp folder, pg_ctl on
 * a free localhost port (and a unix socket in the same folder), SCRAM passwords only, stopped
 * and deleted at the end. PostgreSQL refuses to run as root, so under root (CI containers) the
 * folder is handed to the `postgres` account and every server command runs through runuser.
 *
 * Never skips: if PostgreSQL is missing or will not start, `startCluster` throws a plain reason
 * (with the server's own log), so the test file fails and CI says why.
 */

const run = promisify(execFile);

export interface Cluster {
  host: string;
  port: number;
  /** The cluster's superuser and its password (the tests' stand-in for the council's DBA). */
  superuser: string;
  password: string;
  dir: string;
  /** Connection settings for `database` as the superuser. */
  config(database?: string): pg.ClientConfig;
  /** A fresh, empty database named after the test file (made unique). */
  createDatabase(hint: string): Promise<string>;
  /** Writes a file into the cluster's folder, owned by the server's account (certificates, keys). */
  installFile(name: string, content: string | Buffer, mode: number): Promise<string>;
  /** Stops the server at once (as a crash would), for fault tests. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function binDir(): Promise<string> {
  const fromEnv = process.env.CPC_PG_BIN;
  if (fromEnv) return fromEnv;
  const base = '/usr/lib/postgresql';
  const versions = await readdir(base).catch(() => [] as string[]);
  const newest = versions.filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) {
    throw new Error(
      'PostgreSQL is not installed, so the team-store tests cannot run. Install it with `apt-get install postgresql` (.ci/run does), or set CPC_PG_BIN to its bin folder.',
    );
  }
  return join(base, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function postgresAccount(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'These tests run as root, and PostgreSQL will not: the `postgres` account it needs is missing. Install PostgreSQL from apt (`apt-get install postgresql`), which creates it.',
    );
  }
}

export async function startCluster(): Promise<Cluster> {
  const bin = await binDir();
  const account = await postgresAccount();
  const dir = await mkdtemp(join(tmpdir(), 'cpc-pg-'));
  const password = randomBytes(18).toString('base64url');
  const pwfile = join(dir, 'pwfile');
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (account !== null) {
    await chown(dir, account.uid, account.gid);
    await chown(pwfile, account.uid, account.gid);
  }
  await chmod(dir, 0o700);
  const asServer = (tool: string, args: string[]) =>
    account === null ? run(join(bin, tool), args) : run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]);
  const data = join(dir, 'pg');
  const log = join(dir, 'log');
  const port = await freePort();
  const failed = async (step: string, error: unknown): Promise<Error> => {
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim() : String(error);
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    return new Error(`The test PostgreSQL cluster could not ${step}: ${detail}${serverLog ? `\nServer log:\n${serverLog.slice(-2000)}` : ''}`);
  };
  try {
    await asServer('initdb', ['-D', data, '-A', 'scram-sha-256', `--pwfile=${pwfile}`, '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw await failed('be created (initdb)', error);
  }
  const start = async () => {
    try {
      await asServer('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', log, '-w', '-t', '60', 'start']);
    } catch (error) {
      throw await failed(`start on port ${port}`, error);
    }
  };
  try {
    await start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let counter = 0;
  const config = (database = 'postgres'): pg.ClientConfig => ({ host: '127.0.0.1', port, user: 'postgres', password, database });
  const cluster: Cluster = {
    host: '127.0.0.1',
    port,
    superuser: 'postgres',
    password,
    dir,
    config,
    async createDatabase(hint) {
      counter += 1;
      const name = `${hint.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}_${counter}`;
      const client = new pg.Client(config());
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return name;
    },
    async installFile(name, content, mode) {
      const path = join(dir, name);
      await writeFile(path, content, { mode });
      await chmod(path, mode);
      if (account !== null) await chown(path, account.uid, account.gid);
      return path;
    },
    async kill() {
      await asServer('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    },
    restart: start,
    async stop() {
      await asServer('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
