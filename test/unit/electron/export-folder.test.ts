import { describe, expect, it } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { exportFolderChooser } from '../../../main/export-folder';

/** The desktop app's folder dialog for exports, with Electron's dialog replaced by a recording fake. */
function fakeDialog(answer: { canceled: boolean; filePaths: string[] }) {
  const calls: unknown[][] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args);
      return answer;
    },
  } as unknown as Pick<Dialog, 'showOpenDialog'>;
  return { dialog, calls };
}

const window = {} as BrowserWindow;

describe('choosing the export folder in the desktop app', () => {
  it('asks with a folder dialog attached to the app window, and returns the folder chosen', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/home/chair/Minutes'] });
    const choose = exportFolderChooser({ env: {}, isPackaged: true, dialog, window: () => window });
    expect(await choose()).toBe('/home/chair/Minutes');
    expect(calls[0]?.[0]).toBe(window);
    expect(calls[0]?.[1]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
  });

  it('returns null when the chair cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePaths: [] });
    expect(await exportFolderChooser({ env: {}, isPackaged: false, dialog, window: () => null })()).toBeNull();
  });

  it('uses CPC_EXPORT_FOLDER instead of the dialog only in an unpackaged build, so an installed app always asks', async () => {
    const env = { CPC_EXPORT_FOLDER: '/tmp/e2e-exports' };
    const test = fakeDialog({ canceled: false, filePaths: ['/never'] });
    expect(await exportFolderChooser({ env, isPackaged: false, dialog: test.dialog, window: () => window })()).toBe('/tmp/e2e-exports');
    expect(test.calls).toHaveLength(0);
    const installed = fakeDialog({ canceled: false, filePaths: ['/home/chair/Minutes'] });
    expect(await exportFolderChooser({ env, isPackaged: true, dialog: installed.dialog, window: () => window })()).toBe('/home/chair/Minutes');
    expect(installed.calls).toHaveLength(1);
  });
});
