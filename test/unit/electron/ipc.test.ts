import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

vi.mock('electron', () => ({}));

import { IPC_CHANNEL, OPERATIONS } from '../../../domain/api/operation-names';
import type { ApiResult } from '../../../domain/api/result';
import { registerIpc } from '../../../main/ipc';
import type { Handlers } from '../../../main/services/dispatch';
import { frame, type FakeFrame } from './fakes';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiResult<unknown>>;

function setUp() {
  const registered = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => registered.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => registered.delete(channel)),
  };
  const handlers = Object.fromEntries(
    OPERATIONS.map((name) => [name, vi.fn(async () => ({ state: 'locked' }))]),
  ) as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>;
  const unregister = registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, handlers);
  const call = (
    senderFrame: FakeFrame | null,
    operation: unknown,
    input: unknown,
    options: { mainFrame?: FakeFrame; type?: string } = {},
  ) => {
    const listener = registered.get(IPC_CHANNEL);
    if (!listener) throw new Error('no handler registered');
    const mainFrame = options.mainFrame ?? senderFrame ?? frame('app://renderer/index.html');
    const event = {
      senderFrame,
      sender: { mainFrame, getType: () => options.type ?? 'window' },
    } as unknown as IpcMainInvokeEvent;
    return listener(event, operation, input);
  };
  const noHandlerRan = () => {
    for (const name of OPERATIONS) expect(handlers[name], name).not.toHaveBeenCalled();
  };
  return { ipcMain, handlers, call, unregister, registered, noHandlerRan };
}

const APP_PAGE = 'app://renderer/index.html';

// Refusals are logged; keep the test output clean and let tests inspect what was logged.
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.restoreAllMocks();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('registerIpc', () => {
  it('registers one handler on the one channel and can remove it', () => {
    const { ipcMain, registered, unregister } = setUp();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect([...registered.keys()]).toEqual([IPC_CHANNEL]);
    unregister();
    expect(registered.size).toBe(0);
  });

  it('dispatches a valid call from the app window to its handler', async () => {
    const { call, handlers } = setUp();
    const result = await call(frame(APP_PAGE), 'vault.status', {});
    expect(result).toEqual({ ok: true, value: { state: 'locked' } });
    expect(handlers['vault.status']).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another origin', frame('https://example.org/')],
    ['a file: page', frame('file:///tmp/evil.html')],
    ['a look-alike host', frame('app://renderer.evil/index.html')],
  ])('refuses a call from %s with FORBIDDEN and runs nothing', async (_label, sender) => {
    const { call, noHandlerRan } = setUp();
    const result = await call(sender, 'vault.unlock', { passphrase: 'correct horse battery' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    noHandlerRan();
  });

  it('refuses a sub-frame, even one on the app origin', async () => {
    const { call, noHandlerRan } = setUp();
    const top = frame(APP_PAGE);
    const child = frame(APP_PAGE, { parent: top, frameToken: 'child-token' });
    const result = await call(child, 'vault.lock', {}, { mainFrame: top });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    noHandlerRan();
  });

  it('refuses a frame that is not the main frame of its page, a detached frame, a missing frame and a <webview>', async () => {
    const { call, noHandlerRan } = setUp();
    const other = frame(APP_PAGE, { frameToken: 'other-token' });
    expect(await call(other, 'vault.lock', {}, { mainFrame: frame(APP_PAGE) })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(frame(APP_PAGE, { detached: true }), 'vault.lock', {})).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(null, 'vault.lock', {}, { mainFrame: frame(APP_PAGE) })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(frame(APP_PAGE), 'vault.lock', {}, { type: 'webview' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    noHandlerRan();
  });

  it('refuses a page that is torn down mid-call (Electron throws on access)', async () => {
    const { registered, noHandlerRan } = setUp();
    const listener = registered.get(IPC_CHANNEL)!;
    const event = {
      senderFrame: frame(APP_PAGE),
      sender: {
        getType: () => 'window',
        get mainFrame(): never {
          throw new Error('Object has been destroyed');
        },
      },
    } as unknown as IpcMainInvokeEvent;
    await expect(listener(event, 'vault.lock', {})).resolves.toMatchObject({ error: { code: 'FORBIDDEN' } });
    noHandlerRan();
  });

  it('answers bad input with INVALID_INPUT and changes nothing', async () => {
    const { call, noHandlerRan } = setUp();
    const result = await call(frame(APP_PAGE), 'conferences.get', { id: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extra = await call(frame(APP_PAGE), 'vault.lock', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    noHandlerRan();
  });

  it('answers an unknown or non-string operation with UNKNOWN_OPERATION', async () => {
    const { call, noHandlerRan } = setUp();
    expect(await call(frame(APP_PAGE), 'fs.readFile', {})).toMatchObject({ error: { code: 'UNKNOWN_OPERATION' } });
    expect(await call(frame(APP_PAGE), { toString: () => 'vault.lock' }, {})).toMatchObject({
      error: { code: 'UNKNOWN_OPERATION' },
    });
    expect(await call(frame(APP_PAGE), '__proto__', {})).toMatchObject({ error: { code: 'UNKNOWN_OPERATION' } });
    noHandlerRan();
  });

  it('does not echo the refused input (which may hold personal data) in the reply or the log', async () => {
    const { call } = setUp();
    const result = await call(frame('https://example.org/'), 'conferences.create', {
      type: 'initial',
      date: '2025-03-01',
      children: [{ name: 'Poppy Fictional' }],
    });
    expect(JSON.stringify(result)).not.toContain('Poppy');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toMatch(/Poppy|example\.org/);
  });
});
