/** Nearest-rank percentile of a sample (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    n: values.length,
  };
}

/**
 * Runs `total` tasks with exactly `concurrency` in flight until the last ones; answers them in task order
 * and the wall time from the first start to the last end.
 */
export async function inFlight<T>(
  total: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<{ results: T[]; wallMs: number }> {
  const results = new Array<T>(total);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { results, wallMs: performance.now() - started };
}

export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * Brings up function instances a few at a time, up to `to` in flight. serverless-offline counts a cold
 * start (a worker thread loading the bundle) inside the 10 s function timeout, and 50 of them at once on
 * two cores run past it; on Lambda the init phase has a budget of its own. Each step runs twice its
 * concurrency, so every instance it adds serves a warm call too.
 */
export async function rampUp(task: (index: number) => Promise<unknown>, to: number, from = 1): Promise<void> {
  let served = 0;
  for (const level of [1, 5, 10, 20, 30, 40, 50, 75, 100]) {
    if (level < from) continue;
    const concurrency = Math.min(level, to);
    await inFlight(concurrency * 2, concurrency, (i) => task(served + i));
    served += concurrency * 2;
    if (concurrency === to) return;
  }
}
