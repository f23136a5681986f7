import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ApiFailure } from '../../domain/api/result';
import { DEFAULT_KDF } from '../services/store/kdf';
import { migrate } from '../services/team/migrate';
import {
  addMember,
  confirmMember,
  enrol,
  foundTeam,
  pendingFingerprint,
  removeMember,
  signIn,
  type SignedInMember,
  type TeamRole,
} from '../services/team/membership';
import { clientConfig, plainFailure, type TeamServer } from '../services/team/team-server';
import { importLocal } from '../services/team/import-local';
import { PgConferenceStore } from '../services/team/pg-store';
import { LocalConferenceStore } from '../services/store/store';

/**
 * `team …`: setting up and running a council's team store, for the DBA and the team admin.
 *
 *   team init           --server FILE --owner USER --admin LOGIN   migrate, then add the first admin
 *   team migrate        --server FILE --owner USER                 apply pending migrations (safe to repeat)
 *   team enrol          --server FILE --login LOGIN                a member: setup code → passphrase
 *   team found          --server FILE --login LOGIN                the first admin, after enrolling
 *   team add-member     --server FILE --login ADMIN --member LOGIN --role chair|minute_taker|manager|team_admin
 *   team confirm-member --server FILE --login ADMIN --member LOGIN --fingerprint "XXXX XXXX …"
 *   team remove-member  --server FILE --login ADMIN --member LOGIN   (rotates the team key)
 *   team status         --server FILE --login ADMIN
 *   team import-local   --server FILE --login CHAIR --data-dir DIR   a chair's local records, verified, safe to repeat
 *
 * FILE is JSON: { "host", "port", "database", "prefix", "caFile" }. Secrets are never arguments
 * (they would sit in shell history and the process list): the owner's password comes from
 * PGPASSWORD, and passphrases and setup codes are asked for, or read one per line from standard
 * input when it is not a terminal.
 */

type Args = Map<string, string>;

function parse(argv: string[]): { command: string; args: Args } {
  const [command = 'help', ...rest] = argv;
  const args: Args = new Map();
  for (let i = 0; i < rest.length; i += 1) {
    const flag = rest[i] as string;
    if (!flag.startsWith('--')) throw new Error(`Unexpected “${flag}”: options are written --name value.`);
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value.`);
    args.set(flag.slice(2), value);
    i += 1;
  }
  return { command, args };
}

function need(args: Args, name: string): string {
  const value = args.get(name);
  if (value === undefined) throw new Error(`This command needs --${name}.`);
  return value;
}

async function loadServer(args: Args): Promise<TeamServer> {
  const file = need(args, 'server');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new Error(`The server settings file ${file} could not be read as JSON.`);
  }
  const s = raw as Record<string, unknown>;
  if (typeof s['host'] !== 'string' || typeof s['database'] !== 'string' || typeof s['prefix'] !== 'string') {
    throw new Error('The server settings file needs "host", "database" and "prefix" (and "port", "caFile" where used).');
  }
  const caFile = typeof s['caFile'] === 'string' ? s['caFile'] : undefined;
  return {
    host: s['host'],
    port: typeof s['port'] === 'number' ? s['port'] : 5432,
    database: s['database'],
    prefix: s['prefix'],
    ...(caFile === undefined ? {} : { caCertificate: await readFile(caFile, 'utf8') }),
  };
}

/** Lines from standard input when it is piped; otherwise a prompt that does not echo. */
class Asker {
  #lines: string[] | null = null;

  async ask(question: string): Promise<string> {
    if (!process.stdin.isTTY) {
      if (this.#lines === null) {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        this.#lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
      }
      const line = this.#lines.shift();
      if (line === undefined || line === '') throw new Error(`No answer on standard input for: ${question}`);
      return line;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const muted = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stdout.write(question);
    muted._writeToOutput = () => undefined;
    try {
      return await new Promise<string>((resolve) => rl.question('', resolve));
    } finally {
      rl.close();
      process.stdout.write('\n');
    }
  }
}

async function ownerClient(server: TeamServer, args: Args): Promise<pg.Client> {
  const password = process.env['PGPASSWORD'];
  if (!password) throw new Error('Set PGPASSWORD to the database owner’s password (it is not taken as an argument).');
  const client = new pg.Client(clientConfig(server, need(args, 'owner'), password));
  try {
    await client.connect();
  } catch (error) {
    throw plainFailure(error);
  }
  return client;
}

async function asAdmin<T>(server: TeamServer, args: Args, asker: Asker, work: (admin: SignedInMember) => Promise<T>): Promise<T> {
  const login = need(args, 'login');
  const admin = await signIn(server, login, await asker.ask(`Passphrase for ${login}: `), DEFAULT_KDF);
  try {
    return await work(admin);
  } finally {
    await admin.client.end().catch(() => undefined);
  }
}

const ROLES: readonly TeamRole[] = ['chair', 'minute_taker', 'manager', 'team_admin'];

export async function main(argv: string[], say: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<void> {
  const { command, args } = parse(argv);
  const asker = new Asker();
  switch (command) {
    case 'init':
    case 'migrate': {
      const server = await loadServer(args);
      const owner = await ownerClient(server, args);
      try {
        const result = await migrate(owner, { prefix: server.prefix, progress: say });
        say(`Schema version ${result.version}.`);
        if (command === 'init') {
          const admin = need(args, 'admin');
          const { setupCode } = await addMember(owner, admin, 'team_admin');
          say(`Added ${admin} as the team's first admin. One-time setup code (give it to them in person): ${setupCode}`);
          say(`Next, ${admin} runs: team enrol, then team found.`);
        }
      } finally {
        await owner.end().catch(() => undefined);
      }
      return;
    }
    case 'enrol': {
      const server = await loadServer(args);
      const login = need(args, 'login');
      const code = await asker.ask('Setup code: ');
      const passphrase = await asker.ask('Choose a passphrase: ');
      const { fingerprint } = await enrol(server, login, code, passphrase, DEFAULT_KDF);
      say(`Enrolled. Read this fingerprint to your team admin: ${fingerprint}`);
      return;
    }
    case 'found': {
      const server = await loadServer(args);
      const login = need(args, 'login');
      const member = await foundTeam(server, login, await asker.ask(`Passphrase for ${login}: `), DEFAULT_KDF);
      await member.client.end();
      say(`The team is set up, with ${login} as its admin and team key 1.`);
      return;
    }
    case 'add-member': {
      const server = await loadServer(args);
      const member = need(args, 'member');
      const role = need(args, 'role') as TeamRole;
      if (!ROLES.includes(role)) throw new Error(`--role must be one of: ${ROLES.join(', ')}.`);
      const { setupCode } = await asAdmin(server, args, asker, (admin) => addMember(admin.client, member, role));
      say(`Added ${member} (${role}). One-time setup code (give it to them in person): ${setupCode}`);
      return;
    }
    case 'confirm-member': {
      const server = await loadServer(args);
      const member = need(args, 'member');
      const expected = need(args, 'fingerprint').replace(/\s+/g, '').toUpperCase();
      await asAdmin(server, args, asker, async (admin) => {
        const actual = await pendingFingerprint(admin.client, member);
        if (actual.replace(/\s+/g, '') !== expected) {
          throw new Error(`${member}'s key has the fingerprint ${actual}, not the one given. Nothing has been changed; check with them in person.`);
        }
        await confirmMember(admin, member);
      });
      say(`Confirmed ${member}: they can now sign in and open the team's conferences.`);
      return;
    }
    case 'remove-member': {
      const server = await loadServer(args);
      const member = need(args, 'member');
      const { newVersion } = await asAdmin(server, args, asker, (admin) => removeMember(admin, member));
      say(`Removed ${member}: their login is disabled, and new writes use team key ${newVersion}.`);
      return;
    }
    case 'status': {
      const server = await loadServer(args);
      await asAdmin(server, args, asker, async (admin) => {
        const c = admin.client;
        const schema = await c.query<{ version: number }>('SELECT max(version) AS version FROM cpc.schema_migrations');
        const keys = await c.query<{ version: number }>('SELECT max(version) AS version FROM cpc.team_keys');
        const members = await c.query<{ login: string; role: string; status: string }>('SELECT login, role, status FROM cpc.members ORDER BY login');
        say(`Schema version ${schema.rows[0]?.version ?? 0}; team key version ${keys.rows[0]?.version ?? 0}.`);
        for (const m of members.rows) say(`  ${m.login}  ${m.role}  ${m.status}`);
      });
      return;
    }
    case 'import-local': {
      const server = await loadServer(args);
      const local = new LocalConferenceStore({ dataDir: need(args, 'data-dir') });
      await local.unlock(await asker.ask('Passphrase of the records on this computer: '));
      const login = need(args, 'login');
      const target = new PgConferenceStore({ server, login });
      try {
        await target.unlock(await asker.ask(`Passphrase for ${login}: `));
        const report = await importLocal(local, target, say);
        say(`Imported ${report.imported.length}; already in the team store ${report.alreadyThere.length}; not imported ${report.refused.length}.`);
        for (const { id, reason } of report.refused) say(`  ${id}: ${reason}`);
        if (report.refused.length > 0) process.exitCode = 1;
      } finally {
        await target.lock();
        await local.lock();
      }
      return;
    }
    default:
      say('Commands: init, migrate, enrol, found, add-member, confirm-member, remove-member, status, import-local (see main/cli/team.ts).');
  }
}

// Run as a command (bin/team.mjs), not when imported by the tests.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    // Plain sentences only: an ApiFailure's message, our own Error's, or a code.
    const message = error instanceof ApiFailure || error instanceof Error ? error.message : 'Something went wrong.';
    process.stderr.write(`team: ${message}\n`);
    process.exitCode = 1;
  });
}
