import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focusin'] as const;

/**
 * Calls onIdle after `minutes` without keyboard, mouse or touch activity (0 = never).
 * Uses setTimeout and Date so tests can drive it with a fake clock rather than waiting.
 */
export function useAutoLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (minutes <= 0) return undefined;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= limit) {
        onIdleRef.current();
        return;
      }
      timer = setTimeout(check, limit - idleFor);
    };
    // Activity only moves the deadline; the single timer re-checks it, so a busy mouse costs nothing.
    const onActivity = () => {
      lastActivity = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    timer = setTimeout(check, limit);
    return () => {
      if (timer) clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes]);
}
