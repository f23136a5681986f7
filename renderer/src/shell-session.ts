/**
 * The browser shell's session, on the page's side. The launch link carries a ONE-USE code
 * (`?code=…`); this trades it once for the session secret (POST /session), drops the code from
 * the address bar, and keeps the secret in this tab's sessionStorage, which no other origin (no
 * other local port) can read, so a reload keeps working. The secret goes only in a request
 * header: never a cookie, because cookies ignore ports. Unused in Electron (the preload bridge).
 */

export const SESSION_HEADER = 'x-shell-session';
const STORAGE_KEY = 'conference-recorder.shell-session';


function stored(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Takes the launch code out of the address (keeping the screen in the #hash) and returns it. */
function takeLaunchCode(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  if (code === null) return null;
  url.searchParams.delete('code');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return code;
}

async function exchange(code: string): Promise<void> {
  try {
    const response = await fetch('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) return;
    const body = (await response.json()) as { secret?: unknown };
    if (typeof body.secret === 'string') window.sessionStorage.setItem(STORAGE_KEY, body.secret);
  } catch {
    // No secret: the API answers 401 and the page says how to reconnect.
  }
}

// At load, before anything renders: the code leaves the address bar (and so the history and any
// screenshot) at once, and the trade starts while the screens load.
const launchCode = typeof window === 'undefined' ? null : takeLaunchCode();
const exchanging: Promise<void> = launchCode === null ? Promise.resolve() : exchange(launchCode);

/** Headers that authenticate an API call to the shell, once the launch code has been traded. */
export async function shellAuthHeaders(): Promise<Record<string, string>> {
  await exchanging;
  return shellAuthHeadersNow();
}

/** The same, synchronously (for a `keepalive` request as the page goes away). */
export function shellAuthHeadersNow(): Record<string, string> {
  const secret = stored();
  return secret === null ? {} : { [SESSION_HEADER]: secret };
}
