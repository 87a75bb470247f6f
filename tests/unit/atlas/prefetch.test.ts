import { describe, expect, it } from 'vitest';
import { PREFETCH_BUDGET, prefetchPlan } from '../../../src/lib/atlas/prefetch';
import { SUMMARY_FILE, countyOfTextFile, namesFile, partFile, searchBucketFile, stepsFile } from '../../../src/lib/atlas/parts';
import { realDb } from '../queries/real-db';

const MB = 1024 * 1024;

/** A county's two text files, `mb` in all: a fifth of it names, the rest steps (a region's proportions). */
const countyText = (county: number, mb: number): [string, number][] => [
  [namesFile(county), 0.2 * mb * MB],
  [stepsFile(county), 0.8 * mb * MB],
];
/** The bytes a text need fetches: its county's two files. */
const textBytes = (files: Map<string, number>, need: string) => {
  const county = Number(need.slice(5));
  return files.get(namesFile(county))! + files.get(stepsFile(county))!;
};

describe('what the app fetches after the first chart', () => {
  it('takes every part of the bundled lists', async () => {
    const { files } = (await realDb()).info;
    const plan = prefetchPlan(files);
    const counties = new Set([...files.keys()].map(countyOfTextFile).filter((c) => c !== null));
    expect(counties.size).toBeGreaterThan(1);
    expect(plan).toEqual(expect.arrayContaining(['network', 'heatmap', 'facts']));
    expect(plan.filter((n) => n.startsWith('text:'))).toHaveLength(counties.size);
  });

  it('takes the fixed parts before any county’s text, each smallest first, within the budget', () => {
    // A region's sizes (1,100 townships, gzipped): the facts fit, then as many counties as room leaves.
    const files = new Map<string, number>([
      [SUMMARY_FILE, 0.8 * MB],
      [partFile('facts'), 10.2 * MB],
      [partFile('network'), 2.1 * MB],
      [partFile('heatmap'), 0.4 * MB],
      [searchBucketFile(0), 0.1 * MB],
      ...Array.from({ length: 99 }, (_, i) => countyText(i + 1, 0.3 + (i % 5) * 0.1)).flat(),
    ]);
    const plan = prefetchPlan(files);
    expect(plan.slice(0, 3)).toEqual(['heatmap', 'network', 'facts']);
    const texts = plan.slice(3);
    expect(texts.every((n) => n.startsWith('text:'))).toBe(true);
    const size = (need: string) => textBytes(files, need);
    expect(texts.map(size)).toEqual(texts.map(size).sort((a, b) => a - b));
    const total = 12.7 * MB + texts.reduce((s, n) => s + size(n), 0);
    expect(total).toBeLessThanOrEqual(PREFETCH_BUDGET);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThan(99); // not the whole region's text
  });

  it('takes the named counties’ text right after the fixed parts, whatever their size, and the rest smallest first', () => {
    const files = new Map<string, number>([
      [partFile('facts'), 10.2 * MB],
      [partFile('network'), 2.1 * MB],
      ...Array.from({ length: 40 }, (_, i) => countyText(i + 1, 0.2 + (i % 5) * 0.2)).flat(),
    ]);
    const largest = [...files].filter(([path]) => path.includes('/text/')).sort((a, b) => b[1] - a[1])[0][0];
    const county = countyOfTextFile(largest)!;
    const plan = prefetchPlan(files, PREFETCH_BUDGET, [county]);
    expect(plan.slice(0, 3)).toEqual(['network', 'facts', `text:${county}`]);
    expect(prefetchPlan(files)).not.toContain(`text:${county}`); // the smallest fill the room without it
    const rest = plan.slice(3).map((n) => textBytes(files, n));
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });
});
