import { prepareDemoStore } from './demo/prepare';
import { createAppServices, handlersFor } from './services/app-services';
import { teamStoreFromSettings } from './services/team/team-settings';
import { teamQueueDirFor } from './services/team/queue-folder';
import { headFileIn, recordsFolderIn, resolveDataDir, resolveHeadFile } from './services/data-dir';
import type { Handlers } from './services/dispatch';
import { FileHeadAnchor } from './services/store/store-head';
import type { StoreOptions } from './services/store/store';

/**
 * The one composition root. Both entry points — Electron (main/index.ts) and the browser shell
 * (main/shell/cli.ts) — build their services here, so a setting read here (the data folder, the
 * demo, store options) means the same thing whichever way the app was started. Plain Node: no
 * Electron import, so the shell can use it and tests can call it directly.
 */

type Env = Readonly<Record<string, string | undefined>>;

export interface AppRootOptions {
  env: Env;
  platform: NodeJS.Platform;
  homedir: string;
  /** Electron's userData folder, when started by Electron; the shell derives the same place. */
  userDataDir?: string;
}

export interface AppRoot {
  handlers: Handlers;
  /** Where records are kept: the chair's records folder, or the demo's throwaway folder. */
  dataDir: string;
  /** Set only for `npm run demo`: the page shows the passphrase on the lock screen. */
  demo: { passphrase: string } | null;
  /** Locks the store (the key leaves memory) and deletes a demo's throwaway folder. */
  close(): Promise<void>;
}

export function isDemo(env: Env): boolean {
  return env['CPC_DEMO'] === '1';
}

/** The records folder: CPC_DATA_DIR, else `records` in the app's per-user folder. */
export function dataDirFor(options: AppRootOptions): string {
  const explicit = options.env['CPC_DATA_DIR']?.trim();
  if (!explicit && options.userDataDir) return recordsFolderIn(options.userDataDir);
  return resolveDataDir(options.env, options.platform, options.homedir);
}

/**
 * STORE OPTIONS ARE ASSEMBLED HERE. The store's head (how far the folder has got) is anchored
 * in a file outside the records folder, in the app's per-user folder, so putting back an older
 * copy of the records folder is noticed. Electron's safeStorage is not used for it: it encrypts
 * but does not store, so it would not stop an older head file being put back either; the head is
 * already sealed with the store's own key. The demo's throwaway store has no anchor: it is
 * deleted when the app stops and must leave nothing in the chair's own folders.
 */
export function storeOptionsFor(dataDir: string, options: AppRootOptions, { anchored = true } = {}): StoreOptions {
  if (!anchored) return { dataDir };
  const explicitHeadDir = options.env['CPC_HEAD_DIR']?.trim();
  const headFile =
    options.userDataDir && !explicitHeadDir
      ? headFileIn(options.userDataDir, dataDir)
      : resolveHeadFile(options.env, options.platform, options.homedir, dataDir);
  return { dataDir, headAnchor: new FileHeadAnchor(headFile) };
}

export async function composeApp(options: AppRootOptions): Promise<AppRoot> {
  if (isDemo(options.env)) {
    const demo = await prepareDemoStore((dataDir) => createAppServices(storeOptionsFor(dataDir, options, { anchored: false })));
    const passphrase = demo.passphrase;
    // The lock screen says it is the demo and shows the passphrase; nothing else changes.
    const handlers: Handlers = {
      ...demo.handlers,
      'vault.status': async (input) => ({ ...(await demo.handlers['vault.status'](input)), demo: { passphrase } }),
    };
    return {
      handlers,
      dataDir: demo.dataDir,
      demo: { passphrase },
      close: async () => {
        await lockQuietly(handlers);
        demo.remove();
      },
    };
  }
  // A council's team store (issue 9) instead of the records folder, when IT has set one up.
  const teamSettings = options.env['CPC_TEAM_SETTINGS']?.trim();
  if (teamSettings) {
    const handlers = handlersFor(await teamStoreFromSettings(teamSettings, { queueDir: teamQueueDirFor(options) }));
    return { handlers, dataDir: teamSettings, demo: null, close: () => lockQuietly(handlers) };
  }
  const dataDir = dataDirFor(options);
  const handlers = createAppServices(storeOptionsFor(dataDir, options));
  return { handlers, dataDir, demo: null, close: () => lockQuietly(handlers) };
}

async function lockQuietly(handlers: Handlers): Promise<void> {
  await handlers['vault.lock']({}).catch(() => undefined);
}
