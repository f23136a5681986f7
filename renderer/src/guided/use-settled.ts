import { startTransition, useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs`: while the chair types steadily the
 * rules, collation and cross-section conditions are not re-run at all, and when they are,
 * it is as an interruptible transition. With a delay of 0 it follows the value at once.
 */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delayMs <= 0) {
      startTransition(() => setSettled(value));
      return;
    }
    const timer = setTimeout(() => startTransition(() => setSettled(value)), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs <= 0 ? value : settled;
}
