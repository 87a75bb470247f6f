import type { DbClient } from '../db/client';
import { sql, raw, needing, type RawSql, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { ROLE_CODE, roleNameSql } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';
import { namesNeed } from '../atlas/parts';
import { countyGrain, countyScopeClause, factClause, placeClause, roleCubeClause } from './filter-clause';

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
  /** The township's steps in those duties (乡镇配合职责; none in 收回 duties). */
  townshipSteps: number;
  /** The department's own steps in them: those its cell names it for, and those naming no department. */
  departmentSteps: number;
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
  // Without a category filter (the usual case) the rollups summed over categories answer with a
  // third of the rows or fewer, already in the order the kinds are grouped in: departments as written
  // past a county (thousands of rows to group), kinds per township.
  // The table and the part holding it: the per-county cubes are in the rollups part, the rest in network.
  const source = (name: 'kinds' | 'departments'): { table: RawSql; part: 'network' | 'rollups' } => {
    if (!filters.categories.length) {
      if (name === 'departments' && grain === 'county') return { table: raw('net_departments_county'), part: 'network' };
      if (name === 'kinds' && grain === 'township') return { table: raw('net_kinds_township'), part: 'network' };
    }
    return grain === 'county' ? { table: raw(`cube_${name}_county`), part: 'rollups' } : { table: raw(`cube_${name}`), part: 'network' };
  };
  const { table, part } = source(grouping === 'kind' ? 'kinds' : 'departments');
  const edges =
    grouping === 'kind'
      ? sql`SELECT c.kind AS kind_id, c.kind AS department_id, ${unit} AS unit_id, c.role, sum(c.duties) AS duties,
                   sum(c.township_steps) AS township_steps, sum(c.department_steps) AS department_steps
            FROM ${table} c
            WHERE c.role IN ${roles} AND ${where}
            GROUP BY c.kind, ${unit}, c.role`
      : sql`SELECT d.kind AS kind_id, c.department AS department_id, ${unit} AS unit_id, c.role, sum(c.duties) AS duties,
                   sum(c.township_steps) AS township_steps, sum(c.department_steps) AS department_steps
            FROM ${table} c JOIN departments d ON d.id = c.department
            WHERE c.role IN ${roles} AND ${where}
            GROUP BY c.department, ${unit}, c.role`;
  const name = grouping === 'kind' ? sql`k.name` : sql`(SELECT name FROM departments WHERE id = e.department_id)`;
  return needing(
    sql`SELECT ${name} AS department, k.name AS kind, p.key AS unit, p.name AS unitName, ${raw(roleNameSql('e.role'))} AS role, e.duties,
               e.township_steps AS townshipSteps, e.department_steps AS departmentSteps
        FROM (${edges}) e JOIN places p ON p.id = e.unit_id JOIN kinds k ON k.id = e.kind_id
        ORDER BY department, p.id, e.role`,
    part,
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
  // Townships reached: distinct per kind, so from a township grain; grouped by kind first, then named.
  // Without a category filter, net_kinds_township holds one row per (role, kind, township) in key
  // order: a count(*) per kind, streamed (count(DISTINCT) over cube_kinds sorts a region's rows).
  const reached = filters.categories.length
    ? sql`SELECT c.kind, count(DISTINCT c.township) AS townships, sum(c.duties) AS dutiesLed, sum(c.township_steps) AS townshipSteps
          FROM cube_kinds c
          WHERE c.role = ${ROLE_CODE.lead} AND ${roleCubeClause(filters, 'c', ['departmentKinds', 'lists'])}
          GROUP BY c.kind`
    : sql`SELECT c.kind, count(*) AS townships, sum(c.duties) AS dutiesLed, sum(c.township_steps) AS townshipSteps
          FROM net_kinds_township c
          WHERE c.role = ${ROLE_CODE.lead} AND ${placeClause(filters, 'c')}
          GROUP BY c.kind`;
  return needing(
    sql`
      SELECT k.name AS kind, r.townships, r.dutiesLed, r.townshipSteps
      FROM (${reached}) r
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
    ...counties.map(namesNeed),
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
  // A kind under a place (or none) alone: the network part's per-county rollup answers, summed.
  if (grouping === 'kind' && !filters.townships.length && !filters.categories.length)
    return needing(
      sql`
        SELECT r.duty_group AS dutyGroup, g.name AS name, ${raw(roleNameSql('r.role'))} AS role, c.name AS category,
               sum(r.townships) AS townships, sum(r.township_steps) AS townshipSteps, min(r.item) AS itemId
        FROM net_kind_groups_county r
        JOIN duty_groups g ON g.id = r.duty_group
        JOIN categories c ON c.id = g.category
        WHERE r.kind = (SELECT id FROM kinds WHERE name = ${department}) AND ${countyScopeClause(filters, 'r')}
        GROUP BY r.duty_group, r.role
        ORDER BY r.role, townships DESC, townshipSteps DESC, r.duty_group`,
      'network',
    );
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

/** Up to this many units the network draws every edge (and pins units on a polygon); past it, each unit's strongest links. */
export const FULL_NETWORK_UNITS = 8;
/**
 * How many links per unit (and role) a network past FULL_NETWORK_UNITS keeps, by default: fewer for
 * departments as written, each of which belongs to one county and so adds a node per link.
 */
export const STRONGEST_PER_UNIT: Record<DepartmentGrouping, number> = { kind: 5, name: 3 };

/** An edge of the drawn network: the duties it stands for, and per township of its unit (comparable across units of any size). */
export interface NetworkEdge extends DepartmentEdgeRow {
  perTownship: number;
  /**
   * Drawn but not laid out: a selected department's links beyond the strongest ones. The layout stays
   * the one the strongest links give, so selecting a node does not move the picture.
   */
  extra: boolean;
}

/** A unit's figures over every edge of the query (not only those drawn). */
export interface NetworkUnit {
  key: string;
  name: string;
  /** Townships shown in the unit (1 for a township). */
  townships: number;
  led: number;
  received: number;
  /** 配合 duties led by departments per township of the unit. */
  perTownship: number;
  /** The departments leading the most duties per township here, most first (up to three). */
  strongest: { department: string; perTownship: number }[];
}

/** A department's (kind's or as-written name's) figures over every edge of the query. */
export interface NetworkDepartment {
  name: string;
  kind: string;
  led: number;
  received: number;
  /** Units it leads or receives duties in. */
  units: number;
  /** Duties it leads per township shown (over all units). */
  perTownship: number;
  /** The units relying on it least and most (per township; a unit it leads nothing in counts 0). */
  lowest: { unit: string; perTownship: number } | null;
  highest: { unit: string; perTownship: number } | null;
}

export interface DepartmentNetwork {
  /** What a unit is: a township, county or prefecture. */
  level: PlaceLevel;
  /** Every unit shown, in display order. */
  units: NetworkUnit[];
  /** The departments with a drawn edge, heaviest first. */
  departments: NetworkDepartment[];
  /** The drawn edges, in the query's order. */
  edges: NetworkEdge[];
  /** null: every edge is drawn; else the links kept per unit and role (the strongest by duties per township). */
  perUnit: number | null;
  /** Departments with any edge, drawn or not. */
  departmentsTotal: number;
}

export interface DepartmentNetworkOptions {
  /** What the units are (the selection's level). */
  level: PlaceLevel;
  /** The units shown, in display order (their keys). */
  unitOrder: readonly string[];
  /** Townships shown per unit (selection.unitTownships); 1 where missing (a township). */
  unitTownships: ReadonlyMap<string, number>;
  /** Links kept per unit and role when the units are more than FULL_NETWORK_UNITS. */
  perUnit?: number;
  /** The selected department (a kind, or a name as written): all its edges are drawn. */
  selected?: string | null;
}

/**
 * What the network draws, from every department–unit edge: each edge's duties per township of its
 * unit, the units' and departments' figures, and — past FULL_NETWORK_UNITS units, where every edge
 * drawn is a hairball — only each unit's `perUnit` strongest links per role. Ties at the cut are
 * broken by department name, so the same rows always give the same graph.
 */
export function departmentNetwork(rows: readonly DepartmentEdgeRow[], options: DepartmentNetworkOptions): DepartmentNetwork {
  const { level, unitOrder, unitTownships, perUnit = STRONGEST_PER_UNIT.kind, selected = null } = options;
  const townshipsOf = (unit: string) => unitTownships.get(unit) ?? 1;
  const edges: NetworkEdge[] = rows.map((r) => ({ ...r, perTownship: r.duties / townshipsOf(r.unit), extra: false }));
  const unitNames = new Map(rows.map((r) => [r.unit, r.unitName]));
  const order = [...unitOrder.filter((u) => unitNames.has(u)), ...[...unitNames.keys()].filter((u) => !unitOrder.includes(u))];

  const units = new Map<string, NetworkUnit>();
  for (const key of order) {
    units.set(key, { key, name: unitNames.get(key)!, townships: townshipsOf(key), led: 0, received: 0, perTownship: 0, strongest: [] });
  }
  const departments = new Map<string, NetworkDepartment & { reached: Set<string>; rates: Map<string, number> }>();
  for (const e of edges) {
    const u = units.get(e.unit)!;
    const d = departments.get(e.department) ?? {
      name: e.department,
      kind: e.kind,
      led: 0,
      received: 0,
      units: 0,
      perTownship: 0,
      lowest: null,
      highest: null,
      reached: new Set<string>(),
      rates: new Map<string, number>(),
    };
    departments.set(e.department, d);
    d.reached.add(e.unit);
    if (e.role === 'lead') {
      u.led += e.duties;
      d.led += e.duties;
      d.rates.set(e.unit, e.perTownship);
    } else {
      u.received += e.duties;
      d.received += e.duties;
    }
  }
  const allTownships = [...units.values()].reduce((s, u) => s + u.townships, 0);
  // Ties by code point, not localeCompare: as deterministic, and ICU collation is slow over thousands of names.
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byRate = (a: NetworkEdge, b: NetworkEdge) => b.perTownship - a.perTownship || byName(a.department, b.department);
  for (const u of units.values()) {
    u.perTownship = u.led / u.townships;
    u.strongest = edges
      .filter((e) => e.unit === u.key && e.role === 'lead')
      .sort(byRate)
      .slice(0, 3)
      .map((e) => ({ department: e.department, perTownship: e.perTownship }));
  }
  for (const d of departments.values()) {
    d.units = d.reached.size;
    d.perTownship = allTownships ? d.led / allTownships : 0;
    if (d.led > 0) {
      const rates = order.map((unit) => ({ unit: units.get(unit)!.name, perTownship: d.rates.get(unit) ?? 0 }));
      d.lowest = rates.reduce((a, b) => (b.perTownship < a.perTownship ? b : a));
      d.highest = rates.reduce((a, b) => (b.perTownship > a.perTownship ? b : a));
    }
  }

  let drawn = edges;
  let cut: number | null = null;
  if (units.size > FULL_NETWORK_UNITS) {
    cut = perUnit;
    const kept = new Set<NetworkEdge>();
    const groups = new Map<string, NetworkEdge[]>();
    for (const e of edges) {
      const key = `${e.unit}\u0000${e.role}`;
      const group = groups.get(key);
      if (group) group.push(e);
      else groups.set(key, [e]);
    }
    for (const group of groups.values()) for (const e of group.sort(byRate).slice(0, perUnit)) kept.add(e);
    const keptDepartments = new Set([...kept].map((e) => e.department));
    // The selected department shows all its links; laid out only if it has no strongest link of its own.
    drawn = edges
      .filter((e) => kept.has(e) || e.department === selected)
      .map((e) => (kept.has(e) || !keptDepartments.has(e.department) ? e : { ...e, extra: true }));
  }
  const shown = new Set(drawn.map((e) => e.department));
  const strip = ({ reached, rates, ...d }: NetworkDepartment & { reached: unknown; rates: unknown }): NetworkDepartment => d;
  return {
    level,
    units: [...units.values()],
    departments: [...departments.values()]
      .filter((d) => shown.has(d.name))
      .sort((a, b) => b.led + b.received - (a.led + a.received) || byName(a.name, b.name))
      .map(strip),
    edges: drawn,
    perUnit: cut,
    departmentsTotal: departments.size,
  };
}
