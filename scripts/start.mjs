#!/usr/bin/env node
/* global process, console -- Node globals; the lint config only names them for TypeScript files. */
// `npm start` (and `npm run demo`): opens the app in Electron when its binary is installed,
// otherwise in the browser shell — the same services and the same built screens, served on
// this computer only. Ctrl+C stops everything this script started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');
const childEnv = { ...process.env, ...(demo ? { CPC_DEMO: '1' } : {}) };
// Only tests may fix the token; a normal launch always gets a fresh one.
delete childEnv.CPC_SHELL_TOKEN;

/** The Electron binary, if installed. Never require('electron'): its index.js tries to download it. */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const SOURCES = ['main', 'domain', 'renderer', 'templates', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/main/shell.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsStale() {
  const outputs = OUTPUTS.map((path) => join(root, path));
  if (!outputs.every((path) => existsSync(path))) return true;
  const built = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  const sources = SOURCES.map((path) => join(root, path)).filter((path) => existsSync(path));
  return Math.max(...sources.map(newestMtime)) > built;
}

function buildIfNeeded() {
  if (!buildIsStale()) return;
  console.log('Building the app…');
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed, so the app cannot start. The messages above say why.');
    process.exit(result.status ?? 1);
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function findBrowser() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function runElectron(binary) {
  buildIfNeeded();
  const electron = spawn(binary, ['.'], { cwd: root, env: childEnv, stdio: 'inherit' });
  const stop = () => electron.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  electron.on('exit', (code) => process.exit(code ?? 0));
}

function openBrowser(url) {
  const browser = findBrowser();
  if (!browser || !hasDisplay()) {
    console.log(`\nOpen this address in Chromium or Chrome on this computer:\n  ${url}\n`);
    return null;
  }
  // A separate, throwaway profile: no extensions, sync or history from the person's own browser.
  const profile = mkdtempSync(join(tmpdir(), 'cpc-browser-'));
  const args = [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check'];
  // Chromium refuses to start as root with its sandbox on (containers, some test machines).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(browser, args, { stdio: 'ignore' });
  child.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  return child;
}

function runBrowserShell() {
  console.log(
    'The Electron binary is not installed on this machine (it cannot be downloaded without internet ' +
      'access), so Conference Recorder opens in the browser shell instead: the same app, served only to ' +
      'this computer, in a Chromium window.',
  );
  buildIfNeeded();
  const shell = spawn(process.execPath, [join(root, 'out', 'main', 'shell.js')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let browser = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill('SIGTERM');
    if (shell.exitCode === null) shell.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let buffered = '';
  shell.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (browser || stopping) return;
    buffered += chunk.toString('utf8');
    const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(buffered);
    if (!match) return;
    browser = openBrowser(match[1]);
    // Closing the app window ends the session, as quitting Electron would.
    browser?.on('exit', () => {
      if (!stopping) console.log('The app window was closed, so the app has stopped.');
      stop();
    });
  });
  shell.on('exit', (code) => {
    stop();
    process.exit(code ?? 0);
  });
}

const binary = electronBinary();
if (binary) runElectron(binary);
else runBrowserShell();
