import type { z } from 'zod';
import {
  apiContract,
  isOperationName,
  type ApiContract,
  type OperationName,
  type OperationOutput,
} from '../../domain/api/contract';
import { reservedKeyProblem } from '../../domain/api/reserved-keys';
import { ApiFailure, type ApiResult } from '../../domain/api/result';

/** One handler per operation, receiving input already parsed by the contract's schema. */
export type Handlers = {
  [K in OperationName]: (input: z.output<ApiContract[K]['input']>) => Promise<OperationOutput<K>>;
};

/**
 * The single entry point both transports (Electron IPC and the browser shell) use:
 * unknown operation → typed error; input parsed with the operation's zod schema (a bad call
 * changes nothing); thrown errors become typed results. Messages never echo the input,
 * so no personal data reaches a log through here.
 */
export async function dispatch(
  handlers: Handlers,
  operation: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isOperationName(operation)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'That operation does not exist.' } };
  }
  const reserved = reservedKeyProblem(rawInput);
  if (reserved) return { ok: false, error: { code: 'INVALID_INPUT', message: reserved } };
  const parsed = apiContract[operation].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(input)');
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The request was not understood (check: ${[...new Set(fields)].slice(0, 5).join(', ')}). Nothing was changed.`,
      },
    };
  }
  try {
    const handler = handlers[operation] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: { code: error.code, message: error.message } };
    // Unexpected: report the type only; the message might quote a record.
    console.error(`[api] ${operation} failed: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Your last saved work is safe.' } };
  }
}
