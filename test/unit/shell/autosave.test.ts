// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../../domain/api/result';
import type { SectionValue } from '../../../domain/record/conference';
import { useAutosave, type Autosave, type SaveOutcome } from '../../../renderer/src/autosave/useAutosave';

/**
 * The renderer's autosave, driven through a bare React root with fake timers: the behaviour
 * a chair depends on (nothing typed is lost, saves are serial and name the right revision).
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type SaveCall = { sections: Record<string, SectionValue>; baseRevision: number };

const meeting = (chair: string): SectionValue => ({ kind: 'single', values: { chair } });

let root: Root;
let handle: { current: Autosave | null };
let calls: SaveCall[];
let respond: Array<(outcome: SaveOutcome | Error) => void>;

function mount(delayMs = 800): void {
  calls = [];
  respond = [];
  handle = { current: null };
  const save = (sections: Record<string, SectionValue>, baseRevision: number) => {
    calls.push({ sections, baseRevision });
    return new Promise<SaveOutcome>((resolve, reject) => {
      respond.push((outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
    });
  };
  function Harness() {
    handle.current = useAutosave({ revision: 3, savedAt: '2025-03-27T09:00:00Z', save, delayMs });
    return null;
  }
  root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Harness)));
}

const autosave = (): Autosave => {
  if (!handle.current) throw new Error('not mounted');
  return handle.current;
};

async function answer(outcome: SaveOutcome | Error): Promise<void> {
  const next = respond.shift();
  if (!next) throw new Error('no save is waiting for an answer');
  await act(async () => next(outcome));
}

beforeEach(() => {
  vi.useFakeTimers();
  mount();
});

afterEach(() => {
  act(() => root.unmount());
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('waits for a pause in typing, then sends the latest text once with the base revision', async () => {
    act(() => autosave().queue('meeting', meeting('P')));
    act(() => autosave().queue('meeting', meeting('Priya')));
    expect(autosave().status).toEqual({ kind: 'unsaved' });
    act(() => vi.advanceTimersByTime(799));
    expect(calls).toHaveLength(0);
    act(() => vi.advanceTimersByTime(1));
    expect(calls).toEqual([{ sections: { meeting: meeting('Priya') }, baseRevision: 3 }]);
    expect(autosave().status).toEqual({ kind: 'saving' });
    await answer({ revision: 4, savedAt: '2025-03-27T10:42:00Z' });
    expect(autosave().status).toEqual({ kind: 'saved', savedAt: '2025-03-27T10:42:00Z' });
  });

  it('sends only the sections that changed, and each save names the revision the last produced', async () => {
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    // Typing continues while the first save is on its way.
    act(() => autosave().queue('children', { kind: 'list', items: [] }));
    act(() => vi.advanceTimersByTime(800));
    expect(calls).toHaveLength(1);
    await answer({ revision: 4, savedAt: '2025-03-27T10:42:00Z' });
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(calls[1]).toEqual({ sections: { children: { kind: 'list', items: [] } }, baseRevision: 4 });
  });

  it('keeps the text after a failed save, says why, and sends it again on retry', async () => {
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    await answer(new ApiFailure('INTERNAL', 'The disk is full.'));
    expect(autosave().status).toEqual({ kind: 'failed', message: 'The disk is full.' });
    let flushed: Promise<boolean> = Promise.resolve(false);
    act(() => {
      flushed = autosave().flush();
    });
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(calls[1]).toEqual({ sections: { meeting: meeting('Priya') }, baseRevision: 3 });
    await answer({ revision: 4, savedAt: '2025-03-27T10:43:00Z' });
    await expect(flushed).resolves.toBe(true);
  });

  it('never lets a failed older save overwrite newer text', async () => {
    act(() => autosave().queue('meeting', meeting('Pri')));
    act(() => vi.advanceTimersByTime(800));
    act(() => autosave().queue('meeting', meeting('Priya Ashdown')));
    await answer(new ApiFailure('INTERNAL', 'Busy.'));
    act(() => vi.advanceTimersByTime(800));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(calls.at(-1)?.sections).toEqual({ meeting: meeting('Priya Ashdown') });
  });

  it('holds back a section that cannot be saved and reports it until it is put right', async () => {
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => autosave().hold('meeting'));
    expect(autosave().status).toEqual({ kind: 'held' });
    let flushed: Promise<boolean> = Promise.resolve(true);
    act(() => {
      flushed = autosave().flush();
    });
    await expect(flushed).resolves.toBe(false);
    expect(calls).toHaveLength(0);
    act(() => autosave().queue('meeting', meeting('Priya A')));
    act(() => vi.advanceTimersByTime(800));
    expect(calls).toEqual([{ sections: { meeting: meeting('Priya A') }, baseRevision: 3 }]);
  });

  it('flushes at once when asked (before locking), without waiting for the pause', async () => {
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => {
      void autosave().flush();
    });
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(calls).toHaveLength(1);
  });
});
