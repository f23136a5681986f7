import type { ConferenceStore } from '../store/conference-store';
import type { TeamConnection } from './offline-store';

/** A store that can tell whether its server is away (the team store that queues); any other never is. */
export function connectionOf(store: ConferenceStore): TeamConnection {
  const teamStore = store as Partial<{ connection: () => TeamConnection }>;
  return typeof teamStore.connection === 'function' ? teamStore.connection.call(store) : { state: 'online', waiting: 0, kept: 0 };
}
