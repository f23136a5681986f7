import { createContext, useContext } from 'react';
import type { Settings, StoreProblem } from '../../../domain/api/contract';
import type { ApiClient } from '../api';
import type { Route } from './routes';

/** What every unlocked screen may use. It exists only while the store is unlocked. */
export interface Session {
  client: ApiClient;
  navigate: (route: Route) => void;
  lock: () => Promise<void>;
  /** A screen with unsaved work registers how to save it; locking waits for it first. */
  setBeforeLock: (save: (() => Promise<unknown>) | null) => void;
  settings: Settings;
  updateSettings: (settings: Settings) => void;
  /** Problems the store reported when it was unlocked (ids only, never names). */
  unlockProblems: readonly StoreProblem[];
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is only available while the store is unlocked.');
  return session;
}
