import { posix, win32 } from 'node:path';
import { resolveDataDir } from '../data-dir';

/**
 * Where a team member's saves wait while the server is away: `team-queue` in the app's per-user
 * folder (beside `records`), never a shared or synced folder. CPC_TEAM_QUEUE_DIR wins, so tests
 * and demos never touch the real user's folder.
 */
export const TEAM_QUEUE_FOLDER = 'team-queue';

type Env = Readonly<Record<string, string | undefined>>;

export function teamQueueDirFor(options: { env: Env; platform: NodeJS.Platform; homedir: string; userDataDir?: string }): string {
  const pathFor = options.platform === 'win32' ? win32 : posix;
  const explicit = options.env['CPC_TEAM_QUEUE_DIR']?.trim();
  if (explicit) return pathFor.resolve(explicit);
  if (options.userDataDir) return pathFor.join(options.userDataDir, TEAM_QUEUE_FOLDER);
  // The app's folder as the records folder's parent, ignoring CPC_DATA_DIR (a records folder chosen elsewhere).
  const records = resolveDataDir({ ...options.env, CPC_DATA_DIR: undefined }, options.platform, options.homedir);
  return pathFor.join(pathFor.dirname(records), TEAM_QUEUE_FOLDER);
}
