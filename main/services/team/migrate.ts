import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { ROLE_PREFIX } from './team-server';

/**
 * The team store's schema, as numbered SQL files (migrations/NNN_name.sql) applied in order by
 * the admin's `team migrate`. All pending files run in ONE transaction under an advisory lock:
 * two admins migrating at once wait for each other, and a failure leaves the database exactly as
 * it was (PostgreSQL's DDL is transactional). Each applied file is recorded with its checksum,
 * so running again changes nothing, and an applied file edited afterwards is refused.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export { ROLE_PREFIX } from './team-server';

export async function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const [index, name] of names.entries()) {
    const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(name);
    if (match === null || Number(match[1]) !== index + 1) {
      throw new Error(`Migration files must be numbered 001, 002… without gaps; ${name} is out of place.`);
    }
    const sql = await readFile(join(dir, name), 'utf8');
    migrations.push({ version: index + 1, name: match[2] as string, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

export interface MigrationResult {
  applied: number[];
  version: number;
}

const LOCK_KEY = 7_302_615_001; // any constant: the advisory lock only has to be the same for every migrator

export async function migrate(
  client: pg.ClientBase,
  options: { prefix: string; migrations?: readonly Migration[]; progress?: (line: string) => void },
): Promise<MigrationResult> {
  if (!ROLE_PREFIX.test(options.prefix)) {
    throw new Error('The team’s role prefix must be lower-case letters, digits and underscores, ending in an underscore (for example "cpc_").');
  }
  const migrations = options.migrations ?? (await loadMigrations());
  const say = options.progress ?? (() => undefined);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query('CREATE SCHEMA IF NOT EXISTS cpc');
    await client.query(`CREATE TABLE IF NOT EXISTS cpc.schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, prefix text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number; checksum: string; prefix: string }>(
      'SELECT version, checksum, prefix FROM cpc.schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const migration = known.get(row.version);
      if (migration === undefined) {
        throw new Error(`This database is at schema version ${row.version}, newer than this app knows (${migrations.length}). Install the newer app to manage it; nothing has been changed.`);
      }
      if (migration.checksum !== row.checksum) {
        throw new Error(`Migration ${row.version} (${migration.name}) differs from the one applied to this database. Nothing has been changed.`);
      }
      if (row.prefix !== options.prefix) {
        throw new Error(`This database's team uses the role prefix "${row.prefix}", not "${options.prefix}". Nothing has been changed.`);
      }
    }
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      say(`Applying migration ${String(migration.version).padStart(3, '0')} (${migration.name})…`);
      const sql = migration.sql.replaceAll('{{prefix}}', options.prefix);
      if (sql.includes('{{')) throw new Error(`Migration ${migration.version} has a placeholder this migrator does not fill.`);
      await client.query(sql);
      await client.query('INSERT INTO cpc.schema_migrations (version, name, checksum, prefix) VALUES ($1, $2, $3, $4)', [
        migration.version,
        migration.name,
        migration.checksum,
        options.prefix,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    say(applied.length === 0 ? 'The schema is up to date; nothing to apply.' : `Applied ${applied.length} migration(s).`);
    return { applied, version: migrations.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
