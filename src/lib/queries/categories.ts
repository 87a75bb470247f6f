import type { DbClient } from '../db/client';
import { sql, raw, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import type { ListKind } from '../parse/types';
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
 * Items per (unit, list, category) under the shared filters. The chart's own dimensions (category
 * and township) are not filtered away: the chart highlights the selection instead, so a click
 * narrows the other views while this one keeps the context needed to click again.
 */
export function categoryCountsSql(filters: Filters, level: PlaceLevel = 'township'): Sql {
  const unit = raw(`s.${level}`);
  return sql`
    SELECT p.key AS unit, p.name AS unitName, ${raw(listNameSql('s.list'))} AS list, c.name AS category, sum(s.items) AS count
    FROM (${itemCube(filters, ['categories', 'townships'], level)}) s
    JOIN places p ON p.id = ${unit}
    JOIN categories c ON c.id = s.category
    GROUP BY ${unit}, s.list, s.category
    ORDER BY ${unit}, s.list, c.name`;
}

export function categoryCounts(client: DbClient, filters: Filters, level: PlaceLevel = 'township'): Promise<CategoryCountRow[]> {
  return client.query<CategoryCountRow>(categoryCountsSql(filters, level));
}

/** A column of the category heatmap: a unit in scope, with how many of its townships are shown. */
export interface UnitRow {
  key: string;
  name: string;
  /** Townships of the unit in scope: the base of a per-township average. */
  townships: number;
}

/** Every unit in scope at `level`, in display order, so axes keep their columns when a filter empties one. */
export function unitsSql(filters: Filters, level: PlaceLevel = 'township'): Sql {
  return sql`
    SELECT p.key, p.name, count(*) AS townships
    FROM townships t JOIN places p ON p.id = ${raw(`t.${level === 'township' ? 'place' : level}`)}
    WHERE ${placeClause(filters, 't', ['townships'], 'place')}
    GROUP BY p.id ORDER BY p.id`;
}

export function units(client: DbClient, filters: Filters, level: PlaceLevel = 'township'): Promise<UnitRow[]> {
  return client.query<UnitRow>(unitsSql(filters, level));
}
