import { join } from 'node:path';

/**
 * Where each file lives inside the data folder, and the role each is encrypted under.
 * File names carry ids only (UUIDs), never anything typed by a person.
 */

export const CONFERENCE_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.enc$/;

export interface StorePaths {
  root: string;
  vault: string;
  index: string;
  indexJournal: string;
  settings: string;
  chairProfile: string;
  lock: string;
  conferencesDir: string;
  historyDir: string;
  conference(id: string): string;
  history(id: string): string;
}

export function storePaths(root: string): StorePaths {
  const conferencesDir = join(root, 'conferences');
  const historyDir = join(root, 'history');
  return {
    root,
    vault: join(root, 'vault.json'),
    index: join(root, 'index.enc'),
    indexJournal: join(root, 'index.journal'),
    settings: join(root, 'settings.enc'),
    chairProfile: join(root, 'chair-profile.enc'),
    lock: join(root, 'folder.lock'),
    conferencesDir,
    historyDir,
    conference: (id) => join(conferencesDir, `${id}.enc`),
    history: (id) => join(historyDir, `${id}.log`),
  };
}

/** Encryption roles (AES-GCM associated data). Binding the id stops files being swapped. */
export const roles = {
  dataKey: 'data-key',
  index: 'index',
  indexJournal: 'index-journal',
  settings: 'settings',
  chairProfile: 'chair-profile',
  storeHead: 'store-head',
  conference: (id: string) => `conference:${id}`,
  history: (id: string) => `history:${id}`,
} as const;
