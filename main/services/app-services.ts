import type { Handlers } from './dispatch';
import { ConferenceStore, type StoreOptions } from './store/store';
import { exportConference } from './export/conference-export';
import { auditHandlers } from './audit/handlers';

/**
 * The services behind every API operation, as the handler table `dispatch` expects. Plain Node
 * (never Electron), so the Electron main process, the browser shell, tests and benchmarks share
 * exactly the same behaviour.
 */

export type AppServiceOptions = StoreOptions;

export function createAppServices(options: AppServiceOptions): Handlers {
  return handlersFor(new ConferenceStore(options));
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
    'profile.get': async () => ({ profile: await store.getProfile() }),
    'profile.set': async (input) => ({ profile: await store.setProfile(input) }),
    'conferences.sign': ({ id, baseRevision }) => store.sign(id, baseRevision),
    'conferences.addendum': ({ id, reason, text }) => store.addendum(id, reason, text),
    'conferences.signatures': ({ id }) => store.signatures(id),
    'conferences.export': async ({ id, document, format }) => exportConference(await store.exportSource(id), document, format),
    ...auditHandlers(store),
  };
}
