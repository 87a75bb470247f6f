import type { DbClient } from '../db/client';
import { sql, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import type { ListKind } from '../parse/types';
import { filterClause } from './filter-clause';

/** How a township holds a duty that at least one township had reclaimed. */
export type HoldingStatus = 'reclaimed' | 'coop' | 'basic' | 'absent';

/** One item of a duty group that was reclaimed somewhere, as one township lists it. */
export interface ReclaimedItemRow {
  dutyGroup: number;
  townshipId: string;
  itemId: number;
  list: ListKind;
  category: string;
  name: string;
  /** Receiving department kinds (承接部门), '、'-joined; '' unless the item is reclaimed. */
  receivers: string;
}

/**
 * Every item, in any list and any township, of a duty group that is reclaimed (list = 'reclaimed') in
 * at least one township. The category and department-kind filters pick the groups through their
 * reclaimed items. The township filter is not applied here: it picks the columns (`toHeatmapRows`), and
 * a chosen township's row needs the other townships' items to know the duty was reclaimed elsewhere.
 * The list filter is ignored: the list is what the cells show.
 */
export function reclaimedItemsSql(filters: Filters): Sql {
  const qualifying = filterClause(filters, 'r', ['lists', 'townships']);
  return sql`
    SELECT i.duty_group AS dutyGroup, i.township_id AS townshipId, i.id AS itemId, i.list AS list,
           i.category AS category, i.name AS name,
           COALESCE((SELECT GROUP_CONCAT(kind, '、') FROM (
              SELECT DISTINCT d.kind AS kind FROM item_departments x JOIN departments d ON d.id = x.department_id
              WHERE x.item_id = i.id AND x.role = 'receiver' ORDER BY d.kind)), '') AS receivers
    FROM items i
    WHERE i.duty_group IN (SELECT r.duty_group FROM items r WHERE r.list = 'reclaimed' AND ${qualifying})
    ORDER BY i.duty_group, i.township_id, i.list, i.seq`;
}

export function reclaimedItems(client: DbClient, filters: Filters): Promise<ReclaimedItemRow[]> {
  return client.query<ReclaimedItemRow>(reclaimedItemsSql(filters));
}

export interface HeatmapCell {
  townshipId: string;
  status: HoldingStatus;
  /** The item to open: the township's reclaimed item if any, else its coop, else its basic one. */
  itemId: number | null;
  /** The wording this township used, one per item (a township may list a duty twice). */
  names: string[];
}

export interface HeatmapRow {
  dutyGroup: number;
  /** The wording of the first township that reclaimed it. */
  name: string;
  /** Category of the reclaimed items (the most common one where townships differ). */
  category: string;
  /** Receiving department kinds named by any township that reclaimed it. */
  receivers: string[];
  /** Townships that reclaimed it, among all townships (not only the columns shown). */
  reclaimedIn: number;
  /** Reclaimed somewhere and still carried (基本 or 配合) in a township shown: the planner's question. */
  mixed: boolean;
  cells: HeatmapCell[];
}

const PRECEDENCE: Record<ListKind, number> = { reclaimed: 0, coop: 1, basic: 2 };

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))[0]?.[0] ?? '';
}

/**
 * Folds items into one row per duty group and one cell per township (in `townshipIds` order: the
 * columns shown). Where a township lists the group in several lists, reclaimed wins over coop over
 * basic: the cell answers "has this township handed it back?". A row is kept when a township shown has
 * the duty at all — reclaimed it, or still carries a duty some township (shown or not) reclaimed.
 * Rows are sorted by how many townships reclaimed them, then mixed rows (still carried) first.
 */
export function toHeatmapRows(items: ReclaimedItemRow[], townshipIds: string[]): HeatmapRow[] {
  const byGroup = new Map<number, ReclaimedItemRow[]>();
  for (const item of items) {
    const list = byGroup.get(item.dutyGroup) ?? [];
    list.push(item);
    byGroup.set(item.dutyGroup, list);
  }
  const rows: HeatmapRow[] = [];
  for (const [dutyGroup, groupItems] of byGroup) {
    const reclaimed = groupItems.filter((i) => i.list === 'reclaimed');
    if (reclaimed.length === 0) continue;
    const cells = townshipIds.map((townshipId): HeatmapCell => {
      const own = groupItems.filter((i) => i.townshipId === townshipId).sort((a, b) => PRECEDENCE[a.list] - PRECEDENCE[b.list]);
      return {
        townshipId,
        status: own[0]?.list ?? 'absent',
        itemId: own[0]?.itemId ?? null,
        names: own.map((i) => i.name),
      };
    });
    if (cells.every((c) => c.status === 'absent')) continue; // not a duty of any township shown
    rows.push({
      dutyGroup,
      name: reclaimed[0].name,
      category: mostCommon(reclaimed.map((i) => i.category)),
      receivers: [...new Set(reclaimed.flatMap((i) => (i.receivers ? i.receivers.split('、') : [])))].sort(),
      reclaimedIn: new Set(reclaimed.map((i) => i.townshipId)).size,
      mixed: cells.some((c) => c.status === 'basic' || c.status === 'coop'),
      cells,
    });
  }
  return rows.sort(
    (a, b) =>
      b.reclaimedIn - a.reclaimedIn ||
      Number(b.mixed) - Number(a.mixed) ||
      a.category.localeCompare(b.category, 'zh-CN') ||
      a.dutyGroup - b.dutyGroup,
  );
}

/** Duty groups reclaimed in some townships but still carried (基本 or 配合) in at least one township shown. */
export function countMixed(rows: HeatmapRow[]): number {
  return rows.filter((r) => r.mixed).length;
}
