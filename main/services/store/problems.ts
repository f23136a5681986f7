import type { StoreProblem } from '../../../domain/api/contract';
import { isFolderRollback } from '../../../domain/api/store-problems';
import type { WentBack } from '../team/seen-heads';

/**
 * Every problem message in one place, in plain British English. They name a conference by its
 * id and date only — never a child's or family member's name — because they may be logged.
 */

function which(id: string, date: string | null): string {
  if (date === null) return `Conference ${id}`;
  const [year, month, day] = date.split('-');
  return `Conference ${id} (${day}/${month}/${year})`;
}

export const problems = {
  unreadableConference: (id: string, date: string | null): StoreProblem => ({
    conferenceId: id,
    kind: 'corrupt',
    message: `${which(id, date)} could not be read: its file is damaged or has been altered. Nothing has been overwritten; restore the file from a backup or contact support.`,
  }),
  missingConference: (id: string, date: string | null): StoreProblem => ({
    conferenceId: id,
    kind: 'corrupt',
    message: `${which(id, date)} is listed but its file is missing from the data folder. Restore the file from a backup or contact support.`,
  }),
  tamperedHistory: (id: string, date: string | null): StoreProblem => ({
    conferenceId: id,
    kind: 'tampered',
    message: `${which(id, date)}: its change history does not match the saved conference, so it may have been altered outside the app. Report this to your information governance lead.`,
  }),
  recoveredHistory: (id: string, date: string | null): StoreProblem => ({
    conferenceId: id,
    kind: 'recovered',
    message: `${which(id, date)}: the app was closed part-way through saving it. The saved conference is complete and the last history entry was recovered from it; nothing was lost.`,
  }),
  rolledBackConference: (id: string, date: string | null): StoreProblem => ({
    conferenceId: id,
    kind: 'rolledBack',
    message: `${which(id, date)} has been put back to an earlier version than the one this app last saved, perhaps from a backup. It will not be saved over, so the newer version is not lost for good; restore the latest copy of the data folder from a backup and report this to your information governance lead.`,
  }),
  teamServerWentBack: (found: readonly WentBack[]): StoreProblem => {
    const listed = found.slice(0, 10).map((f) => `${which(f.id, f.date)}: ${wentBackSummary(f)}`);
    const more = found.length > 10 ? `; and ${found.length - 10} more` : '';
    return {
      conferenceId: null,
      kind: 'rolledBack',
      message: `The team server holds ${found.length === 1 ? 'a conference' : `${found.length} conferences`} at an earlier version than this computer last saw, or not at all — ${listed.join('; ')}${more}. The server may have been restored from a backup, or changed directly in its database. ${found.length === 1 ? 'It' : 'They'} will not be saved over, so the newer versions can still be restored: tell your team admin now. Once they have checked, accept the server as it is.`,
    };
  },
  teamConferenceWentBack: (f: WentBack): StoreProblem => ({
    conferenceId: f.id,
    kind: 'rolledBack',
    message: `${which(f.id, f.date)} is behind on the team server: the server ${wentBackState(f)}, perhaps because it was restored from a backup. It will not be saved over, so the newer version can still be restored: tell your team admin. Once they have checked, accept the server as it is from the list of conferences.`,
  }),
  seenHeadsUnreadable: (file: string): StoreProblem => ({
    conferenceId: null,
    kind: 'corrupt',
    message: `This computer’s record of the versions it has seen on the team server could not be opened (the file is damaged). It has been kept, unopened, as ${file} in the app’s folder, and a new record started: versions the server may have lost before today cannot be checked. Tell your team admin.`,
  }),
  seenHeadsUnavailable: (code: string): StoreProblem => ({
    conferenceId: null,
    kind: 'unprotected',
    message: `This computer’s record of the versions it has seen on the team server could not be read (${code}), so this session cannot check whether the server has gone back to earlier versions. Your work is saved as usual; ask your IT support to check the app’s folder.`,
  }),
  folderWentBack: (): StoreProblem => ({
    conferenceId: null,
    kind: 'rolledBack',
    message: 'The data folder has been put back to an earlier state, or its list of conferences altered, outside the app: conferences added or changed since then may be missing. Nothing has been overwritten; report this to your information governance lead, who can restore the folder from a backup.',
  }),
  folderOpenToOthers: (): StoreProblem => ({
    conferenceId: null,
    kind: 'unprotected',
    message: 'Other accounts on this computer may be able to see the data folder, and the app could not restrict it to you. The records stay encrypted; ask your IT support to make the folder private to your account.',
  }),
  indexRebuilt: (): StoreProblem => ({
    conferenceId: null,
    kind: 'corrupt',
    message: 'The list of conferences could not be read, so it has been rebuilt from the conference files. The damaged copy has been kept in the data folder.',
  }),
  settingsUnreadable: (): StoreProblem => ({
    conferenceId: null,
    kind: 'corrupt',
    message: 'Your settings could not be read, so the defaults are in use. The damaged file will be kept aside when you next change a setting.',
  }),
};

/**
 * The problems known in this session, one per conference (plus store-wide ones), so the list
 * can show what unlock and later opens have found. Cleared when the store locks.
 */
export class ProblemRegistry {
  #problems = new Map<string, StoreProblem>();

  static keyOf(problem: StoreProblem): string {
    return problem.conferenceId ?? `store:${problem.message}`;
  }

  replaceAll(found: readonly StoreProblem[]): StoreProblem[] {
    this.#problems = new Map(found.map((problem) => [ProblemRegistry.keyOf(problem), problem]));
    return this.all();
  }

  set(problem: StoreProblem): void {
    this.#problems.set(ProblemRegistry.keyOf(problem), problem);
  }

  get(conferenceId: string): StoreProblem | undefined {
    return this.#problems.get(conferenceId);
  }

  delete(conferenceId: string): void {
    this.#problems.delete(conferenceId);
  }

  all(): StoreProblem[] {
    return [...this.#problems.values()];
  }

  /** Forgets the report that the whole folder went back (once acknowledged); answers what is left. */
  withoutFolderRollback(): StoreProblem[] {
    for (const [key, problem] of this.#problems) if (isFolderRollback(problem)) this.#problems.delete(key);
    return this.all();
  }

  clear(): void {
    this.#problems.clear();
  }
}

/** What the server lost, as a clause after "the team server …" (ids and numbers only: it may be logged). */
export function wentBackState(found: WentBack): string {
  const { seen, server } = found;
  if (server === null) return `no longer holds it (version ${seen.revision} was seen on this computer)`;
  if (server.revision < seen.revision) return `holds version ${server.revision}, earlier than version ${seen.revision} which this computer saw`;
  return `holds version ${server.revision} without the last entries of its history which this computer saw (an addendum, a manager’s judgement or an accuracy-review step: entry ${server.seq} of ${seen.seq})`;
}

/** The same, short, for a list of conferences. */
function wentBackSummary(found: WentBack): string {
  const { seen, server } = found;
  if (server === null) return `not on the server, version ${seen.revision} seen here`;
  if (server.revision < seen.revision) return `version ${server.revision} on the server, version ${seen.revision} seen here`;
  return `history entry ${server.seq} on the server, entry ${seen.seq} seen here`;
}
