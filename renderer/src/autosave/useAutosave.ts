import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SectionValue } from '../../../domain/record/conference';
import { errorMessage } from '../api';

export type AutosaveStatus =
  | { kind: 'saved'; savedAt: string | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** Some text cannot be saved until it is corrected (e.g. a date that does not exist). */
  | { kind: 'held' }
  | { kind: 'failed'; message: string };

export interface SaveOutcome {
  revision: number;
  savedAt: string;
}

export interface AutosaveOptions {
  revision: number;
  savedAt: string | null;
  save: (sections: Record<string, SectionValue>, baseRevision: number) => Promise<SaveOutcome>;
  delayMs?: number;
}

export interface Autosave {
  status: AutosaveStatus;
  /** Records the latest value of a section; it is sent after a pause in typing. */
  queue: (sectionId: string, value: SectionValue) => void;
  /** The section has text that cannot be saved yet; any older queued value for it is dropped. */
  hold: (sectionId: string) => void;
  /** Saves anything queued now (before locking or leaving); resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
}

/**
 * Debounced autosave of changed sections. Typing is never blocked: edits only update a map of
 * pending sections, and one save at a time sends them with the revision they were based on.
 * A failed save puts its sections back in the queue (unless newer text replaced them), so
 * nothing typed is lost and the next edit or flush tries again.
 */
export function useAutosave({ revision, savedAt, save, delayMs = 800 }: AutosaveOptions): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'saved', savedAt });
  const pending = useRef(new Map<string, SectionValue>());
  const held = useRef(new Set<string>());
  const revisionRef = useRef(revision);
  const lastSavedAt = useRef(savedAt);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  // Updated after render, not during it (react-hooks/refs); saves start from timers and events, later.
  useLayoutEffect(() => {
    saveRef.current = save;
  }, [save]);

  const settledStatus = useCallback((): AutosaveStatus => {
    if (pending.current.size > 0) return { kind: 'unsaved' };
    if (held.current.size > 0) return { kind: 'held' };
    return { kind: 'saved', savedAt: lastSavedAt.current };
  }, []);

  const runSave = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time: the next waits so it can name the revision the last one produced.
    while (inFlight.current) await inFlight.current;
    if (pending.current.size === 0) {
      setStatus(settledStatus());
      return held.current.size === 0;
    }
    const batch = pending.current;
    pending.current = new Map();
    setStatus({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const outcome = await saveRef.current(Object.fromEntries(batch), revisionRef.current);
        revisionRef.current = outcome.revision;
        lastSavedAt.current = outcome.savedAt;
        setStatus(settledStatus());
        return pending.current.size === 0 && held.current.size === 0;
      } catch (error) {
        for (const [sectionId, value] of batch) {
          if (!pending.current.has(sectionId) && !held.current.has(sectionId)) pending.current.set(sectionId, value);
        }
        setStatus({ kind: 'failed', message: errorMessage(error) });
        return false;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      if (inFlight.current === attempt) inFlight.current = null;
    }
  }, [settledStatus]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void runSave();
    }, delayMs);
  }, [delayMs, runSave]);

  const queue = useCallback(
    (sectionId: string, value: SectionValue) => {
      held.current.delete(sectionId);
      pending.current.set(sectionId, value);
      setStatus((current) => (current.kind === 'saving' ? current : { kind: 'unsaved' }));
      schedule();
    },
    [schedule],
  );

  const hold = useCallback((sectionId: string) => {
    held.current.add(sectionId);
    pending.current.delete(sectionId);
    setStatus((current) => (current.kind === 'saving' ? current : { kind: 'held' }));
  }, []);

  const flush = useCallback(() => runSave(), [runSave]);

  // Leaving the page saves what is queued rather than dropping it.
  useEffect(
    () => () => {
      if (timer.current && pending.current.size > 0) void runSave();
    },
    [runSave],
  );

  return { status, queue, hold, flush };
}
