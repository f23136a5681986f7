/**
 * Electron only: how the main process asks the page to save what is typed before the window
 * closes. Kept apart from the API (its own channels and global) because it runs the other way
 * round — main asks, the page answers — and carries no data, only a request id and yes/no.
 */

/** Main → page: "save what is queued", with a request id to answer. */
export const FLUSH_REQUEST_CHANNEL = 'window-flush-request';
/** Page → main: (request id, everything saved?). */
export const FLUSH_DONE_CHANNEL = 'window-flush-done';

/** What the preload puts on `window.conferenceWindow`. */
export interface WindowBridge {
  /** The page says how to save its unsaved work; the answer is true when nothing is left unsaved. */
  readonly onFlushRequest: (handler: (() => Promise<boolean>) | null) => void;
}
export const WINDOW_BRIDGE_GLOBAL = 'conferenceWindow';
