import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { IPC_CHANNEL } from '../domain/api/operation-names';
import type { ApiResult } from '../domain/api/result';
import { dispatch, type Handlers } from './services/dispatch';
import { isAppOrigin } from './app-origin';

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the app window and was refused.' },
};

function isSameFrame(a: WebFrameMain, b: WebFrameMain): boolean {
  return a === b || (a.processId === b.processId && a.frameToken === b.frameToken);
}

/**
 * Only the app's own top-level page may call the API: a sub-frame (even one on our origin), a
 * page that somehow navigated elsewhere, a <webview> or a frame that has gone away is refused.
 * Navigation is already locked down; this check means a slip there still cannot reach the data.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    if (frame === null || frame.detached || frame.parent !== null) return false;
    if (event.sender.getType() !== 'window') return false;
    if (!isSameFrame(frame, event.sender.mainFrame)) return false;
    return isAppOrigin(frame.url);
  } catch {
    // Electron throws when a page or frame is torn down mid-call: that caller is not trusted.
    return false;
  }
}

/**
 * The one IPC entry point: (operation, input) from the preload → sender check → `dispatch`, which
 * parses the input with the contract's zod schema and turns failures into typed results. Nothing
 * is thrown back across the boundary, and nothing about the call (which may hold personal data)
 * is logged. Returns a function that removes the handler (tests, or a clean shutdown).
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: Handlers): () => void {
  ipcMain.handle(
    IPC_CHANNEL,
    async (event: IpcMainInvokeEvent, operation: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        console.warn('[ipc] refused an API call from a frame that is not the app window');
        return FORBIDDEN;
      }
      if (typeof operation !== 'string') {
        return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'That operation does not exist.' } };
      }
      return dispatch(handlers, operation, input);
    },
  );
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
