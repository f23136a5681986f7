import type { IncomingMessage } from 'node:http';
import { tokensMatch } from './token';

/**
 * The checks every request to the shell passes before anything else happens. They are pure
 * functions of the request headers so that they can be unit-tested without a socket.
 */

/**
 * The session secret travels only in this header, never in a cookie: cookies ignore ports, so any
 * page on another local port would receive (and could overwrite) one. A header is only sent by
 * script that holds the secret, and only our origin's sessionStorage holds it.
 */
export const SESSION_HEADER = 'x-shell-session';

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The addresses a browser on this machine may legitimately use to reach the shell. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * DNS rebinding defence: a page on evil.example that re-points its name at 127.0.0.1 still sends
 * `Host: evil.example:PORT`, so only our own loopback names are accepted.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return allowedHosts(port).includes(host.toLowerCase());
}

/**
 * API calls from a browser always carry Origin on POST; it must be the shell's own. Tools
 * (curl with the session header) send none, which is fine because the secret is still required.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin === `http://${host}`);
}

/** Fetch metadata, where the browser sends it, must say the call came from our own page. */
export function isAllowedFetchSite(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function hasValidSession(req: IncomingMessage, secret: string): boolean {
  return tokensMatch(secret, single(req.headers[SESSION_HEADER]));
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  return single(req.headers[name]);
}
