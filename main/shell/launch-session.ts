import { generateSecret, tokensMatch } from './token';

/**
 * The browser shell's session, Jupyter-style: the launch link carries a ONE-USE code; the page
 * trades it (POST /session) for the session secret, which is never in a URL, a cookie or a command
 * line. The secret then goes only in a request header from our own origin's script.
 *
 * Why not a cookie: on plain-http loopback, cookies ignore ports, so a page served on any other
 * local port would be sent the cookie (and could overwrite it). No cookie attribute fixes that
 * (`__Host-` needs https), so the credential is header-only.
 */
export interface LaunchSession {
  /** The code for the launch link, or null once it has been used. */
  readonly code: string | null;
  /** The session secret for the first correct code; null for a wrong or already-used one. */
  exchange(presented: string | undefined): string | null;
  /** True when a request's secret is this session's. */
  isSession(presented: string | undefined): boolean;
}

export function createLaunchSession(sessionSecret: string = generateSecret()): LaunchSession {
  let code: string | null = generateSecret();
  return {
    get code() {
      return code;
    },
    exchange(presented) {
      if (code === null || !tokensMatch(code, presented)) return null;
      // Spent before the answer leaves: a second tab, a replayed link or a copy in the browser's
      // history gets nothing.
      code = null;
      return sessionSecret;
    },
    isSession: (presented) => tokensMatch(sessionSecret, presented),
  };
}
