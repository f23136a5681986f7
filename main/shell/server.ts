import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../domain/api/result';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { dispatch, type Handlers } from '../services/dispatch';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './json-body';
import {
  cookieNameFor,
  hasValidToken,
  headerValue,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
} from './request-guard';
import { contentTypeFor, resolveStaticFile } from './static-files';
import { generateShellToken, isAcceptableToken, tokensMatch } from './token';

/**
 * The browser shell: the app's services behind a loopback-only HTTP transport, serving the same
 * built renderer, for machines where the Electron binary is not available (and for the
 * end-to-end tests). Everything it serves — pages and API — needs the per-launch token.
 */

export interface ShellServerOptions {
  handlers: Handlers;
  rendererDir: string;
  /** 0 (the default) picks a random free port. */
  port?: number;
  /** Only tests pass one; otherwise a fresh random token is made for each launch. */
  token?: string;
  maxBodyBytes?: number;
}

export interface ShellServer {
  /** The launch link: opening it sets the session cookie and drops the token from the address bar. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
/** Longer than Chromium keeps an idle connection for reuse (5 minutes). */
const IDLE_CONNECTION_MS = 10 * 60_000;

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendApiError(res: ServerResponse, status: number, code: 'FORBIDDEN' | 'INVALID_INPUT' | 'INTERNAL', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

const NO_TOKEN_PAGE =
  'This address needs the full link printed when the app started (it ends with ?token=…). ' +
  'Open that link, or restart the app to get a new one.\n';

export function startShellServer(options: ShellServerOptions): Promise<ShellServer> {
  const { handlers, rendererDir } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const token = options.token ?? generateShellToken();
  if (!isAcceptableToken(token)) {
    return Promise.reject(new Error('The shell token must be 32–256 URL-safe characters.'));
  }
  // Known once listening; the request handler only runs after that.
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendApiError(res, 405, 'INVALID_INPUT', 'API calls must use POST. Nothing was changed.');
    }
    if (!isAllowedOrigin(headerValue(req, 'origin'), port) || !isAllowedFetchSite(headerValue(req, 'sec-fetch-site'))) {
      return sendApiError(res, 403, 'FORBIDDEN', 'This request did not come from the app. Nothing was changed.');
    }
    const body = await readJsonBody(req, maxBodyBytes);
    if (!body.ok) {
      if (body.status === 413) {
        // Stop the client sending the rest; the connection is not reused.
        res.setHeader('Connection', 'close');
        req.resume();
      }
      return sendApiError(res, body.status, 'INVALID_INPUT', body.message);
    }
    const result = await dispatch(handlers, pathname.slice(API_PREFIX.length), body.value);
    sendJson(res, 200, result);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed.\n');
    }
    const found = await resolveStaticFile(rendererDir, pathname);
    if (found.kind === 'bad-request') return sendText(res, 400, 'Bad request.\n');
    if (found.kind === 'not-found') return sendText(res, 404, 'Not found.\n');
    const isPage = found.path.endsWith('.html');
    res.writeHead(200, {
      'Content-Type': contentTypeFor(found.path),
      'Content-Length': String(found.size),
      // Pages are never cached (they must always come with this launch's headers).
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port)) {
      return sendText(res, 403, 'This address is not served here. Use the link printed when the app started.\n');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendText(res, 400, 'Bad request.\n');
    }
    const isApi = url.pathname.startsWith(API_PREFIX);

    // The launch link: trade the token in the address for a cookie, then show a clean address.
    const launchToken = url.searchParams.get('token');
    if (!isApi && url.pathname === '/' && launchToken !== null && req.method === 'GET') {
      if (!tokensMatch(token, launchToken)) return sendText(res, 401, NO_TOKEN_PAGE);
      res.writeHead(303, {
        'Set-Cookie': `${cookieNameFor(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    if (!hasValidToken(req, port, token)) {
      if (isApi) return sendApiError(res, 401, 'FORBIDDEN', 'This request is not from the running app. Nothing was changed.');
      return sendText(res, 401, NO_TOKEN_PAGE);
    }
    if (isApi) return handleApi(req, res, url.pathname);
    return handleStatic(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The type only: a message could quote request content.
      console.error(`[shell] request failed: ${error instanceof Error ? error.name : typeof error}`);
      if (!res.headersSent) sendApiError(res, 500, 'INTERNAL', 'Something went wrong. Your last saved work is safe.');
      else res.destroy();
    });
  });

  // Node closes a kept-alive connection after ~6 s idle (keepAliveTimeout 5 s); Chromium keeps
  // one up to 5 minutes and reuses it for the next save. A save sent as the server closes that
  // connection is reset, and once Chromium's own resends run out fetch fails ("not responding")
  // although nothing was wrong. So the browser must always be the side that closes: idle
  // loopback connections from one window cost nothing. (test/unit/shell/keep-alive.test.ts)
  server.keepAliveTimeout = IDLE_CONNECTION_MS;

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: `${origin}/?token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((resolveClose) => {
            server.close(() => resolveClose());
            server.closeAllConnections();
          }),
      });
    });
  });
}
