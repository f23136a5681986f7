import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

// security.ts only needs Electron's types; the mock makes sure nothing here can start the real one.
vi.mock('electron', () => ({}));

import { APP_ENTRY_URL, isAppOrigin } from '../../../main/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../main/csp';
import {
  hardenSession,
  hardenWebContents,
  secureWebPreferences,
  withContentSecurityPolicy,
} from '../../../main/security';
import { FakeWebContents, navigationEvent } from './fakes';

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

describe('isAppOrigin', () => {
  it('accepts only app://renderer', () => {
    expect(isAppOrigin(APP_ENTRY_URL)).toBe(true);
    expect(isAppOrigin('app://renderer/assets/index.js')).toBe(true);
    for (const url of [
      'https://renderer/index.html',
      'app://evil/index.html',
      'app://renderer.evil/index.html',
      'app://renderer:8080/index.html',
      'app://user:pw@renderer/index.html',
      'file:///home/chair/records.json',
      'http://127.0.0.1:5173/',
      'about:blank',
      'data:text/html,<h1>hi</h1>',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppOrigin(url), url).toBe(false);
    }
    expect(isAppOrigin(undefined)).toBe(false);
    expect(isAppOrigin(null)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: prevents going to another origin and allows the app itself',
    (eventName) => {
      const contents = hardened();
      const away = navigationEvent('https://example.org/phish');
      contents.emit(eventName, away, away.url);
      expect(away.defaultPrevented).toBe(true);

      const fileUrl = navigationEvent('file:///etc/passwd');
      contents.emit(eventName, fileUrl, fileUrl.url);
      expect(fileUrl.defaultPrevented).toBe(true);

      const home = navigationEvent(APP_ENTRY_URL);
      contents.emit(eventName, home, home.url);
      expect(home.defaultPrevented).toBe(false);
    },
  );

  it('denies every window.open, even to the app itself', () => {
    const contents = hardened();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    const contents = hardened();
    const event = navigationEvent('app://renderer/guest.html');
    contents.emit('will-attach-webview', event, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node and no webview', () => {
    const prefs = secureWebPreferences({ preloadPath: '/app/out/preload/preload.cjs', isPackaged: true });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
      devTools: false,
    });
  });

  it('allows developer tools only in an unpackaged run', () => {
    expect(secureWebPreferences({ preloadPath: 'p', isPackaged: false }).devTools).toBe(true);
    expect(secureWebPreferences({ preloadPath: 'p', isPackaged: true }).devTools).toBe(false);
  });
});

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestListener = (
  details: { url: string; webContentsId?: number },
  callback: (response: { cancel: boolean }) => void,
) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;

function fakeSession() {
  const calls: {
    request?: PermissionRequestHandler;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
    displayMedia?: (request: unknown, callback: (streams: unknown) => void) => void;
    beforeRequest?: { filter: { urls: string[] }; listener: BeforeRequestListener };
    headers?: HeadersListener;
  } = {};
  const ses = {
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => (calls.request = handler),
    setPermissionCheckHandler: (handler: () => boolean) => (calls.check = handler),
    setDevicePermissionHandler: (handler: () => boolean) => (calls.device = handler),
    setDisplayMediaRequestHandler: (handler: (request: unknown, callback: (streams: unknown) => void) => void) =>
      (calls.displayMedia = handler),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener) =>
        (calls.beforeRequest = { filter, listener }),
      onHeadersReceived: (listener: HeadersListener) => (calls.headers = listener),
    },
  };
  hardenSession(ses as unknown as Session);
  return calls;
}

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    const calls = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      calls.request?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(calls.check?.(null, permission, 'app://renderer', {})).toBe(false);
    }
    expect(calls.device?.({ deviceType: 'usb' })).toBe(false);
    const streams = vi.fn();
    calls.displayMedia?.({}, streams);
    expect(streams).toHaveBeenCalledWith(null);
  });

  it('cancels remote requests made by a page but not Chromium’s own', () => {
    const calls = fakeSession();
    expect(calls.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
    const fromPage = vi.fn();
    calls.beforeRequest?.listener({ url: 'https://example.org/x.js', webContentsId: 1 }, fromPage);
    expect(fromPage).toHaveBeenCalledWith({ cancel: true });
    const fromBrowser = vi.fn();
    calls.beforeRequest?.listener({ url: 'https://dictionaries.example/en-GB.bdic' }, fromBrowser);
    expect(fromBrowser).toHaveBeenCalledWith({ cancel: false });
  });

  it('puts our CSP on every response, replacing any other', () => {
    const calls = fakeSession();
    const callback = vi.fn();
    calls.headers?.({ responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline'"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] },
    });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('refuses by default and allows no inline code, eval, framing or remote hosts', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name, sources.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });
});
