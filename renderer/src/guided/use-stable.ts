import { useState } from 'react';

/**
 * Keeps the previous value while `same` says nothing that matters changed, so components
 * memoised on it do not redraw on every keystroke. Uses React's "information from previous
 * renders" pattern (state set during render, only when it differs) rather than a ref read in
 * render, which a concurrent render could see half-updated.
 */
export function useStable<T>(value: T, same: (previous: T, next: T) => boolean): T {
  const [kept, setKept] = useState(value);
  if (kept === value || same(kept, value)) return kept;
  setKept(value);
  return value;
}
