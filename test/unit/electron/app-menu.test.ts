import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));

import { appMenuTemplate, contextMenuTemplate } from '../../../main/app-menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

const editFlags = {
  canUndo: true,
  canRedo: true,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: false,
};

describe('application menu', () => {
  it('has no reload or developer tools in a packaged app', () => {
    const packaged = roles(appMenuTemplate({ isMac: false, isPackaged: true }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']));
  });

  it('offers developer tools when unpackaged, and the app menu on macOS', () => {
    expect(roles(appMenuTemplate({ isMac: false, isPackaged: false }))).toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ isMac: true, isPackaged: true }))).toContain('appMenu');
  });
});

describe('context menu', () => {
  it('offers British spelling suggestions that replace the word, and no way to store words', () => {
    const replaceMisspelling = vi.fn();
    const items = contextMenuTemplate(
      { misspelledWord: 'organisaton', dictionarySuggestions: ['organisation', 'organisations'], isEditable: true, selectionText: '', editFlags },
      { replaceMisspelling },
    );
    expect(items.map((item) => item.label).slice(0, 2)).toEqual(['organisation', 'organisations']);
    items[0]?.click?.({} as never, undefined, {} as never);
    expect(replaceMisspelling).toHaveBeenCalledWith('organisation');
    expect(JSON.stringify(items)).not.toMatch(/dictionary/i);
    expect(items.map((item) => item.label)).toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste', 'Select all']));
  });

  it('offers only Copy on selected read-only text, and nothing on an empty spot', () => {
    const readOnly = contextMenuTemplate(
      { misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: 'Danger statement', editFlags },
      { replaceMisspelling: vi.fn() },
    );
    expect(readOnly.map((item) => item.label)).toEqual(['Copy']);
    const empty = contextMenuTemplate(
      { misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: '', editFlags },
      { replaceMisspelling: vi.fn() },
    );
    expect(empty).toEqual([]);
  });
});
