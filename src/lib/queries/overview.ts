import { sql } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { filterClause } from './filter-clause';

/**
 * 总览: how the workload is spread across townships. The stacked bars emit the township and list
 * filters, so they omit those two dimensions (and highlight the selection instead); the key figures
 * and the step counts apply every filter.
 */

export interface TownshipListCountRow {
  township_id: string;
  township: string;
  list: ListKind;
  items: number;
}

/** Items per township and list, every township and list present (0 where none match). */
export const townshipListCounts = (filters: Filters) => sql`
  SELECT t.id AS township_id, t.name AS township, l.list,
         (SELECT count(*) FROM items i
          WHERE i.township_id = t.id AND i.list = l.list
            AND ${filterClause(filters, 'i', ['townships', 'lists'])}) AS items
  FROM townships t
  CROSS JOIN (SELECT 'basic' AS list UNION ALL SELECT 'coop' UNION ALL SELECT 'reclaimed') l
  ORDER BY t.id, l.list`;

export interface CoopStepsRow {
  township_id: string;
  township: string;
  /** 配合 duties matching the filters. */
  coop_items: number;
  /** Steps the township itself must carry out in those duties (steps.party = 'township'). */
  township_steps: number;
  /** Steps the lead departments carry out in them, for comparison. */
  department_steps: number;
}

/**
 * The concrete work hidden in "supporting" duties. The list filter is ignored: the question is about
 * 配合 duties by definition. Townships outside the township filter are left out.
 */
export const coopSteps = (filters: Filters) => sql`
  SELECT t.id AS township_id, t.name AS township,
         count(i.id) AS coop_items,
         coalesce(sum((SELECT count(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'township')), 0) AS township_steps,
         coalesce(sum((SELECT count(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'department')), 0) AS department_steps
  FROM townships t
  LEFT JOIN items i ON i.township_id = t.id AND i.list = 'coop' AND ${filterClause(filters, 'i', ['lists'])}
  WHERE ${filters.townships.length ? sql`t.id IN ${filters.townships}` : sql`1 = 1`}
  GROUP BY t.id
  ORDER BY township_steps DESC, t.id`;

export interface KeyFiguresRow {
  total: number;
  basic: number;
  coop: number;
  reclaimed: number;
  townships: number;
  /** Distinct department kinds named as lead or receiver in the matching items. */
  department_kinds: number;
  /** Distinct departments as written (one county's 农业农村局 and another's count twice). */
  departments: number;
  /** Items and reclaimed items under every filter but the list filter (the reclaimed share's base). */
  all_lists_total: number;
  all_lists_reclaimed: number;
}

export const keyFigures = (filters: Filters) => sql`
  WITH f AS (SELECT i.* FROM items i WHERE ${filterClause(filters, 'i')})
  SELECT
    (SELECT count(*) FROM f) AS total,
    (SELECT count(*) FROM f WHERE list = 'basic') AS basic,
    (SELECT count(*) FROM f WHERE list = 'coop') AS coop,
    (SELECT count(*) FROM f WHERE list = 'reclaimed') AS reclaimed,
    (SELECT count(DISTINCT township_id) FROM f) AS townships,
    (SELECT count(DISTINCT d.kind) FROM f JOIN item_departments idp ON idp.item_id = f.id
       JOIN departments d ON d.id = idp.department_id) AS department_kinds,
    (SELECT count(DISTINCT idp.department_id) FROM f JOIN item_departments idp ON idp.item_id = f.id) AS departments,
    (SELECT count(*) FROM items i WHERE ${filterClause(filters, 'i', ['lists'])}) AS all_lists_total,
    (SELECT count(*) FROM items i WHERE i.list = 'reclaimed' AND ${filterClause(filters, 'i', ['lists'])}) AS all_lists_reclaimed`;
