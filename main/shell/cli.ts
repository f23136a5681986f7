import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDemoStore } from '../demo/prepare';
import { createAppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import { startShellServer } from './server';

/**
 * `node out/main/shell.js`: runs the browser shell. Configured only through the environment:
 *   CPC_DATA_DIR     where the encrypted store lives (default: the per-user data folder)
 *   CPC_SHELL_PORT   a fixed port (default: a random free one)
 *   CPC_SHELL_TOKEN  a fixed token — for the end-to-end tests only
 *   CPC_DEMO=1       a throwaway store holding the three fictional scenarios (npm run demo)
 */

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('CPC_SHELL_PORT must be a whole number from 0 to 65535.');
  }
  return port;
}

async function main(): Promise<void> {
  const env = process.env;
  // resolveDataDir honours CPC_DATA_DIR itself, then falls back to the per-user data folder.
  const dataDir = resolveDataDir(env, process.platform, homedir());
  // The bundle is out/main/shell.js; the renderer is built next to it in out/renderer.
  const rendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The app has not been built yet. Run `npm run build` first.');
  }
  const token = env['CPC_SHELL_TOKEN'] || undefined;
  if (token) console.log('Using the fixed token from CPC_SHELL_TOKEN (meant for tests only).');

  const demo = env['CPC_DEMO'] === '1' ? await prepareDemoStore() : null;
  if (demo) {
    console.log(
      `Demo: a throwaway store with three fictional conferences, deleted when you stop the app.\nDemo passphrase: ${demo.passphrase}`,
    );
  }
  const handlers = demo ? demo.handlers : createAppServices({ dataDir });
  const shell = await startShellServer({ handlers, rendererDir, port: parsePort(env['CPC_SHELL_PORT']), token });
  console.log(`Conference Recorder is running in browser mode.\nOpen: ${shell.url}\nPress Ctrl+C to stop.`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Lock first so the key leaves memory even if closing the connections is slow.
    void handlers['vault.lock']({})
      .catch(() => undefined)
      .then(() => shell.close())
      .then(() => demo?.remove())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'The browser shell could not start.');
  process.exit(1);
});
