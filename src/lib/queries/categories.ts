import type { DbClient } from '../db/client';
import { sql, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import type { ListKind } from '../parse/types';
import { filterClause } from './filter-clause';

/** Items of one list, one category, one township. */
export interface CategoryCountRow {
  townshipId: string;
  townshipName: string;
  list: ListKind;
  category: string;
  count: number;
}

/**
 * Items per (township, list, category) under the shared filters. The chart's own dimensions
 * (category and township) are not filtered away: the chart highlights the selection instead, so a
 * click narrows the other views while this one keeps the context needed to click again.
 */
export function categoryCountsSql(filters: Filters): Sql {
  const where = filterClause(filters, 'i', ['categories', 'townships']);
  return sql`
    SELECT i.township_id AS townshipId, t.name AS townshipName, i.list AS list, i.category AS category,
           COUNT(*) AS count
    FROM items i JOIN townships t ON t.id = i.township_id
    WHERE ${where}
    GROUP BY i.township_id, i.list, i.category
    ORDER BY t.id, i.list, i.category`;
}

export function categoryCounts(client: DbClient, filters: Filters): Promise<CategoryCountRow[]> {
  return client.query<CategoryCountRow>(categoryCountsSql(filters));
}

export interface TownshipRow {
  id: string;
  name: string;
}

/** Every township, in a stable order, so axes keep their columns when a filter empties one. */
export function townshipsSql(): Sql {
  return sql`SELECT id, name FROM townships ORDER BY id`;
}

export function townships(client: DbClient): Promise<TownshipRow[]> {
  return client.query<TownshipRow>(townshipsSql());
}
