import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startShellServer, type ShellServer } from '../../../main/shell/server';
import { rawRequest } from './http-helper';
import { createMemoryHandlers } from './memory-handlers';

const SESSION = 'unit-test-session-0123456789abcdefghijklmnopqrstuvwxyz';
const SECRET = 'SECRET-OUTSIDE-RENDERER';

let root: string;
let shell: ShellServer;
let handlers: ReturnType<typeof createMemoryHandlers>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cpc-shell-unit-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>App</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  handlers = createMemoryHandlers();
  shell = await startShellServer({ handlers, rendererDir, sessionSecret: SESSION, maxBodyBytes: 1024 });
});

afterEach(async () => {
  await shell.close();
  await rm(root, { recursive: true, force: true });
});

const host = () => `127.0.0.1:${shell.port}`;
const authed = (extra: Record<string, string> = {}) => ({ host: host(), 'x-shell-session': SESSION, ...extra });
const apiHeaders = (extra: Record<string, string> = {}) => authed({ 'content-type': 'application/json', ...extra });

describe('launch link', () => {
  const codeOf = () => new URL(shell.url).searchParams.get('code') ?? '';
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    rawRequest(shell.port, {
      method: 'POST',
      path: '/session',
      headers: { host: host(), origin: shell.origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', ...extra },
      body: JSON.stringify({ code }),
    });

  it('carries a one-use code, not the session secret, and sets no cookie', async () => {
    expect(codeOf()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(shell.url).not.toContain(SESSION);
    const page = await rawRequest(shell.port, { path: `/?code=${codeOf()}`, headers: { host: host() } });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('trades the code for the session secret once, never cached, and refuses it after that', async () => {
    const first = await exchange(codeOf());
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ secret: SESSION });
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['set-cookie']).toBeUndefined();
    const again = await exchange(codeOf());
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body).error.message).toMatch(/already been used/);
  });

  it('refuses a wrong code and keeps the right one usable', async () => {
    expect((await exchange('wrong-code')).status).toBe(401);
    expect((await exchange(codeOf())).status).toBe(200);
  });

  it.each([
    ['no Origin (a local program, not a page)', { origin: '' }],
    ['another local port', { origin: 'http://127.0.0.1:1' }],
    ['another site', { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }],
  ])('refuses the exchange from %s', async (_label, extra) => {
    const headers: Record<string, string> = { ...extra };
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/session',
      headers: {
        host: host(),
        'content-type': 'application/json',
        ...(headers['origin'] ? { origin: headers['origin'] } : {}),
        ...(headers['sec-fetch-site'] ? { 'sec-fetch-site': headers['sec-fetch-site'] } : {}),
      },
      body: JSON.stringify({ code: codeOf() }),
    });
    expect(res.status).toBe(403);
    // The code is still good for the app's own window.
    expect((await exchange(codeOf())).status).toBe(200);
  });

  it('listens on loopback only and reports its own address', () => {
    expect(shell.origin).toBe(`http://127.0.0.1:${shell.port}`);
    expect(shell.url).toBe(`${shell.origin}/?code=${codeOf()}`);
  });

  it('makes a fresh code and session secret per launch when none is given', async () => {
    const other = await startShellServer({ handlers, rendererDir: join(root, 'renderer') });
    try {
      const otherCode = new URL(other.url).searchParams.get('code') ?? '';
      expect(otherCode).not.toBe(codeOf());
      const res = await rawRequest(other.port, {
        method: 'POST',
        path: '/session',
        headers: { host: `127.0.0.1:${other.port}`, origin: other.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ code: otherCode }),
      });
      const { secret } = JSON.parse(res.body) as { secret: string };
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(secret).not.toBe(SESSION);
    } finally {
      await other.close();
    }
  });

  it('refuses to start with a short fixed secret', async () => {
    await expect(startShellServer({ handlers, rendererDir: root, sessionSecret: 'short' })).rejects.toThrow();
  });
});

describe('pages', () => {
  it('serves the app\'s public page (no records in it) with the security headers, needing no secret', async () => {
    const res = await rawRequest(shell.port, { path: '/', headers: { host: host() } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>App</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves scripts with their type', async () => {
    const res = await rawRequest(shell.port, { path: '/assets/app.js', headers: { host: host() } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['evil.example:PORT'],
    ['127.0.0.1:1'],
    ['localhost.evil.example:PORT'],
  ])('refuses Host %s even with the secret (DNS rebinding)', async (hostHeader) => {
    const res = await rawRequest(shell.port, {
      path: '/',
      headers: { host: hostHeader.replace('PORT', String(shell.port)), 'x-shell-session': SESSION },
    });
    expect(res.status).toBe(403);
  });

  it('accepts localhost:PORT as the Host', async () => {
    const res = await rawRequest(shell.port, { path: '/', headers: { host: `localhost:${shell.port}` } });
    expect(res.status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    '/assets/link.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ])('never serves a file outside the renderer folder: %s', async (path) => {
    const res = await rawRequest(shell.port, { path, headers: authed() });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
  });

  it('answers 404 for a missing file and 405 for a POST to a page', async () => {
    expect((await rawRequest(shell.port, { path: '/nope.js', headers: authed() })).status).toBe(404);
    expect((await rawRequest(shell.port, { method: 'POST', path: '/', headers: authed() })).status).toBe(405);
  });
});

describe('API', () => {
  it('refuses a call without the session header and does not run the handler', async () => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/vault.create',
      headers: { host: host(), 'content-type': 'application/json' },
      body: JSON.stringify({ passphrase: 'a long enough passphrase' }),
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(handlers.calls).toEqual([]);
  });

  it('dispatches a call with the session header and never caches the answer', async () => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/vault.create',
      headers: apiHeaders({ origin: `http://127.0.0.1:${shell.port}`, 'sec-fetch-site': 'same-origin' }),
      body: JSON.stringify({ passphrase: 'a long enough passphrase' }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { state: 'unlocked' } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(handlers.calls).toEqual(['vault.create']);
  });

  it.each([
    ['origin', 'http://evil.example'],
    ['origin', 'null'],
    ['origin', 'http://127.0.0.1:1'],
    ['sec-fetch-site', 'cross-site'],
    ['sec-fetch-site', 'same-site'],
  ])('refuses a call with %s %s', async (header, value) => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/vault.create',
      headers: apiHeaders({ [header]: value }),
      body: JSON.stringify({ passphrase: 'a long enough passphrase' }),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(handlers.calls).toEqual([]);
  });

  it('refuses a body that is not declared as JSON', async () => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/vault.status',
      headers: authed({ 'content-type': 'text/plain' }),
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses an oversized body with a typed error', async () => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/vault.create',
      headers: apiHeaders(),
      body: JSON.stringify({ passphrase: 'x'.repeat(2000) }),
    });
    expect(res.status).toBe(413);
    const body = JSON.parse(res.body) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toMatch(/larger than/);
    expect(handlers.calls).toEqual([]);
  });

  it('refuses an oversized body sent without a length in chunks', async () => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/vault.create',
      headers: apiHeaders({ 'transfer-encoding': 'chunked' }),
      body: Buffer.from(JSON.stringify({ passphrase: 'y'.repeat(5000) })),
    });
    expect(res.status).toBe(413);
  });

  it('answers malformed JSON, unknown operations and GETs with typed errors', async () => {
    const bad = await rawRequest(shell.port, { method: 'POST', path: '/api/vault.status', headers: apiHeaders(), body: '{' });
    expect(bad.status).toBe(400);
    const unknown = await rawRequest(shell.port, { method: 'POST', path: '/api/vault.explode', headers: apiHeaders(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    const get = await rawRequest(shell.port, { path: '/api/vault.status', headers: authed() });
    expect(get.status).toBe(405);
  });

  it('parses input with the contract (a bad call changes nothing)', async () => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/vault.create',
      headers: apiHeaders(),
      body: JSON.stringify({ passphrase: 42 }),
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handlers.calls).toEqual([]);
  });
});
