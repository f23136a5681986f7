/**
 * Where the UI lives: a privileged custom scheme rather than file://, so the page has a real,
 * narrow origin that CSP 'self', navigation checks and the IPC sender check can all name.
 * No Electron import, so it is usable (and testable) anywhere.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on the app's own origin. Compares scheme and host explicitly because
 * WHATWG URL reports the origin of a non-special scheme as "null", so `url.origin` cannot be used.
 * Credentials or a port would make a different origin, so they are refused too.
 */
export function isAppOrigin(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases the host of a standard scheme; Node's URL does not for unknown schemes.
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
