import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cookieNameFor } from '../../../main/shell/request-guard';
import { startShellServer, type ShellServer } from '../../../main/shell/server';
import { rawRequest } from './http-helper';
import { createMemoryHandlers } from './memory-handlers';

const TOKEN = 'unit-test-token-0123456789abcdefghijklmnopqrstuvwxyz';
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
  shell = await startShellServer({ handlers, rendererDir, token: TOKEN, maxBodyBytes: 1024 });
});

afterEach(async () => {
  await shell.close();
  await rm(root, { recursive: true, force: true });
});

const host = () => `127.0.0.1:${shell.port}`;
const cookie = () => `${cookieNameFor(shell.port)}=${TOKEN}`;
const authed = (extra: Record<string, string> = {}) => ({ host: host(), cookie: cookie(), ...extra });
const apiHeaders = (extra: Record<string, string> = {}) => authed({ 'content-type': 'application/json', ...extra });

describe('launch link', () => {
  it('trades a correct token for an HttpOnly, SameSite=Strict cookie and a clean address', async () => {
    const res = await rawRequest(shell.port, { path: `/?token=${TOKEN}`, headers: { host: host() } });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain(`${cookieNameFor(shell.port)}=${TOKEN}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
  });

  it('refuses a wrong token without setting a cookie', async () => {
    const res = await rawRequest(shell.port, { path: '/?token=wrong-token', headers: { host: host() } });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('listens on loopback only and reports its own address', () => {
    expect(shell.origin).toBe(`http://127.0.0.1:${shell.port}`);
    expect(shell.url).toBe(`${shell.origin}/?token=${TOKEN}`);
  });

  it('makes a fresh 43-character token per launch when none is given', async () => {
    const other = await startShellServer({ handlers, rendererDir: join(root, 'renderer') });
    try {
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(other.token).not.toBe(TOKEN);
    } finally {
      await other.close();
    }
  });

  it('refuses to start with a short token', async () => {
    await expect(startShellServer({ handlers, rendererDir: root, token: 'short' })).rejects.toThrow();
  });
});

describe('pages', () => {
  it('refuses a page request without the token', async () => {
    const res = await rawRequest(shell.port, { path: '/', headers: { host: host() } });
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('<title>');
  });

  it('refuses a cookie holding the wrong token', async () => {
    const res = await rawRequest(shell.port, {
      path: '/',
      headers: { host: host(), cookie: `${cookieNameFor(shell.port)}=${TOKEN.slice(0, -1)}x` },
    });
    expect(res.status).toBe(401);
  });

  it('serves the page with the security headers when the cookie is present', async () => {
    const res = await rawRequest(shell.port, { path: '/', headers: authed() });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>App</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('accepts the token header instead of the cookie (for tools)', async () => {
    const res = await rawRequest(shell.port, { path: '/assets/app.js', headers: { host: host(), 'x-shell-token': TOKEN } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['evil.example:PORT'],
    ['127.0.0.1:1'],
    ['localhost.evil.example:PORT'],
  ])('refuses Host %s even with the token (DNS rebinding)', async (hostHeader) => {
    const res = await rawRequest(shell.port, {
      path: '/',
      headers: { host: hostHeader.replace('PORT', String(shell.port)), cookie: cookie() },
    });
    expect(res.status).toBe(403);
  });

  it('accepts localhost:PORT as the Host', async () => {
    const res = await rawRequest(shell.port, { path: '/', headers: { host: `localhost:${shell.port}`, cookie: cookie() } });
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
  it('refuses a call without the token and does not run the handler', async () => {
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

  it('dispatches a call with the cookie and never caches the answer', async () => {
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
