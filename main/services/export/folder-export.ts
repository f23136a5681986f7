import { constants } from 'node:fs';
import { mkdir, open, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ApiFailure } from '../../../domain/api/result';
import { safeFileNamePart } from '../../../domain/signoff/file-name';
import type { Handlers } from '../dispatch';

/**
 * Saving exports into a folder the chair picks, for the desktop app. The page asks main to
 * show a folder dialog (`exports.chooseFolder`), then asks for each document in turn
 * (`exports.saveToFolder`) so it can show progress; main makes the file with the same export
 * handlers the browser uses and writes it itself. The page never names a path and never sends
 * bytes to be written, so even a compromised page can only put the app's own documents into
 * the one folder the chair chose. Files are never overwritten: a second copy gets " (2)".
 *
 * Plain Node: the folder dialog is passed in (Electron's `dialog` in main/index.ts, a fixed
 * folder in tests), so this is tested without Electron.
 */

/** Resolves to the chosen folder's absolute path, or null when the chair cancelled. */
export type FolderChooser = () => Promise<string | null>;

type FolderHandlers = Pick<Handlers, 'exports.chooseFolder' | 'exports.saveToFolder'>;

/** The browser shell's answer: no folder dialog there; the page downloads each file instead. */
export const NO_FOLDER_HANDLERS: FolderHandlers = {
  'exports.chooseFolder': async () => ({ available: false, chosen: false, folderName: null }),
  'exports.saveToFolder': async () => {
    throw new ApiFailure('INVALID_INPUT', 'Saving to a folder is only available in the desktop app; the browser downloads each file instead.');
  },
};

export function folderExportHandlers(handlers: Pick<Handlers, 'conferences.export' | 'conferences.exportChildLetter'>, choose: FolderChooser): FolderHandlers {
  let folder: string | null = null;
  return {
    'exports.chooseFolder': async () => {
      const chosen = await choose();
      if (chosen === null) return { available: true, chosen: false, folderName: null };
      const info = await stat(chosen).catch(() => null);
      if (!info?.isDirectory()) throw new ApiFailure('NOT_FOUND', 'That folder could not be opened. Choose another folder.');
      folder = await realpath(chosen);
      return { available: true, chosen: true, folderName: basename(folder) };
    },
    'exports.saveToFolder': async ({ id, document, childId, format }) => {
      if (folder === null) throw new ApiFailure('INVALID_INPUT', 'Choose a folder to save the documents in first.');
      let file;
      if (document === 'child-letter') {
        if (childId === undefined) throw new ApiFailure('INVALID_INPUT', 'Say which child’s letter to save.');
        file = await handlers['conferences.exportChildLetter']({ id, childId, format });
      } else {
        file = await handlers['conferences.export']({ id, document, format });
      }
      const savedAs = await writeNew(folder, file.fileName, Buffer.from(file.base64, 'base64'));
      return { fileName: file.fileName, savedAs, draft: file.draft };
    },
  };
}

/**
 * Writes bytes under a name that does not exist yet (O_EXCL, so a file that appears meanwhile
 * is not overwritten either). The name is the export's own, checked again here: one path
 * segment, nothing a file system would read as a path or a device.
 */
export async function writeNew(folder: string, fileName: string, bytes: Buffer): Promise<string> {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  if (!/^\.(docx|pdf)$/.test(extension) || safeFileNamePart(stem) !== stem || stem === '') {
    throw new ApiFailure('INVALID_INPUT', 'That file name cannot be used. Nothing was saved.');
  }
  await mkdir(folder, { recursive: true });
  for (let copy = 1; copy < 100; copy += 1) {
    const name = copy === 1 ? fileName : `${stem} (${copy})${extension}`;
    const handle = await open(join(folder, name), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return null;
      throw new ApiFailure('INTERNAL', 'The document could not be saved in that folder. Check that you can save files there, or choose another folder.');
    });
    if (handle === null) continue;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return name;
  }
  throw new ApiFailure('CONFLICT', 'There are already 99 copies of this document in that folder. Choose another folder.');
}
