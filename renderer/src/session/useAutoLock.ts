import { useEffect, useEffectEvent } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focusin'] as const;

/** How often, at most, activity is reported to the services while the chair is busy. */
const HEARTBEAT_MS = 30_000;

export interface AutoLockOptions {
  /** Minutes without activity before onIdle runs; 0 turns auto-lock off. */
  minutes: number;
  onIdle: () => void;
  /**
   * Tells the services the chair is still here. The store runs its own idle timer on API use,
   * so someone reading (not typing) for longer than the limit would otherwise find their next
   * keystroke refused as "locked" and lose it.
   */
  onActive?: () => void;
}

/**
 * Calls onIdle after `minutes` without keyboard, mouse or touch activity.
 * Uses setTimeout and Date so tests can drive it with a fake clock rather than waiting.
 */
export function useAutoLock({ minutes, onIdle, onActive }: AutoLockOptions): void {
  // The timer and listeners live as long as `minutes`; they call the latest callbacks.
  const idle = useEffectEvent(onIdle);
  const active = useEffectEvent(() => onActive?.());

  useEffect(() => {
    if (minutes <= 0) return undefined;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let lastHeartbeat = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= limit) {
        idle();
        return;
      }
      timer = setTimeout(check, limit - idleFor);
    };
    // Activity only moves the deadline; the single timer re-checks it, so a busy mouse costs nothing.
    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastHeartbeat >= Math.min(HEARTBEAT_MS, limit / 2)) {
        lastHeartbeat = lastActivity;
        active();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    timer = setTimeout(check, limit);
    return () => {
      if (timer) clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes]);
}
