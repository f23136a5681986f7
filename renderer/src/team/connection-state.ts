import { useSyncExternalStore } from 'react';
import type { OperationOutput } from '../../../domain/api/contract';

/**
 * Whether the team server can be reached, as last heard (TeamConnectionBanner polls it). Held
 * outside React state so the save status of any screen can read it without the App passing it down.
 */

export type TeamConnection = OperationOutput<'team.serverState'>;

export const ONLINE: TeamConnection = { state: 'online', waiting: 0, kept: 0 };

let current: TeamConnection = ONLINE;
const listeners = new Set<() => void>();

export function setTeamConnection(next: TeamConnection): void {
  if (next.state === current.state && next.waiting === current.waiting && next.kept === current.kept) return;
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTeamConnection(): TeamConnection {
  return useSyncExternalStore(subscribe, () => current);
}
