import { DEFAULT_SCALE_DEFINITION } from '../../../templates/sections/meeting';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { checkMigrations, MIGRATIONS, migrateRecord, type JsonObject, type Migration } from '../../../main/services/store/migrations';
import { createConference, harness, openStore, PASSPHRASE } from './helpers';

/**
 * The real migration list is empty (the store is at version 1), so these injected migrations
 * exercise the mechanism: order, both directions, history entries and resuming after a crash.
 */

function sectionValues(record: JsonObject, section: string): JsonObject | null {
  const sections = record['sections'];
  if (typeof sections !== 'object' || sections === null) return null;
  const value = (sections as JsonObject)[section];
  if (typeof value !== 'object' || value === null) return null;
  const values = (value as JsonObject)['values'];
  return typeof values === 'object' && values !== null ? (values as JsonObject) : null;
}

/** v2: the risk section's `harm` field is renamed `harmSeen`. */
const renameHarm: Migration = {
  version: 2,
  name: 'rename risk.harm to risk.harmSeen',
  up(record) {
    const values = sectionValues(record, 'risk');
    if (values && 'harm' in values) {
      values['harmSeen'] = values['harm'];
      delete values['harm'];
    }
    return record;
  },
  down(record) {
    const values = sectionValues(record, 'risk');
    if (values && 'harmSeen' in values) {
      values['harm'] = values['harmSeen'];
      delete values['harmSeen'];
    }
    return record;
  },
};

/** v3: counts how often it ran, so running twice would show. */
const countRuns: Migration = {
  version: 3,
  name: 'count migration runs',
  up(record) {
    const values = sectionValues(record, 'meeting');
    if (values) values['migratedTimes'] = (typeof values['migratedTimes'] === 'number' ? values['migratedTimes'] : 0) + 1;
    return record;
  },
  down(record) {
    const values = sectionValues(record, 'meeting');
    if (values) delete values['migratedTimes'];
    return record;
  },
};

const BOTH = [renameHarm, countRuns];

describe('the migration list', () => {
  it('is honestly empty at store version 1', () => {
    expect(MIGRATIONS).toEqual([]);
  });

  it('runs up and down in order on a copy', () => {
    const original = { sections: { risk: { kind: 'single', values: { harm: 'x' } }, meeting: { kind: 'single', values: {} } } };
    const up = migrateRecord(original, 1, 3, BOTH);
    expect(up).toEqual({
      sections: { risk: { kind: 'single', values: { harmSeen: 'x' } }, meeting: { kind: 'single', values: { migratedTimes: 1 } } },
    });
    expect(original.sections.risk.values).toEqual({ harm: 'x' });
    expect(migrateRecord(up, 3, 1, BOTH)).toEqual(original);
    expect(migrateRecord(original, 1, 1, BOTH)).toEqual(original);
  });

  it('must be numbered without gaps', () => {
    expect(() => checkMigrations([countRuns])).toThrow(/expected 2/);
    expect(() => checkMigrations(BOTH)).not.toThrow();
  });
});

async function storeVersion(dir: string): Promise<number> {
  return (JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as { storeSchemaVersion: number }).storeSchemaVersion;
}

type Got = { conference: ConferenceRecord; problems: unknown[] };
type History = { entries: HistoryEntry[]; intact: boolean };

/** The meeting section as a new conference starts: its date plus the template's defaults. */
const MEETING_AT_CREATION = {
  date: '2025-05-14',
  scaleDefinition: DEFAULT_SCALE_DEFINITION,
  blindScaling: false,
};

async function storeAtVersion1() {
  const h = await openStore();
  const record = await createConference(h);
  await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'bruising' } } } });
  await h.ok('vault.lock');
  return { dir: h.dir, id: record.id };
}

describe('migrating a store', () => {
  it('upgrades every conference on unlock, with a history entry, and records the new version', async () => {
    const { dir, id } = await storeAtVersion1();
    const h = harness(dir, { migrations: BOTH });
    expect(await h.ok('vault.unlock', { passphrase: PASSPHRASE })).toEqual({ state: 'unlocked', problems: [] });
    expect(await storeVersion(dir)).toBe(3);
    const { conference, problems } = await h.ok<Got>('conferences.get', { id });
    expect(problems).toEqual([]);
    expect(conference.revision).toBe(3);
    expect(conference.sections['risk']).toEqual({ kind: 'single', values: { harmSeen: 'bruising' } });
    expect(conference.sections['meeting']).toEqual({ kind: 'single', values: { ...MEETING_AT_CREATION, migratedTimes: 1 } });
    const history = await h.ok<History>('conferences.history', { id });
    expect(history.intact).toBe(true);
    expect(history.entries.at(-1)).toMatchObject({ action: 'migrated', revision: 3, sections: ['meeting', 'risk'] });
    const listed = await h.ok<{ conferences: { id: string; revision: number }[] }>('conferences.list');
    expect(listed.conferences).toEqual([expect.objectContaining({ id, revision: 3 })]);
  });

  it('downgrades back to the original records, and upgrades again', async () => {
    const { dir, id } = await storeAtVersion1();
    const newer = harness(dir, { migrations: BOTH });
    await newer.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await newer.store.migrateTo(1)).toEqual([]);
    expect(await newer.ok('vault.status')).toEqual({ state: 'locked' });
    expect(await storeVersion(dir)).toBe(1);

    const older = harness(dir, { migrations: [] });
    await older.ok('vault.unlock', { passphrase: PASSPHRASE });
    const { conference } = await older.ok<Got>('conferences.get', { id });
    expect(conference.sections['risk']).toEqual({ kind: 'single', values: { harm: 'bruising' } });
    expect(conference.sections['meeting']).toEqual({ kind: 'single', values: MEETING_AT_CREATION });
    expect((await older.ok<History>('conferences.history', { id })).intact).toBe(true);
    await older.ok('vault.lock');

    const again = harness(dir, { migrations: BOTH });
    await again.ok('vault.unlock', { passphrase: PASSPHRASE });
    const upgraded = (await again.ok<Got>('conferences.get', { id })).conference;
    expect(upgraded.sections['meeting']).toEqual({ kind: 'single', values: { ...MEETING_AT_CREATION, migratedTimes: 1 } });
    expect((await again.ok<History>('conferences.history', { id })).entries.map((e) => e.action)).toEqual([
      'created',
      'saved',
      'migrated',
      'migrated',
      'migrated',
    ]);
  });

  it('resumes after a crash without running a step twice on a file already migrated', async () => {
    const { dir, id } = await storeAtVersion1();
    const first = harness(dir, { migrations: BOTH });
    await first.ok('vault.unlock', { passphrase: PASSPHRASE });
    await first.ok('vault.lock');
    // As if the app died after migrating the files but before vault.json recorded it.
    const vault = JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'vault.json'), JSON.stringify({ ...vault, storeSchemaVersion: 1 }));

    const second = harness(dir, { migrations: BOTH });
    await second.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await storeVersion(dir)).toBe(3);
    const { conference } = await second.ok<Got>('conferences.get', { id });
    expect(conference.sections['meeting']).toEqual({ kind: 'single', values: { ...MEETING_AT_CREATION, migratedTimes: 1 } });
    expect(conference.revision).toBe(3);
  });
});
