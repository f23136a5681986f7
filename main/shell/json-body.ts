import type { IncomingMessage } from 'node:http';

/** Large enough for a long conference save (a rationale alone can be ~60,000 characters). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; message: string };

export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type] = header.split(';');
  return type?.trim().toLowerCase() === 'application/json';
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Reads a JSON request body, refusing it as soon as it passes the limit so that a runaway
 * client cannot make the shell buffer without bound.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    return Promise.resolve({
      ok: false,
      status: 415,
      message: 'The request must be sent as JSON (content-type application/json). Nothing was changed.',
    });
  }
  const tooLarge: BodyResult = {
    ok: false,
    status: 413,
    message: `The request was larger than the ${megabytes(maxBytes)} limit. Nothing was changed.`,
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(tooLarge);

  return new Promise((resolvePromise) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolvePromise(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > maxBytes) {
        chunks.length = 0;
        settle(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return settle({ ok: true, value: undefined });
      try {
        settle({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        settle({ ok: false, status: 400, message: 'The request was not valid JSON. Nothing was changed.' });
      }
    });
    req.on('error', () => settle({ ok: false, status: 400, message: 'The request could not be read. Nothing was changed.' }));
  });
}
