import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Starts main/index.ts against a recorded fake of Electron, to check the start-up order and
 * wiring that no single module can: privileged scheme before ready, hardened session, the one IPC
 * handler, and a window with the secure preferences loading the app origin.
 */

const h = vi.hoisted(() => {
  const order: string[] = [];
  let resolveReady: () => void = () => undefined;
  const state = { lock: true, isPackaged: true };
  return { order, state, ready: () => resolveReady(), setReady: (fn: () => void) => (resolveReady = fn) };
});

const electron = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(() => h.order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => h.state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    getAppPath: vi.fn(() => '/opt/conference-recorder/resources/app.asar'),
    getPath: vi.fn(() => '/home/chair/.config/Conference Recorder'),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          h.setReady(() => {
            h.order.push('ready');
            resolve();
          });
        }),
    ),
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    options: Record<string, unknown>;
    webContents = new Emitter();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      windows.push(this);
      h.order.push('window');
    }
    static getAllWindows = () => windows;
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
      setSpellCheckerLanguages: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
    },
  };
  return {
    app,
    windows,
    BrowserWindow: FakeWindow,
    session,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => h.order.push('protocol.handle')),
    },
    ipcMain: { handle: vi.fn(() => h.order.push('ipcMain.handle')), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
  };
});

vi.mock('electron', () => electron);

const createAppServices = vi.hoisted(() => vi.fn((_options: { dataDir: string }): unknown => ({})));
vi.mock('../../../main/services/app-services', () => ({ createAppServices }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function startApp(): Promise<void> {
  vi.resetModules();
  await import('../../../main/index');
}

afterEach(() => {
  h.order.length = 0;
  electron.windows.length = 0;
  electron.app.removeAllListeners();
  vi.clearAllMocks();
  h.state.lock = true;
  delete process.env['CPC_DATA_DIR'];
  delete process.env['CPC_DEMO'];
});

describe('main process start-up', () => {
  it('privileges the scheme and forces the sandbox before ready, then wires everything before the window', async () => {
    process.env['CPC_DATA_DIR'] = '/srv/fictional-records';
    await startApp();
    expect(h.order).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    h.ready();
    await flush();
    expect(h.order.slice(2)).toEqual(['ready', 'protocol.handle', 'ipcMain.handle', 'window']);

    const ses = electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(ses.setSpellCheckerLanguages).toHaveBeenCalledWith(['en-GB']);
    // The store's head is anchored in the app's per-user folder, outside the records folder.
    expect(createAppServices).toHaveBeenCalledWith({ dataDir: '/srv/fictional-records', headAnchor: expect.objectContaining({ path: expect.stringMatching(/^\/home\/chair\/\.config\/Conference Recorder\/store-head\/[0-9a-f]{32}$/) }) });
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('conference-api', expect.any(Function));
  });

  it('opens one hidden window with the secure preferences on app://renderer, shown when ready', async () => {
    await startApp();
    h.ready();
    await flush();
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0]!;
    expect(window.options).toMatchObject({ width: 1280, height: 800, show: false });
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
      preload: '/opt/conference-recorder/resources/app.asar/out/preload/preload.cjs',
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    expect(createAppServices).toHaveBeenCalledWith({ dataDir: '/home/chair/.config/Conference Recorder/records', headAnchor: expect.objectContaining({ path: expect.stringMatching(/^\/home\/chair\/\.config\/Conference Recorder\/store-head\/[0-9a-f]{32}$/) }) });
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('writes at the BrowserWindow call exactly the preferences main/security.ts defines', async () => {
    const { secureWebPreferences } = await import('../../../main/security');
    for (const isPackaged of [true, false]) {
      electron.app.isPackaged = isPackaged;
      electron.windows.length = 0;
      await startApp();
      h.ready();
      await flush();
      expect(electron.windows[0]!.options['webPreferences']).toEqual(
        secureWebPreferences({ preloadPath: '/opt/conference-recorder/resources/app.asar/out/preload/preload.cjs', isPackaged }),
      );
    }
    electron.app.isPackaged = true;
  });

  it('`npm run demo` under Electron opens the throwaway demo store, never the chair\'s records', async () => {
    const actual = await vi.importActual<typeof import('../../../main/services/app-services')>('../../../main/services/app-services');
    createAppServices.mockImplementation((options) => actual.createAppServices(options));
    process.env['CPC_DEMO'] = '1';
    await startApp();
    h.ready();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 20_000 });

    expect(createAppServices).toHaveBeenCalledTimes(1);
    const dataDir = createAppServices.mock.calls[0]![0].dataDir;
    expect(dataDir).toContain('conference-recorder-demo-');
    expect(dataDir).not.toContain('/home/chair/.config');
    // The store behind the window's IPC is the demo's: the three fictional conferences.
    const handlers = createAppServices.mock.results[0]!.value as import('../../../main/services/dispatch').Handlers;
    expect(await handlers['vault.status']({})).toEqual({ state: 'locked' });
    await handlers['vault.unlock']({ passphrase: 'fictional demo data only' });
    expect((await handlers['conferences.list']({})).conferences).toHaveLength(3);

    // Quitting locks the store and deletes the throwaway folder.
    const { existsSync } = await import('node:fs');
    const quitting = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);

  it('hardens every web contents created later', async () => {
    await startApp();
    h.ready();
    await flush();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('quits without opening anything when another instance is running', async () => {
    h.state.lock = false;
    await startApp();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(createAppServices).not.toHaveBeenCalled();
  });

  it('quits when the last window closes (except on macOS)', async () => {
    await startApp();
    electron.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(electron.app.quit).not.toHaveBeenCalled();
    else expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });
});
