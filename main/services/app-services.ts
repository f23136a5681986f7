import type { Handlers } from './dispatch';
import { LocalConferenceStore, type StoreOptions } from './store/store';
import type { ConferenceStore } from './store/conference-store';
import { exportConference } from './export/conference-export';
import { exportChildLetter } from './export/child-letter-export';
import { NO_FOLDER_HANDLERS } from './export/folder-export';
import { forgetExportCaches } from './export/pdf';
import { verifyFile } from './verify/verify-file';
import { auditHandlers } from './audit/handlers';
import { connectionOf, keptChangesOf, resolveKeptOf } from './team/connection';
import { editLeaseOn, sessionInfoOf } from './session-info';

/**
 * The services behind every API operation, as the handler table `dispatch` expects. Plain Node
 * (never Electron), so the Electron main process, the browser shell, tests and benchmarks share
 * exactly the same behaviour.
 */

export type AppServiceOptions = StoreOptions;

export function createAppServices(options: AppServiceOptions): Handlers {
  return handlersFor(new LocalConferenceStore(options));
}

/** The handler table over any store, local or a team's (tests use it to reach the store directly as well). */
export function handlersFor(store: ConferenceStore): Handlers {
  // pades: the PDF layout caches and opened signing keys go when the store locks.
  store.onLock(forgetExportCaches);
  return {
    'vault.status': async () => ({ state: await store.status(), ...(await sessionInfoOf(store)) }),
    'vault.create': async ({ passphrase }) => ({ state: await store.create(passphrase) }),
    'vault.unlock': async ({ passphrase }) => ({ state: 'unlocked', problems: await store.unlock(passphrase) }),
    'vault.lock': async () => ({ state: await store.lock() }),
    'settings.get': () => store.getSettings(),
    'settings.update': (patch) => store.updateSettings(patch),
    'conferences.list': (page) => store.list(page),
    'conferences.create': (input) => store.createConference(input),
    'conferences.get': ({ id }) => store.get(id),
    'conferences.save': (input) => store.save(input),
    'conferences.history': ({ id }) => store.history(id),
    'profile.get': async () => ({ profile: await store.getProfile() }),
    'profile.set': async (input) => ({ profile: await store.setProfile(input) }),
    'conferences.sign': ({ id, baseRevision }) => store.sign(id, baseRevision),
    'conferences.addendum': ({ id, reason, text }) => store.addendum(id, reason, text),
    'conferences.signatures': ({ id }) => store.signatures(id),
    'conferences.export': async ({ id, document, format }) => exportConference(await store.exportSource(id), document, format, () => store.pdfCertificate(), () => store.documentKey()),
    // pades
    'profile.importCertificate': async ({ base64, password }) => ({ profile: await store.importSigningCertificate(Buffer.from(base64, 'base64'), password) }),
    'files.verify': ({ fileName, base64 }) => verifyFile(Buffer.from(base64, 'base64'), fileName, store),
    // Issue 8: letters to the children; folders are the desktop app's (main/index.ts replaces these two).
    'conferences.exportChildLetter': async ({ id, childId, format }) => exportChildLetter(await store.exportSource(id), childId, format),
    ...NO_FOLDER_HANDLERS,
    // template7 (issue 6 leftovers)
    'vault.acknowledgeRollback': async () => ({ problems: await store.acknowledgeRollback() }),
    // accuracy review (main/services/review)
    'review.get': ({ id }) => store.withReview((r) => r.state(id)),
    'review.approveDraft': ({ id, baseRevision }) => store.withReview((r) => r.approveDraft(id, baseRevision)),
    'review.addRecipient': ({ id, recipient }) => store.withReview((r) => r.addRecipient(id, recipient)),
    'review.copy': ({ id, recipientId }) => store.withReview((r) => r.copy(id, recipientId)),
    'review.noComments': ({ id, recipientId, on }) => store.withReview((r) => r.noComments(id, recipientId, on)),
    'review.import': ({ id, recipientId, base64 }) => store.withReview((r) => r.importReturn(id, recipientId, Buffer.from(base64, 'base64'))),
    'review.decide': ({ id, ...decision }) => store.withReview((r) => r.decide(id, decision)),
    'review.letter': ({ id, recipientId, format }) => store.withReview((r) => r.letter(id, recipientId, format)),
    ...auditHandlers(store),
    // offline9: a local store is never away; a team store says whether its server is (offline-store.ts)
    'team.serverState': async () => connectionOf(store),
    'team.keptChanges': ({ id }) => keptChangesOf(store, id),
    'team.resolveKept': ({ id, action }) => resolveKeptOf(store, id, action),
    // lease9: "being edited by …" (team store only)
    'conferences.editLease': ({ id, action }) => editLeaseOn(store, id, action),
  };
}
