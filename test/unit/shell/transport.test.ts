// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../../domain/api/result';
import { createClient, KEEPALIVE_BODY_LIMIT } from '../../../renderer/src/api';

/**
 * The browser shell's transport: a broken connection is tried once more when repeating is
 * harmless, saves are sent so that they outlive a closing page, and the message a chair reads
 * when the service is away says it once.
 */

const ID = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';
type Call = { url: string; init: RequestInit };
let calls: Call[];
let answers: Array<() => Promise<unknown>>;

function answerWith(value: unknown): () => Promise<unknown> {
  return async () => ({ status: 200, json: async () => ({ ok: true, value }) });
}
const networkError = () => async () => {
  throw new TypeError('Failed to fetch');
};

beforeEach(() => {
  calls = [];
  answers = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (!next) throw new Error('no answer prepared');
      return next();
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const saveInput = (text: string) => ({ id: ID, baseRevision: 2, sections: { risk: { kind: 'single' as const, values: { harm: text } } } });

describe('browser shell transport', () => {
  it('sends a save once more when the connection broke, and reports the answer', async () => {
    answers.push(networkError(), answerWith({ revision: 3, savedAt: '2025-03-27T10:42:00.000Z' }));
    const client = createClient(() => undefined);
    await expect(client['conferences.save'](saveInput('Bruising seen by the school nurse.'))).resolves.toEqual({
      revision: 3,
      savedAt: '2025-03-27T10:42:00.000Z',
    });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.init.body).toBe(calls[0]?.init.body);
  });

  it('never sends a create twice: a second conference would be made', async () => {
    answers.push(networkError(), answerWith({}));
    const client = createClient(() => undefined);
    const failure = await client['conferences.create']({ type: 'initial', date: '2025-05-14', children: [{ name: 'Ruby Ashdown' }] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(calls).toHaveLength(1);
  });

  it('gives up after the second broken attempt with one plain message that says it once', async () => {
    answers.push(networkError(), networkError());
    const client = createClient(() => undefined);
    const failure = (await client['conferences.save'](saveInput('x')).catch((e: unknown) => e)) as ApiFailure;
    expect(failure.code).toBe('INTERNAL');
    expect(failure.message).toBe('The app’s local service is not responding. Check that the app is still running.');
    expect(calls).toHaveLength(2);
  });

  it('sends saves as keepalive so they outlive a closing page, except those over the browser’s limit', async () => {
    answers.push(answerWith({ revision: 3, savedAt: '2025-03-27T10:42:00.000Z' }), answerWith({ revision: 4, savedAt: '2025-03-27T10:42:00.000Z' }));
    const client = createClient(() => undefined);
    await client['conferences.save'](saveInput('Short text.'));
    await client['conferences.save'](saveInput('long rationale '.repeat(Math.ceil(KEEPALIVE_BODY_LIMIT / 10))));
    expect(calls.map((call) => call.init.keepalive)).toEqual([true, false]);
  });
});
