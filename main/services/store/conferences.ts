import { randomUUID } from 'node:crypto';
import type { HistoryEntry, NewConference, StoreProblem } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import {
  CURRENT_SCHEMA_VERSION,
  ConferenceRecordSchema,
  type ConferenceRecord,
  type SectionValue,
} from '../../../domain/record/conference';
import { summarise, type ConferenceSummary } from '../../../domain/record/summary';
import { missingDefaults } from '../../../domain/template/defaults';
import { TEMPLATE_VERSION, templateFor } from '../../../templates/conference-templates';
import { canonicalJson } from './canonical';
import type { ConferenceFiles, LoadedConference } from './conference-file';
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

export interface SaveInput {
  id: string;
  baseRevision: number;
  sections: Record<string, SectionValue>;
}

export interface ConferenceContext {
  paths: StorePaths;
  key: DataKey;
  files: ConferenceFiles;
  index: ConferenceIndex;
  problems: ProblemRegistry;
  actor: string;
  now: () => Date;
}

const CONFLICT_MESSAGE =
  'This conference was changed elsewhere since you opened it. Reload to see the latest version; your unsaved text is still on screen.';

export class Conferences {
  constructor(private readonly c: ConferenceContext) {}

  list(): { conferences: ConferenceSummary[]; problems: StoreProblem[] } {
    return { conferences: this.c.index.list(), problems: this.c.problems.all() };
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
        children: { kind: 'list', items: input.children.map((child) => ({ id: randomUUID(), values: { name: child.name } })) },
      },
    });
    // The template's defaults (the usual safety-scale definition…) are there from the start.
    const record = { ...bare, sections: { ...bare.sections, ...missingDefaults(templateFor(input.type), bare) } };
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
    const bytes = await this.c.files.commit(id, slot.db, slot.adapter, null, { record, entry });
    await this.c.index.record({ summary: summarise(record), bytes });
    return record;
  }

  async get(id: string): Promise<{ conference: ConferenceRecord; problems: StoreProblem[] }> {
    const loaded = await this.#load(id);
    const assessment = await this.#assess(id, loaded);
    return { conference: loaded.record, problems: this.#note(id, assessment) };
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
    this.#note(id, assessment);
    return { entries: assessment.entries, intact: assessment.state !== 'tampered' };
  }

  async save(input: SaveInput): Promise<{ revision: number; savedAt: string }> {
    const loaded = await this.#load(input.id);
    const { record, stored } = loaded;
    if (stored.entry.recordHash !== recordHash(stored.record)) {
      throw new ApiFailure(
        'TAMPERED',
        `Conference ${input.id} was not saved because its stored copy does not match its history. Nothing has been changed; report this to your information governance lead.`,
      );
    }
    if (input.baseRevision !== record.revision) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
    const changed = Object.keys(input.sections)
      .filter((key) => {
        const before = record.sections[key];
        return before === undefined || canonicalJson(before) !== canonicalJson(input.sections[key]);
      })
      .sort();
    if (changed.length === 0 && !loaded.migrated) return { revision: record.revision, savedAt: record.updatedAt };
    const at = this.c.now().toISOString();
    const parsed = ConferenceRecordSchema.safeParse({
      ...record,
      sections: { ...record.sections, ...input.sections },
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
    const bytes = await this.c.files.commit(input.id, loaded.db, loaded.adapter, stored.entry, { record: next, entry });
    await this.c.index.record({ summary: summarise(next), bytes });
    // The save completed any interrupted history; tampering stays reported until re-checked.
    if (this.c.problems.get(input.id)?.kind === 'recovered') this.c.problems.delete(input.id);
    return { revision: next.revision, savedAt: at };
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

  #note(id: string, assessment: Assessment): StoreProblem[] {
    const date = this.c.index.get(id)?.summary.conferenceDate ?? null;
    const problem =
      assessment.state === 'tampered'
        ? problems.tamperedHistory(id, date)
        : assessment.state === 'recovered'
          ? problems.recoveredHistory(id, date)
          : null;
    if (problem === null) this.c.problems.delete(id);
    else this.c.problems.set(problem);
    return problem === null ? [] : [problem];
  }
}
