import type { DbClient } from '../db/client';
import { sql, raw, needing, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { ROLE_CODE } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';
import { textNeed } from '../atlas/parts';
import { factClause, roleCubeClause } from './filter-clause';
import type { DepartmentGrouping, EdgeRole } from './network';

/**
 * What one edge of 部门网络 stands for: its duties with the department's steps beside the township's.
 *
 * An edge joins a department (a kind, or a name as written) and a unit in a role, under the filters
 * the edges were counted with: the scope, the township and category filters (never the list or
 * department-kind filters: see departmentEdgesSql). A township's edge lists its duties with their
 * text (the county's names and steps files); a county's or prefecture's lists its townships with their
 * figures from the network cubes, and a township's duties are read when it is opened.
 */

const OMIT = ['departmentKinds', 'lists'] as const;

/** The department side of a step: its cell names this department (or one of the kind's), or none. */
function ownDepartmentStep(grouping: DepartmentGrouping, department: string, alias: string): Sql {
  const d = raw(`${alias}.department`);
  const match =
    grouping === 'kind'
      ? sql`${d} IN (SELECT id FROM departments WHERE kind = (SELECT id FROM kinds WHERE name = ${department}))`
      : sql`${d} = (SELECT id FROM departments WHERE name = ${department})`;
  return sql`(${d} IS NULL OR ${match})`;
}

/** The items the department leads or receives (distinct: two departments of a kind on one item count once). */
function edgeItems(grouping: DepartmentGrouping, department: string, role: EdgeRole): Sql {
  const match =
    grouping === 'kind'
      ? sql`fd.kind = (SELECT id FROM kinds WHERE name = ${department})`
      : sql`fd.department = (SELECT id FROM departments WHERE name = ${department})`;
  return sql`SELECT DISTINCT fd.item FROM fact_departments fd WHERE ${match} AND fd.role = ${ROLE_CODE[role]}`;
}

/** One duty of a township's edge, with how many steps each side names in it. */
export interface EdgeDutyRow {
  itemId: number;
  name: string;
  category: string;
  seq: number;
  townshipSteps: number;
  departmentSteps: number;
}

/**
 * The duties of the edge between `department` and the township `township` (its id), in list order,
 * with the step counts of each side as the steps shown count them. `county`: the township's county
 * place id, whose text part holds the wording.
 */
export function edgeDutiesSql(
  filters: Filters,
  grouping: DepartmentGrouping,
  edge: { role: EdgeRole; department: string; township: string },
  county: number,
): Sql {
  return needing(
    sql`
      SELECT f.id AS itemId, x.name AS name, c.name AS category, f.seq AS seq,
             (SELECT count(*) FROM step_text s WHERE s.item = f.id AND s.party = 'township') AS townshipSteps,
             (SELECT count(*) FROM step_text s
              WHERE s.item = f.id AND s.party = 'department' AND ${ownDepartmentStep(grouping, edge.department, 's')}) AS departmentSteps
      FROM (${edgeItems(grouping, edge.department, edge.role)}) e
      JOIN fact_items f ON f.id = e.item
      JOIN item_text x ON x.item = f.id
      JOIN categories c ON c.id = f.category
      WHERE f.township = (SELECT place FROM townships WHERE id = ${edge.township})
        AND ${factClause(filters, 'f', OMIT)}
      ORDER BY f.list, f.seq`,
    'facts',
    textNeed(county),
  );
}

export function edgeDuties(
  client: DbClient,
  filters: Filters,
  grouping: DepartmentGrouping,
  edge: { role: EdgeRole; department: string; township: string },
  county: number,
): Promise<EdgeDutyRow[]> {
  return client.query<EdgeDutyRow>(edgeDutiesSql(filters, grouping, edge, county));
}

/** A step of one of the edge's duties: the township's, or the department's own. */
export interface EdgeStepRow {
  itemId: number;
  party: 'department' | 'township';
  ord: number;
  text: string;
  heading: string | null;
}

/** The steps of `items` (one township's edge duties), the department side limited to the edge's department. */
export function edgeStepsSql(grouping: DepartmentGrouping, department: string, items: readonly number[], county: number): Sql {
  return needing(
    sql`
      SELECT s.item AS itemId, s.party, s.ord, s.text, s.heading
      FROM step_text s
      WHERE s.item IN ${items}
        AND (s.party = 'township' OR ${ownDepartmentStep(grouping, department, 's')})
      ORDER BY s.item, s.party, s.ord`,
    textNeed(county),
  );
}

export function edgeSteps(
  client: DbClient,
  grouping: DepartmentGrouping,
  department: string,
  items: readonly number[],
  county: number,
): Promise<EdgeStepRow[]> {
  return client.query<EdgeStepRow>(edgeStepsSql(grouping, department, items, county));
}

/** A township of a county's or prefecture's edge, with its part of the edge's figures. */
export interface EdgeTownshipRow {
  townshipId: string;
  townshipName: string;
  /** Its county's place id: the text part its duties are read from. */
  county: number;
  duties: number;
  townshipSteps: number;
  departmentSteps: number;
}

/**
 * The townships of the edge between `department` and the county or prefecture `unit` (a place key),
 * in display order, each with its duties and steps: from the network cubes at township grain, the
 * rows the unit's edge sums.
 */
export function edgeTownshipsSql(
  filters: Filters,
  grouping: DepartmentGrouping,
  edge: { role: EdgeRole; department: string; unit: string },
  level: Exclude<PlaceLevel, 'township'>,
): Sql {
  const where = roleCubeClause(filters, 'c', OMIT);
  const match =
    grouping === 'kind'
      ? sql`c.kind = (SELECT id FROM kinds WHERE name = ${edge.department})`
      : sql`c.department = (SELECT id FROM departments WHERE name = ${edge.department})`;
  return needing(
    sql`
      SELECT t.id AS townshipId, t.name AS townshipName, t.county AS county, sum(c.duties) AS duties,
             sum(c.township_steps) AS townshipSteps, sum(c.department_steps) AS departmentSteps
      FROM ${raw(grouping === 'kind' ? 'cube_kinds' : 'cube_departments')} c
      JOIN townships t ON t.place = c.township
      WHERE ${match} AND c.role = ${ROLE_CODE[edge.role]}
        -- The unit's townships first: the cube's key leads with the township, so each is a short
        -- range; matched on the unit's column, a region's cube was scanned whole (≈1 s at 1,100 townships).
        AND c.township IN (SELECT t2.place FROM townships t2 WHERE ${raw(`t2.${level}`)} = (SELECT id FROM places WHERE key = ${edge.unit}))
        AND ${where}
      GROUP BY c.township
      ORDER BY c.township`,
    'network',
  );
}

export function edgeTownships(
  client: DbClient,
  filters: Filters,
  grouping: DepartmentGrouping,
  edge: { role: EdgeRole; department: string; unit: string },
  level: Exclude<PlaceLevel, 'township'>,
): Promise<EdgeTownshipRow[]> {
  return client.query<EdgeTownshipRow>(edgeTownshipsSql(filters, grouping, edge, level));
}
