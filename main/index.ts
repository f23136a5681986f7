import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { composeApp, type AppRoot } from './app-root';
import { appMenuTemplate, contextMenuTemplate } from './app-menu';
import { APP_ENTRY_URL } from './app-origin';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './app-protocol';
import { registerIpc } from './ipc';
import { exportFolderChooser } from './export-folder';
import { folderExportHandlers } from './services/export/folder-export';
import { hardenSession, hardenWebContents } from './security';
import { holdCloseUntilSaved } from './window-close';

/**
 * Electron entry point. Order matters: the scheme must be privileged and the sandbox forced before
 * `ready`; the session is hardened and the protocol served before any window loads; the IPC handler
 * exists before the page can call it.
 */

// Before ready, as Electron requires. enableSandbox() sandboxes every renderer, whatever a
// window's own preferences say.
registerAppSchemeAsPrivileged(protocol);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Conference Recorder',
    backgroundColor: '#ffffff',
    // Shown once painted, so the chair never sees a blank white frame.
    show: false,
    // Written out here, where a reviewer and a static scanner (electronegativity, `npm run
    // audit:electron`) see them. main/security.ts's secureWebPreferences() is the policy;
    // test/unit/electron/index.test.ts fails if this literal ever differs from it.
    webPreferences: {
      preload: join(app.getAppPath(), 'out', 'preload', 'preload.cjs'),
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  holdCloseUntilSaved(window, { ipcMain, dialog, app }); // the last words typed are saved before it closes
  window.webContents.on('render-process-gone', (_event, details) => {
    // The reason only: nothing from the page.
    console.error(`[window] the page stopped unexpectedly (${details.reason})`);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  // Every WebContents, including any created later, gets the navigation/window/webview locks.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    attachContextMenu(contents);
  });
  app.on('second-instance', focusMainWindow);

  await app.whenReady();

  const ses = session.defaultSession;
  hardenSession(ses);
  // British English for spelling; on macOS the OS checker is used and this call does nothing.
  ses.setSpellCheckerLanguages(['en-GB']);
  serveAppProtocol(protocol, join(app.getAppPath(), 'out', 'renderer'));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged })),
  );

  // The same composition root as the browser shell: CPC_DATA_DIR, CPC_DEMO and the store's
  // options mean the same here as there.
  const root = await composeApp({
    env: process.env,
    platform: process.platform,
    homedir: homedir(),
    userDataDir: app.getPath('userData'),
  });
  closeOnQuit(root);
  // Issue 8: the export dialog saves into a folder the chair picks (a folder dialog here, in main).
  const chooseFolder = exportFolderChooser({ env: process.env, isPackaged: app.isPackaged, dialog, window: () => mainWindow });
  registerIpc(ipcMain, { ...root.handlers, ...folderExportHandlers(root.handlers, chooseFolder) });

  mainWindow = createMainWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one again.
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

/** Locks the store and removes a demo's throwaway folder before the process ends. */
function closeOnQuit(root: AppRoot): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void root.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

app.on('window-all-closed', () => {
  // macOS convention: the app stays in the dock until the chair quits it.
  if (process.platform !== 'darwin') app.quit();
});

// One instance only: two processes writing the same encrypted store would corrupt it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    // The error's type only: a message could quote a path or a record.
    console.error(`[app] could not start: ${error instanceof Error ? error.name : typeof error}`);
    dialog.showErrorBox(
      'Conference Recorder could not start',
      'Something went wrong while opening the app. Your saved records have not been changed. Please try again, and contact your IT support if this keeps happening.',
    );
    app.exit(1);
  });
}
