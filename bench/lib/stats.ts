/** Small helpers for benchmark figures: timings, percentiles and plain formatting. */

export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await task();
  return { ms: performance.now() - started, value };
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) throw new Error('No samples.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? 0 };
}

export function ms(value: number): string {
  return value >= 100 ? `${Math.round(value).toLocaleString('en-GB')} ms` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function count(value: number): string {
  return value.toLocaleString('en-GB');
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'NOT MET';
}

/** One line about how busy the machine was: timings taken on an oversubscribed machine mislead. */
export function machineLoad(loadAverage: number, cores: number): string {
  const note = loadAverage > cores ? ' — busier than its cores, so these figures are inflated' : '';
  return `machine: ${cores} cores, 1-minute load average ${loadAverage.toFixed(1)}${note}`;
}
