import type { BrowserWindow, Dialog } from 'electron';
import type { FolderChooser } from './services/export/folder-export';

/**
 * Where the export dialog's files go in the desktop app: a native "choose folder" dialog,
 * attached to the app window. `CPC_EXPORT_FOLDER` replaces the dialog with a fixed folder so
 * an automated test can export without a person clicking; it is honoured only in an unpackaged
 * build, so an installed app always asks the chair.
 */
export function exportFolderChooser(options: {
  env: NodeJS.ProcessEnv;
  isPackaged: boolean;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  window: () => BrowserWindow | null;
}): FolderChooser {
  const fixed = options.env['CPC_EXPORT_FOLDER'];
  if (!options.isPackaged && fixed) return async () => fixed;
  return async () => {
    const window = options.window();
    const settings = { title: 'Choose where to save the documents', buttonLabel: 'Save here', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const result = window ? await options.dialog.showOpenDialog(window, settings) : await options.dialog.showOpenDialog(settings);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
