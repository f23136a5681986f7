import type { ApiResult } from './result';

/**
 * The operation names, without zod, so the sandboxed preload can expose exactly these
 * without bundling the schemas. A unit test keeps this list equal to the contract's keys.
 */
export const OPERATIONS = [
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'settings.get',
  'settings.update',
  'conferences.list',
  'conferences.create',
  'conferences.get',
  'conferences.save',
  'conferences.history',
  'profile.get',
  'profile.set',
  'conferences.sign',
  'conferences.addendum',
  'conferences.signatures',
  'conferences.export',
  // Issue 8: letters to the children, the export dialog's folder.
  'conferences.exportChildLetter',
  'exports.chooseFolder',
  'exports.saveToFolder',
  // pades
  'profile.importCertificate',
  'files.verify',
  // template7 (issue 6 leftovers)
  'vault.acknowledgeRollback',
  // accuracy review
  'review.get',
  'review.approveDraft',
  'review.addRecipient',
  'review.copy',
  'review.noComments',
  'review.import',
  'review.decide',
  'review.letter',
  // the manager's audit
  'audit.cohort',
  'audit.child',
  'audit.judge',
  'audit.judgements',
  'audit.export',
  // offline9: the team server's reachability and the local queue (banner)
  'team.serverState',
  'team.keptChanges',
  'team.resolveKept',
  // lease9: "being edited by …"
  'conferences.editLease',
] as const;
export type OperationId = (typeof OPERATIONS)[number];

/** What the preload puts on `window.conferenceApi`: one function per operation, nothing else. */
export type PreloadBridge = { readonly [K in OperationId]: (input: unknown) => Promise<ApiResult<unknown>> };
export const BRIDGE_GLOBAL = 'conferenceApi';
/** The single IPC channel; the operation name travels as the first argument. */
export const IPC_CHANNEL = 'conference-api';
