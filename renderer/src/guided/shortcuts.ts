import { useEffect, useEffectEvent } from 'react';

/**
 * Shortcuts for live minuting. All use Alt+Shift with an arrow or a letter: screen readers
 * (NVDA, JAWS use Insert or Caps Lock; VoiceOver Ctrl+Option) and browsers (Ctrl, Alt+arrow
 * for history) leave that combination alone, and it types no character on UK keyboards,
 * unlike Ctrl+Alt (AltGr). Letters are matched by physical key (event.code) because Alt
 * changes the character on some layouts.
 */
export const SHORTCUTS = [
  { keys: 'Alt + Shift + Right arrow', action: 'Next section', code: 'ArrowRight' },
  { keys: 'Alt + Shift + Left arrow', action: 'Previous section', code: 'ArrowLeft' },
  { keys: 'Alt + Shift + A', action: 'Add an agency (opens Agency contributions)', code: 'KeyA' },
  { keys: 'Alt + Shift + R', action: 'Ready to sign? (what still needs doing)', code: 'KeyR' },
] as const;

export type ShortcutCode = (typeof SHORTCUTS)[number]['code'];

export function useShortcuts(handler: (code: ShortcutCode) => void): void {
  // The listener is added once; it always calls the latest handler (an effect event, not a ref).
  const onShortcut = useEffectEvent(handler);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const match = SHORTCUTS.find((shortcut) => shortcut.code === event.code);
      if (!match) return;
      event.preventDefault();
      onShortcut(match.code);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
