import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from '../app-root';
import { startShellServer } from './server';

/**
 * `node out/main/shell.js`: runs the browser shell. Configured only through the environment:
 *   CPC_DATA_DIR     where the encrypted store lives (default: the per-user data folder)
 *   CPC_SHELL_PORT   a fixed port (default: a random free one)
 *   CPC_SHELL_TOKEN  a fixed session secret — for the end-to-end tests only (`npm start` drops it)
 *   CPC_DEMO=1       a throwaway store holding the three fictional scenarios (npm run demo)
 *
 * Started by `npm start` (scripts/start.mjs) it sends the launch link over the IPC channel, and
 * the launcher decides how to open it and what to tell the person; run directly, it prints it.
 */

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('CPC_SHELL_PORT must be a whole number from 0 to 65535.');
  }
  return port;
}

/** How long a stop waits for requests already arriving before locking the store. */
const STOP_GRACE_MS = 3000;

async function main(): Promise<void> {
  const env = process.env;
  // The bundle is out/main/shell.js; the renderer is built next to it in out/renderer.
  const rendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The app has not been built yet. Run `npm run build` first.');
  }
  const sessionSecret = env['CPC_SHELL_TOKEN'] || undefined;
  if (sessionSecret) console.log('Using the fixed session secret from CPC_SHELL_TOKEN (meant for tests only).');

  const app = await composeApp({ env, platform: process.platform, homedir: homedir() });
  if (app.demo) {
    console.log(
      `Demo: a throwaway store with three fictional conferences, deleted when you stop the app.\nDemo passphrase: ${app.demo.passphrase}`,
    );
  }
  const shell = await startShellServer({
    handlers: app.handlers,
    rendererDir,
    port: parsePort(env['CPC_SHELL_PORT']),
    sessionSecret,
  });
  if (process.send) {
    process.send({ kind: 'launch', url: shell.url });
  } else {
    console.log(
      `Conference Recorder is running in browser mode.\nOpen: ${shell.url}\n` +
        '(the link works once, in Chromium, Chrome or Edge on this computer)\nPress Ctrl+C to stop.',
    );
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // First let a save already on its way (the window's last words, sent as it closed) reach
    // the store, for at most a few seconds; then lock, so the key leaves memory even if closing
    // the remaining connections is slow.
    void shell
      .drain(STOP_GRACE_MS)
      .then(() => app.close())
      .then(() => shell.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The launcher going away (its terminal closed) stops the shell too.
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'The browser shell could not start.');
  process.exit(1);
});
