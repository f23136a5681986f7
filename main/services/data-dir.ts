import { posix, win32 } from 'node:path';

/**
 * Where the data folder lives when Electron does not say (the browser shell, scripts):
 * CPC_DATA_DIR wins (tests, demos, a council's managed location); otherwise each platform's
 * per-user application-data folder, so records never land in a shared or synced place by default.
 * Electron passes app.getPath('userData') itself.
 */

const FOLDER = 'conference-recorder';
const PRODUCT = 'Conference Recorder';

type Env = Readonly<Record<string, string | undefined>>;

export function resolveDataDir(env: Env, platform: NodeJS.Platform, homedir: string): string {
  const pathFor = platform === 'win32' ? win32 : posix;
  const explicit = env['CPC_DATA_DIR']?.trim();
  if (explicit) return pathFor.resolve(explicit);
  if (platform === 'win32') {
    const appData = env['APPDATA']?.trim();
    return win32.join(appData && win32.isAbsolute(appData) ? appData : win32.join(homedir, 'AppData', 'Roaming'), PRODUCT);
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', PRODUCT);
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env['XDG_DATA_HOME']?.trim();
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.local', 'share'), FOLDER);
}
