import type { EditLeaseAction, EditLeases, SessionInfo } from '../../domain/api/contract';
import { ApiFailure } from '../../domain/api/result';
import type { ConferenceStore } from './store/conference-store';

/**
 * lease9: what the screens need to follow the member's role, for either store. On this computer
 * there is one person, the chair, and nobody else can be editing; a team store answers for itself.
 */

/** For `vault.status`: present for a team store; absent on this computer, where the page assumes the chair (renderer/src/team/roles.ts). */
export async function sessionInfoOf(store: ConferenceStore): Promise<{ session?: SessionInfo }> {
  return store.sessionInfo ? { session: await store.sessionInfo() } : {};
}

export async function editLeaseOn(store: ConferenceStore, id: string, action: EditLeaseAction): Promise<EditLeases> {
  if (store.editLease) return store.editLease(id, action);
  // Still refuses while locked, as every other conference operation does.
  if ((await store.status()) !== 'unlocked') throw new ApiFailure('LOCKED', 'The conference store is locked. Enter your passphrase to open it.');
  return { others: [] };
}
