import { createHash } from 'node:crypto';
import { posix, win32 } from 'node:path';

/**
 * Where the records live. CPC_DATA_DIR wins (tests, demos, a council's managed location).
 * Otherwise the `records` folder inside the app's per-user folder — the same place whether the
 * app runs in Electron (whose userData folder this mirrors: ~/.config/<productName> on Linux,
 * Application Support on macOS, APPDATA on Windows) or in the browser shell, so both see the
 * same records, kept apart from Chromium's own files in that folder.
 */

const PRODUCT = 'Conference Recorder';
export const RECORDS_FOLDER = 'records';
export const HEAD_FOLDER = 'store-head';

type Env = Readonly<Record<string, string | undefined>>;

export function resolveDataDir(env: Env, platform: NodeJS.Platform, homedir: string): string {
  const pathFor = platform === 'win32' ? win32 : posix;
  const explicit = env['CPC_DATA_DIR']?.trim();
  if (explicit) return pathFor.resolve(explicit);
  return pathFor.join(appFolder(env, platform, homedir), RECORDS_FOLDER);
}

/** The records folder inside Electron's userData folder. */
export function recordsFolderIn(userData: string): string {
  return posix.isAbsolute(userData) ? posix.join(userData, RECORDS_FOLDER) : win32.join(userData, RECORDS_FOLDER);
}

/**
 * Where the store's head is anchored when the OS keychain is not used (store/store-head.ts):
 * OUTSIDE the records folder, so whoever can put the records folder back cannot put the head
 * back with it. One file per records folder, named by a hash of its path (no typed text in a
 * file name). CPC_HEAD_DIR wins, so tests and demos never touch the real user's folder.
 */
export function resolveHeadFile(env: Env, platform: NodeJS.Platform, homedir: string, dataDir: string): string {
  const pathFor = platform === 'win32' ? win32 : posix;
  const explicit = env['CPC_HEAD_DIR']?.trim();
  const folder = explicit ? pathFor.resolve(explicit) : pathFor.join(appFolder(env, platform, homedir), HEAD_FOLDER);
  return pathFor.join(folder, headFileName(dataDir));
}

/** The same, inside Electron's userData folder. */
export function headFileIn(userData: string, dataDir: string): string {
  const pathFor = posix.isAbsolute(userData) ? posix : win32;
  return pathFor.join(userData, HEAD_FOLDER, headFileName(dataDir));
}

function headFileName(dataDir: string): string {
  return createHash('sha256').update(dataDir, 'utf8').digest('hex').slice(0, 32);
}

function appFolder(env: Env, platform: NodeJS.Platform, homedir: string): string {
  if (platform === 'win32') {
    const appData = env['APPDATA']?.trim();
    return win32.join(appData && win32.isAbsolute(appData) ? appData : win32.join(homedir, 'AppData', 'Roaming'), PRODUCT);
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', PRODUCT);
  // As Electron does: XDG_CONFIG_HOME when absolute (XDG says a relative one is invalid), else ~/.config.
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.config'), PRODUCT);
}
