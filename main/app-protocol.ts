import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';
import { contentTypeFor, resolveStaticFile } from './static-files';

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
 * The path of an app://renderer/ URL (still percent-encoded), or null for any other scheme, host
 * or port. Which file it names is decided by the shared resolver (main/static-files.ts), the same
 * one the browser shell uses.
 */
export function appUrlPath(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '') return null;
  return url.pathname;
}

/** Maps a request URL to a regular file strictly inside `rootDir` (after symlinks), or null. */
export async function resolveAppPath(rootDir: string, requestUrl: string): Promise<string | null> {
  const pathname = appUrlPath(requestUrl);
  if (pathname === null) return null;
  const found = await resolveStaticFile(rootDir, pathname);
  return found.kind === 'file' ? found.path : null;
}

export type AppRequestHandler = (request: Request) => Promise<Response>;

/** The protocol handler: GET/HEAD of files under `rootDir`, 404 for anything else, CSP on every response. */
export function createAppRequestHandler(rootDir: string, csp: string = CONTENT_SECURITY_POLICY): AppRequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, csp);
    const file = await resolveAppPath(rootDir, request.url);
    if (file === null) return refuse(404, csp);
    try {
      const headers = { ...securityHeaders(csp), 'Content-Type': contentTypeFor(file) };
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
