import type { Filters, SetFilter } from '../state/filters';
import { sql, join, raw, needing, type Sql } from '../db/sql';
import { LIST_CODE } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';

/**
 * The WHERE conditions the shared filters impose on a row of the served parts, aliased `alias`.
 * Every fact and cube table carries township, county and prefecture (place ids), list (a code) and
 * category (an id), so one clause serves them all; the department-kind filter can only be applied
 * to item facts (an item may involve several kinds), so `factClause` adds it and `cubeClause` cannot.
 *
 * Each returns `1 = 1` when nothing is filtered so callers can always write `WHERE ${clause}`.
 */

type Omit = readonly (SetFilter | 'scope')[];

/**
 * The scope and the township filter: the townships shown. `column` holds the township's place id
 * (`township` in facts and cubes, `place` in the townships table).
 */
export function placeClause(filters: Filters, alias: string, omit: Omit = [], column = 'township'): Sql {
  const c = raw(`${alias}.${column}`);
  const parts: Sql[] = [];
  if (filters.scope && !omit.includes('scope'))
    parts.push(
      sql`${c} IN (SELECT t.place FROM townships t, places s
            WHERE s.key = ${filters.scope} AND (t.county = s.id OR t.prefecture = s.id))`,
    );
  if (filters.townships.length && !omit.includes('townships'))
    parts.push(sql`${c} IN (SELECT place FROM townships WHERE id IN ${filters.townships})`);
  return parts.length ? join(parts, ' AND ') : sql`1 = 1`;
}

/**
 * Whether a county-grain rollup (cube_items_county, cube_kinds_county…) gives the exact answer: the
 * units are counties or prefectures, and no township filter picks townships within them.
 */
export const countyGrain = (filters: Filters, level: PlaceLevel, omit: Omit = []) =>
  level !== 'township' && (filters.townships.length === 0 || omit.includes('townships'));

/** The scope on a county-grain table. */
export function countyScopeClause(filters: Filters, alias: string, omit: Omit = []): Sql {
  if (!filters.scope || omit.includes('scope')) return sql`1 = 1`;
  return sql`${raw(alias)}.county IN (SELECT t.county FROM townships t, places s
               WHERE s.key = ${filters.scope} AND (t.county = s.id OR t.prefecture = s.id))`;
}

/** Place, list and category: what a cube can be filtered by (`grain` 'county' for the county rollups). */
export function cubeClause(filters: Filters, alias: string, omit: Omit = [], grain: 'township' | 'county' = 'township'): Sql {
  const a = raw(alias);
  const parts: Sql[] = [grain === 'county' ? countyScopeClause(filters, alias, omit) : placeClause(filters, alias, omit)];
  if (filters.lists.length && !omit.includes('lists')) parts.push(sql`${a}.list IN ${filters.lists.map((l) => LIST_CODE[l])}`);
  if (filters.categories.length && !omit.includes('categories'))
    parts.push(sql`${a}.category IN (SELECT id FROM categories WHERE name IN ${filters.categories})`);
  return join(parts, ' AND ');
}

/** Every filter, on fact_items rows: reads the facts part. */
export function factClause(filters: Filters, alias: string, omit: Omit = []): Sql {
  const a = raw(alias);
  const parts: Sql[] = [cubeClause(filters, alias, omit)];
  // The items of the chosen kinds, read once from the kind's index: a correlated EXISTS looked up
  // every item's departments, 250 ms for a count over a region's 279,439 items, against 12 ms.
  if (filters.departmentKinds.length && !omit.includes('departmentKinds'))
    parts.push(
      sql`${a}.id IN (SELECT fd.item FROM fact_departments fd
                      WHERE fd.kind IN (SELECT id FROM kinds WHERE name IN ${filters.departmentKinds}))`,
    );
  return needing(join(parts, ' AND '), 'facts');
}

/** Whether a department-kind filter applies (then counts must come from the facts, not a cube). */
export const usesKinds = (filters: Filters, omit: Omit = []) => filters.departmentKinds.length > 0 && !omit.includes('departmentKinds');

/**
 * Items per township (or per county, when the units are counties or prefectures and the county
 * rollup can answer), list and category under the filters, with the steps they name: the cube when
 * it can answer, else the same grain summed from the facts. Columns: county, prefecture, list,
 * category, items, township_steps — and township, unless it is the county rollup; department_steps
 * (every department's steps in the items) only when `departmentSteps` asks for it.
 *
 * Under one department kind, and without department_steps, the kind cube answers (network's per
 * township, rollups' per county): its duties are the distinct items naming the kind (as lead in
 * 配合, as receiver in 收回; 基本 items name none) with their township steps, what the facts give
 * grouped the same way. Its department_steps are the kind's own, not the item's, so a caller
 * reading them goes to the facts.
 * Grouping a region's facts for 农业农村局 took 25-30 ms in the worker; the cube, 1-14 ms.
 * Several kinds need the facts too: an item naming two of them counts once.
 */
export function itemCube(filters: Filters, omit: Omit = [], level: PlaceLevel = 'township', departmentSteps = false): Sql {
  const steps = departmentSteps ? sql`, department_steps` : sql``;
  if (!usesKinds(filters, omit)) {
    // One category and no list filter: every list named, so that each place's rows are found by the
    // whole key (place, list, category) rather than read through for the category — a region's
    // 56,000 township rows, half the time of the per-township sums under a category filter.
    const keyed =
      filters.categories.length === 1 && !omit.includes('categories') && (!filters.lists.length || omit.includes('lists'))
        ? sql` AND c.list IN (0, 1, 2) AND c.category = (SELECT id FROM categories WHERE name = ${filters.categories[0]})`
        : sql``;
    if (countyGrain(filters, level, omit))
      return sql`SELECT county, prefecture, list, category, items, township_steps${steps}
                 FROM cube_items_county c WHERE ${cubeClause(filters, 'c', omit, 'county')}${keyed}`;
    return sql`SELECT township, county, prefecture, list, category, items, township_steps${steps}
               FROM cube_items c WHERE ${cubeClause(filters, 'c', omit)}${keyed}`;
  }
  if (filters.departmentKinds.length === 1 && !departmentSteps) {
    const kind = sql`c.kind = (SELECT id FROM kinds WHERE name = ${filters.departmentKinds[0]})`;
    if (countyGrain(filters, level, omit))
      return needing(
        sql`SELECT county, prefecture, role + 1 AS list, category, duties AS items, township_steps
            FROM cube_kinds_county c WHERE ${kind} AND ${roleCubeClause(filters, 'c', omit, 'county')}`,
        'rollups',
      );
    return needing(
      sql`SELECT township, county, prefecture, role + 1 AS list, category, duties AS items, township_steps
          FROM cube_kinds c WHERE ${kind} AND ${roleCubeClause(filters, 'c', omit)}`,
      'network',
    );
  }
  // Driven from the kind's index: the items involving the chosen kinds, then their facts.
  return needing(
    sql`SELECT f.township, f.county, f.prefecture, f.list, f.category, count(*) AS items,
               sum(f.township_steps) AS township_steps${departmentSteps ? sql`, sum(f.department_steps) AS department_steps` : sql``}
        FROM (SELECT DISTINCT fd.item FROM fact_departments fd
              WHERE fd.kind IN (SELECT id FROM kinds WHERE name IN ${filters.departmentKinds})) k
        CROSS JOIN fact_items f ON f.id = k.item
        WHERE ${cubeClause(filters, 'f', omit)}
        GROUP BY f.township, f.list, f.category`,
    'facts',
  );
}

/** The column of a unit at `level` in a table aliased `alias`: a trusted identifier. */
export const unitColumn = (alias: string, level: PlaceLevel) => raw(`${alias}.${level}`);

/**
 * The network cubes hold a role, not a list: lead (0) duties are 配合 (list 1), received (1) ones
 * 收回 (list 2), and 基本 items name no department. So the list filter becomes a role filter.
 */
export function roleCubeClause(filters: Filters, alias: string, omit: Omit = [], grain: 'township' | 'county' = 'township'): Sql {
  const lists = filters.lists.length && !omit.includes('lists') ? filters.lists : null;
  const roles = lists ? sql`${raw(alias)}.role + 1 IN ${lists.map((l) => LIST_CODE[l])}` : sql`1 = 1`;
  return sql`${cubeClause(filters, alias, [...omit, 'lists'], grain)} AND ${roles}`;
}
