import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppOrigin } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * The window and session security policy in one place. main/index.ts writes the window's
 * preferences out literally at `new BrowserWindow` (for reviewers and static scanners); a unit
 * test keeps that literal equal to secureWebPreferences() below (patterns: Signal Desktop's
 * handleCommonWindowEvents, Actual Budget's security.ts, Electron's security checklist).
 * The renderer holds children's personal data: it gets no Node, no navigation away from the app,
 * no new windows, no device or media permissions and no remote content.
 */

export { isAppOrigin };

export type SecureWebPreferencesOptions = {
  /** Absolute path of the built CommonJS preload (a sandboxed preload cannot be ESM). */
  preloadPath: string;
  /** `app.isPackaged`: developer tools only exist in unpackaged (developer) runs. */
  isPackaged: boolean;
};

export function secureWebPreferences({ preloadPath, isPackaged }: SecureWebPreferencesOptions): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Middle-click (auxclick) would otherwise open links in a new window: nothing needs it.
    disableBlinkFeatures: 'Auxclick',
    // Chairs type long narrative in British English; the session languages are set to en-GB.
    spellcheck: true,
    safeDialogs: true,
    devTools: !isPackaged,
  };
}

/** Navigation is allowed only within the app's own origin (e.g. a reload), never elsewhere. */
function preventUnlessAppOrigin(event: { preventDefault: () => void }, url: string): void {
  if (!isAppOrigin(url)) event.preventDefault();
}

/**
 * Applied to every WebContents the app creates (from `web-contents-created`, so nothing is missed).
 * A link or script that tries to leave the app, open a window or attach a <webview> is stopped here
 * even if the CSP or the renderer were somehow bypassed.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => preventUnlessAppOrigin(event, event.url));
  // Sub-frames too: the CSP already forbids frames, this is the second lock.
  contents.on('will-frame-navigate', (event) => preventUnlessAppOrigin(event, event.url));
  contents.on('will-redirect', (event) => preventUnlessAppOrigin(event, event.url));
  // No pop-ups and no opening links in the OS browser: nothing in the app needs either, and a
  // URL handed to the OS could carry data out of the app.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session-wide: every permission (camera, microphone, notifications, geolocation, clipboard read,
 * HID/USB/serial, screen capture …) is refused, and every response carries the CSP header.
 * Requests from pages to http(s)/ws(s) are cancelled: the UI is local and must never load remote
 * content, so a CSP mistake still cannot leak a record to a server.
 */
export function hardenSession(ses: Session, csp: string = CONTENT_SECURITY_POLICY): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));

  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      // Requests without a page behind them (e.g. Chromium fetching a spell-check dictionary)
      // carry no record data and are left alone; anything a page asks for is refused.
      callback({ cancel: details.webContentsId !== undefined });
    },
  );

  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) });
  });
}

/** Replaces any CSP the response carried (whatever its header case) with ours. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}
