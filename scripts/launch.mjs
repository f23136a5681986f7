/* global process, URL -- Node globals; the lint config only names them for TypeScript files. */
// How `npm start` opens the browser shell's window, and what it tells the person when it cannot.
// Kept apart from start.mjs so the browser's command line can be tested without starting anything.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/** The first Chromium-family browser on PATH, or null. */
export function findBrowser(env = process.env) {
  for (const name of BROWSER_NAMES) {
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** Linux needs X11 or Wayland to show a window; macOS and Windows always have a desktop. */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A page that forwards at once to the launch link (Jupyter's way), with a link if it does not. */
export function launchPageHtml(url) {
  const safe = escapeHtml(url);
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    `<meta http-equiv="refresh" content="0;url=${safe}">` +
    '<title>Opening Conference Recorder</title></head>' +
    `<body><p>Opening Conference Recorder… If nothing happens, <a href="${safe}">open the app</a>.</p></body></html>\n`
  );
}

/**
 * Writes the launch page into a new private folder (mode 0700, the file 0600): the one-use code
 * is then readable only by this user, unlike a command line, which every local user can read.
 */
export function writeLaunchFile(url) {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-launch-'));
  const file = join(dir, 'open-conference-recorder.html');
  writeFileSync(file, launchPageHtml(url), { mode: 0o600, flag: 'wx' });
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The browser's command line: the launch FILE, never the link, its code or any secret. */
export function browserArgs({ launchFile, profileDir, isRoot }) {
  const args = [
    `--app=${pathToFileURL(launchFile).href}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
  ];
  // Chromium refuses to start as root with its sandbox on (containers, some test machines).
  if (isRoot) args.push('--no-sandbox');
  return args;
}

/**
 * Opens the app window: a throwaway profile (no extensions, sync or history from the person's own
 * browser) showing the launch file. Returns the child and a cleanup for both folders.
 */
export function openAppWindow(browser, url) {
  const launch = writeLaunchFile(url);
  const profileDir = mkdtempSync(join(tmpdir(), 'cpc-browser-'));
  const args = browserArgs({ launchFile: launch.file, profileDir, isRoot: process.getuid?.() === 0 });
  const child = spawn(browser, args, { stdio: 'ignore' });
  const cleanup = () => {
    launch.remove();
    rmSync(profileDir, { recursive: true, force: true });
  };
  child.once('exit', cleanup);
  child.once('error', cleanup);
  return child;
}

export function noDisplayMessage(url) {
  const port = new URL(url).port;
  return [
    'There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open.',
    'The app is running. Open this address in Chromium, Chrome or Edge on this computer (it works once):',
    `  ${url}`,
    `Working over SSH? Forward the port first (ssh -L ${port}:127.0.0.1:${port} <this computer>), then open the address on your own computer.`,
    'Press Ctrl+C here to stop the app.',
  ].join('\n');
}

export function noBrowserMessage(url) {
  return [
    'No Chromium, Chrome or Edge was found on this computer, so no window could open.',
    'Install Chromium (Debian or Ubuntu: sudo apt install chromium), then run npm start again —',
    'or, now, open this address in Chrome, Chromium or Edge on this computer (it works once):',
    `  ${url}`,
    'Press Ctrl+C here to stop the app.',
  ].join('\n');
}

export function browserFailedMessage(url, detail) {
  return [
    `The browser window could not open (${detail}).`,
    'The app is still running. Open this address in Chrome, Chromium or Edge on this computer (it works once):',
    `  ${url}`,
    'Press Ctrl+C here to stop the app.',
  ].join('\n');
}
