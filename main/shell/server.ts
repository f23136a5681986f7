import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../domain/api/result';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { dispatch, type Handlers } from '../services/dispatch';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './json-body';
import { createLaunchSession } from './launch-session';
import { headerValue, isAllowedFetchSite, isAllowedHost, isAllowedOrigin, SESSION_HEADER } from './request-guard';
import { contentTypeFor, resolveStaticFile } from '../static-files';
import { isAcceptableToken } from './token';

/**
 * The browser shell: the app's services behind a loopback-only HTTP transport, serving the same
 * built renderer, for machines where the Electron binary is not available (and for the
 * end-to-end tests). The built pages are the app's public code and are served to any loopback
 * caller using our own address; every API call needs this launch's session secret in a header
 * (see launch-session.ts for how the page gets it and why it is never a cookie).
 */

export interface ShellServerOptions {
  handlers: Handlers;
  rendererDir: string;
  /** 0 (the default) picks a random free port. */
  port?: number;
  /**
   * A fixed session secret — only the end-to-end tests' shared shell passes one (`npm start`
   * removes CPC_SHELL_TOKEN from the environment); otherwise a fresh random one per launch.
   */
  sessionSecret?: string;
  maxBodyBytes?: number;
}

export interface ShellServer {
  /** The launch link: its code works once, then the page holds the session secret. */
  url: string;
  origin: string;
  port: number;
  /**
   * Stops taking connections and waits (at most `limitMs`) for the requests already arriving to
   * be answered: a save sent as the window closed still reaches the store before it locks.
   */
  drain(limitMs: number): Promise<void>;
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

const SESSION_PATH = '/session';
/** Room for the ~180 cookies of 4 KB each that a page on another local port may set for 127.0.0.1. */
const MAX_HEADER_BYTES = 1024 * 1024;

export function startShellServer(options: ShellServerOptions): Promise<ShellServer> {
  const { handlers, rendererDir } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (options.sessionSecret !== undefined && !isAcceptableToken(options.sessionSecret)) {
    return Promise.reject(new Error('The fixed session secret must be 32–256 URL-safe characters.'));
  }
  const session = createLaunchSession(options.sessionSecret);
  const launchCode = session.code ?? '';
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
    if (!session.isSession(headerValue(req, SESSION_HEADER))) {
      return sendApiError(res, 401, 'FORBIDDEN', 'This request is not from the running app. Nothing was changed.');
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

  /** The page trades the launch link's one-use code for the session secret. */
  async function handleSessionExchange(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendText(res, 405, 'Method not allowed.\n');
    }
    // A browser always sends Origin on a POST: only our own page may make the exchange.
    const origin = headerValue(req, 'origin');
    if (origin === undefined || !isAllowedOrigin(origin, port) || !isAllowedFetchSite(headerValue(req, 'sec-fetch-site'))) {
      return sendApiError(res, 403, 'FORBIDDEN', 'This request did not come from the app.');
    }
    const body = await readJsonBody(req, 4096);
    const presented =
      body.ok && typeof body.value === 'object' && body.value !== null ? (body.value as { code?: unknown }).code : undefined;
    const secret = session.exchange(typeof presented === 'string' ? presented : undefined);
    if (secret === null) {
      return sendApiError(
        res,
        401,
        'FORBIDDEN',
        'This launch link has already been used (each one opens the app once). Stop the app and start it again for a new one.',
      );
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ secret }));
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

    if (url.pathname === SESSION_PATH) return handleSessionExchange(req, res);
    if (isApi) return handleApi(req, res, url.pathname);
    return handleStatic(req, res, url.pathname);
  }

  // Requests being handled, so a stop can let the last save (often a keepalive request sent as
  // the window closed) finish before the store locks.
  let inFlight = 0;
  const idleWaiters = new Set<() => void>();
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of idleWaiters) wake();
    });
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
        url: `${origin}/?code=${launchCode}`,
        origin,
        port,
        drain: (limitMs) =>
          new Promise<void>((resolveDrain) => {
            // No new connections; idle kept-alive ones go now, busy ones when they answer.
            server.close();
            server.closeIdleConnections();
            if (inFlight === 0) return resolveDrain();
            const done = (): void => {
              clearTimeout(timer);
              idleWaiters.delete(done);
              resolveDrain();
            };
            const timer = setTimeout(done, limitMs);
            idleWaiters.add(done);
          }),
        close: () =>
          new Promise<void>((resolveClose) => {
            server.close(() => resolveClose());
            server.closeAllConnections();
          }),
      });
    });
  });
}
