import { randomUUID } from 'node:crypto';
import type { HistoryEntry, NewConference, StoreProblem } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import {
  CURRENT_SCHEMA_VERSION,
  ConferenceRecordSchema,
  type ConferenceRecord,
} from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { pageOf, type ListPage } from '../../../domain/record/list-page';
import type { SaveInput } from './conference-store';
import { withCurrentReadiness } from './summary';
import { indexEntryAfterWrite } from './index-entry';
import type { LocalSettings } from '../../../domain/rules/local-settings';
import { missingDefaults } from '../../../domain/template/defaults';
import { newChildValues } from '../../../domain/record/new-conference';
import { refuseNamesOutsideTemplate } from '../../../domain/template/template-names';
import { TEMPLATE_VERSION, templateFor } from '../../../templates/conference-templates';
import { canonicalJson } from './canonical';
import type { ConferenceFiles, LoadedConference, StoredConference } from './conference-file';
import type { ConferenceIndex } from './conference-index';
import { nextEntry, readHistory, recordHash } from './history';
import { assessHistory, type Assessment } from './integrity';
import type { DataKey } from './key';
import type { StorePaths } from './paths';
import { problems, type ProblemRegistry } from './problems';

/**
 * The conference operations of an unlocked store. Write order for a create or save (why a
 * SIGKILL at any instant never loses an acknowledged save nor makes a good store look tampered):
 *
 *   1. index journal: "intent <id>"             append + fdatasync
 *   1b. history: the current document's entry, only if an earlier kill kept it out
 *   2. conferences/<id>.enc: record + its entry  temp → fsync → rename → fsync folder
 *   3. history/<id>.log: the entry               append + fdatasync
 *   4. index journal: the new summary            append + fdatasync
 *   5. only then is the call answered.
 *
 * Dying before 2's rename leaves the old version everywhere (unanswered, so nothing is owed).
 * Dying after it leaves a complete new document whose entry chains exactly onto the history's
 * last entry: reads report 'recovered' and the next save appends that very entry first. Dying
 * inside 3 leaves an unterminated final line: 'recovered', and cut off before the next append.
 * Dying before 4 leaves the intent from 1, so unlock re-reads that one conference for the index.
 * Anything that does not fit these shapes is reported as 'tampered'.
 */

export type { SaveInput } from './conference-store';

export interface ConferenceContext {
  paths: StorePaths;
  key: DataKey;
  files: ConferenceFiles;
  index: ConferenceIndex;
  problems: ProblemRegistry;
  actor: string;
  now: () => Date;
  /** The council's local rules, for the readiness count kept in the index. */
  localSettings: () => LocalSettings;
}

/**
 * Signed: the document holds signed versions, or its latest history entry is a signature
 * (so removing the signed versions from a re-sealed document does not unlock it either).
 */
export function isSigned(stored: StoredConference): boolean {
  return (stored.signed?.versions.length ?? 0) > 0 || stored.entry.action === 'signed' || stored.entry.action === 'addendum';
}

export function signedFailure(stored: StoredConference): ApiFailure {
  const count = stored.signed?.versions.length ?? 1;
  return new ApiFailure(
    'SIGNED',
    `These minutes were signed (${count === 1 ? 'version 1' : `${count} signed versions`}) and can no longer be changed. Corrections are made as a signed addendum: use “Add an addendum”. Nothing has been changed.`,
  );
}

const CONFLICT_MESSAGE =
  'This conference was changed elsewhere since you opened it. Reload to see the latest version; your unsaved text is still on screen.';

export class Conferences {
  constructor(private readonly c: ConferenceContext) {}

  list(page?: ListPage): { conferences: ConferenceSummary[]; problems: StoreProblem[]; next?: string | null } {
    const local = this.c.localSettings();
    if (page?.limit === undefined && page?.after === undefined) {
      return { conferences: this.c.index.list().map((summary) => withCurrentReadiness(summary, local)), problems: this.c.problems.all() };
    }
    // A page in the team store's order (domain/record/list-page.ts), so the screen pages either store alike.
    const { items, next } = pageOf(this.c.index.list(), page);
    return { conferences: items.map((summary) => withCurrentReadiness(summary, local)), problems: this.c.problems.all(), next };
  }

  async create(input: NewConference): Promise<ConferenceRecord> {
    const id = randomUUID();
    const at = this.c.now().toISOString();
    const bare = ConferenceRecordSchema.parse({
      id,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      type: input.type,
      templateVersion: TEMPLATE_VERSION,
      revision: 1,
      createdAt: at,
      updatedAt: at,
      sections: {
        meeting: { kind: 'single', values: { date: input.date } },
        children: { kind: 'list', items: input.children.map((child) => ({ id: randomUUID(), values: newChildValues(child) })) },
      },
    });
    // The template's defaults (the usual safety-scale definition…) are there from the start.
    const record = { ...bare, sections: { ...bare.sections, ...missingDefaults(templateFor(input.type), bare) } };
    refuseNamesOutsideTemplate(templateFor(input.type), record.sections);
    const entry = nextEntry(id, null, {
      at,
      actor: this.c.actor,
      action: 'created',
      sections: Object.keys(record.sections).sort(),
      revision: record.revision,
      recordHash: recordHash(record),
    });
    const slot = await this.c.files.load(id);
    if (slot.kind !== 'missing') throw new Error('A new conference id is already in use.');
    await this.c.index.noteIntent(id);
    const stamp = await this.c.files.commit(id, slot.db, slot.adapter, null, { record, entry });
    await this.c.index.record(await indexEntryAfterWrite(this.c, id, { record, stored: {}, head: entry.hash, stamp, recorded: [], signaturesIntact: true }));
    return record;
  }

  async get(id: string): Promise<{ conference: ConferenceRecord; problems: StoreProblem[] }> {
    const loaded = await this.#load(id);
    const assessment = await this.#assess(id, loaded);
    return { conference: loaded.record, problems: this.#note(id, assessment, this.#wentBack(id, loaded.stored)) };
  }

  async history(id: string): Promise<{ entries: HistoryEntry[]; intact: boolean }> {
    let loaded: LoadedConference;
    try {
      loaded = await this.#load(id);
    } catch (error) {
      // The history of a damaged conference is still worth showing, but cannot be vouched for.
      if (!(error instanceof ApiFailure && error.code === 'CORRUPT')) throw error;
      const read = await readHistory(this.c.paths.history(id), this.c.key.get(), id);
      return { entries: read.entries, intact: false };
    }
    const assessment = await this.#assess(id, loaded);
    this.#note(id, assessment, this.#wentBack(id, loaded.stored));
    return { entries: assessment.entries, intact: assessment.state !== 'tampered' };
  }

  async save(input: SaveInput): Promise<{ revision: number; savedAt: string }> {
    const loaded = await this.loadForChange(input.id);
    const { record, stored } = loaded;
    refuseNamesOutsideTemplate(templateFor(record.type), input.sections);
    const changed = Object.keys(input.sections)
      .filter((key) => {
        const before = record.sections[key];
        return before === undefined || canonicalJson(before) !== canonicalJson(input.sections[key]);
      })
      .sort();
    // A retried save whose first attempt landed but whose answer was lost (the service died, the
    // connection dropped) names the old revision yet asks for nothing the record does not already
    // hold: it succeeded, so it is answered as saved, not as a conflict.
    const unchanged = changed.length === 0;
    if (unchanged && input.baseRevision !== record.revision) return { revision: record.revision, savedAt: record.updatedAt };
    if (input.baseRevision !== record.revision) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
    if (unchanged && !loaded.migrated) return { revision: record.revision, savedAt: record.updatedAt };
    const at = this.c.now().toISOString();
    const parsed = ConferenceRecordSchema.safeParse({
      ...record,
      sections: { ...record.sections, ...input.sections },
      // Saved under today's questions, so stamped with today's template (an older record gains it here).
      templateVersion: TEMPLATE_VERSION,
      revision: record.revision + 1,
      updatedAt: at,
    });
    if (!parsed.success) {
      throw new ApiFailure('INVALID_INPUT', 'The changes could not be saved because a section is not in the expected form. Nothing was changed.');
    }
    const next = parsed.data;
    const entry = nextEntry(input.id, stored.entry, {
      at,
      actor: this.c.actor,
      action: 'saved',
      sections: changed,
      revision: next.revision,
      recordHash: recordHash(next),
    });
    await this.c.index.noteIntent(input.id);
    const stamp = await this.c.files.commit(input.id, loaded.db, loaded.adapter, stored.entry, { record: next, entry });
    await this.c.index.record(await indexEntryAfterWrite(this.c, input.id, { record: next, stored, head: entry.hash, stamp }));
    // The save completed any interrupted history; tampering stays reported until re-checked.
    if (this.c.problems.get(input.id)?.kind === 'recovered') this.c.problems.delete(input.id);
    return { revision: next.revision, savedAt: at };
  }

  /**
   * The conference, checked before anything is written to it: its stored copy matches its
   * history, it has not been put back to an earlier version, and it is not signed. A signed
   * conference is locked here, in the service, whatever the page shows: every operation that
   * writes a record passes this check (sign-off and addenda use `load` and their own rules).
   */
  async loadForChange(id: string, options: { allowSigned?: boolean } = {}): Promise<LoadedConference> {
    const loaded = await this.#load(id);
    const { stored } = loaded;
    if (stored.entry.recordHash !== recordHash(stored.record)) {
      throw new ApiFailure(
        'TAMPERED',
        `Conference ${id} was not saved because its stored copy does not match its history. Nothing has been changed; report this to your information governance lead.`,
      );
    }
    if (this.#wentBack(id, stored)) {
      // Saving would chain a new entry onto the old history and make the earlier version the
      // only one there is, burying the newer one (which a backup may still hold). Refused until
      // the folder is restored; the chair's text stays on screen.
      const problem = problems.rolledBackConference(id, this.c.index.get(id)?.summary.conferenceDate ?? null);
      this.c.problems.set(problem);
      throw new ApiFailure(
        'TAMPERED',
        `Conference ${id} was not saved because its file is an earlier version than the one this app last saved. Nothing has been changed; your text is still on screen. Report this to your information governance lead.`,
      );
    }
    if (!options.allowSigned && isSigned(stored)) throw signedFailure(stored);
    return loaded;
  }

  /** The conference as stored, for reading (signatures, exports); nothing is checked for writing. */
  async load(id: string): Promise<{ loaded: LoadedConference; history: Assessment; problems: StoreProblem[] }> {
    const loaded = await this.#load(id);
    const history = await this.#assess(id, loaded);
    return { loaded, history, problems: this.#note(id, history, this.#wentBack(id, loaded.stored)) };
  }

  async #load(id: string): Promise<LoadedConference> {
    const result = await this.c.files.load(id);
    if (result.kind === 'ok') return result.conference;
    const indexed = this.c.index.get(id);
    if (result.kind === 'missing' && indexed === undefined) {
      throw new ApiFailure(
        'NOT_FOUND',
        'That conference could not be found. It may have been opened from an out-of-date list; go back to the list and try again.',
      );
    }
    const date = indexed?.summary.conferenceDate ?? null;
    const problem = result.kind === 'missing' ? problems.missingConference(id, date) : problems.unreadableConference(id, date);
    this.c.problems.set(problem);
    throw new ApiFailure('CORRUPT', problem.message);
  }

  async #assess(id: string, loaded: LoadedConference): Promise<Assessment> {
    const read = await readHistory(this.c.paths.history(id), this.c.key.get(), id);
    return assessHistory(id, loaded.stored, read);
  }

  /**
   * The file is an earlier version than the index last recorded (a lower revision, or the same
   * revision with a different history head): copied back from somewhere, with its old history.
   * The index only ever records a version after its file is on disk, so no crash causes this.
   */
  #wentBack(id: string, stored: StoredConference): boolean {
    const indexed = this.c.index.get(id);
    if (indexed?.head === undefined) return false;
    const revision = stored.entry.revision;
    return revision < indexed.summary.revision || (revision === indexed.summary.revision && stored.entry.hash !== indexed.head);
  }

  #note(id: string, assessment: Assessment, wentBack: boolean): StoreProblem[] {
    const date = this.c.index.get(id)?.summary.conferenceDate ?? null;
    const problem = wentBack
      ? problems.rolledBackConference(id, date)
      : assessment.state === 'tampered'
        ? problems.tamperedHistory(id, date)
        : assessment.state === 'recovered'
          ? problems.recoveredHistory(id, date)
          : null;
    if (problem === null) this.c.problems.delete(id);
    else this.c.problems.set(problem);
    return problem === null ? [] : [problem];
  }
}
