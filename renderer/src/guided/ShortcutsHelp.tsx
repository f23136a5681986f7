import { SHORTCUTS } from './shortcuts';

/** The shortcuts, always discoverable: a native disclosure, so no script or focus trap is involved. */
export function ShortcutsHelp() {
  return (
    <details className="g-shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.code} className="g-shortcuts__row">
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <p className="g-hint">Tab and Shift + Tab move between fields; arrow keys choose within a group of options.</p>
    </details>
  );
}
