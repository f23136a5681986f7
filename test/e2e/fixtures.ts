import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';

export interface ShellInstance {
  /** The launch link: its code works ONCE (the page trades it for a session secret). */
  url: string;
  origin: string;
  dataDir: string;
}

const SHELL_JS = fileURLToPath(new URL('../../out/main/shell.js', import.meta.url));
const URL_PATTERN = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]+)/;

function waitForUrl(child: ChildProcess): Promise<{ url: string }> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The shell did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_PATTERN.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolvePromise({ url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The shell exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/**
 * A shell of its own on a random port with an empty data folder: a brand-new installation.
 * `extraEnv` starts it as a user would with other settings (e.g. CPC_DEMO=1 for `npm run demo`).
 */
export async function startShell(extraEnv: NodeJS.ProcessEnv = {}): Promise<ShellInstance & { stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-'));
  // The store's head anchor lives beside the records folder, not in this machine's real config.
  // A team store's queue (offline9) likewise: never the machine's real per-user folder.
  const env: NodeJS.ProcessEnv = { ...process.env, CPC_DATA_DIR: dataDir, CPC_HEAD_DIR: `${dataDir}-head`, CPC_TEAM_QUEUE_DIR: `${dataDir}-queue`, CPC_SHELL_PORT: '0', ...extraEnv };
  delete env['CPC_SHELL_TOKEN'];
  const child = spawn(process.execPath, [SHELL_JS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const { url } = await waitForUrl(child);
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
      await rm(`${dataDir}-head`, { recursive: true, force: true });
      await rm(`${dataDir}-queue`, { recursive: true, force: true });
    },
  };
}

export interface RestartableShell extends ShellInstance {
  /** SIGKILL: the service dies mid-whatever, as on a crash; its data folder stays. */
  kill: () => Promise<void>;
  /**
   * Starts the service again on the same port, session secret and data folder, and returns the
   * new launch link. By default after a crash (SIGKILL); `graceful` stops it as the launcher does
   * when the app window is closed (SIGTERM: requests arriving are answered, then the store locks).
   */
  restart: (options?: { graceful?: boolean }) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * A shell that a test can kill and start again in place, so an open page reaches the restarted
 * service at the same address, and the session secret the page holds still works, as after a crash
 * and relaunch (CPC_SHELL_TOKEN fixes the secret across the restart; a real relaunch gets a new one).
 */
export async function startRestartableShell(): Promise<RestartableShell> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-restart-'));
  const token = randomBytes(32).toString('base64url');
  let port = '0';
  let child: ChildProcess | null = null;
  const launch = async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CPC_DATA_DIR: dataDir, CPC_HEAD_DIR: `${dataDir}-head`, CPC_SHELL_PORT: port, CPC_SHELL_TOKEN: token };
    child = spawn(process.execPath, [SHELL_JS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const { url } = await waitForUrl(child);
    port = new URL(url).port;
    return url;
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const running = child;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill(signal);
    await exited;
  };
  const url = await launch();
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    kill: () => kill(),
    restart: async (options = {}) => {
      await kill(options.graceful ? 'SIGTERM' : 'SIGKILL');
      return launch();
    },
    stop: async () => {
      await kill();
      await rm(dataDir, { recursive: true, force: true });
      await rm(`${dataDir}-head`, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ shell: ShellInstance }>({
  // Every page is watched for script errors and Content Security Policy refusals: either means
  // a screen is broken (or doing something the policy forbids) even if the assertions pass.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    await use(page);
    expect(problems, 'script errors or CSP violations on the page').toEqual([]);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  shell: async ({}, use) => {
    const shell = await startShell();
    try {
      await use(shell);
    } finally {
      await shell.stop();
    }
  },
});

export { expect };
