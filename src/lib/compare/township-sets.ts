/**
 * 对比: 2–4 townships' duties as sets of duty groups — which duties all of them list, which only some,
 * which each lists alone — and each township's category profile against the selection's median.
 * Pure TypeScript over the rows src/lib/queries/compare.ts returns.
 *
 * A set of townships is a bit mask over the compared townships in their given order (bit i: the
 * i-th township). An intersection is the duties whose townships are exactly that set: the columns
 * of an UpSet chart, which unlike a Venn diagram stays readable past three sets.
 */
import { median } from 'd3';
import type { ListKind } from '../parse/types';

/** One item of a compared township: its duty group, list and category. */
export interface CompareItem {
  township: string;
  dutyGroup: number;
  list: ListKind;
  category: string;
}

export interface ComparedDuty {
  dutyGroup: number;
  /** The compared townships that list it, as a mask. */
  mask: number;
  /** Per compared township (by index), the lists it holds the duty in (empty: not listed). */
  lists: ListKind[][];
  /** Its category, as most of the townships that list it file it (ties: the first met). */
  category: string;
}

export interface Intersection {
  mask: number;
  duties: ComparedDuty[];
}

/** How the duties of one category spread over the compared townships. */
export interface CategorySpread {
  category: string;
  /** Listed by all of them. */
  all: number;
  /** Listed by two or more, not all. */
  some: number;
  /** Listed by one only: per township index. */
  alone: number[];
}

export interface ProfileCell {
  category: string;
  /** Items per township index. */
  counts: number[];
  median: number;
  /** Township indexes far from the median (`isOutlier`). */
  outliers: number[];
}

export interface Comparison {
  townships: readonly string[];
  duties: ComparedDuty[];
  /** Non-empty intersections, largest first (ties: more townships first, then mask order). */
  intersections: Intersection[];
  categories: CategorySpread[];
  profile: ProfileCell[];
}

export const fullMask = (townships: number) => (1 << townships) - 1;
export const townshipsIn = (mask: number, townships: number): number[] =>
  Array.from({ length: townships }, (_, i) => i).filter((i) => mask & (1 << i));
const bitCount = (mask: number) => townshipsIn(mask, 31).length;

/**
 * A township's count is an outlier when it differs from the median by at least half the median
 * and by at least `OUTLIER_MIN` items: small categories vary by a duty or two without meaning much.
 */
export const OUTLIER_SHARE = 0.5;
export const OUTLIER_MIN = 3;
export const isOutlier = (count: number, mid: number) => Math.abs(count - mid) >= Math.max(OUTLIER_MIN, OUTLIER_SHARE * mid);

export function compareTownships(townships: readonly string[], items: readonly CompareItem[]): Comparison {
  const index = new Map(townships.map((t, i) => [t, i]));
  const byGroup = new Map<number, { mask: number; lists: ListKind[][]; categories: Map<string, number> }>();
  for (const item of items) {
    const i = index.get(item.township);
    if (i === undefined) continue;
    let d = byGroup.get(item.dutyGroup);
    if (!d) byGroup.set(item.dutyGroup, (d = { mask: 0, lists: townships.map(() => []), categories: new Map() }));
    d.mask |= 1 << i;
    if (!d.lists[i].includes(item.list)) d.lists[i].push(item.list);
    d.categories.set(item.category, (d.categories.get(item.category) ?? 0) + 1);
  }
  const duties: ComparedDuty[] = [...byGroup].map(([dutyGroup, d]) => ({
    dutyGroup,
    mask: d.mask,
    lists: d.lists,
    category: [...d.categories].reduce((best, c) => (c[1] > best[1] ? c : best))[0],
  }));

  const byMask = new Map<number, ComparedDuty[]>();
  for (const d of duties) (byMask.get(d.mask) ?? byMask.set(d.mask, []).get(d.mask)!).push(d);
  const intersections = [...byMask]
    .map(([mask, ds]) => ({ mask, duties: ds }))
    .sort((a, b) => b.duties.length - a.duties.length || bitCount(b.mask) - bitCount(a.mask) || a.mask - b.mask);

  const full = fullMask(townships.length);
  const spreads = new Map<string, CategorySpread>();
  for (const d of duties) {
    let s = spreads.get(d.category);
    if (!s) spreads.set(d.category, (s = { category: d.category, all: 0, some: 0, alone: townships.map(() => 0) }));
    const n = bitCount(d.mask);
    if (d.mask === full) s.all++;
    else if (n > 1) s.some++;
    else s.alone[Math.log2(d.mask)]++;
  }
  const categories = [...spreads.values()].sort((a, b) => total(b) - total(a) || a.category.localeCompare(b.category, 'zh-CN'));

  const itemCounts = new Map<string, number[]>();
  for (const item of items) {
    const i = index.get(item.township);
    if (i === undefined) continue;
    const counts =
      itemCounts.get(item.category) ??
      itemCounts
        .set(
          item.category,
          townships.map(() => 0),
        )
        .get(item.category)!;
    counts[i]++;
  }
  const profiled = [...categories.map((c) => c.category), ...[...itemCounts.keys()].filter((c) => !spreads.has(c))];
  const profile = profiled.map((category) => {
    const counts = itemCounts.get(category) ?? townships.map(() => 0);
    const mid = median(counts) ?? 0;
    return { category, counts, median: mid, outliers: counts.flatMap((c, i) => (isOutlier(c, mid) ? [i] : [])) };
  });
  return { townships, duties, intersections, categories, profile };
}

const total = (s: CategorySpread) => s.all + s.some + s.alone.reduce((a, b) => a + b, 0);
