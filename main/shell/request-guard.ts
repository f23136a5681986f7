import type { IncomingMessage } from 'node:http';
import { tokensMatch } from './token';

/**
 * The checks every request to the shell passes before anything else happens. They are pure
 * functions of the request headers so that they can be unit-tested without a socket.
 */

export const TOKEN_HEADER = 'x-shell-token';

/** Cookies are shared by every port on a host, so the name carries the port: two shells never clash. */
export function cookieNameFor(port: number): string {
  return `cpc_shell_${port}`;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

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
 * (curl with the token header) send none, which is fine because the token is still required.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin === `http://${host}`);
}

/** Fetch metadata, where the browser sends it, must say the call came from our own page. */
export function isAllowedFetchSite(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function presentedToken(req: IncomingMessage, port: number): string | undefined {
  const header = single(req.headers[TOKEN_HEADER]);
  if (header) return header;
  return parseCookies(req.headers.cookie).get(cookieNameFor(port));
}

export function hasValidToken(req: IncomingMessage, port: number, token: string): boolean {
  return tokensMatch(token, presentedToken(req, port));
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  return single(req.headers[name]);
}
