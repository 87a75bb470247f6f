import { describe, expect, it } from 'vitest';
import { compareCounties, MAJORITY, type CountyItem } from '../../../src/lib/compare/county-sets';
import { fullMask } from '../../../src/lib/compare/township-sets';

/** Items of townships: `spec[county][township]` lists the duty groups it lists (basic, category 甲). */
function items(spec: Record<string, Record<string, number[]>>, list: CountyItem['list'] = 'basic'): CountyItem[] {
  return Object.entries(spec).flatMap(([county, townships]) =>
    Object.entries(townships).flatMap(([township, groups]) =>
      groups.map((dutyGroup) => ({ county, township, dutyGroup, list, category: '甲' })),
    ),
  );
}

describe('对比 by county', () => {
  it('gives a county the duties at least half of its townships list, and keeps how many do', () => {
    // County A: 4 townships; duty 1 by all, duty 2 by two (half), duty 3 by one. County B: 2 townships, duty 1 by one, duty 3 by both.
    const rows = items({ A: { a1: [1, 2, 3], a2: [1, 2], a3: [1], a4: [1] }, B: { b1: [1, 3], b2: [3] } });
    const c = compareCounties(['A', 'B'], [4, 2], rows);
    const maskOf = (group: number) => c.duties.find((d) => d.dutyGroup === group)?.mask;
    expect(MAJORITY).toBe(0.5);
    expect(maskOf(1)).toBe(fullMask(2)); // A 4/4, B 1/2: half is enough
    expect(maskOf(2)).toBe(0b01); // A 2/4
    expect(maskOf(3)).toBe(0b10); // A 1/4 (not A's), B 2/2
    expect(c.shares.get(3)).toEqual([1, 2]);
    expect(c.shares.get(2)).toEqual([2, 0]);
  });

  it('counts a township that lists none of a county duty toward the county’s townships', () => {
    // One of three townships lists the duty: under half, though every township that lists anything lists it.
    const c = compareCounties(['A', 'B'], [3, 1], items({ A: { a1: [7] }, B: { b1: [7] } }));
    expect(c.duties.find((d) => d.dutyGroup === 7)?.mask).toBe(0b10);
  });

  it('holds a county duty in the list and category most of its townships use', () => {
    const rows: CountyItem[] = [
      { county: 'A', township: 'a1', dutyGroup: 5, list: 'reclaimed', category: '乙' },
      { county: 'A', township: 'a2', dutyGroup: 5, list: 'reclaimed', category: '乙' },
      { county: 'A', township: 'a3', dutyGroup: 5, list: 'basic', category: '甲' },
      { county: 'B', township: 'b1', dutyGroup: 5, list: 'basic', category: '乙' },
    ];
    const c = compareCounties(['A', 'B'], [3, 1], rows);
    const duty = c.duties.find((d) => d.dutyGroup === 5)!;
    expect(duty.lists).toEqual([['reclaimed'], ['basic']]);
    expect(duty.category).toBe('乙');
  });

  it('profiles a county by its townships’ median items per category, zeros included', () => {
    // A: townships with 1, 3 and 0 items in 甲 → median 1. B: 6 and 6 → 6. Median of the two: 3.5.
    const rows = items({ A: { a1: [1], a2: [1, 2, 3] }, B: { b1: [1, 2, 3, 4, 5, 6], b2: [1, 2, 3, 4, 5, 6] } });
    const c = compareCounties(['A', 'B'], [3, 2], rows);
    const jia = c.profile.find((p) => p.category === '甲')!;
    expect(jia.counts).toEqual([1, 6]);
    expect(jia.median).toBe(3.5);
  });

  it('ignores items of counties not compared', () => {
    const c = compareCounties(['A', 'B'], [1, 1], items({ A: { a1: [1] }, B: { b1: [1] }, Z: { z1: [9] } }));
    expect(c.duties.map((d) => d.dutyGroup)).toEqual([1]);
  });
});
