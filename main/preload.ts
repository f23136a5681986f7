import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_CHANNEL, OPERATIONS, type PreloadBridge } from '../domain/api/operation-names';

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

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
