import type { ConferenceStore } from '../store/conference-store';
import type { KeptSave } from './offline-queue';
import type { TeamConnection } from './offline-store';

/**
 * The API's view of the team store's local queue (offline-store.ts). A store without one (the
 * local folder, a plain team store) is never away and keeps nothing aside.
 */

interface Queueing {
  connection(): TeamConnection;
  keptSaves(id: string): Promise<KeptSave[]>;
  resolveKept(id: string, action: 'send' | 'discard'): Promise<{ revision: number | null }>;
}

function queueing(store: ConferenceStore): Queueing | null {
  const candidate = store as Partial<Queueing>;
  return typeof candidate.connection === 'function' && typeof candidate.keptSaves === 'function' && typeof candidate.resolveKept === 'function'
    ? (store as unknown as Queueing)
    : null;
}

export function connectionOf(store: ConferenceStore): TeamConnection {
  return queueing(store)?.connection() ?? { state: 'online', waiting: 0, kept: 0 };
}

export async function keptChangesOf(store: ConferenceStore, id: string): Promise<{ kept: Omit<KeptSave, 'id'>[] }> {
  const kept = (await queueing(store)?.keptSaves(id)) ?? [];
  return { kept: kept.map(({ sections, reason, keptAt }) => ({ sections, reason, keptAt })) };
}

export async function resolveKeptOf(store: ConferenceStore, id: string, action: 'send' | 'discard'): Promise<{ revision: number | null }> {
  return (await queueing(store)?.resolveKept(id, action)) ?? { revision: null };
}
