import { beforeEach, describe, expect, it, vi } from 'vitest';

// The preload's whole world is contextBridge + ipcRenderer; both are recorded here.
const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async () => ({ ok: true, value: { state: 'new' } })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
}));

import { BRIDGE_GLOBAL, IPC_CHANNEL, OPERATIONS } from '../../../domain/api/operation-names';
import { WINDOW_BRIDGE_GLOBAL } from '../../../domain/api/window-bridge';

async function loadPreload(): Promise<Record<string, unknown>> {
  vi.resetModules();
  electron.exposeInMainWorld.mockClear();
  electron.invoke.mockClear();
  await import('../../../main/preload');
  // Two globals: the API bridge, and the window bridge the close hold uses (window-close.test.ts).
  const names = electron.exposeInMainWorld.mock.calls.map((call) => (call as unknown[])[0]);
  expect(names.sort()).toEqual([BRIDGE_GLOBAL, WINDOW_BRIDGE_GLOBAL].sort());
  const call = electron.exposeInMainWorld.mock.calls.find((c) => (c as unknown[])[0] === BRIDGE_GLOBAL) as unknown as [string, Record<string, unknown>];
  return call[1];
}

describe('preload bridge', () => {
  let api: Record<string, unknown>;
  beforeEach(async () => {
    api = await loadPreload();
  });

  it('exposes exactly one function per operation and nothing else', () => {
    expect(Object.keys(api)).toEqual([...OPERATIONS]);
    for (const name of OPERATIONS) expect(typeof api[name], name).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send|on\b/);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards (channel, operation, input) only, dropping extra arguments', async () => {
    const unlock = api['vault.unlock'] as (...args: unknown[]) => Promise<unknown>;
    const input = { passphrase: 'a fictional passphrase' };
    await expect(unlock(input, 'extra', () => 'callback')).resolves.toEqual({ ok: true, value: { state: 'new' } });
    expect(electron.invoke).toHaveBeenCalledTimes(1);
    expect(electron.invoke).toHaveBeenCalledWith(IPC_CHANNEL, 'vault.unlock', input);
  });

  it('passes back only what the main process answered, never the IPC event', async () => {
    const status = api['vault.status'] as (input: unknown) => Promise<unknown>;
    const result = await status({});
    expect(result).toEqual({ ok: true, value: { state: 'new' } });
  });
});
