import type { DbClient } from '../db/client';
import { sql, raw, needing, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { ROLE_CODE, roleNameSql } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';
import { textNeed } from '../atlas/parts';
import { countyGrain, factClause, roleCubeClause } from './filter-clause';

/**
 * How departments are told apart in the network: by `kind` (the same department in every county,
 * the default) or by the name as written in each list.
 */
export type DepartmentGrouping = 'kind' | 'name';
export type EdgeRole = 'lead' | 'receiver';

/** One edge: a department (kind or name) and a unit (township, county or prefecture), with how many duties tie them. */
export interface DepartmentEdgeRow {
  department: string;
  kind: string;
  /** The unit's place key (a township's id at township level). */
  unit: string;
  unitName: string;
  role: EdgeRole;
  duties: number;
}

/**
 * Edges between departments and units. role 'lead' counts 配合 (coop) duties the department leads;
 * role 'receiver' counts 收回 (reclaimed) duties it took over. Read from the network cubes. The
 * department-kind and list filters are not applied: the graph highlights the chosen department
 * rather than dropping the rest, and the roles stand for the lists.
 */
export function departmentEdgesSql(
  filters: Filters,
  grouping: DepartmentGrouping,
  withReceivers: boolean,
  level: PlaceLevel = 'township',
): Sql {
  const roles = withReceivers ? [ROLE_CODE.lead, ROLE_CODE.receiver] : [ROLE_CODE.lead];
  const omit = ['departmentKinds', 'lists'] as const;
  const grain = countyGrain(filters, level, omit) ? 'county' : 'township';
  const where = roleCubeClause(filters, 'c', omit, grain);
  const unit = raw(`c.${level}`);
  const table = (name: 'kinds' | 'departments') => raw(`cube_${name}${grain === 'county' ? '_county' : ''}`);
  const edges =
    grouping === 'kind'
      ? sql`SELECT c.kind AS kind_id, c.kind AS department_id, ${unit} AS unit_id, c.role, sum(c.duties) AS duties
            FROM ${table('kinds')} c
            WHERE c.role IN ${roles} AND ${where}
            GROUP BY c.kind, ${unit}, c.role`
      : sql`SELECT d.kind AS kind_id, c.department AS department_id, ${unit} AS unit_id, c.role, sum(c.duties) AS duties
            FROM ${table('departments')} c JOIN departments d ON d.id = c.department
            WHERE c.role IN ${roles} AND ${where}
            GROUP BY c.department, ${unit}, c.role`;
  const name = grouping === 'kind' ? sql`k.name` : sql`(SELECT name FROM departments WHERE id = e.department_id)`;
  return needing(
    sql`SELECT ${name} AS department, k.name AS kind, p.key AS unit, p.name AS unitName, ${raw(roleNameSql('e.role'))} AS role, e.duties
        FROM (${edges}) e JOIN places p ON p.id = e.unit_id JOIN kinds k ON k.id = e.kind_id
        ORDER BY department, p.id, e.role`,
    'network',
  );
}

export function departmentEdges(
  client: DbClient,
  filters: Filters,
  grouping: DepartmentGrouping,
  withReceivers: boolean,
  level: PlaceLevel = 'township',
): Promise<DepartmentEdgeRow[]> {
  return client.query<DepartmentEdgeRow>(departmentEdgesSql(filters, grouping, withReceivers, level));
}

/** A row of the table 最依赖的部门. */
export interface RelianceRow {
  kind: string;
  townships: number;
  dutiesLed: number;
  townshipSteps: number;
}

/**
 * Per department kind: townships where it leads at least one 配合 duty, the 配合 duties it leads, and
 * the township steps (乡镇配合职责) those duties demand. A duty led jointly by two kinds counts for both.
 */
export function relianceSql(filters: Filters): Sql {
  // Townships reached: distinct per kind, so from the township-grain cube; grouped by kind first, then named.
  return needing(
    sql`
      SELECT k.name AS kind, r.townships, r.dutiesLed, r.townshipSteps
      FROM (SELECT c.kind, count(DISTINCT c.township) AS townships, sum(c.duties) AS dutiesLed, sum(c.township_steps) AS townshipSteps
            FROM cube_kinds c
            WHERE c.role = ${ROLE_CODE.lead} AND ${roleCubeClause(filters, 'c', ['departmentKinds', 'lists'])}
            GROUP BY c.kind) r
      JOIN kinds k ON k.id = r.kind
      ORDER BY r.townships DESC, r.dutiesLed DESC, r.townshipSteps DESC, k.name`,
    'network',
  );
}

export function reliance(client: DbClient, filters: Filters): Promise<RelianceRow[]> {
  return client.query<RelianceRow>(relianceSql(filters));
}

/** A duty a department leads (配合) or took over (收回), one per township, for the department's panel. */
export interface DepartmentDutyRow {
  itemId: number;
  townshipId: string;
  townshipName: string;
  role: EdgeRole;
  category: string;
  name: string;
  townshipSteps: number;
}

/** Which departments a panel is about: every department of a kind, or one department as written. */
function departmentMatch(grouping: DepartmentGrouping, department: string): Sql {
  return grouping === 'kind'
    ? sql`fd.kind = (SELECT id FROM kinds WHERE name = ${department})`
    : sql`fd.department = (SELECT id FROM departments WHERE name = ${department})`;
}

/**
 * The department's duties in the townships shown, one row per item, with the item's name: reads the
 * facts and the text of `counties` (the counties of the townships shown; the view knows them).
 */
export function departmentDutiesSql(filters: Filters, grouping: DepartmentGrouping, department: string, counties: readonly number[]): Sql {
  return needing(
    sql`
      SELECT DISTINCT f.id AS itemId, t.id AS townshipId, t.name AS townshipName, ${raw(roleNameSql('fd.role'))} AS role,
             c.name AS category, x.name AS name, f.township_steps AS townshipSteps
      FROM fact_departments fd
      JOIN fact_items f ON f.id = fd.item
      JOIN townships t ON t.place = f.township
      JOIN categories c ON c.id = f.category
      JOIN item_text x ON x.item = f.id
      WHERE ${departmentMatch(grouping, department)}
        AND f.list = fd.role + 1
        AND ${factClause(filters, 'f', ['departmentKinds', 'lists'])}
      ORDER BY fd.role, f.township, f.seq`,
    ...counties.map(textNeed),
  );
}

export function departmentDuties(
  client: DbClient,
  filters: Filters,
  grouping: DepartmentGrouping,
  department: string,
  counties: readonly number[],
): Promise<DepartmentDutyRow[]> {
  return client.query<DepartmentDutyRow>(departmentDutiesSql(filters, grouping, department, counties));
}

/** A duty (duty group) a department leads or receives, summed over the townships shown: the panel past a county. */
export interface DepartmentDutyGroupRow {
  dutyGroup: number;
  /** The group's most common wording. */
  name: string;
  role: EdgeRole;
  category: string;
  /** Townships where the department has this duty. */
  townships: number;
  /** Township steps over those townships' items. */
  townshipSteps: number;
  /** One of its items, to open. */
  itemId: number;
}

export function departmentDutyGroupsSql(filters: Filters, grouping: DepartmentGrouping, department: string): Sql {
  return sql`
    SELECT f.duty_group AS dutyGroup, g.name AS name, ${raw(roleNameSql('fd.role'))} AS role, c.name AS category,
           count(DISTINCT f.township) AS townships, sum(f.township_steps) AS townshipSteps, min(f.id) AS itemId
    FROM (SELECT DISTINCT item, role FROM fact_departments fd WHERE ${departmentMatch(grouping, department)}) fd
    JOIN fact_items f ON f.id = fd.item
    JOIN duty_groups g ON g.id = f.duty_group
    JOIN categories c ON c.id = g.category
    WHERE f.list = fd.role + 1 AND ${factClause(filters, 'f', ['departmentKinds', 'lists'])}
    GROUP BY f.duty_group, fd.role
    ORDER BY fd.role, townships DESC, townshipSteps DESC, f.duty_group`;
}

export function departmentDutyGroups(
  client: DbClient,
  filters: Filters,
  grouping: DepartmentGrouping,
  department: string,
): Promise<DepartmentDutyGroupRow[]> {
  return client.query<DepartmentDutyGroupRow>(departmentDutyGroupsSql(filters, grouping, department));
}
