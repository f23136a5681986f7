import type { CDPSession, Page } from 'playwright-core';

/**
 * Where a keystroke's time goes, from a Chromium trace (CDP Tracing) of a run of keystrokes:
 * the renderer main thread's time per keystroke in script (input events, React), style, layout,
 * paint and the rest. Used by the keystroke benchmark when CPC_BENCH_TRACE=1; the trace itself is
 * not kept (it would hold the fictional text).
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The main-thread events worth naming, grouped as a performance panel would. */
const GROUPS: Record<string, string> = {
  EventDispatch: 'input events (script)',
  FunctionCall: 'other script (timers, messages)',
  TimerFire: 'other script (timers, messages)',
  FireAnimationFrame: 'animation frame callbacks',
  RunMicrotasks: 'microtasks (React)',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize/commit',
  Commit: 'layerize/commit',
  UpdateLayer: 'layerize/commit',
  HitTest: 'hit test',
  ParseHTML: 'other',
  MajorGC: 'garbage collection',
  MinorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
};

export async function startTrace(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'], recordMode: 'recordAsMuchAsPossible' },
  });
  return cdp;
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/**
 * Milliseconds per keystroke on the renderer's main thread, by group, largest first. Only
 * outermost events count (a listener's FunctionCall inside its EventDispatch is not counted
 * twice); style or layout forced from inside script is reported on its own line.
 */
export function breakdown(events: readonly TraceEvent[], keystrokes: number): [string, number][] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const totals = new Map<string, number>();
  const add = (group: string, ms: number) => totals.set(group, (totals.get(group) ?? 0) + ms);
  const timed = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && GROUPS[e.name] !== undefined)
    .sort((a, b) => a.ts - b.ts);
  let outerEnd = -1;
  let outerIsScript = false;
  for (const event of timed) {
    const group = GROUPS[event.name] ?? 'other';
    const ms = (event.dur ?? 0) / 1000;
    if (event.ts >= outerEnd) {
      add(group, ms);
      outerEnd = event.ts + (event.dur ?? 0);
      outerIsScript = /script|microtasks|callbacks/.test(group);
    } else if (outerIsScript && (event.name === 'Layout' || event.name === 'UpdateLayoutTree')) {
      add(`${group} forced from script (inside the script time)`, ms);
    }
  }
  return [...totals.entries()].map(([group, total]) => [group, total / keystrokes] as [string, number]).sort((a, b) => b[1] - a[1]);
}

/** Every kind of main-thread event by total time per keystroke (nested ones included), largest first: to spot what the groups miss. */
export function allEventTotals(events: readonly TraceEvent[], keystrokes: number, top = 25): [string, number][] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...totals.entries()].map(([name, total]) => [name, total / keystrokes] as [string, number]).sort((a, b) => b[1] - a[1]).slice(0, top);
}
