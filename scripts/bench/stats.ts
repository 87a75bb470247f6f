/**
 * Percentiles and summaries of timing samples. Nearest-rank percentiles: a reported p95 is a time
 * that was measured, never an interpolation between two (with fewer than 20 samples it is the slowest).
 */

/** The smallest sample with at least p % of the samples at or below it; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  if (p <= 0) return Math.min(...samples);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.ceil((p / 100) * sorted.length)) - 1];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

/** Frames per second of a frame recorder's timestamps within [from, to] (ms). */
export function framesPerSecond(frames: readonly number[], from: number, to: number): number {
  if (to <= from) return NaN;
  const inside = frames.filter((t) => t >= from && t <= to).length;
  return (inside * 1000) / (to - from);
}

/** The longest gap between consecutive frames within [from, to], counting from `from` to the first. */
export function longestFrameGap(frames: readonly number[], from: number, to: number): number {
  let previous = from;
  let longest = 0;
  for (const t of frames) {
    if (t < from) continue;
    if (t > to) break;
    longest = Math.max(longest, t - previous);
    previous = t;
  }
  return Math.max(longest, to - previous);
}
