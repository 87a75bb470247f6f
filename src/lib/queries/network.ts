import type { DbClient } from '../db/client';
import { sql, raw, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { filterClause } from './filter-clause';

/**
 * How departments are told apart in the network: by `kind` (the same department in every county,
 * the default) or by the name as written in each list.
 */
export type DepartmentGrouping = 'kind' | 'name';
export type EdgeRole = 'lead' | 'receiver';

/** One edge: a department (kind or name) and a township, with how many duties tie them. */
export interface DepartmentEdgeRow {
  department: string;
  kind: string;
  townshipId: string;
  townshipName: string;
  role: EdgeRole;
  duties: number;
}

const departmentColumn = (grouping: DepartmentGrouping) => raw(grouping === 'kind' ? 'd.kind' : 'd.name');

/**
 * Edges between departments and townships. role 'lead' counts 配合 (coop) duties the department leads
 * in the township; role 'receiver' counts 收回 (reclaimed) duties it took over. The department-kind
 * filter is not applied here: the graph highlights the chosen department rather than dropping the rest.
 */
export function departmentEdgesSql(filters: Filters, grouping: DepartmentGrouping, withReceivers: boolean): Sql {
  const where = filterClause(filters, 'i', ['departmentKinds', 'lists']);
  const roles = withReceivers ? ['lead', 'receiver'] : ['lead'];
  return sql`
    SELECT ${departmentColumn(grouping)} AS department, MIN(d.kind) AS kind,
           i.township_id AS townshipId, t.name AS townshipName, x.role AS role,
           COUNT(DISTINCT i.id) AS duties
    FROM item_departments x
    JOIN items i ON i.id = x.item_id
    JOIN departments d ON d.id = x.department_id
    JOIN townships t ON t.id = i.township_id
    WHERE ((x.role = 'lead' AND i.list = 'coop') OR (x.role = 'receiver' AND i.list = 'reclaimed'))
      AND x.role IN ${roles} AND ${where}
    GROUP BY department, i.township_id, x.role
    ORDER BY department, i.township_id, x.role`;
}

export function departmentEdges(
  client: DbClient,
  filters: Filters,
  grouping: DepartmentGrouping,
  withReceivers: boolean,
): Promise<DepartmentEdgeRow[]> {
  return client.query<DepartmentEdgeRow>(departmentEdgesSql(filters, grouping, withReceivers));
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
  const where = filterClause(filters, 'i', ['departmentKinds', 'lists']);
  return sql`
    WITH led AS (
      SELECT DISTINCT d.kind AS kind, i.id AS itemId, i.township_id AS townshipId
      FROM item_departments x
      JOIN items i ON i.id = x.item_id
      JOIN departments d ON d.id = x.department_id
      WHERE x.role = 'lead' AND i.list = 'coop' AND ${where}
    ),
    township_steps AS (
      SELECT item_id AS itemId, COUNT(*) AS n FROM steps WHERE party = 'township' GROUP BY item_id
    )
    SELECT led.kind AS kind, COUNT(DISTINCT led.townshipId) AS townships, COUNT(*) AS dutiesLed,
           COALESCE(SUM(township_steps.n), 0) AS townshipSteps
    FROM led LEFT JOIN township_steps ON township_steps.itemId = led.itemId
    GROUP BY led.kind
    ORDER BY townships DESC, dutiesLed DESC, townshipSteps DESC, kind`;
}

export function reliance(client: DbClient, filters: Filters): Promise<RelianceRow[]> {
  return client.query<RelianceRow>(relianceSql(filters));
}

/** A duty a department leads (配合) or took over (收回), for the department's panel. */
export interface DepartmentDutyRow {
  itemId: number;
  townshipId: string;
  townshipName: string;
  role: EdgeRole;
  category: string;
  name: string;
  townshipSteps: number;
}

export function departmentDutiesSql(filters: Filters, grouping: DepartmentGrouping, department: string): Sql {
  const where = filterClause(filters, 'i', ['departmentKinds', 'lists']);
  return sql`
    SELECT DISTINCT i.id AS itemId, i.township_id AS townshipId, t.name AS townshipName, x.role AS role,
           i.category AS category, i.name AS name,
           (SELECT COUNT(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'township') AS townshipSteps
    FROM item_departments x
    JOIN items i ON i.id = x.item_id
    JOIN departments d ON d.id = x.department_id
    JOIN townships t ON t.id = i.township_id
    WHERE ${departmentColumn(grouping)} = ${department}
      AND ((x.role = 'lead' AND i.list = 'coop') OR (x.role = 'receiver' AND i.list = 'reclaimed'))
      AND ${where}
    ORDER BY x.role, t.id, i.seq`;
}

export function departmentDuties(
  client: DbClient,
  filters: Filters,
  grouping: DepartmentGrouping,
  department: string,
): Promise<DepartmentDutyRow[]> {
  return client.query<DepartmentDutyRow>(departmentDutiesSql(filters, grouping, department));
}
