import { describe, expect, it } from 'vitest';
import { poolWalks } from '../../../scripts/bench/pool';
import { viewStats } from '../../../scripts/bench/figures';
import type { Change, ViewFigures } from '../../../scripts/bench/types';

const change = (kind: Change['kind'], ms: number): Change => ({
  kind,
  search: `?${kind}`,
  ms,
  longTasksMs: 0,
  timedOut: false,
  queries: [],
});
const walk = (drills: number[], error?: string): ViewFigures[] => [
  { view: 'categories', changes: [change('open', 200), ...drills.map((ms) => change('drill', ms))], error },
  { view: 'network', changes: [change('open', 100)] },
];

describe('poolWalks', () => {
  it('gives each view every page’s changes, so its p95 is over all of them', () => {
    // One slow drill in five pages of four: the p95 of 20 is not that one, the slowest still is.
    const pages = [walk([40, 45, 30, 35]), walk([41, 140, 31, 36]), walk([42, 46, 32, 37]), walk([43, 47, 33, 38]), walk([44, 48, 34, 39])];
    const pooled = poolWalks(pages);
    expect(pooled.map((v) => v.view)).toEqual(['categories', 'network']);
    const drill = viewStats(pooled[0]).drill;
    expect(drill.n).toBe(20);
    expect(drill.max).toBe(140);
    expect(drill.p95).toBe(48);
    // Alone, a page's p95 is its slowest.
    expect(viewStats(pages[1][0]).drill.p95).toBe(140);
    expect(pooled[0].changes.filter((c) => c.kind === 'open').map((c) => c.page)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps a slow first visit that every page makes in the p95', () => {
    // Each page's first drill is the slow one: a quarter of the samples, so the p95 is still it.
    const pooled = poolWalks([1, 2, 3, 4, 5].map((p) => walk([140 + p, 40, 30, 35])));
    expect(viewStats(pooled[0]).drill.p95).toBe(144);
  });

  it('keeps why a view was cut short, naming the page', () => {
    const pooled = poolWalks([walk([40]), walk([], 'drill ?p=1 timed out after 30 s'), walk([41])]);
    expect(pooled[0].error).toBe('page 2: drill ?p=1 timed out after 30 s');
    expect(pooled[1].error).toBeUndefined();
    expect(poolWalks([walk([], 'cut short after 60 s')])[0].error).toBe('cut short after 60 s');
  });
});
