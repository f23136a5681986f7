import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Serves the built renderer (out/renderer) on app://renderer/. A privileged standard scheme gives
 * the UI a real origin (so CSP 'self' and the IPC origin check mean something) without file://,
 * whose pages could read any local file the user can.
 */

/** Must run before the app is ready, and only once for all schemes (Electron's rule). */
export function registerAppSchemeAsPrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context like https.
      // supportFetchAPI: same-origin fetch of bundled assets. corsEnabled is left off on purpose:
      // it would let other origins read our responses. codeCache: faster start-up.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

function refuse(status: 400 | 404 | 405, csp: string): Response {
  const text = { 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed' }[status];
  return new Response(text, {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps a request URL to a file strictly inside `rootDir`, or null. Chromium already folds plain
 * `..` segments, so the dangerous inputs are encoded ones (`%2e%2e%2f`, `%5c`, `%00`) that only
 * become separators after decoding: the decoded path is resolved and must stay under the root.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed escape
  }
  // Backslashes are separators on Windows and NUL truncates paths in some APIs: neither belongs
  // in a URL of ours.
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rootDir);
  const target = resolve(root, `.${pathname}`);
  const rel = relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return target;
}

export type AppRequestHandler = (request: Request) => Promise<Response>;

/** The protocol handler: GET/HEAD of files under `rootDir`, 404 for anything else, CSP on every response. */
export function createAppRequestHandler(rootDir: string, csp: string = CONTENT_SECURITY_POLICY): AppRequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, csp);
    const file = resolveAppPath(rootDir, request.url);
    if (file === null) return refuse(404, csp);
    try {
      const info = await stat(file);
      if (!info.isFile()) return refuse(404, csp);
      const headers = {
        ...securityHeaders(csp),
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      const body = new Uint8Array(await readFile(file));
      return new Response(body, { status: 200, headers });
    } catch {
      // Missing or unreadable: same answer, and no path in the reply.
      return refuse(404, csp);
    }
  };
}

/** Registers the handler on a session's protocol object (after ready). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
