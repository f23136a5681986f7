import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../../../domain/api/window-bridge';
import { createWindowBridge } from '../../../main/preload';
import { holdCloseUntilSaved, type CloseHoldWindow } from '../../../main/window-close';
import { frame, navigationEvent, type FakeFrame } from './fakes';

vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer: { on: vi.fn(), send: vi.fn(), invoke: vi.fn() } }));

/**
 * The Electron close hold, against a fake window: closing within the autosave pause must not
 * lose the last words typed. The page is asked to save; only its own answer lets the window go;
 * the chair is asked only when the save could not be made.
 */

const APP_PAGE = 'app://renderer/index.html';

class FakeContents {
  mainFrame: FakeFrame = frame(APP_PAGE);
  crashed = false;
  destroyed = false;
  sent: Array<[string, ...unknown[]]> = [];
  getType = () => 'window';
  send = vi.fn((channel: string, ...args: unknown[]) => {
    this.sent.push([channel, ...args]);
  });
  isDestroyed = () => this.destroyed;
  isCrashed = () => this.crashed;
}

/** Closes unless a 'close' listener prevents it, as BrowserWindow does. */
class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  closed = false;
  destroyed = false;
  close = vi.fn(() => {
    const event = navigationEvent('');
    this.emit('close', event);
    if (!event.defaultPrevented) this.closed = true;
  });
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.closed = true;
  });
  isDestroyed = () => this.destroyed;
}

class FakeIpcMain extends EventEmitter {}

let window: FakeWindow;
let ipcMain: FakeIpcMain;
let dialogAnswer: number;
let dialog: { showMessageBox: ReturnType<typeof vi.fn> };
let app: EventEmitter & { quit: ReturnType<typeof vi.fn<() => void>> };

function requestId(): string {
  const request = window.webContents.sent.find(([channel]) => channel === FLUSH_REQUEST_CHANNEL);
  if (!request || typeof request[1] !== 'string') throw new Error('the page was not asked to save');
  return request[1];
}

/** The page's answer as Electron delivers it: an IPC event naming its sender and frame. */
function answer(id: unknown, saved: unknown, from: { sender?: unknown; senderFrame?: FakeFrame } = {}): void {
  ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: from.sender ?? window.webContents, senderFrame: from.senderFrame ?? window.webContents.mainFrame }, id, saved);
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  window = new FakeWindow();
  ipcMain = new FakeIpcMain();
  dialogAnswer = 0;
  dialog = { showMessageBox: vi.fn(async () => ({ response: dialogAnswer, checkboxChecked: false })) };
  app = Object.assign(new EventEmitter(), { quit: vi.fn<() => void>() });
  holdCloseUntilSaved(window as unknown as CloseHoldWindow, {
    ipcMain: ipcMain as never,
    dialog: dialog as never,
    app,
    timeoutMs: 5_000,
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('holding the window open until the page has saved', () => {
  it('asks the page to save, and closes once it says everything is saved, without asking the chair', async () => {
    window.close();
    expect(window.closed).toBe(false);
    answer(requestId(), true);
    await settle();
    expect(window.closed).toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(ipcMain.listenerCount(FLUSH_DONE_CHANNEL)).toBe(0);
  });

  it('asks the chair when the page could not save, and keeps the window open if they choose to stay', async () => {
    window.close();
    answer(requestId(), false);
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [, options] = dialog.showMessageBox.mock.calls[0] as [unknown, { message: string; buttons: string[] }];
    expect(options.message).toBe('Some of your latest changes have not been saved.');
    expect(options.buttons).toEqual(['Keep the window open', 'Close without saving']);
    expect(window.closed).toBe(false);

    // A second close asks the page again (the chair may have put things right meanwhile).
    window.webContents.sent.length = 0;
    window.close();
    answer(requestId(), true);
    await settle();
    expect(window.closed).toBe(true);
  });

  it('closes when the chair chooses to close without saving', async () => {
    dialogAnswer = 1;
    window.close();
    answer(requestId(), false);
    await settle();
    expect(window.closed).toBe(true);
  });

  it('asks the chair when the page does not answer in time, and then does not wait for the page again', async () => {
    dialogAnswer = 1;
    window.close();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(window.destroy).toHaveBeenCalled();
  });

  it('ignores answers from another frame, another window, or for another request', async () => {
    window.close();
    const id = requestId();
    answer(id, true, { senderFrame: frame(APP_PAGE, { parent: frame(APP_PAGE), frameToken: 'sub' }) });
    answer(id, true, { sender: new FakeContents() });
    answer(id, true, { senderFrame: frame('https://elsewhere.example/') });
    answer('another-request', true);
    await settle();
    expect(window.closed).toBe(false);
    answer(id, true);
    await settle();
    expect(window.closed).toBe(true);
  });

  it('does not ask twice while a close is already being held', async () => {
    window.close();
    window.close();
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('closes without asking when the page has crashed: nothing is left that could be saved', async () => {
    window.webContents.crashed = true;
    window.close();
    await settle();
    expect(window.closed).toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('carries on quitting the app once the page has saved', async () => {
    app.emit('before-quit');
    window.close();
    answer(requestId(), true);
    await settle();
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('the page side of the hold (preload)', () => {
  function bridge() {
    const listeners = new Map<string, (event: unknown, id: unknown) => void>();
    const sent: unknown[][] = [];
    const windowBridge = createWindowBridge(
      (channel, listener) => listeners.set(channel, listener),
      (channel, ...args) => sent.push([channel, ...args]),
    );
    const request = async (id: unknown) => {
      listeners.get(FLUSH_REQUEST_CHANNEL)?.({}, id);
      await settle();
    };
    return { windowBridge, sent, request };
  }

  it('runs the page’s save and answers with its outcome and the request id', async () => {
    const { windowBridge, sent, request } = bridge();
    const flush = vi.fn(async () => false);
    windowBridge.onFlushRequest(flush);
    await request('r-1');
    expect(flush).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([[FLUSH_DONE_CHANNEL, 'r-1', false]]);
  });

  it('answers "saved" when no screen has anything to save, and "not saved" when the save throws', async () => {
    const { windowBridge, sent, request } = bridge();
    await request('r-1');
    windowBridge.onFlushRequest(async () => {
      throw new Error('boom');
    });
    await request('r-2');
    expect(sent).toEqual([
      [FLUSH_DONE_CHANNEL, 'r-1', true],
      [FLUSH_DONE_CHANNEL, 'r-2', false],
    ]);
  });
});
