import { sql, needing } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { listNameSql } from '../atlas/codes';
import type { DbClient } from '../db/client';
import { raw } from '../db/sql';
import { cubeClause, itemCube, placeClause, roleCubeClause, usesKinds } from './filter-clause';

/**
 * 总览: how the workload is spread across townships. The stacked bars emit the township and list
 * filters, so they omit those two dimensions (and highlight the selection instead); the key figures
 * (summed from `townshipTotals` by `keyFigures` in overview-stats.ts) and the step counts apply every
 * filter. Every query stays within the scope.
 */

export interface TownshipListCountRow {
  township_id: string;
  township: string;
  list: ListKind;
  items: number;
}

/**
 * Items per township and list, every township in scope and every list present (0 where none match).
 * `keepTownships`: only the townships the township filter picked — when the scope holds more
 * townships than a chart shows one by one, the bars compare the picked ones instead of all.
 */
export const townshipListCounts = (filters: Filters, keepTownships = false) => sql`
  WITH s AS (SELECT township, list, sum(items) AS items FROM (${itemCube(filters, keepTownships ? ['lists'] : ['townships', 'lists'])}) GROUP BY township, list)
  SELECT t.id AS township_id, t.name AS township, ${raw(listNameSql('l.code'))} AS list, coalesce(s.items, 0) AS items
  FROM townships t
  CROSS JOIN (SELECT 0 AS code UNION ALL SELECT 1 UNION ALL SELECT 2) l
  LEFT JOIN s ON s.township = t.place AND s.list = l.code
  WHERE ${placeClause(filters, 't', keepTownships ? [] : ['townships'], 'place')}
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
  LEFT JOIN (${itemCube({ ...filters, lists: ['coop'] }, ['scope', 'townships'], 'township', true)}) s ON s.township = t.place
  WHERE ${placeClause(filters, 't', [], 'place')}
  GROUP BY t.place
  ORDER BY township_steps DESC, t.place`;

export interface DepartmentFiguresRow {
  /** Distinct department kinds named as lead or receiver in the matching items. */
  department_kinds: number;
  /** Distinct departments as written (one county's 农业农村局 and another's count twice). */
  departments: number;
}

/**
 * The place the build's per-place counts are kept under: 0 for everything, else the county or
 * prefecture drilled into — none for a scope that is neither (a township, or a place the data lacks),
 * which counts nothing, as every other query of the view does there.
 */
const scopePlace = (filters: Filters) =>
  filters.scope === null ? sql`0` : sql`(SELECT id FROM places WHERE key = ${filters.scope} AND level <> 'township')`;

/**
 * How many departments the matching items involve. Read from the network cubes (lead ↔ 配合,
 * receiver ↔ 收回; 基本 items name none) unless a department-kind filter asks which other
 * departments share those items — then from the facts, driven from the kind's index (the items
 * involving the chosen kinds, then their departments): scanning every item for the kind took
 * seconds at a region's size. One kind under no other filter but the scope, the usual case, is read
 * from the build's counts per kind and place (the rollups part's net_kind_place_departments).
 */
export function departmentFigures(filters: Filters) {
  const onlyPlaces = !filters.townships.length && !filters.lists.length && !filters.categories.length;
  // One kind and no filter but the scope: the build counted them per kind and place.
  if (usesKinds(filters) && filters.departmentKinds.length === 1 && onlyPlaces)
    return needing(
      sql`
      SELECT coalesce(max(department_kinds), 0) AS department_kinds, coalesce(max(departments), 0) AS departments
      FROM net_kind_place_departments
      WHERE kind = (SELECT id FROM kinds WHERE name = ${filters.departmentKinds[0]})
        AND place = ${scopePlace(filters)}`,
      'rollups',
    );
  if (usesKinds(filters))
    return needing(
      sql`
      SELECT count(DISTINCT fd.kind) AS department_kinds, count(DISTINCT fd.department) AS departments
      FROM (SELECT DISTINCT k.item FROM fact_departments k
            WHERE k.kind IN (SELECT id FROM kinds WHERE name IN ${filters.departmentKinds})) m
      CROSS JOIN fact_items f ON f.id = m.item
      CROSS JOIN fact_departments fd ON fd.item = f.id
      WHERE ${cubeClause(filters, 'f')}`,
      'facts',
    );
  // With no filter but the scope, the summary holds the answer (no part on the first paint's path).
  if (onlyPlaces)
    return sql`
      SELECT coalesce(max(department_kinds), 0) AS department_kinds, coalesce(max(departments), 0) AS departments
      FROM place_departments
      WHERE place = ${scopePlace(filters)}`;
  // Without a township filter the county rollups give the same distinct counts from a tenth of the rows.
  if (filters.townships.length === 0)
    return needing(
      sql`
      SELECT (SELECT count(DISTINCT kind) FROM cube_kinds_county c WHERE ${roleCubeClause(filters, 'c', [], 'county')}) AS department_kinds,
             (SELECT count(DISTINCT department) FROM cube_departments_county c WHERE ${roleCubeClause(filters, 'c', [], 'county')}) AS departments`,
      'rollups',
    );
  return needing(
    sql`
      SELECT (SELECT count(DISTINCT kind) FROM cube_kinds c WHERE ${roleCubeClause(filters, 'c')}) AS department_kinds,
             (SELECT count(DISTINCT department) FROM cube_departments c WHERE ${roleCubeClause(filters, 'c')}) AS departments`,
    'network',
  );
}

export interface TownshipTotalsRow {
  /** The township's place id, key (its id, the township filter's value) and name. */
  place: number;
  key: string;
  name: string;
  /** Place ids and names of its county and prefecture (the units it is summed into). */
  county: number;
  prefecture: number;
  county_name: string;
  prefecture_name: string;
  /** Items per list under every filter (a list outside the list filter counts 0), and their sum. */
  basic: number;
  coop: number;
  reclaimed: number;
  total: number;
  /** Items and reclaimed items over all three lists (every other filter applies): the reclaimed share's base. */
  all_lists_total: number;
  all_lists_reclaimed: number;
  /** 配合 duties, and the steps the township itself must carry out in them, whatever the list filter. */
  coop_items: number;
  township_steps: number;
}

/** What the query behind `townshipTotals` returns: every list's items, whatever the list filter. */
export type TownshipListSumsRow = Pick<
  TownshipTotalsRow,
  'place' | 'key' | 'name' | 'county' | 'prefecture' | 'county_name' | 'prefecture_name' | 'basic' | 'coop' | 'reclaimed' | 'township_steps'
>;

/** What every township row of townshipListSums names, and the tables they are read from. */
const TOWNSHIP_COLUMNS = raw('t.place, t.id AS key, t.name, t.county, t.prefecture, c.name AS county_name, p.name AS prefecture_name');
const TOWNSHIPS_WITH_PLACES = raw('FROM townships t JOIN places c ON c.id = t.county JOIN places p ON p.id = t.prefecture');

/**
 * Items per list and the township steps of the 配合 items, per township of the selection, under
 * every filter but the list filter (which `withListFilter` applies). Every township in scope (and
 * picked by the township filter, unless `omit` names it) has a row, zeros included. Read from the
 * item cube (the facts under a department-kind filter), joined per township: a CASE per list
 * costs more than anything else in sql.js's wasm at a region's 56,000 cube rows, so there are as
 * few as the answer needs.
 */
export const townshipListSums = (filters: Filters, omit: readonly 'townships'[] = []) =>
  !filters.categories.length && !filters.departmentKinds.length
    ? // No filter but places: the sums per township are the build's (township_lists).
      sql`
  SELECT ${TOWNSHIP_COLUMNS},
         coalesce(s.basic, 0) AS basic, coalesce(s.coop, 0) AS coop, coalesce(s.reclaimed, 0) AS reclaimed,
         coalesce(s.township_steps, 0) AS township_steps
  ${TOWNSHIPS_WITH_PLACES}
  LEFT JOIN township_lists s ON s.township = t.place
  WHERE ${placeClause(filters, 't', omit, 'place')}
  ORDER BY t.place`
    : !filters.categories.length && filters.departmentKinds.length === 1
      ? // One department kind and no category: the network's duties per role, kind and township are
        // the items naming the kind (lead in 配合, receiver in 收回; 基本 items name none), looked up
        // per township; summing the kind cube over categories took 20-35 ms in the worker at 1,100.
        needing(
          sql`
  SELECT ${TOWNSHIP_COLUMNS},
         0 AS basic, coalesce(lead.duties, 0) AS coop, coalesce(recv.duties, 0) AS reclaimed,
         coalesce(lead.township_steps, 0) AS township_steps
  ${TOWNSHIPS_WITH_PLACES}
  CROSS JOIN (SELECT (SELECT id FROM kinds WHERE name = ${filters.departmentKinds[0]}) AS id) k
  LEFT JOIN net_kinds_township lead ON lead.role = 0 AND lead.kind = k.id AND lead.township = t.place
  LEFT JOIN net_kinds_township recv ON recv.role = 1 AND recv.kind = k.id AND recv.township = t.place
  WHERE ${placeClause(filters, 't', omit, 'place')}
  ORDER BY t.place`,
          'network',
        )
      : sql`
  SELECT ${TOWNSHIP_COLUMNS},
         coalesce(sum(CASE s.list WHEN 0 THEN s.items END), 0) AS basic,
         coalesce(sum(CASE s.list WHEN 1 THEN s.items END), 0) AS coop,
         coalesce(sum(CASE s.list WHEN 2 THEN s.items END), 0) AS reclaimed,
         coalesce(sum(CASE s.list WHEN 1 THEN s.township_steps END), 0) AS township_steps
  ${TOWNSHIPS_WITH_PLACES}
  LEFT JOIN (${itemCube(filters, ['lists', ...omit])}) s ON s.township = t.place
  WHERE ${placeClause(filters, 't', omit, 'place')}
  GROUP BY t.place
  ORDER BY t.place`;

/** The list filter on per-township sums: lists outside it count 0; the share's base and the steps keep them. */
export function withListFilter(rows: readonly TownshipListSumsRow[], lists: readonly ListKind[]): TownshipTotalsRow[] {
  const shown = (list: ListKind) => lists.length === 0 || lists.includes(list);
  // Asked once, not per row: the filter may be reactive state, each read of which costs.
  const [showBasic, showCoop, showReclaimed] = [shown('basic'), shown('coop'), shown('reclaimed')];
  return rows.map((r) => {
    const basic = showBasic ? r.basic : 0;
    const coop = showCoop ? r.coop : 0;
    const reclaimed = showReclaimed ? r.reclaimed : 0;
    // Every field written out: an object literal of one shape keeps the sorting and summing over a
    // thousand rows fast (rows as the database hands them, spread, are ten times slower to read).
    return {
      place: r.place,
      key: r.key,
      name: r.name,
      county: r.county,
      prefecture: r.prefecture,
      county_name: r.county_name,
      prefecture_name: r.prefecture_name,
      basic,
      coop,
      reclaimed,
      total: basic + coop + reclaimed,
      all_lists_total: r.basic + r.coop + r.reclaimed,
      all_lists_reclaimed: r.reclaimed,
      coop_items: r.coop,
      township_steps: r.township_steps,
    };
  });
}

/**
 * One row per township of the selection with its totals: what the key figures, the distribution
 * per county or prefecture and the township ranking are drawn from. The share and the steps ignore
 * the list filter as the key figures always have.
 */
export async function townshipTotals(client: DbClient, filters: Filters, omit: readonly 'townships'[] = []): Promise<TownshipTotalsRow[]> {
  return withListFilter(await client.query<TownshipListSumsRow>(townshipListSums(filters, omit)), filters.lists);
}
