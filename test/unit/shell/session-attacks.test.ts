import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startShellServer, type ShellServer } from '../../../main/shell/server';
import { rawRequest, type RawResponse } from './http-helper';
import { createMemoryHandlers } from './memory-handlers';

/**
 * Attacks on the shell's session, written against what a browser or a local program can do, so
 * they say the same thing whatever the launch protocol is: what it takes to follow the launch link
 * is done generically (a cookie if the shell sets one, otherwise the page's code exchange).
 */

let root: string;
let shell: ShellServer;
let handlers: ReturnType<typeof createMemoryHandlers>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cpc-shell-attack-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>App</title>');
  handlers = createMemoryHandlers();
  shell = await startShellServer({ handlers, rendererDir });
});

afterEach(async () => {
  await shell.close();
  await rm(root, { recursive: true, force: true });
});

const host = () => `127.0.0.1:${shell.port}`;
const sameOrigin = () => ({ host: host(), origin: shell.origin, 'sec-fetch-site': 'same-origin' });

type Credential = { cookie?: string; header?: Record<string, string> };

function cookiesFrom(res: RawResponse): string | undefined {
  const set = res.headers['set-cookie'];
  if (!set) return undefined;
  return (Array.isArray(set) ? set : [set]).map((line) => line.split(';')[0]).join('; ');
}

/** Everything the app's own window does with the launch link, and the credential it ends up with. */
async function followLaunchLink(): Promise<Credential> {
  const launch = new URL(shell.url);
  const page = await rawRequest(shell.port, { path: `${launch.pathname}${launch.search}`, headers: { host: host() } });
  const cookie = cookiesFrom(page);
  if (cookie) return { cookie };
  const code = launch.searchParams.get('code') ?? '';
  const exchange = await rawRequest(shell.port, {
    method: 'POST',
    path: '/session',
    headers: { ...sameOrigin(), 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (exchange.status !== 200) return {};
  const { secret } = JSON.parse(exchange.body) as { secret: string };
  return { header: { 'x-shell-session': secret } };
}

function statusCall(extra: Record<string, string>): Promise<RawResponse> {
  return rawRequest(shell.port, {
    method: 'POST',
    path: '/api/vault.status',
    headers: { ...sameOrigin(), 'content-type': 'application/json', ...extra },
    body: '{}',
  });
}

describe('the shell session cannot be borrowed', () => {
  it('a request carrying only cookies (what a page on any other local port also receives) reads nothing', async () => {
    const credential = await followLaunchLink();
    const cookieJar = credential.cookie ?? 'cpc_shell=anything';
    // Cookies ignore ports: a server on 127.0.0.1:8080 that the same browser visits is sent this
    // very header, and can replay it from a script or from curl.
    const replayed = await statusCall({ cookie: cookieJar });
    expect(replayed.status).toBe(401);
    expect(handlers.calls).toEqual([]);
  });

  it('the launch link grants a session once; following it again grants nothing', async () => {
    const first = await followLaunchLink();
    const firstCall = await statusCall({ ...(first.cookie ? { cookie: first.cookie } : {}), ...first.header });
    expect(firstCall.status).toBe(200);

    const second = await followLaunchLink();
    expect(second).toEqual({});
  });

  it('a junk cookie set from another port, however large, does not break the window', async () => {
    const credential = await followLaunchLink();
    // A server on another local port can set cookies for 127.0.0.1 (any name, up to ~180 of
    // 4 KB each): here the shell's own old cookie name with rubbish, and 40 KB of padding.
    const junk = [`cpc_shell_${shell.port}=junk`, ...Array.from({ length: 10 }, (_, i) => `pad${i}=${'x'.repeat(4000)}`)];
    const res = await statusCall({
      cookie: [...junk, ...(credential.cookie ? [credential.cookie] : [])].join('; '),
      ...credential.header,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });
});
