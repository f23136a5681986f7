import { z } from 'zod';
import { createApiClient, type ApiClient, type Transport } from '../../domain/api/client';
import { pageOutputSchema } from '../../domain/api/conference-list';
import { apiContract, type OperationName } from '../../domain/api/contract';
import { BRIDGE_GLOBAL, type PreloadBridge } from '../../domain/api/operation-names';
import { ApiFailure, apiResultSchema, type ApiResult } from '../../domain/api/result';

/**
 * The renderer's only way to the services. In Electron the preload puts a bridge on window;
 * in the browser shell the same operations are POSTed to the page's own origin (the session
 * cookie goes with them). Either way every answer is checked against the contract, so a
 * malformed reply is an error here rather than a crash somewhere in a screen.
 */

const envelope = apiResultSchema(z.unknown());

function failure(code: 'INTERNAL' | 'FORBIDDEN', message: string): ApiResult<unknown> {
  return { ok: false, error: { code, message } };
}

const NOT_RESPONDING =
  'The app’s local service is not responding. Your text is still on screen: check the app is still running, then try again.';
const NOT_UNDERSTOOD = 'The app received an answer it did not understand. Nothing on screen has been lost.';

function findBridge(): PreloadBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as PreloadBridge) : undefined;
}

const httpTransport: Transport = async (operation, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return failure('INTERNAL', NOT_RESPONDING);
  }
  if (response.status === 401) {
    return failure(
      'FORBIDDEN',
      'This window is no longer connected to the app. Close it and open the link printed when the app started.',
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
