import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startShellServer, type ShellServer } from '../../../main/shell/server';
import { rawRequest } from './http-helper';
import { createMemoryHandlers } from './memory-handlers';

/**
 * Stopping the shell (the window was closed, so the launcher stops it) must not cut off the save
 * the window sent as it closed: the stop waits for requests already arriving, then the store locks.
 */

const SECRET = 'drain-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
let root: string;
let shell: ShellServer;
const events: string[] = [];
let releaseSave: () => void = () => undefined;

beforeEach(async () => {
  events.length = 0;
  root = await mkdtemp(join(tmpdir(), 'cpc-shell-drain-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>App</title>');
  const handlers = createMemoryHandlers();
  // A save that is still being written when the stop begins.
  handlers['settings.update'] = async () => {
    events.push('save started');
    await new Promise<void>((resolve) => {
      releaseSave = resolve;
    });
    events.push('save finished');
    return handlers['settings.get']({});
  };
  handlers['vault.lock'] = async () => {
    events.push('locked');
    return { state: 'locked' };
  };
  shell = await startShellServer({ handlers, rendererDir, sessionSecret: SECRET });
  await handlersReady(handlers);
});

async function handlersReady(handlers: ReturnType<typeof createMemoryHandlers>): Promise<void> {
  await handlers['vault.create']({ passphrase: 'violet tractor harbour pebble 47' });
}

afterEach(async () => {
  await shell.close();
  await rm(root, { recursive: true, force: true });
});

it('a save already arriving when the shell stops is answered before the store locks', async () => {
  const host = `127.0.0.1:${shell.port}`;
  const saving = rawRequest(shell.port, {
    method: 'POST',
    path: '/api/settings.update',
    headers: { host, origin: shell.origin, 'content-type': 'application/json', 'x-shell-session': SECRET },
    body: JSON.stringify({ autoLockMinutes: 5 }),
  });
  await expect.poll(() => events.includes('save started')).toBe(true);

  // What cli.ts does on SIGTERM: drain, then lock.
  const stopping = shell.drain(5_000).then(() => events.push('locked'));
  setTimeout(() => releaseSave(), 100);
  const response = await saving;
  await stopping;

  expect(response.status).toBe(200);
  expect(JSON.parse(response.body)).toMatchObject({ ok: true });
  expect(events).toEqual(['save started', 'save finished', 'locked']);
});

it('does not wait longer than its limit for a request that never finishes', async () => {
  const host = `127.0.0.1:${shell.port}`;
  void rawRequest(shell.port, {
    method: 'POST',
    path: '/api/settings.update',
    headers: { host, origin: shell.origin, 'content-type': 'application/json', 'x-shell-session': SECRET },
    body: JSON.stringify({ autoLockMinutes: 5 }),
  }).catch(() => undefined);
  await expect.poll(() => events.includes('save started')).toBe(true);
  const started = performance.now();
  await shell.drain(200);
  expect(performance.now() - started).toBeLessThan(4_000);
  releaseSave();
});
