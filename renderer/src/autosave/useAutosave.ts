import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SectionValue } from '../../../domain/record/conference';
import { errorCode, errorMessage } from '../api';

export type AutosaveStatus =
  | { kind: 'saved'; savedAt: string | null }
  /** Acknowledged, but kept (encrypted) on this computer: the team server could not be reached; sent when it is back. */
  | { kind: 'queued' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** Some text cannot be saved until it is corrected (e.g. a date that does not exist). */
  | { kind: 'held' }
  /** A save failed for a reason that passes (the service busy or restarting); it is tried again by itself. */
  | { kind: 'retrying'; message: string }
  /** A save was refused for a reason trying again cannot fix (changed elsewhere, damaged file). */
  | { kind: 'failed'; message: string };

export interface SaveOutcome {
  revision: number;
  savedAt: string;
  /** Kept on this computer, to be sent (a team store whose server is away). */
  queued?: true;
}

export type Sections = Record<string, SectionValue>;

export interface AutosaveOptions {
  revision: number;
  savedAt: string | null;
  save: (sections: Sections, baseRevision: number) => Promise<SaveOutcome>;
  delayMs?: number;
  /** Waits between automatic attempts after a failure; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /**
   * The store was locked under us (the service restarted, another window locked it): the screen
   * is about to close, so what could not be saved is handed over to be sent after unlocking.
   */
  onLocked?: (sections: Sections, baseRevision: number) => void;
  /** Whether these sections can be sent so that the request outlives the page (size limits). */
  canSendOnLeaving?: (sections: Sections) => boolean;
}

export interface Autosave {
  status: AutosaveStatus;
  /** Records the latest value of a section; it is sent after a pause in typing. */
  queue: (sectionId: string, value: SectionValue) => void;
  /** The section has text that cannot be saved yet; any older queued value for it is dropped. */
  hold: (sectionId: string) => void;
  /** Saves anything queued now (before locking or leaving); resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /**
   * The page is going away (closed, reloaded) or hidden: sends what is queued at once, without
   * waiting for anything, because the page may not run another line. See `leaveNow` below.
   */
  leave: () => void;
  /** True when leaving now would lose something: the chair should be asked first. */
  wouldLoseWork: () => boolean;
}

/** 1 s, 2 s, 4 s, 8 s, 15 s, then every 30 s: quick for a blip, calm for a service that is down. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

type TimerSlot = { current: ReturnType<typeof setTimeout> | null };

function clearTimer(timer: TimerSlot): void {
  if (timer.current) {
    clearTimeout(timer.current);
    timer.current = null;
  }
}

/** Failures that pass by themselves. The rest (a conflict, a damaged file, bad input) need the chair. */
function isPassing(error: unknown): boolean {
  const code = errorCode(error);
  return code === undefined || code === 'INTERNAL' || code === 'STORE_IN_USE';
}

/**
 * Debounced autosave of changed sections. Typing is never blocked: edits only update a map of
 * pending sections, and one save at a time sends them with the revision they were based on.
 * A failed save puts its sections back in the queue (unless newer text replaced them) and, when
 * the failure is one that passes, tries again by itself with growing pauses, so nothing typed is
 * lost and nobody has to type again to have it saved.
 */
export function useAutosave({ revision, savedAt, save, delayMs = 800, retryDelaysMs = RETRY_DELAYS_MS, onLocked, canSendOnLeaving }: AutosaveOptions): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'saved', savedAt });
  const pending = useRef(new Map<string, SectionValue>());
  const held = useRef(new Set<string>());
  const revisionRef = useRef(revision);
  const lastSavedAt = useRef(savedAt);
  const lastQueued = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  /** The last save failed (for any reason): a request sent while leaving would most likely fail too. */
  const lastSaveFailed = useRef(false);
  // The latest callbacks, for saves that start later (timers, retries); updated after each
  // render rather than during it, as React asks.
  const saveRef = useRef(save);
  const onLockedRef = useRef(onLocked);
  const canSendRef = useRef(canSendOnLeaving);
  const delaysRef = useRef(retryDelaysMs);
  useLayoutEffect(() => {
    saveRef.current = save;
    onLockedRef.current = onLocked;
    canSendRef.current = canSendOnLeaving;
    delaysRef.current = retryDelaysMs;
  });

  const settledStatus = useCallback((): AutosaveStatus => {
    if (pending.current.size > 0) return { kind: 'unsaved' };
    if (held.current.size > 0) return { kind: 'held' };
    if (lastQueued.current) return { kind: 'queued' };
    return { kind: 'saved', savedAt: lastSavedAt.current };
  }, []);


  // runSave and the retry timer call each other: the timer reaches runSave through this ref.
  const runSaveRef = useRef<() => Promise<boolean>>(async () => false);

  const retryLater = useCallback(() => {
    // A keystroke in the meantime schedules its own (sooner) save and replaces this timer.
    if (timer.current) return;
    const delays = delaysRef.current.length > 0 ? delaysRef.current : RETRY_DELAYS_MS;
    const wait = delays[Math.min(failures.current, delays.length) - 1] ?? delays[delays.length - 1] ?? 30_000;
    timer.current = setTimeout(() => {
      timer.current = null;
      void runSaveRef.current();
    }, wait);
  }, []);

  const runSave = useCallback(async (): Promise<boolean> => {
    clearTimer(timer);
    // One save at a time: the next waits so it can name the revision the last one produced.
    // With nothing in flight this does not wait at all, so the request below is on its way
    // before this function first yields — which is what lets `leave` work in `pagehide`.
    while (inFlight.current) await inFlight.current;
    if (pending.current.size === 0) {
      setStatus(settledStatus());
      return held.current.size === 0;
    }
    const batch = pending.current;
    pending.current = new Map();
    setStatus({ kind: 'saving' });
    const attempt = (async () => {
      const base = revisionRef.current;
      try {
        const outcome = await saveRef.current(Object.fromEntries(batch), base);
        revisionRef.current = outcome.revision;
        lastSavedAt.current = outcome.savedAt;
        lastQueued.current = outcome.queued === true;
        failures.current = 0;
        lastSaveFailed.current = false;
        setStatus(settledStatus());
        return pending.current.size === 0 && held.current.size === 0;
      } catch (error) {
        for (const [sectionId, value] of batch) {
          if (!pending.current.has(sectionId) && !held.current.has(sectionId)) pending.current.set(sectionId, value);
        }
        if (errorCode(error) === 'LOCKED') {
          // The editor is about to be replaced by the unlock screen: hand the text over rather
          // than drop it with the screen. It is sent again once the chair has unlocked.
          const handOver = onLockedRef.current;
          if (handOver) {
            handOver(Object.fromEntries(pending.current), base);
            pending.current = new Map();
          }
          setStatus({ kind: 'failed', message: errorMessage(error) });
          return false;
        }
        lastSaveFailed.current = true;
        if (isPassing(error)) {
          failures.current += 1;
          setStatus({ kind: 'retrying', message: errorMessage(error) });
          retryLater();
        } else {
          setStatus({ kind: 'failed', message: errorMessage(error) });
        }
        return false;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      if (inFlight.current === attempt) inFlight.current = null;
    }
  }, [settledStatus, retryLater]);
  useLayoutEffect(() => {
    runSaveRef.current = runSave;
  }, [runSave]);

  const schedule = useCallback(() => {
    clearTimer(timer);
    timer.current = setTimeout(() => {
      timer.current = null;
      void runSave();
    }, delayMs);
  }, [delayMs, runSave]);

  const queue = useCallback(
    (sectionId: string, value: SectionValue) => {
      held.current.delete(sectionId);
      pending.current.set(sectionId, value);
      // The same state object when nothing changes, so a keystroke does not re-render the editor.
      setStatus((current) => (current.kind === 'saving' || current.kind === 'retrying' || current.kind === 'unsaved' ? current : { kind: 'unsaved' }));
      schedule();
    },
    [schedule],
  );

  const hold = useCallback((sectionId: string) => {
    held.current.add(sectionId);
    pending.current.delete(sectionId);
    setStatus((current) => (current.kind === 'saving' || current.kind === 'held' ? current : { kind: 'held' }));
  }, []);

  const flush = useCallback(() => runSave(), [runSave]);

  const leave = useCallback(() => {
    if (pending.current.size === 0) return;
    if (!inFlight.current) {
      // Starts the request synchronously (see runSave); the transport sends it so that it
      // outlives the page (fetch keepalive in the browser shell, IPC in Electron).
      void runSave();
      return;
    }
    // A save is on its way and the page may not live to see its answer. The store serves calls
    // in order, so that save lands first and, having changed something, moves the revision on
    // by exactly one: the rest is sent now against that revision. (Were that save to change
    // nothing, this one is refused as a conflict and the text is lost — hence `wouldLoseWork`
    // asks before leaving in that case.)
    // The queued text and its timer stay: should the page live on (it was only hidden), the
    // ordinary save follows and, if this one landed, the store answers it as already saved.
    const rest = Object.fromEntries(pending.current);
    void saveRef.current(rest, revisionRef.current + 1).catch(() => undefined);
  }, [runSave]);

  const wouldLoseWork = useCallback(
    () =>
      held.current.size > 0 ||
      (pending.current.size > 0 && lastSaveFailed.current) ||
      (pending.current.size > 0 && inFlight.current !== null) ||
      (pending.current.size > 0 && canSendRef.current !== undefined && !canSendRef.current(Object.fromEntries(pending.current))),
    [],
  );

  // Leaving the screen (another conference, the list) saves what is queued rather than dropping
  // it; should that fail, the retries carry on after the screen has gone, until the text is saved
  // or handed over at a lock.
  useEffect(
    () => () => {
      if (pending.current.size > 0) void runSave();
    },
    [runSave],
  );

  return { status, queue, hold, flush, leave, wouldLoseWork };
}
