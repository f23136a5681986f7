import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';

vi.mock('electron', () => ({}));

import {
  createAppRequestHandler,
  registerAppSchemeAsPrivileged,
  resolveAppPath,
  serveAppProtocol,
} from '../../../main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/csp';

let base: string;
let root: string;
let handler: ReturnType<typeof createAppRequestHandler>;

beforeAll(async () => {
  // A renderer folder with a secret file *beside* it: the thing traversal would reach for.
  base = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Conference Recorder</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(base, 'secret.json'), '{"child":"Poppy Fictional"}');
  await mkdir(join(base, 'outside'), { recursive: true });
  await writeFile(join(base, 'outside', 'notes.json'), '{"child":"Poppy Fictional"}');
  // Symlinks inside the served folder that lead out of it: to a file, and to a whole folder.
  await symlink(join(base, 'secret.json'), join(root, 'assets', 'linked.json'));
  await symlink(join(base, 'outside'), join(root, 'linked-folder'));
  handler = createAppRequestHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves the entry page and assets with the right type and the CSP header', async () => {
    const page = await get('app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Conference Recorder');

    const script = await get('app://renderer/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await get('app://renderer/assets/app.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://renderer/')).status).toBe(200);
  });

  it.each([
    'app://renderer/../secret.json',
    'app://renderer/%2e%2e/secret.json',
    'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.json',
    'app://renderer/..%2fsecret.json',
    'app://renderer/..%5csecret.json',
    'app://renderer/index.html%00.js',
    'app://renderer/%E0%A4%A',
  ])('refuses path traversal and odd encodings: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('Poppy');
  });

  it('resolves only paths inside the root', async () => {
    const realRoot = await realpath(root);
    expect(await resolveAppPath(root, 'app://renderer/assets/app.js')).toBe(join(realRoot, 'assets', 'app.js'));
    expect(await resolveAppPath(root, 'app://renderer/..%2fsecret.json')).toBeNull();
    // The URL parser folds an encoded `..` segment itself: it lands on the root, never above it.
    expect(await resolveAppPath(root, 'app://renderer/%2e%2e')).toBe(join(realRoot, 'index.html'));
    expect(await resolveAppPath(root, 'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.json')).toBeNull();
    expect(await resolveAppPath(root, 'app://renderer:8080/index.html')).toBeNull();
    expect(await resolveAppPath(root, 'not a url')).toBeNull();
  });

  it.each(['app://renderer/assets/linked.json', 'app://renderer/linked-folder/notes.json'])(
    'refuses a symlink that leads out of the renderer folder: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('Poppy');
    },
  );

  it('answers 404 for other hosts, missing files and folders', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://renderer/missing.js')).status).toBe(404);
    expect((await get('app://renderer/assets')).status).toBe(404);
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
    const head = await get('app://renderer/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('scheme registration', () => {
  it('registers app: as standard and secure, without CORS or CSP bypass', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppSchemeAsPrivileged({ registerSchemesAsPrivileged } as unknown as Pick<Protocol, 'registerSchemesAsPrivileged'>);
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls as [[{ scheme: string; privileges: Record<string, boolean> }[]]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]?.privileges['bypassCSP']).not.toBe(true);
    expect(schemes[0]?.privileges['corsEnabled']).not.toBe(true);
  });

  it('hands protocol.handle a handler for app:', async () => {
    const handle = vi.fn();
    serveAppProtocol({ handle } as unknown as Pick<Protocol, 'handle'>, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const served = handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await served(new Request('app://renderer/../secret.json'))).status).toBe(404);
  });
});
