import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { browserArgs, launchPageHtml } from '../../../scripts/launch.mjs';

/**
 * `npm start` in the browser shell: the window must open without the launch link or any secret on
 * Chromium's command line (which every local user can read in /proc or `ps`), and a newcomer
 * without a display or a browser is told once, plainly, what to do.
 * The runs below start scripts/start.mjs for real, with a stand-in `chromium` that records how it
 * was called. They need the built app (out/), as `npm start` does; CI builds before testing.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ELECTRON_INSTALLED = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A stand-in browser: records its arguments, the launch file's modes and content, then closes. */
function stubBrowser(): { binDir: string; log: string } {
  const binDir = temp('cpc-stub-bin-');
  const log = join(binDir, 'chromium.log');
  const script = `#!/bin/sh
printf '%s\\n' "$@" > "${log}.args"
file=$(printf '%s\\n' "$@" | sed -n 's#^--app=file://##p')
stat -c '%a' "$file" > "${log}.filemode"
stat -c '%a' "$(dirname "$file")" > "${log}.dirmode"
cat "$file" > "${log}.page"
sleep 1
`;
  writeFileSync(join(binDir, 'chromium'), script);
  chmodSync(join(binDir, 'chromium'), 0o755);
  return { binDir, log };
}

interface Run {
  stdout: string;
  code: number | null;
}

function runStart(env: NodeJS.ProcessEnv, stopWhen?: (stdout: string) => boolean): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: { HOME: process.env['HOME'], CPC_DATA_DIR: temp('cpc-start-data-'), CPC_SHELL_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`start.mjs did not finish:\n${stdout}`));
    }, 45_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stopWhen?.(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ stdout, code });
    });
  });
}

const LAUNCH_LINK = /http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{43}/g;

describe('the browser command line', () => {
  it('names a launch file, never the link, a code or a secret', () => {
    const args = browserArgs({ launchFile: '/tmp/cpc-launch-x/open.html', profileDir: '/tmp/cpc-browser-y', isRoot: false });
    expect(args[0]).toBe('--app=file:///tmp/cpc-launch-x/open.html');
    expect(args.join(' ')).not.toMatch(/https?:|code=|token=/);
  });

  it('the launch page forwards to the link and escapes it', () => {
    expect(launchPageHtml('http://127.0.0.1:1/?code=abc')).toContain('content="0;url=http://127.0.0.1:1/?code=abc"');
    expect(launchPageHtml('http://x/"><script>')).not.toContain('"><script>');
  });
});

describe.skipIf(ELECTRON_INSTALLED)('npm start in the browser shell', () => {
  it('opens Chromium on a private launch file: the link is in no argument, and the address is not printed', async () => {
    const { binDir, log } = stubBrowser();
    const run = await runStart({ PATH: `${binDir}:/usr/bin:/bin`, DISPLAY: ':99' });
    const args = readFileSync(`${log}.args`, 'utf8');
    expect(args).not.toMatch(/code=|token=|http:\/\/127/);
    expect(args).toMatch(/^--app=file:\/\/\/.+\.html$/m);
    // Readable by this user only; and it holds the one-use link.
    expect(readFileSync(`${log}.filemode`, 'utf8').trim()).toBe('600');
    expect(readFileSync(`${log}.dirmode`, 'utf8').trim()).toBe('700');
    expect(readFileSync(`${log}.page`, 'utf8')).toMatch(LAUNCH_LINK);
    // The launch file is gone once the window has closed.
    const launchFile = /^--app=file:\/\/(.+)$/m.exec(args)?.[1] ?? '';
    expect(existsSync(launchFile)).toBe(false);
    expect(run.stdout.match(LAUNCH_LINK)).toBeNull();
    expect(run.stdout).toContain('The app window was closed, so the app has stopped.');
  }, 60_000);

  it('with no display, says so and prints the one-use address once, with how to open it', async () => {
    const { binDir, log } = stubBrowser();
    const run = await runStart({ PATH: `${binDir}:/usr/bin:/bin` }, (out) => /Ctrl\+C here/.test(out));
    expect(run.stdout).toContain('There is no display here');
    expect(run.stdout.match(LAUNCH_LINK)).toHaveLength(1);
    expect(run.stdout).toMatch(/works once/);
    expect(run.stdout).toMatch(/ssh -L \d+:127\.0\.0\.1:\d+/);
    expect(existsSync(`${log}.args`)).toBe(false);
  }, 60_000);

  it('with no Chromium, says to install it or open the address in Chrome, Chromium or Edge', async () => {
    const emptyBin = temp('cpc-empty-bin-');
    const run = await runStart({ PATH: emptyBin, DISPLAY: ':99' }, (out) => /Ctrl\+C here/.test(out));
    expect(run.stdout).toContain('No Chromium, Chrome or Edge was found');
    expect(run.stdout).toContain('sudo apt install chromium');
    expect(run.stdout.match(LAUNCH_LINK)).toHaveLength(1);
  }, 60_000);
});
