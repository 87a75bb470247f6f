import { sql, needing } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { listNameSql } from '../atlas/codes';
import { raw } from '../db/sql';
import { factClause, itemCube, placeClause, roleCubeClause, usesKinds } from './filter-clause';

/**
 * 总览: how the workload is spread across townships. The stacked bars emit the township and list
 * filters, so they omit those two dimensions (and highlight the selection instead); the key figures
 * and the step counts apply every filter. Every query stays within the scope.
 */

export interface TownshipListCountRow {
  township_id: string;
  township: string;
  list: ListKind;
  items: number;
}

/** Items per township and list, every township in scope and every list present (0 where none match). */
export const townshipListCounts = (filters: Filters) => sql`
  WITH s AS (SELECT township, list, sum(items) AS items FROM (${itemCube(filters, ['townships', 'lists'])}) GROUP BY township, list)
  SELECT t.id AS township_id, t.name AS township, ${raw(listNameSql('l.code'))} AS list, coalesce(s.items, 0) AS items
  FROM townships t
  CROSS JOIN (SELECT 0 AS code UNION ALL SELECT 1 UNION ALL SELECT 2) l
  LEFT JOIN s ON s.township = t.place AND s.list = l.code
  WHERE ${placeClause(filters, 't', ['townships'], 'place')}
  ORDER BY t.place, l.code`;

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
 * 配合 duties by definition. Townships outside the scope and the township filter are left out.
 */
export const coopSteps = (filters: Filters) => sql`
  SELECT t.id AS township_id, t.name AS township,
         coalesce(sum(s.items), 0) AS coop_items,
         coalesce(sum(s.township_steps), 0) AS township_steps,
         coalesce(sum(s.department_steps), 0) AS department_steps
  FROM townships t
  LEFT JOIN (${itemCube({ ...filters, lists: ['coop'] }, ['scope', 'townships'])}) s ON s.township = t.place
  WHERE ${placeClause(filters, 't', [], 'place')}
  GROUP BY t.place
  ORDER BY township_steps DESC, t.place`;

export interface KeyFiguresRow {
  total: number;
  basic: number;
  coop: number;
  reclaimed: number;
  /** Townships with at least one matching item. */
  townships: number;
  /** Items and reclaimed items under every filter but the list filter (the reclaimed share's base). */
  all_lists_total: number;
  all_lists_reclaimed: number;
}

export const keyFigures = (filters: Filters) => sql`
  WITH f AS (${itemCube(filters)}), all_lists AS (${itemCube(filters, ['lists'])})
  SELECT
    coalesce((SELECT sum(items) FROM f), 0) AS total,
    coalesce((SELECT sum(items) FROM f WHERE list = 0), 0) AS basic,
    coalesce((SELECT sum(items) FROM f WHERE list = 1), 0) AS coop,
    coalesce((SELECT sum(items) FROM f WHERE list = 2), 0) AS reclaimed,
    (SELECT count(DISTINCT township) FROM f) AS townships,
    coalesce((SELECT sum(items) FROM all_lists), 0) AS all_lists_total,
    coalesce((SELECT sum(items) FROM all_lists WHERE list = 2), 0) AS all_lists_reclaimed`;

export interface DepartmentFiguresRow {
  /** Distinct department kinds named as lead or receiver in the matching items. */
  department_kinds: number;
  /** Distinct departments as written (one county's 农业农村局 and another's count twice). */
  departments: number;
}

/**
 * How many departments the matching items involve. Read from the network cubes (lead ↔ 配合,
 * receiver ↔ 收回; 基本 items name none) unless a department-kind filter asks which other
 * departments share those items — then from the facts.
 */
export function departmentFigures(filters: Filters) {
  if (usesKinds(filters))
    return sql`
      SELECT count(DISTINCT fd.kind) AS department_kinds, count(DISTINCT fd.department) AS departments
      FROM fact_items f JOIN fact_departments fd ON fd.item = f.id
      WHERE ${factClause(filters, 'f')}`;
  return needing(
    sql`
      SELECT (SELECT count(DISTINCT kind) FROM cube_kinds c WHERE ${roleCubeClause(filters, 'c')}) AS department_kinds,
             (SELECT count(DISTINCT department) FROM cube_departments c WHERE ${roleCubeClause(filters, 'c')}) AS departments`,
    'network',
  );
}
