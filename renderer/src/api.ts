import { z } from 'zod';
import { createApiClient, type ApiClient, type Transport } from '../../domain/api/client';
import { pageOutputSchema } from '../../domain/api/conference-list';
import { apiContract, type OperationName } from '../../domain/api/contract';
import { BRIDGE_GLOBAL, type PreloadBridge } from '../../domain/api/operation-names';
import { ApiFailure, apiResultSchema, type ApiResult } from '../../domain/api/result';
import { shellAuthHeaders, shellAuthHeadersNow } from './shell-session';

/**
 * The renderer's only way to the services. In Electron the preload puts a bridge on window;
 * in the browser shell the same operations are POSTed to the page's own origin with the session
 * header (shell-session.ts). Either way every answer is checked against the contract, so a
 * malformed reply is an error here rather than a crash somewhere in a screen.
 */

const envelope = apiResultSchema(z.unknown());

function failure(code: 'INTERNAL' | 'FORBIDDEN', message: string): ApiResult<unknown> {
  return { ok: false, error: { code, message } };
}

// Says what happened and what to do, once; whoever shows it adds what it means for their screen
// (the save status adds that the text is still on screen and will be saved).
const NOT_RESPONDING = 'The app’s local service is not responding. Check that the app is still running.';
const NOT_UNDERSTOOD = 'The app received an answer it did not understand. Nothing on screen has been lost.';

function findBridge(): PreloadBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as PreloadBridge) : undefined;
}

/**
 * Chromium lets requests marked `keepalive` outlive the page (closed, reloaded) but refuses one
 * whose body, with every other keepalive request still on its way, passes 64 KiB. Saves up to
 * this size go as keepalive, so a save started as the page goes away still arrives. A larger
 * one (a very long rationale) goes as an ordinary request: on loopback its body is normally
 * handed over before the page is torn down, but that is not promised, so autosave asks the
 * chair before leaving while such a save is unfinished (see useAutosave's `wouldLoseWork`).
 */
export const KEEPALIVE_BODY_LIMIT = 60 * 1024;
// lease9: releasing an edit lease as the window closes, so others' "being edited by" goes at once.
const OUTLIVES_THE_PAGE: ReadonlySet<OperationName> = new Set<OperationName>(['conferences.save', 'conferences.editLease']);

/**
 * Operations whose repeat cannot do harm: reads, lock/unlock, a settings patch, and a save
 * (a save that had in fact landed is recognised by the store and answered as saved). Creating
 * is left out: sent twice it would make two.
 */
const SAFE_TO_REPEAT: ReadonlySet<OperationName> = new Set<OperationName>([
  'vault.status',
  'vault.unlock',
  'vault.lock',
  'settings.get',
  'settings.update',
  'conferences.list',
  'conferences.get',
  'conferences.save',
  'conferences.history',
]);

export function bodyBytes(body: string): number {
  return new TextEncoder().encode(body).length;
}

/** True when a save of these sections can go as keepalive (and so survive the page closing). */
export function fitsKeepalive(input: unknown): boolean {
  return bodyBytes(JSON.stringify(input ?? {})) <= KEEPALIVE_BODY_LIMIT;
}

async function post(operation: OperationName, body: string, keepalive: boolean): Promise<Response> {
  // A keepalive save may be sent as the page goes away: its headers are taken synchronously,
  // so nothing waits on a promise that an unloading page might not get to resolve.
  const auth = keepalive ? shellAuthHeadersNow() : await shellAuthHeaders();
  return fetch(`/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth },
    body,
    // The session travels only in the header: cookies are shared with every local port.
    credentials: 'omit',
    cache: 'no-store',
    keepalive,
  });
}

const httpTransport: Transport = async (operation, input) => {
  const body = JSON.stringify(input ?? {});
  const keepalive = OUTLIVES_THE_PAGE.has(operation) && bodyBytes(body) <= KEEPALIVE_BODY_LIMIT;
  let response: Response;
  try {
    response = await post(operation, body, keepalive);
  } catch {
    // A network error, not an answer: the connection broke (or the service was restarting).
    // Once more at once for what is safe to repeat; after that the caller decides (autosave
    // retries with pauses).
    if (!SAFE_TO_REPEAT.has(operation)) return failure('INTERNAL', NOT_RESPONDING);
    try {
      response = await post(operation, body, keepalive);
    } catch {
      return failure('INTERNAL', NOT_RESPONDING);
    }
  }
  if (response.status === 401) {
    return failure(
      'FORBIDDEN',
      'This window is not connected to the app: each launch link opens the app once. Close this window, stop the app and start it again.',
    );
  }
  try {
    return (await response.json()) as unknown as ApiResult<unknown>;
  } catch {
    return failure('INTERNAL', NOT_UNDERSTOOD);
  }
};

function checked(inner: Transport): Transport {
  return async (operation: OperationName, input: unknown) => {
    let raw: unknown;
    try {
      raw = await inner(operation, input);
    } catch {
      return failure('INTERNAL', NOT_RESPONDING);
    }
    const parsed = envelope.safeParse(raw);
    if (!parsed.success) return failure('INTERNAL', NOT_UNDERSTOOD);
    if (!parsed.data.ok) return parsed.data;
    const value = pageOutputSchema(operation, apiContract[operation].output).safeParse(parsed.data.value);
    return value.success ? { ok: true, value: value.data } : failure('INTERNAL', NOT_UNDERSTOOD);
  };
}

export function chooseTransport(): Transport {
  const bridge = findBridge();
  if (bridge) return checked((operation, input) => bridge[operation](input));
  return checked(httpTransport);
}

/**
 * The client screens use. `onLocked` runs whenever the services say the store is locked
 * (auto-lock, another window) so the app can wipe what it shows and ask for the passphrase.
 */
export function createClient(onLocked: () => void): ApiClient {
  const transport = chooseTransport();
  return createApiClient(async (operation, input) => {
    const result = await transport(operation, input);
    if (!result.ok && result.error.code === 'LOCKED' && operation !== 'vault.unlock') onLocked();
    return result;
  });
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  return 'Something went wrong. Your last saved work is safe.';
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiFailure ? error.code : undefined;
}

export type { ApiClient };
