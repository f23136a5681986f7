import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/**
 * A deliberately small application menu: editing (so copy/paste shortcuts work, notably on macOS),
 * zoom (chairs read long minutes; zoom is an accessibility need) and window controls. Reload and
 * developer tools only in unpackaged runs: a reload could discard an unsaved edit.
 */
export function appMenuTemplate({ isMac, isPackaged }: { isMac: boolean; isPackaged: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : [{ label: 'File', submenu: [{ role: 'quit' } as const] }]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

export type ContextMenuActions = {
  replaceMisspelling: (word: string) => void;
};

/**
 * Right-click menu for text: spelling suggestions (en-GB) and cut/copy/paste. There is no
 * "Add to dictionary": Chromium keeps the custom dictionary as a plain-text file, and the words a
 * chair would add are mostly names of children and family members.
 */
export function contextMenuTemplate(
  params: Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'>,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 5);
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    for (const suggestion of suggestions) {
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    }
    items.push({ type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: 'Cut', enabled: params.editFlags.canCut },
      { role: 'copy', label: 'Copy', enabled: params.editFlags.canCopy },
      { role: 'paste', label: 'Paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: 'Select all', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim().length > 0) {
    items.push({ role: 'copy', label: 'Copy', enabled: params.editFlags.canCopy });
  }
  return items;
}
