import { randomUUID } from 'node:crypto';
import type { BrowserWindow, Dialog, IpcMain, IpcMainEvent } from 'electron';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../domain/api/window-bridge';
import { isTrustedSender } from './ipc';

/**
 * Holds a window's close until the page has saved what was typed in the last moments (autosave
 * waits for a pause in typing, so the last words are usually still queued when the chair closes).
 *
 *   close → prevented → main asks the page over its own channel to save now → the page answers
 *   (request id, everything saved?) → closed; or, when the page says something could not be
 *   saved or does not answer in time, the chair is asked whether to close anyway.
 *
 * Only an answer from this window's own top-level app page, naming the request just made,
 * counts: anything else on the channel is ignored, so no other frame can wave a close through.
 * A page that has gone (crashed) cannot save anything, so the window closes without asking.
 */

export type CloseHoldWindow = Pick<BrowserWindow, 'on' | 'close' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'send' | 'isDestroyed' | 'isCrashed'>;
};

export interface CloseHoldOptions {
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** Given when the app quits as a whole, so a quit that a hold interrupted carries on afterwards. */
  app?: { on(event: 'before-quit', listener: () => void): unknown; quit(): void };
  /** How long the page has to save; a save takes milliseconds, so this is for a page that hangs. */
  timeoutMs?: number;
  newRequestId?: () => string;
}

export const FLUSH_TIMEOUT_MS = 8_000;

type Answer = 'saved' | 'not-saved' | 'no-answer';

export function holdCloseUntilSaved(window: CloseHoldWindow, options: CloseHoldOptions): void {
  const { ipcMain, dialog, app, timeoutMs = FLUSH_TIMEOUT_MS, newRequestId = randomUUID } = options;
  let released = false;
  let holding = false;
  let quitting = false;
  app?.on('before-quit', () => {
    quitting = true;
  });

  function askPage(): Promise<Answer> {
    const requestId = newRequestId();
    return new Promise((resolve) => {
      const finish = (answer: Answer) => {
        clearTimeout(timer);
        ipcMain.removeListener(FLUSH_DONE_CHANNEL, onDone);
        resolve(answer);
      };
      const onDone = (event: IpcMainEvent, answeredId: unknown, saved: unknown) => {
        if (event.sender !== window.webContents || !isTrustedSender(event) || answeredId !== requestId) return;
        finish(saved === true ? 'saved' : 'not-saved');
      };
      const timer = setTimeout(() => finish('no-answer'), timeoutMs);
      ipcMain.on(FLUSH_DONE_CHANNEL, onDone);
      window.webContents.send(FLUSH_REQUEST_CHANNEL, requestId);
    });
  }

  async function closeAnyway(): Promise<boolean> {
    const { response } = await dialog.showMessageBox(window as BrowserWindow, {
      type: 'warning',
      title: 'Not everything is saved',
      message: 'Some of your latest changes have not been saved.',
      detail:
        'If you close the window now, they will be lost. Keep it open to see what needs saving: the message at the top of the conference says what is wrong.',
      buttons: ['Keep the window open', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    return response === 1;
  }

  function release(answer: Answer): void {
    released = true;
    if (window.isDestroyed()) return;
    // A page that did not answer may be hung: destroying skips its unload handlers, which a hung
    // page would never finish. A page that answered closes normally.
    if (answer === 'no-answer') window.destroy();
    else window.close();
    if (quitting) app?.quit();
  }

  async function settle(): Promise<void> {
    holding = true;
    try {
      const contents = window.webContents;
      if (contents.isDestroyed() || contents.isCrashed()) return release('not-saved');
      const answer = await askPage();
      if (window.isDestroyed()) return;
      if (answer === 'saved' || (await closeAnyway())) return release(answer);
      // The chair chose to stay: a later quit starts over.
      quitting = false;
    } finally {
      holding = false;
    }
  }

  window.on('close', (event) => {
    if (released) return;
    event.preventDefault();
    if (holding) return;
    void settle();
  });
}
