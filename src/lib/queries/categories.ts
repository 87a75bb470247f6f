import type { DbClient } from '../db/client';
import { sql, raw, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { LIST_KINDS, type ListKind } from '../parse/types';
import { listNameSql } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';
import { itemCube, placeClause } from './filter-clause';

/** Items of one list and one category in one unit (a township, county or prefecture). */
export interface CategoryCountRow {
  /** The unit's place key (a township's id at township level). */
  unit: string;
  unitName: string;
  list: ListKind;
  category: string;
  count: number;
}

/**
 * Items per (unit, list, category) under the shared filters. The category is not filtered away: the
 * chart highlights the selection instead, so a click narrows the other views while this one keeps the
 * context needed to click again. The township filter is treated the same way when `highlight` holds
 * (every township in scope is a column, the chosen ones highlighted, while the townships fit as columns); when a
 * few townships are chosen out of hundreds, or the units are counties or prefectures, the chosen
 * townships are all that is counted.
 */
export function categoryCountsSql(filters: Filters, level: PlaceLevel = 'township', highlight = true): Sql {
  const unit = raw(`s.${level}`);
  return sql`
    SELECT p.key AS unit, p.name AS unitName, ${raw(listNameSql('s.list'))} AS list, c.name AS category, sum(s.items) AS count
    FROM (${itemCube(filters, highlight ? ['categories', 'townships'] : ['categories'], level)}) s
    JOIN places p ON p.id = ${unit}
    JOIN categories c ON c.id = s.category
    GROUP BY ${unit}, s.list, s.category
    ORDER BY ${unit}, s.list, c.name`;
}

export function categoryCounts(
  client: DbClient,
  filters: Filters,
  level: PlaceLevel = 'township',
  highlight = true,
): Promise<CategoryCountRow[]> {
  return client.query<CategoryCountRow>(categoryCountsSql(filters, level, highlight));
}

/** A column of the category heatmap: a unit in scope, with how many of its townships are counted. */
export interface UnitRow {
  key: string;
  name: string;
  /** Townships of the unit counted (in scope; only the chosen ones unless `highlight`): the base of a per-township average. */
  townships: number;
}

/**
 * Every unit in scope at `level`, in display order, so axes keep their columns when a filter empties
 * one; `highlight` as for categoryCountsSql.
 */
export function unitsSql(filters: Filters, level: PlaceLevel = 'township', highlight = true): Sql {
  return sql`
    SELECT p.key, p.name, count(*) AS townships
    FROM townships t JOIN places p ON p.id = ${raw(`t.${level === 'township' ? 'place' : level}`)}
    WHERE ${placeClause(filters, 't', highlight ? ['townships'] : [], 'place')}
    GROUP BY p.id ORDER BY p.id`;
}

export function units(client: DbClient, filters: Filters, level: PlaceLevel = 'township', highlight = true): Promise<UnitRow[]> {
  return client.query<UnitRow>(unitsSql(filters, level, highlight));
}

/** One bar: a category in one list, summed over the units counted. */
export interface CategoryBar {
  list: ListKind;
  category: string;
  count: number;
  /** count / all items of this list in the units counted. */
  share: number;
  /** Per unit (township, county or prefecture), in display order, for the tooltip. */
  byUnit: { unitName: string; count: number }[];
}

/**
 * Sums rows into bars, over the units `unitKeys` (all units when empty). Categories are ordered by their
 * total over every list, largest first, so the three facets share one sorted axis.
 */
export function categoryBars(
  rows: CategoryCountRow[],
  unitKeys: readonly string[] = [],
): { bars: CategoryBar[]; categories: string[]; lists: ListKind[] } {
  const shown = unitKeys.length ? rows.filter((r) => unitKeys.includes(r.unit)) : rows;
  const key = (r: { list: string; category: string }) => `${r.list}\u0000${r.category}`;
  const bars = new Map<string, CategoryBar>();
  const listTotals = new Map<ListKind, number>();
  const categoryTotals = new Map<string, number>();
  for (const r of shown) {
    const bar = bars.get(key(r)) ?? { list: r.list, category: r.category, count: 0, share: 0, byUnit: [] };
    bar.count += r.count;
    bar.byUnit.push({ unitName: r.unitName, count: r.count });
    bars.set(key(r), bar);
    listTotals.set(r.list, (listTotals.get(r.list) ?? 0) + r.count);
    categoryTotals.set(r.category, (categoryTotals.get(r.category) ?? 0) + r.count);
  }
  for (const bar of bars.values()) bar.share = bar.count / (listTotals.get(bar.list) ?? 1);
  const categories = [...categoryTotals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([c]) => c);
  const lists = LIST_KINDS.filter((l) => listTotals.has(l));
  return { bars: [...bars.values()], categories, lists };
}

/**
 * What a bar's tooltip lists: every unit while there are at most `max` (in display order, as with five
 * townships); past that the `max` with the most items, largest first, and how many the others hold.
 */
export function largestUnits(
  byUnit: readonly { unitName: string; count: number }[],
  max: number,
): { shown: { unitName: string; count: number }[]; others: { units: number; count: number } | null } {
  if (byUnit.length <= max) return { shown: [...byUnit], others: null };
  const sorted = [...byUnit].sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const rest = sorted.slice(max);
  return { shown: sorted.slice(0, max), others: { units: rest.length, count: rest.reduce((s, u) => s + u.count, 0) } };
}

/** One cell of the category heatmap: items of a category in a unit, over the lists shown. */
export interface CategoryCell {
  unit: string;
  unitName: string;
  category: string;
  count: number;
  /** Townships of the unit counted. */
  townships: number;
  /**
   * Items per township of the unit (count / townships): a county's or prefecture's raw count grows with
   * its number of townships, its average does not; for a township it is its count.
   */
  perTownship: number;
}

/** A cell for every unit and category of the rows, zeros included, units in `units` order. */
export function categoryCells(rows: CategoryCountRow[], units: UnitRow[]): CategoryCell[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.unit}\u0000${r.category}`, (counts.get(`${r.unit}\u0000${r.category}`) ?? 0) + r.count);
  const categories = [...new Set(rows.map((r) => r.category))];
  return units.flatMap((t) =>
    categories.map((category) => {
      const count = counts.get(`${t.key}\u0000${category}`) ?? 0;
      return { unit: t.key, unitName: t.name, category, count, townships: t.townships, perTownship: t.townships ? count / t.townships : 0 };
    }),
  );
}
