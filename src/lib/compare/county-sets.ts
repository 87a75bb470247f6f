/**
 * 对比 at a prefecture's or the region's scale: 2–4 counties instead of townships. A county has no
 * list of its own, so it is compared through its townships:
 *
 * - its duties are those at least half of its townships list (`MAJORITY`): what the county's
 *   townships usually carry, so one township's extra duty does not make it the county's, and a duty
 *   most of them handed back is not the county's either. Each such duty is held in the list most of
 *   those townships hold it in, filed under the category most of them file it under;
 * - its category profile is the median of its townships' item counts per category (workload per
 *   township, which a sum would confuse with the county's size).
 *
 * The sets, intersections and spreads are then the townships' own (`compareTownships`) over the
 * counties' duties; `shares` keeps how many townships list each duty, for the reader to see how
 * near the half a county is.
 */
import { median } from 'd3';
import type { ListKind } from '../parse/types';
import { compareTownships, isOutlier, type CompareItem, type Comparison } from './township-sets';

/** A county's duty: listed by at least this share of its townships. */
export const MAJORITY = 0.5;

/** One item of a township in a compared county. */
export interface CountyItem {
  county: string;
  township: string;
  dutyGroup: number;
  list: ListKind;
  category: string;
}

export interface CountyComparison extends Comparison {
  /** Per duty group: per compared county (by index), how many of its townships list it. */
  shares: Map<number, number[]>;
  /** Townships per compared county (by index): the base of `shares`. */
  townshipCounts: number[];
}

/** The key with the largest count; ties go to the first met, as `compareTownships` does for categories. */
function modal<K>(counts: Map<K, number>): K {
  let best: [K, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best![0];
}

const bump = <K>(counts: Map<K, number>, key: K) => counts.set(key, (counts.get(key) ?? 0) + 1);

export function compareCounties(
  counties: readonly string[],
  townshipCounts: readonly number[],
  items: readonly CountyItem[],
): CountyComparison {
  const index = new Map(counties.map((c, i) => [c, i]));
  interface Held {
    townships: Set<string>;
    lists: Map<ListKind, number>;
    categories: Map<string, number>;
  }
  /** Per county index, per duty group: which townships list it, in which lists and categories. */
  const held = counties.map(() => new Map<number, Held>());
  /** Per county index, per category, per township: items. */
  const perTownship = counties.map(() => new Map<string, Map<string, number>>());
  for (const item of items) {
    const i = index.get(item.county);
    if (i === undefined) continue;
    let h = held[i].get(item.dutyGroup);
    if (!h) held[i].set(item.dutyGroup, (h = { townships: new Set(), lists: new Map(), categories: new Map() }));
    // A township listing a duty twice (in two lists) counts once for the share, each time for the list.
    h.townships.add(item.township);
    bump(h.lists, item.list);
    bump(h.categories, item.category);
    const byTownship = perTownship[i].get(item.category) ?? perTownship[i].set(item.category, new Map()).get(item.category)!;
    bump(byTownship, item.township);
  }

  const usual: CompareItem[] = [];
  const shares = new Map<number, number[]>();
  held.forEach((groups, i) => {
    for (const [group, h] of groups) {
      const share =
        shares.get(group) ??
        shares
          .set(
            group,
            counties.map(() => 0),
          )
          .get(group)!;
      share[i] = h.townships.size;
      if (h.townships.size < MAJORITY * townshipCounts[i]) continue;
      usual.push({ township: counties[i], dutyGroup: group, list: modal(h.lists), category: modal(h.categories) });
    }
  });
  const comparison = compareTownships(counties, usual);
  // Only the duties that are some county's own are compared; shares of the rest are not shown.
  const compared = new Set(comparison.duties.map((d) => d.dutyGroup));
  for (const group of shares.keys()) if (!compared.has(group)) shares.delete(group);

  const categories = [
    ...comparison.profile.map((p) => p.category),
    ...new Set(perTownship.flatMap((m) => [...m.keys()]).filter((c) => !comparison.profile.some((p) => p.category === c))),
  ];
  const profile = categories.map((category) => {
    // A township that lists nothing in the category counts as 0 toward its county's median.
    const counts = perTownship.map((m, i) => {
      const listed = [...(m.get(category)?.values() ?? [])];
      const zeros = Array.from({ length: Math.max(0, townshipCounts[i] - listed.length) }, () => 0);
      return median([...listed, ...zeros]) ?? 0;
    });
    const mid = median(counts) ?? 0;
    return { category, counts, median: mid, outliers: counts.flatMap((c, i) => (isOutlier(c, mid) ? [i] : [])) };
  });
  return { ...comparison, profile, shares, townshipCounts: [...townshipCounts] };
}
