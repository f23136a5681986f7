import { readdir } from 'node:fs/promises';
import type { StoreProblem } from '../../../../domain/api/contract';
import { canonicalJson } from '../canonical';
import type { ConferenceFiles } from '../conference-file';
import { nextEntry, recordHash } from '../history';
import { CONFERENCE_FILE, type StorePaths } from '../paths';
import { problems } from '../problems';
import type { JsonObject } from './index';

export const MIGRATION_ACTOR = 'Conference Recorder (store update)';

/**
 * Rewrites every conference file at the version `files` writes, each with a 'migrated' history
 * entry naming the sections that changed. Each file records its own version, so after a crash
 * part-way the run simply starts again and skips files already done. A file that cannot be read
 * is reported and left as it is.
 */
export async function migrateConferences(paths: StorePaths, files: ConferenceFiles, now: () => Date): Promise<StoreProblem[]> {
  const found: StoreProblem[] = [];
  for (const name of await readdir(paths.conferencesDir)) {
    const id = CONFERENCE_FILE.exec(name)?.[1];
    if (id === undefined) continue;
    const result = await files.load(id);
    if (result.kind === 'unreadable') found.push(problems.unreadableConference(id, null));
    if (result.kind !== 'ok' || !result.conference.migrated) continue;
    const { record, stored, db, adapter } = result.conference;
    const unchanged = canonicalJson(stored.record) === canonicalJson(record);
    const next = unchanged ? record : { ...record, revision: stored.entry.revision + 1 };
    const entry = unchanged
      ? null // only the file's version changes; the history has nothing to add
      : nextEntry(id, stored.entry, {
          at: now().toISOString(),
          actor: MIGRATION_ACTOR,
          action: 'migrated',
          sections: changedSections(stored.record['sections'], record.sections),
          revision: next.revision,
          recordHash: recordHash(next),
        });
    await files.commit(id, db, adapter, stored.entry, { record: next, entry });
  }
  return found;
}

function changedSections(before: unknown, after: Record<string, unknown>): string[] {
  const old = typeof before === 'object' && before !== null ? (before as JsonObject) : {};
  return Object.keys({ ...old, ...after })
    .filter((key) => canonicalJson(old[key] ?? null) !== canonicalJson(after[key] ?? null))
    .sort();
}
