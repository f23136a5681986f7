import { useEffect } from 'react';
import { WINDOW_BRIDGE_GLOBAL, type WindowBridge } from '../../../domain/api/window-bridge';

/** What a screen with unsaved work offers when the page is closed, reloaded, hidden or locked. */
export interface UnsavedWork {
  /** Saves now and waits; true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /** Sends what is queued at once, in a way that outlives the page; does not wait. */
  leave: () => void;
  /** True when leaving now would lose something (a failed save, text that cannot be saved). */
  wouldLoseWork: () => boolean;
}

function findWindowBridge(): WindowBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[WINDOW_BRIDGE_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as WindowBridge) : undefined;
}

/**
 * Saves what was typed in the last moments when the page goes away.
 *
 * - `pagehide` (close, reload, navigating away) and `visibilitychange` to hidden (the last event
 *   a page can count on): the queued sections are sent at once, as a request that outlives the
 *   page (fetch keepalive in the browser shell, IPC in Electron).
 * - Browser shell: `beforeunload` asks the chair only when that cannot be enough (something
 *   failed to save, cannot be saved yet, or is too large to outlive the page), and uses the
 *   moments the question is on screen to try saving.
 * - Electron: the main process holds the window's close and asks here (window-close.ts). No
 *   `beforeunload` prompt there: Electron would cancel the close without showing anything.
 */
/** `held` is read only in event handlers, never during render. */
export function useLeaveGuard(held: { get(): UnsavedWork | null }): void {
  useEffect(() => {
    const bridge = findWindowBridge();
    const onPageHide = () => held.get()?.leave();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') held.get()?.leave();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const current = held.get();
      if (!current?.wouldLoseWork()) return;
      void current.flush();
      event.preventDefault();
      // Older Chromium shows the question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    if (!bridge) window.addEventListener('beforeunload', onBeforeUnload);
    bridge?.onFlushRequest(async () => (held.get()?.flush() ?? true));
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('beforeunload', onBeforeUnload);
      bridge?.onFlushRequest(null);
    };
  }, [held]);
}
