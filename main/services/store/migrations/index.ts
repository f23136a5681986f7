/**
 * Store schema migrations: a numbered list, each moving every stored conference record from
 * version `version - 1` to `version` (up) and back (down). They run on unlock, before the UI
 * gets control; the store's version is kept in vault.json and in each conference file.
 *
 * Honestly: the real list is empty — the store is at its first version (1). The mechanism
 * (ordering, both directions, resuming after a crash, history entries) is exercised by the
 * tests with injected migrations, so the first real one lands on tested machinery.
 */

export type JsonObject = Record<string, unknown>;

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(record: JsonObject): JsonObject;
  down(record: JsonObject): JsonObject;
}

export const BASE_STORE_VERSION = 1;

export const MIGRATIONS: readonly Migration[] = [];

/** Versions must run BASE+1, BASE+2, … with no gaps, or a store could skip a step. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== BASE_STORE_VERSION + 1 + index) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${BASE_STORE_VERSION + 1 + index}.`);
    }
  });
}

export function latestVersion(migrations: readonly Migration[]): number {
  return BASE_STORE_VERSION + migrations.length;
}

/** Applies ups (or downs) one version at a time, on a copy, so a throwing step leaves the input untouched. */
export function migrateRecord(record: JsonObject, from: number, to: number, migrations: readonly Migration[]): JsonObject {
  let current: JsonObject = structuredClone(record);
  for (let version = from + 1; version <= to; version += 1) current = step(migrations, version).up(current);
  for (let version = from; version > to; version -= 1) current = step(migrations, version).down(current);
  return current;
}

function step(migrations: readonly Migration[], version: number): Migration {
  const migration = migrations[version - BASE_STORE_VERSION - 1];
  if (migration === undefined) throw new Error(`No migration for store version ${version}.`);
  return migration;
}
