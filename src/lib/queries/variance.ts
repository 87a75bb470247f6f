import { sql, raw, needing, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { LIST_CODE, listNameSql } from '../atlas/codes';
import { namesNeed } from '../atlas/parts';
import { countyScopeClause, cubeClause, factClause, placeClause, usesKinds } from './filter-clause';

/**
 * 口径差异: the counts src/lib/variance/find-variances.ts flags duty groups from. The townships
 * compared are the selection's (scope and township filter); the list, category and department-kind
 * filters choose which groups are looked at (a group counts when one of its items in the selection
 * passes them), and every item of a chosen group in the selection is then compared: a category
 * filter must not hide that the same duty sits under another category elsewhere.
 */

const filtersBeyondPlace = (filters: Filters) => filters.lists.length > 0 || filters.categories.length > 0 || usesKinds(filters);

/**
 * Whether the county rollups (the variance part) answer: no township filter picks townships within
 * counties. Else the facts are counted township by township (few townships picked: a quick read of
 * their rows by the facts' township index).
 */
const byCounty = (filters: Filters) => filters.townships.length === 0;

/** The groups the list, category and kind filters choose, as a condition on `column`; none filtered: true. */
function chosenGroups(filters: Filters, column: string): Sql {
  if (!filtersBeyondPlace(filters)) return sql`1 = 1`;
  const c = raw(column);
  if (byCounty(filters) && !usesKinds(filters))
    return sql`${c} IN (SELECT h.duty_group FROM var_holdings h WHERE ${cubeClause(filters, 'h', [], 'county')})`;
  // Kinds and no category: the groups a kind leads or receives per county are var_kinds' rows (a
  // department is named as lead on 配合 items alone, as receiver on 收回: its role is the list's).
  // Read from the facts, a region's kind took 12-18 ms per query, three queries a filter change.
  if (byCounty(filters) && !filters.categories.length) {
    const lists = filters.lists.length ? sql` AND k.role + 1 IN ${filters.lists.map((l) => LIST_CODE[l])}` : sql``;
    return sql`${c} IN (SELECT k.duty_group FROM var_kinds k
                        WHERE k.kind IN (SELECT id FROM kinds WHERE name IN ${filters.departmentKinds})
                          AND ${countyScopeClause(filters, 'k')}${lists})`;
  }
  return sql`${c} IN (SELECT q.duty_group FROM fact_items q WHERE ${factClause(filters, 'q')})`;
}

/** The condition on fact_items `f`: items of the chosen groups in the selected townships. */
const chosenFacts = (filters: Filters) => sql`${placeClause(filters, 'f')} AND ${chosenGroups(filters, 'f.duty_group')}`;
/** The condition on a variance table `v`: rows of the chosen groups in the selected counties. */
const chosenRollup = (filters: Filters) => sql`${countyScopeClause(filters, 'v')} AND ${chosenGroups(filters, 'v.duty_group')}`;

/** Per group: townships listing it, and those naming any lead (配合) or receiving (收回) department. */
export const varianceSpreads = (filters: Filters) =>
  byCounty(filters)
    ? needing(
        sql`
      SELECT v.duty_group AS dutyGroup, sum(v.townships) AS townships, sum(v.lead_named) AS leadNamed, sum(v.receiver_named) AS receiverNamed
      FROM var_spread v WHERE ${chosenRollup(filters)}
      GROUP BY v.duty_group`,
        'variance',
      )
    : needing(
        sql`
      SELECT f.duty_group AS dutyGroup, count(DISTINCT f.township) AS townships,
             count(DISTINCT CASE WHEN f.list = 1 AND EXISTS (SELECT 1 FROM fact_departments d WHERE d.item = f.id AND d.role = 0)
                                 THEN f.township END) AS leadNamed,
             count(DISTINCT CASE WHEN f.list = 2 AND EXISTS (SELECT 1 FROM fact_departments d WHERE d.item = f.id AND d.role = 1)
                                 THEN f.township END) AS receiverNamed
      FROM fact_items f WHERE ${chosenFacts(filters)}
      GROUP BY f.duty_group`,
        'facts',
        'variance',
      );

/** Per group, list and category: the townships listing it so. */
export const varianceHoldings = (filters: Filters) =>
  byCounty(filters)
    ? needing(
        sql`
      SELECT v.duty_group AS dutyGroup, v.list AS list, v.category AS category, sum(v.townships) AS townships
      FROM var_holdings v WHERE ${chosenRollup(filters)}
      GROUP BY v.duty_group, v.list, v.category`,
        'variance',
      )
    : needing(
        sql`
      SELECT f.duty_group AS dutyGroup, f.list AS list, f.category AS category, count(DISTINCT f.township) AS townships
      FROM fact_items f WHERE ${chosenFacts(filters)}
      GROUP BY f.duty_group, f.list, f.category`,
        'facts',
        'variance',
      );

/** Per group, role and department kind: the townships whose coop items it leads or reclaimed items it receives. */
export const varianceKinds = (filters: Filters) =>
  byCounty(filters)
    ? needing(
        sql`
      SELECT v.duty_group AS dutyGroup, v.role AS role, v.kind AS kind, sum(v.townships) AS townships
      FROM var_kinds v WHERE ${chosenRollup(filters)}
      GROUP BY v.duty_group, v.role, v.kind`,
        'variance',
      )
    : needing(
        sql`
      SELECT f.duty_group AS dutyGroup, d.role AS role, d.kind AS kind, count(DISTINCT f.township) AS townships
      FROM fact_items f JOIN fact_departments d ON d.item = f.id AND d.role = f.list - 1
      WHERE ${chosenFacts(filters)}
      GROUP BY f.duty_group, d.role, d.kind`,
        'facts',
        'variance',
      );

/** Names of the groups shown. */
export const groupNames = (groups: readonly number[]) =>
  sql`SELECT g.id, g.name, c.name AS category FROM duty_groups g JOIN categories c ON c.id = g.category WHERE g.id IN ${[...groups]}`;

export const categoryNames = () => sql`SELECT id, name FROM categories`;
export const kindNames = () => sql`SELECT id, name FROM kinds`;

/** One selected township's item of a group, with its wording (from its county's text) and department kinds. */
export interface VarianceItemRow {
  item: number;
  township_id: string;
  township: string;
  county: string;
  list: 'basic' | 'coop' | 'reclaimed';
  category: string;
  name: string | null;
  kinds: string | null;
}

/** Every item of a group in the selected townships, with wording where `counties`' text is asked for. */
export const varianceItems = (dutyGroup: number, filters: Filters, counties: readonly number[]) =>
  needing(
    sql`
      SELECT f.id AS item, t.id AS township_id, t.name AS township, t.county_name AS county,
             ${raw(listNameSql('f.list'))} AS list, c.name AS category,
             ${counties.length ? sql`(SELECT name FROM item_text WHERE item = f.id)` : sql`NULL`} AS name,
             (SELECT group_concat(k.name, '、') FROM (SELECT DISTINCT d.kind FROM fact_departments d WHERE d.item = f.id) dk
                JOIN kinds k ON k.id = dk.kind) AS kinds
      FROM fact_items f JOIN townships t ON t.place = f.township JOIN categories c ON c.id = f.category
      WHERE f.duty_group = ${dutyGroup} AND ${placeClause(filters, 'f')}
      ORDER BY f.list DESC, t.county, t.place`,
    'facts',
    ...counties.map(namesNeed),
  );

/** The counties of the selected townships listing a group: the text parts its wordings are in. */
export const varianceCounties = (dutyGroup: number, filters: Filters) =>
  needing(sql`SELECT DISTINCT f.county FROM fact_items f WHERE f.duty_group = ${dutyGroup} AND ${placeClause(filters, 'f')}`, 'facts');

/** The selected townships that do not list a group (at most `limit`, by county), and how many there are. */
export const townshipsWithout = (dutyGroup: number, filters: Filters, limit: number) =>
  needing(
    sql`
      SELECT t.id, t.name, t.county_name AS county, count(*) OVER () AS total
      FROM townships t
      WHERE ${placeClause(filters, 't', [], 'place')}
        AND NOT EXISTS (SELECT 1 FROM fact_items f WHERE f.township = t.place AND f.duty_group = ${dutyGroup})
      ORDER BY t.county, t.place
      LIMIT ${limit}`,
    'facts',
  );
