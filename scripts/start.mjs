#!/usr/bin/env node
/* global process, console -- Node globals; the lint config only names them for TypeScript files. */
// `npm start` (and `npm run demo`): opens the app in Electron when its binary is installed,
// otherwise in the browser shell — the same services and the same built screens, served on
// this computer only. Ctrl+C stops everything this script started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  browserFailedMessage,
  findBrowser,
  hasDisplay,
  noBrowserMessage,
  noDisplayMessage,
  openAppWindow,
} from './launch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');
const childEnv = { ...process.env, ...(demo ? { CPC_DEMO: '1' } : {}) };
// Only the end-to-end tests may fix the session secret; a normal launch always gets a fresh one.
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

function runElectron(binary) {
  buildIfNeeded();
  const electron = spawn(binary, ['.'], { cwd: root, env: childEnv, stdio: 'inherit' });
  const stop = () => electron.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  electron.on('exit', (code) => process.exit(code ?? 0));
}

/** Opens the window, or says plainly why it cannot and how to open the app instead. */
function openWindow(url, onClosed) {
  if (!hasDisplay()) {
    console.log(`\n${noDisplayMessage(url)}\n`);
    return null;
  }
  const browser = findBrowser();
  if (!browser) {
    console.log(`\n${noBrowserMessage(url)}\n`);
    return null;
  }
  console.log('Opening the app in a Chromium window…');
  const openedAt = Date.now();
  const child = openAppWindow(browser, url);
  child.once('error', (error) => {
    console.log(`\n${browserFailedMessage(url, error.code ?? 'it could not be started')}\n`);
  });
  child.once('exit', (code, signal) => {
    // A browser that stops within seconds with an error never showed the app: the code was not
    // used, so the address still works.
    if (code && Date.now() - openedAt < 10_000) {
      console.log(`\n${browserFailedMessage(url, `${browser} stopped with code ${code}`)}\n`);
      return;
    }
    onClosed(signal);
  });
  return child;
}

function runBrowserShell() {
  console.log(
    'The Electron binary is not installed on this machine (it cannot be downloaded without internet ' +
      'access), so Conference Recorder runs in the browser shell instead: the same app, served only to ' +
      'this computer.',
  );
  buildIfNeeded();
  // The IPC channel carries the launch link, so it is neither printed twice nor put on a command line.
  const shell = spawn(process.execPath, [join(root, 'out', 'main', 'shell.js')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
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

  shell.on('message', (message) => {
    if (browser || stopping || message?.kind !== 'launch' || typeof message.url !== 'string') return;
    // Closing the app window ends the session, as quitting Electron would.
    browser = openWindow(message.url, () => {
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
