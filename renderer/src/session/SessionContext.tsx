import { createContext, useContext } from 'react';
import type { SessionInfo, Settings, StoreProblem } from '../../../domain/api/contract';
import type { SectionValue } from '../../../domain/record/conference';
import type { ApiClient } from '../api';
import type { Route } from './routes';
import type { UnsavedWork } from './useLeaveGuard';

/** Sections a screen could not save because the store locked under it (see `handOverUnsaved`). */
export type SectionsById = Record<string, SectionValue>;

/** What every unlocked screen may use. It exists only while the store is unlocked. */
export interface Session {
  client: ApiClient;
  navigate: (route: Route) => void;
  lock: () => Promise<void>;
  /**
   * A screen with unsaved work registers how to save it: locking waits for it first, and
   * closing, reloading or hiding the page sends it at once (useLeaveGuard).
   */
  setUnsavedWork: (work: UnsavedWork | null) => void;
  /**
   * The store locked under a screen (the service restarted, another window locked it): what it
   * could not save is kept in this window's memory, never on disk, and sent once the chair
   * unlocks again, so no keystroke is needed to have it saved.
   */
  handOverUnsaved: (conferenceId: string, sections: SectionsById, baseRevision: number) => void;
  settings: Settings;
  updateSettings: (settings: Settings) => void;
  /** Problems the store reported when it was unlocked (ids only, never names). */
  unlockProblems: readonly StoreProblem[];
  /** Replaces them when one is dealt with (a folder rollback accepted after it was checked). */
  setUnlockProblems: (problems: readonly StoreProblem[]) => void;
  /** lease9: where the records are and the member's role; screens offer only what the role may do (renderer/src/team/roles.ts). */
  member: SessionInfo;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is only available while the store is unlocked.');
  return session;
}
