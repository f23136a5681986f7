import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Small stand-ins for Electron objects: just the members the security code touches, so the tests
 * can fire the events Electron would fire and see what our handlers did.
 */

export type FakeEvent = { url: string; preventDefault: () => void; defaultPrevented: boolean };

export function navigationEvent(url: string): FakeEvent {
  const event: FakeEvent = {
    url,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

export type FakeFrame = {
  url: string;
  parent: FakeFrame | null;
  detached: boolean;
  processId: number;
  frameToken: string;
};

export function frame(url: string, overrides: Partial<FakeFrame> = {}): FakeFrame {
  return { url, parent: null, detached: false, processId: 1, frameToken: 'main-token', ...overrides };
}
