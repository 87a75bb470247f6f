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

  it('takes the fixed parts smallest first within the budget, and no county’s text where the region’s does not fit', () => {
    // A region's sizes (1,100 townships, gzipped): the fixed parts fit; the 99 counties' text does not.
    const files = new Map<string, number>([
      [SUMMARY_FILE, 0.7 * MB],
      [partFile('facts'), 9.2 * MB],
      [partFile('network'), 2.1 * MB],
      [partFile('heatmap'), 0.3 * MB],
      [searchBucketFile(0), 0.1 * MB],
      ...Array.from({ length: 99 }, (_, i) => countyText(i + 1, 0.1 + (i % 5) * 0.1)).flat(),
    ]);
    expect(prefetchPlan(files)).toEqual(['heatmap', 'network', 'facts']);
    // Not for want of room: the smallest county would have fitted beside the fixed parts.
    const fixed = [partFile('facts'), partFile('network'), partFile('heatmap')].reduce((sum, f) => sum + files.get(f)!, 0);
    expect(fixed + textBytes(files, 'text:1')).toBeLessThan(PREFETCH_BUDGET);
  });

  it('takes every county’s text, smallest first, where all of it fits beside the fixed parts', () => {
    // A prefecture's sizes (100 townships): 22 counties, 5 MB of text.
    const files = new Map<string, number>([
      [partFile('facts'), 0.9 * MB],
      [partFile('network'), 0.2 * MB],
      ...Array.from({ length: 22 }, (_, i) => countyText(i + 1, 0.1 + (i % 4) * 0.1)).flat(),
    ]);
    const plan = prefetchPlan(files);
    expect(plan.slice(0, 2)).toEqual(['network', 'facts']);
    const texts = plan.slice(2);
    expect(texts).toHaveLength(22);
    const size = (need: string) => textBytes(files, need);
    expect(texts.map(size)).toEqual(texts.map(size).sort((a, b) => a - b));
  });

  it('takes the named counties’ text right after the fixed parts, whatever their size', () => {
    const files = new Map<string, number>([
      [partFile('facts'), 10.2 * MB],
      [partFile('network'), 2.1 * MB],
      ...Array.from({ length: 40 }, (_, i) => countyText(i + 1, 0.2 + (i % 5) * 0.2)).flat(),
    ]);
    const largest = [...files].filter(([path]) => path.includes('/text/')).sort((a, b) => b[1] - a[1])[0][0];
    const county = countyOfTextFile(largest)!;
    expect(prefetchPlan(files, PREFETCH_BUDGET, [county])).toEqual(['network', 'facts', `text:${county}`]);
    expect(prefetchPlan(files)).toEqual(['network', 'facts']);
  });
});
