import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_CHANNEL, OPERATIONS, type PreloadBridge } from '../domain/api/operation-names';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL, WINDOW_BRIDGE_GLOBAL, type WindowBridge } from '../domain/api/window-bridge';

/**
 * The only bridge between the page and the main process. It runs sandboxed (CommonJS, no Node),
 * imports the zod-free operation list so the bundle stays tiny, and exposes exactly one function
 * per operation. ipcRenderer itself and the IPC event never reach the page: with them a
 * compromised page could call any channel or read the sender's internals.
 */
export function createBridge(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): PreloadBridge {
  const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATIONS) {
    // Exactly (channel, name, input): extra arguments from the page are dropped.
    bridge[name] = (input: unknown) => invoke(IPC_CHANNEL, name, input);
  }
  return Object.freeze(bridge) as PreloadBridge;
}

/**
 * The close hold (main/window-close.ts): main asks "save now" with a request id; the page's
 * registered handler saves and the answer goes back as (id, saved?). The page never sees the
 * IPC event or a channel name; with no handler registered (nothing open to save) it answers yes.
 */
export function createWindowBridge(
  on: (channel: string, listener: (event: unknown, requestId: unknown) => void) => void,
  send: (channel: string, ...args: unknown[]) => void,
): WindowBridge {
  let flushHandler: (() => Promise<boolean>) | null = null;
  on(FLUSH_REQUEST_CHANNEL, (_event, requestId) => {
    if (typeof requestId !== 'string') return;
    void (async () => {
      let saved = true;
      if (flushHandler) {
        try {
          saved = (await flushHandler()) === true;
        } catch {
          saved = false;
        }
      }
      send(FLUSH_DONE_CHANNEL, requestId, saved);
    })();
  });
  return Object.freeze({
    onFlushRequest: (handler: (() => Promise<boolean>) | null) => {
      flushHandler = typeof handler === 'function' ? handler : null;
    },
  });
}

contextBridge.exposeInMainWorld(
  WINDOW_BRIDGE_GLOBAL,
  createWindowBridge(
    (channel, listener) => ipcRenderer.on(channel, listener),
    (channel, ...args) => ipcRenderer.send(channel, ...args),
  ),
);

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
