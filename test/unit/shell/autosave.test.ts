// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../../domain/api/result';
import type { SectionValue } from '../../../domain/record/conference';
import { useAutosave, type Autosave, type AutosaveOptions, type SaveOutcome } from '../../../renderer/src/autosave/useAutosave';

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
let renders = 0;

function mount(delayMs = 800, extra: Partial<AutosaveOptions> = {}): void {
  // A test that needs other options mounts again: the first harness goes first.
  if (handle?.current) act(() => root.unmount());
  calls = [];
  respond = [];
  handle = { current: null };
  const save = (sections: Record<string, SectionValue>, baseRevision: number) => {
    calls.push({ sections, baseRevision });
    return new Promise<SaveOutcome>((resolve, reject) => {
      respond.push((outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
    });
  };
  renders = 0;
  function Harness() {
    renders += 1;
    handle.current = useAutosave({ revision: 3, savedAt: '2025-03-27T09:00:00Z', save, delayMs, ...extra });
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
    expect(autosave().status).toEqual({ kind: 'retrying', message: 'The disk is full.' });
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

describe('useAutosave after a failed save', () => {
  const NOT_RESPONDING = () => new ApiFailure('INTERNAL', 'The app’s local service is not responding.');

  it('tries again by itself with growing pauses until the save lands, with no keystroke', async () => {
    act(() => autosave().queue('meeting', meeting('Priya Ashdown')));
    act(() => vi.advanceTimersByTime(800));
    await answer(NOT_RESPONDING());
    expect(autosave().status).toEqual({ kind: 'retrying', message: 'The app’s local service is not responding.' });

    // 1 s, then 2 s, then 4 s: each attempt sends the same text against the same revision.
    for (const pause of [1_000, 2_000, 4_000]) {
      const before = calls.length;
      await act(async () => vi.advanceTimersByTimeAsync(pause - 1));
      expect(calls).toHaveLength(before);
      await act(async () => vi.advanceTimersByTimeAsync(1));
      expect(calls).toHaveLength(before + 1);
      expect(calls.at(-1)).toEqual({ sections: { meeting: meeting('Priya Ashdown') }, baseRevision: 3 });
      if (pause < 4_000) await answer(NOT_RESPONDING());
    }
    await answer({ revision: 4, savedAt: '2025-03-27T10:45:00Z' });
    expect(autosave().status).toEqual({ kind: 'saved', savedAt: '2025-03-27T10:45:00Z' });
    // Saved: nothing more is sent.
    await act(async () => vi.advanceTimersByTimeAsync(60_000));
    expect(calls).toHaveLength(4);
  });

  it('settles at one attempt every 30 seconds while the service stays away', async () => {
    mount(800, { retryDelaysMs: [1_000, 30_000] });
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    await answer(NOT_RESPONDING());
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    await answer(NOT_RESPONDING());
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const before = calls.length;
      await act(async () => vi.advanceTimersByTimeAsync(29_999));
      expect(calls).toHaveLength(before);
      await act(async () => vi.advanceTimersByTimeAsync(1));
      expect(calls).toHaveLength(before + 1);
      await answer(NOT_RESPONDING());
    }
  });

  it('does not retry by itself what trying again cannot fix, and says why', async () => {
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    await answer(new ApiFailure('CONFLICT', 'This conference was changed elsewhere.'));
    expect(autosave().status).toEqual({ kind: 'failed', message: 'This conference was changed elsewhere.' });
    await act(async () => vi.advanceTimersByTimeAsync(120_000));
    expect(calls).toHaveLength(1);
  });

  it('hands the unsaved text over when the store turns out to be locked, rather than dropping it', async () => {
    const handedOver: Array<{ sections: Record<string, SectionValue>; baseRevision: number }> = [];
    mount(800, { onLocked: (sections, baseRevision) => handedOver.push({ sections, baseRevision }) });
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    act(() => autosave().queue('children', { kind: 'list', items: [] }));
    await answer(new ApiFailure('LOCKED', 'The app is locked.'));
    expect(handedOver).toEqual([{ sections: { meeting: meeting('Priya'), children: { kind: 'list', items: [] } }, baseRevision: 3 }]);
    await act(async () => vi.advanceTimersByTimeAsync(60_000));
    expect(calls).toHaveLength(1);
  });
});

describe('useAutosave when the page goes away', () => {
  it('sends what is queued at once, before the page can stop running', () => {
    act(() => autosave().queue('meeting', meeting('Priya Ashdown')));
    // No timers advanced, nothing awaited: the request must already be on its way.
    autosave().leave();
    expect(calls).toEqual([{ sections: { meeting: meeting('Priya Ashdown') }, baseRevision: 3 }]);
  });

  it('with a save on its way, sends the rest at once against the revision that save will make', async () => {
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    act(() => autosave().queue('plan', { kind: 'single', values: { summary: 'Weekly visits' } }));
    autosave().leave();
    expect(calls).toEqual([
      { sections: { meeting: meeting('Priya') }, baseRevision: 3 },
      { sections: { plan: { kind: 'single', values: { summary: 'Weekly visits' } } }, baseRevision: 4 },
    ]);
    // Should the page stay after all (it was only hidden), the text is still saved normally.
    await answer({ revision: 4, savedAt: '2025-03-27T10:42:00Z' });
    await answer({ revision: 5, savedAt: '2025-03-27T10:42:01Z' });
    await act(async () => vi.advanceTimersByTimeAsync(800));
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual({ sections: { plan: { kind: 'single', values: { summary: 'Weekly visits' } } }, baseRevision: 4 });
  });

  it('sends what is queued when the chair moves to another screen, and keeps trying if that fails', async () => {
    act(() => autosave().queue('meeting', meeting('Priya Ashdown')));
    act(() => root.unmount());
    expect(calls).toEqual([{ sections: { meeting: meeting('Priya Ashdown') }, baseRevision: 3 }]);
    await answer(new ApiFailure('INTERNAL', 'Not responding.'));
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(calls).toHaveLength(2);
    await answer({ revision: 4, savedAt: '2025-03-27T10:42:00Z' });
    // Remounted so afterEach has a live root to unmount.
    handle.current = null;
    mount();
  });

  it('says leaving would lose work after a save was refused outright (it would be refused again)', async () => {
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    await answer(new ApiFailure('CONFLICT', 'Changed elsewhere.'));
    expect(autosave().wouldLoseWork()).toBe(true);
  });

  it('says leaving would lose work only when a request sent now could not be enough', async () => {
    mount(800, { canSendOnLeaving: (sections) => JSON.stringify(sections).length < 200 });
    expect(autosave().wouldLoseWork()).toBe(false);
    act(() => autosave().queue('meeting', meeting('Priya')));
    expect(autosave().wouldLoseWork()).toBe(false);
    act(() => autosave().queue('meeting', meeting('P'.repeat(500))));
    expect(autosave().wouldLoseWork()).toBe(true);
    act(() => autosave().queue('meeting', meeting('Priya')));
    act(() => vi.advanceTimersByTime(800));
    await answer(new ApiFailure('INTERNAL', 'Not responding.'));
    // The service has just failed: a request sent while leaving would most likely fail too.
    expect(autosave().wouldLoseWork()).toBe(true);

    act(() => autosave().hold('meeting'));
    expect(autosave().wouldLoseWork()).toBe(true);
  });
});

describe('typing costs the editor nothing beyond the first keystroke', () => {
  it('re-renders the host once when changes start waiting, not on every further keystroke', () => {
    act(() => autosave().queue('meeting', meeting('P')));
    const afterFirst = renders;
    for (const chair of ['Pr', 'Pri', 'Priy', 'Priya']) act(() => autosave().queue('meeting', meeting(chair)));
    expect(autosave().status.kind).toBe('unsaved');
    // React may render once more before it sees the state is unchanged and bails out; before, each keystroke rendered.
    expect(renders - afterFirst).toBeLessThanOrEqual(1);
  });
});
