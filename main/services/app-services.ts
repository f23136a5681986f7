import { userInfo } from 'node:os';
import type { Handlers } from './dispatch';
import type { KdfParams } from './store/kdf';
import type { Migration } from './store/migrations';
import { ConferenceStore } from './store/store';

/**
 * The services behind every API operation, as the handler table `dispatch` expects. Plain Node
 * (never Electron), so the Electron main process, the browser shell, tests and benchmarks share
 * exactly the same behaviour.
 */

export interface AppServiceOptions {
  dataDir: string;
  /** Who the history records as making changes. */
  actor?: string;
  now?: () => Date;
  /** scrypt cost for a new vault (tests pass a low one). */
  kdf?: KdfParams;
  /** Tests only: migrations to run instead of the real list. */
  migrations?: readonly Migration[];
}

export function createAppServices(options: AppServiceOptions): Handlers {
  return handlersFor(new ConferenceStore({ ...options, actor: options.actor ?? computerUser() }));
}

/**
 * Until the app has its own sign-in (roles come later), the history records the computer
 * account that made a change: a council issues one per member of staff.
 */
function computerUser(): string {
  try {
    return userInfo().username || 'this computer’s user';
  } catch {
    return 'this computer’s user';
  }
}

/** The handler table over an existing store (tests use it to reach the store directly as well). */
export function handlersFor(store: ConferenceStore): Handlers {
  return {
    'vault.status': async () => ({ state: await store.status() }),
    'vault.create': async ({ passphrase }) => ({ state: await store.create(passphrase) }),
    'vault.unlock': async ({ passphrase }) => ({ state: 'unlocked', problems: await store.unlock(passphrase) }),
    'vault.lock': async () => ({ state: await store.lock() }),
    'settings.get': () => store.getSettings(),
    'settings.update': (patch) => store.updateSettings(patch),
    'conferences.list': () => store.list(),
    'conferences.create': (input) => store.createConference(input),
    'conferences.get': ({ id }) => store.get(id),
    'conferences.save': (input) => store.save(input),
    'conferences.history': ({ id }) => store.history(id),
  };
}
