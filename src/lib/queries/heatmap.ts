import type { DbClient } from '../db/client';
import { sql, raw, needing, join, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import type { ListKind } from '../parse/types';
import { LIST_OF_CODE } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';
import { namesNeed } from '../atlas/parts';
import { placeClause } from './filter-clause';

/** How a township holds a duty that at least one township had reclaimed. */
export type HoldingStatus = 'reclaimed' | 'coop' | 'basic' | 'absent';

/**
 * 收回事项热力图 — rows are duty groups reclaimed (list = 'reclaimed') in at least one township of the
 * loaded lists. The category and department-kind filters pick the groups through their reclaimed
 * items. The scope and the township filter pick the columns: a township still carrying a duty that
 * townships elsewhere reclaimed is exactly what the view is for. The list filter is ignored: the
 * list is what the cells show. Read from the heatmap part.
 */

/** The groups that qualify under the category and department-kind filters. */
function qualifying(filters: Filters): Sql {
  const parts: Sql[] = [];
  if (filters.categories.length) parts.push(sql`r.category IN (SELECT id FROM categories WHERE name IN ${filters.categories})`);
  if (filters.departmentKinds.length) parts.push(sql`r.kind IN (SELECT id FROM kinds WHERE name IN ${filters.departmentKinds})`);
  return parts.length ? sql`SELECT duty_group FROM heat_reasons r WHERE ${join(parts, ' AND ')}` : sql`SELECT duty_group FROM heat_groups`;
}

export interface HeatmapGroupRow {
  dutyGroup: number;
  /** Its most common wording among the townships that reclaimed it. */
  name: string;
  category: string;
  /** Receiving department kinds named by any township that reclaimed it, '、'-joined. */
  receivers: string;
  /** Townships that reclaimed it, among all loaded (not only those shown). */
  reclaimedIn: number;
}

/** Cells of one duty in one unit: how many of the unit's townships shown hold it in each way. */
export interface HeatmapCountRow {
  dutyGroup: number;
  /** The unit's place key (a township's id at township level). */
  unit: string;
  reclaimed: number;
  coop: number;
  basic: number;
  /** At township level: the item a click opens (reclaimed over coop over basic). */
  itemId: number | null;
}

export function heatmapGroupsSql(filters: Filters): Sql {
  return needing(
    sql`SELECT g.duty_group AS dutyGroup, g.name, c.name AS category, g.receivers, g.reclaimed_in AS reclaimedIn
        FROM heat_groups g JOIN categories c ON c.id = g.category
        WHERE g.duty_group IN (${qualifying(filters)})
        ORDER BY g.duty_group`,
    'heatmap',
  );
}

/**
 * Per qualifying duty and unit at `level`, the townships shown that hold it as reclaimed, coop or
 * basic (absent = the unit's townships shown minus those). Townships come from heat_cells; counties
 * and prefectures from heat_counties unless a township filter picks townships within them.
 */
export function heatmapCountsSql(filters: Filters, level: PlaceLevel): Sql {
  const groups = qualifying(filters);
  if (level === 'township')
    return needing(
      sql`SELECT h.duty_group AS dutyGroup, t.id AS unit, h.status = 2 AS reclaimed, h.status = 1 AS coop, h.status = 0 AS basic, h.item AS itemId
          FROM heat_cells h JOIN townships t ON t.place = h.township
          WHERE h.duty_group IN (${groups}) AND ${placeClause(filters, 'h')}
          ORDER BY h.duty_group, h.township`,
      'heatmap',
    );
  const unit = raw(`h.${level}`);
  const counts = filters.townships.length
    ? sql`SELECT h.duty_group, ${unit} AS unit_id, sum(h.status = 2) AS reclaimed, sum(h.status = 1) AS coop, sum(h.status = 0) AS basic
          FROM heat_cells h WHERE h.duty_group IN (${groups}) AND ${placeClause(filters, 'h')}
          GROUP BY h.duty_group, ${unit}`
    : sql`SELECT h.duty_group, ${unit} AS unit_id, sum(h.reclaimed) AS reclaimed, sum(h.coop) AS coop, sum(h.basic) AS basic
          FROM heat_counties h
          WHERE h.duty_group IN (${groups}) AND ${countyScope(filters, 'h')}
          GROUP BY h.duty_group, ${unit}`;
  return needing(
    sql`SELECT x.duty_group AS dutyGroup, p.key AS unit, x.reclaimed, x.coop, x.basic, NULL AS itemId
        FROM (${counts}) x JOIN places p ON p.id = x.unit_id
        ORDER BY x.duty_group, p.id`,
    'heatmap',
  );
}

/** The scope on a county-grain table. */
function countyScope(filters: Filters, alias: string): Sql {
  if (!filters.scope) return sql`1 = 1`;
  return sql`${raw(alias)}.county IN (SELECT t.county FROM townships t, places s
               WHERE s.key = ${filters.scope} AND (t.county = s.id OR t.prefecture = s.id))`;
}

/** A township's own wording of a duty (a township may list it twice): the tooltip at township level. */
export interface HeatmapWordingRow {
  dutyGroup: number;
  townshipId: string;
  list: ListKind;
  name: string;
}

/** Wordings of the qualifying duties in the townships shown; reads the text of `counties` (theirs). */
export function heatmapWordingsSql(filters: Filters, counties: readonly number[]): Sql {
  return needing(
    sql`SELECT f.duty_group AS dutyGroup, t.id AS townshipId, f.list AS listCode, x.name
        FROM fact_items f JOIN townships t ON t.place = f.township JOIN item_text x ON x.item = f.id
        WHERE f.duty_group IN (${qualifying(filters)}) AND ${placeClause(filters, 'f')}
        ORDER BY f.duty_group, f.township, f.list DESC, f.seq`,
    'heatmap',
    'facts',
    ...counties.map(namesNeed),
  );
}

export async function heatmapWordings(client: DbClient, filters: Filters, counties: readonly number[]): Promise<HeatmapWordingRow[]> {
  const rows = await client.query<{ dutyGroup: number; townshipId: string; listCode: number; name: string }>(
    heatmapWordingsSql(filters, counties),
  );
  return rows.map((r) => ({ dutyGroup: r.dutyGroup, townshipId: r.townshipId, list: LIST_OF_CODE[r.listCode], name: r.name }));
}

export interface HeatmapCell {
  /** The unit's key: a township's id, or a county's or prefecture's place key. */
  unit: string;
  /** At township level, how the township holds it; at county or prefecture level, the most common way among its townships. */
  status: HoldingStatus;
  /** Townships of the unit shown holding it in each way, and in all (absent = townships − the three). */
  reclaimed: number;
  coop: number;
  basic: number;
  townships: number;
  /** At township level: the item to open (its reclaimed item if any, else its coop, else its basic one). */
  itemId: number | null;
  /** At township level: the wording(s) this township used; empty until the text is loaded. */
  names: string[];
  /** Share of the unit's townships shown that reclaimed it (0 when none are shown). */
  share: number;
}

/** How the townships shown hold a duty, summed over the units. */
export interface HoldingCounts {
  reclaimed: number;
  coop: number;
  basic: number;
  townships: number;
}

export interface HeatmapRow {
  dutyGroup: number;
  name: string;
  category: string;
  receivers: string[];
  /** Townships that reclaimed it, among all townships (not only the columns shown). */
  reclaimedIn: number;
  /** Reclaimed somewhere and still carried (基本 or 配合) in a township shown: the planner's question. */
  mixed: boolean;
  cells: HeatmapCell[];
  /** Over every unit shown: its townships that reclaimed it, still carry it, and in all. */
  shown: HoldingCounts;
}

/**
 * How rows rank: by townships that reclaimed the duty among all loaded ('all', one township per
 * column, as with five), or among the townships shown ('shown', counties and prefectures: drilled
 * into a prefecture, its own townships decide).
 */
export type HeatmapRank = 'all' | 'shown';

/**
 * One row per qualifying duty with one cell per unit (in `units` order, each with its number of
 * townships shown). A row is kept when a township shown lists the duty at all. Rows are sorted by how
 * many townships reclaimed them (`rank`), then mixed rows (still carried) first, then category, then group.
 */
export function toHeatmapRows(
  groups: HeatmapGroupRow[],
  counts: HeatmapCountRow[],
  units: { key: string; townships: number }[],
  wordings: HeatmapWordingRow[] = [],
  rank: HeatmapRank = 'all',
): HeatmapRow[] {
  const countOf = new Map<string, HeatmapCountRow>();
  for (const c of counts) countOf.set(`${c.dutyGroup}\u0000${c.unit}`, c);
  const namesOf = new Map<string, string[]>();
  for (const w of wordings) {
    const key = `${w.dutyGroup}\u0000${w.townshipId}`;
    namesOf.set(key, [...(namesOf.get(key) ?? []), w.name]);
  }
  const rows: HeatmapRow[] = [];
  for (const g of groups) {
    const cells = units.map((u): HeatmapCell => {
      const c = countOf.get(`${g.dutyGroup}\u0000${u.key}`);
      const reclaimed = Number(c?.reclaimed ?? 0);
      const coop = Number(c?.coop ?? 0);
      const basic = Number(c?.basic ?? 0);
      return {
        unit: u.key,
        status: statusOf(reclaimed, coop, basic, u.townships),
        reclaimed,
        coop,
        basic,
        townships: u.townships,
        itemId: c?.itemId ?? null,
        names: namesOf.get(`${g.dutyGroup}\u0000${u.key}`) ?? [],
        share: u.townships ? reclaimed / u.townships : 0,
      };
    });
    if (cells.every((c) => c.reclaimed + c.coop + c.basic === 0)) continue; // not a duty of any township shown
    const shown = { reclaimed: 0, coop: 0, basic: 0, townships: 0 };
    for (const c of cells) {
      shown.reclaimed += c.reclaimed;
      shown.coop += c.coop;
      shown.basic += c.basic;
      shown.townships += c.townships;
    }
    rows.push({
      dutyGroup: g.dutyGroup,
      name: g.name,
      category: g.category,
      receivers: g.receivers ? g.receivers.split('、') : [],
      reclaimedIn: g.reclaimedIn,
      mixed: cells.some((c) => c.coop + c.basic > 0),
      cells,
      shown,
    });
  }
  const ranked = (r: HeatmapRow) => (rank === 'all' ? r.reclaimedIn : r.shown.reclaimed);
  return rows.sort(
    (a, b) =>
      ranked(b) - ranked(a) ||
      Number(b.mixed) - Number(a.mixed) ||
      a.category.localeCompare(b.category, 'zh-CN') ||
      a.dutyGroup - b.dutyGroup,
  );
}

/** The most common holding among a unit's townships (a single township's own status). */
function statusOf(reclaimed: number, coop: number, basic: number, townships: number): HoldingStatus {
  const absent = townships - reclaimed - coop - basic;
  const ranked: [HoldingStatus, number][] = [
    ['reclaimed', reclaimed],
    ['coop', coop],
    ['basic', basic],
    ['absent', absent],
  ];
  return ranked.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Duty groups reclaimed in some townships but still carried (基本 or 配合) in at least one township shown. */
export function countMixed(rows: HeatmapRow[]): number {
  return rows.filter((r) => r.mixed).length;
}

/**
 * Per unit (in column order): the duties some of its townships reclaimed while others still carry them
 * (基本 or 配合) — a county whose own townships disagree. Only meaningful past townships.
 */
export function splitWithinUnits(rows: HeatmapRow[]): { unit: string; duties: number }[] {
  if (rows.length === 0) return [];
  return rows[0].cells.map((_, i) => ({
    unit: rows[0].cells[i].unit,
    duties: rows.filter((r) => r.cells[i].reclaimed > 0 && r.cells[i].coop + r.cells[i].basic > 0).length,
  }));
}

/**
 * The cells of a row by how their townships hold the duty, in the order reclaimed, coop, basic, absent
 * (empty ones left out): a tooltip listing many townships names them per status rather than one a line.
 */
export function cellsByStatus(row: HeatmapRow): { status: HoldingStatus; cells: HeatmapCell[] }[] {
  const order: HoldingStatus[] = ['reclaimed', 'coop', 'basic', 'absent'];
  return order.map((status) => ({ status, cells: row.cells.filter((c) => c.status === status) })).filter((g) => g.cells.length > 0);
}

/** Everything the heatmap shows at `level` for `units` (with `counties` whose text gives the township wordings). */
export async function loadHeatmap(
  client: DbClient,
  filters: Filters,
  level: PlaceLevel,
  units: { key: string; townships: number }[],
  counties: readonly number[] = [],
): Promise<HeatmapRow[]> {
  const [groups, counts, wordings] = await Promise.all([
    client.query<HeatmapGroupRow>(heatmapGroupsSql(filters)),
    client.query<HeatmapCountRow>(heatmapCountsSql(filters, level)),
    level === 'township' && counties.length ? heatmapWordings(client, filters, counties) : Promise.resolve([]),
  ]);
  return toHeatmapRows(groups, counts, units, wordings, level === 'township' ? 'all' : 'shown');
}
