/**
 * The views' tables as exports write them (table.ts): the rows on screen, in their order, with the
 * screen's headers, and the reader's own townships marked as everywhere else. Pure: a view hands
 * over the rows it already holds.
 */
import type { RelianceRow } from '../queries/network';
import type { EdgeBalanceRow } from '../queries/edge-balance';
import type { Ranking } from '../queries/overview-stats';
import { NUMERIC_COLUMNS } from '../queries/overview-stats';
import type { ListKind } from '../parse/types';
import type { HeatmapRow } from '../queries/heatmap';
import { statusOf, type SameDutyRow, type SameDutyUnitRow } from '../queries/item-detail';
import type { UnitDistribution } from '../queries/overview-stats';
import type { CoopStepsRow, TownshipListCountRow } from '../queries/overview';
import { categoryBars, categoryCells, type CategoryCountRow, type UnitRow } from '../queries/categories';
import { LIST_KINDS } from '../parse/types';
import { EXPORT_STRINGS as S, EXPLORER, LIST_LABELS, LIST_SHORT, NETWORK_STRINGS, OVERVIEW, STATUS_LABELS } from '../ui/strings';
import type { ExportTable } from './table';

/** 部门网络's 最依赖的部门: one row per department kind. */
export function relianceTable(rows: readonly RelianceRow[], title: string = NETWORK_STRINGS.tableTitle): ExportTable {
  const N = NETWORK_STRINGS;
  return {
    title,
    columns: [{ header: N.colKind }, { header: N.colTownships }, { header: N.colDuties }, { header: N.colSteps }],
    rows: rows.map((r) => [r.kind, r.townships, r.dutiesLed, r.townshipSteps]),
  };
}

/** 总览's 乡镇排名: every township of the scope in the ranking's order, with its rank and figures. */
export function rankingTable(ranking: Ranking, title: string, nameOf: (key: string, name: string) => string): ExportTable {
  const C = OVERVIEW.columns;
  return {
    title,
    columns: [
      { header: C.rank },
      { header: C.name },
      { header: C.county },
      { header: S.columns.prefecture },
      { header: C.basic },
      { header: C.coop },
      { header: C.reclaimed },
      { header: C.total },
      { header: C.share, format: 'percent' },
      { header: C.steps },
    ],
    rows: ranking.rows.map(({ row, rank }) => [
      rank,
      nameOf(row.key, row.name),
      row.county_name,
      row.prefecture_name,
      row.basic,
      row.coop,
      row.reclaimed,
      row.total,
      NUMERIC_COLUMNS.share(row),
      NUMERIC_COLUMNS.steps(row),
    ]),
  };
}

/** One 事项查询 result with its text. */
export interface ExplorerExportRow {
  township: string;
  county: string;
  list: ListKind;
  seq: number;
  category: string;
  name: string;
  departments: string | null;
  matchedStep: string | null;
}

/** 事项查询's results: every match (not only the rows scrolled to), with the step that matched where the name did not. */
export function explorerTable(rows: readonly ExplorerExportRow[], title: string, withMatchedStep: boolean): ExportTable {
  return {
    title,
    columns: [
      { header: S.columns.township },
      { header: S.columns.county },
      { header: S.columns.list },
      { header: S.columns.seq },
      { header: S.columns.category },
      { header: S.columns.name, width: 50 },
      { header: EXPLORER.colDepartments, width: 30 },
      ...(withMatchedStep ? [{ header: S.columns.matchedStep, width: 50 }] : []),
    ],
    rows: rows.map((r) => [
      r.township,
      r.county,
      LIST_SHORT[r.list] ?? r.list,
      r.seq,
      r.category,
      r.name,
      r.departments,
      ...(withMatchedStep ? [r.matchedStep] : []),
    ]),
  };
}

/**
 * 收回事项热力图 as a table: one row per duty in the chart's order, one column per unit — how the
 * township holds it, or past townships the share of the unit's townships that reclaimed it — and the
 * townships that reclaimed it among all loaded.
 */
export function heatmapTable(
  rows: readonly HeatmapRow[],
  units: readonly { key: string; name: string }[],
  aggregated: boolean,
  title: string,
): ExportTable {
  const C = S.columns;
  return {
    title,
    columns: [
      { header: C.category },
      { header: C.name, width: 50, describeAs: 'label' },
      { header: C.receivers, width: 24 },
      ...units.map((u) => ({
        header: aggregated ? C.reclaimedShareIn(u.name) : u.name,
        format: aggregated ? ('percent' as const) : undefined,
        describeAs: aggregated ? undefined : ('status' as const),
      })),
      { header: C.reclaimedIn },
    ],
    rows: rows.map((r) => {
      const byUnit = new Map(r.cells.map((c) => [c.unit, c]));
      return [
        r.category,
        r.name,
        r.receivers.join('、'),
        ...units.map((u) => {
          const cell = byUnit.get(u.key);
          if (!cell) return null;
          return aggregated ? cell.share : STATUS_LABELS[cell.status];
        }),
        r.reclaimedIn,
      ];
    }),
  };
}

/** 总览's bars: items per township and list, and their sum, largest first as the bars are. */
export function townshipListsTable(
  counts: readonly TownshipListCountRow[],
  title: string,
  nameOf: (id: string, name: string) => string,
): ExportTable {
  const byTownship = new Map<string, { name: string; items: Record<ListKind, number> }>();
  for (const r of counts) {
    const t = byTownship.get(r.township_id) ?? { name: nameOf(r.township_id, r.township), items: { basic: 0, coop: 0, reclaimed: 0 } };
    t.items[r.list] += r.items;
    byTownship.set(r.township_id, t);
  }
  const total = (t: { items: Record<ListKind, number> }) => LIST_KINDS.reduce((sum, l) => sum + t.items[l], 0);
  return {
    title,
    columns: [{ header: S.columns.township }, ...LIST_KINDS.map((l) => ({ header: LIST_LABELS[l] })), { header: S.columns.total }],
    rows: [...byTownship.values()].sort((a, b) => total(b) - total(a)).map((t) => [t.name, ...LIST_KINDS.map((l) => t.items[l]), total(t)]),
  };
}

/** 总览's steps: per township, its 配合 duties and the steps they ask of it and of the departments. */
export function coopStepsTable(rows: readonly CoopStepsRow[], title: string, nameOf: (id: string, name: string) => string): ExportTable {
  const C = S.columns;
  return {
    title,
    columns: [{ header: C.township }, { header: C.coopItems }, { header: C.townshipSteps }, { header: C.departmentSteps }],
    rows: rows.map((r) => [nameOf(r.township_id, r.township), r.coop_items, r.township_steps, r.department_steps]),
  };
}

/** 事项类别's bars: items per category and list (the units the bars sum), categories in the bars' order. */
export function categoryBarsTable(rows: CategoryCountRow[], unitKeys: readonly string[], title: string): ExportTable {
  const { bars, categories } = categoryBars(rows, unitKeys);
  const count = new Map(bars.map((b) => [`${b.list}\u0000${b.category}`, b.count]));
  const of = (list: ListKind, category: string) => count.get(`${list}\u0000${category}`) ?? 0;
  return {
    title,
    columns: [{ header: S.columns.category }, ...LIST_KINDS.map((l) => ({ header: LIST_LABELS[l] })), { header: S.columns.total }],
    rows: categories.map((c) => [c, ...LIST_KINDS.map((l) => of(l, c)), LIST_KINDS.reduce((sum, l) => sum + of(l, c), 0)]),
  };
}

/** 事项类别's heatmap: one row per category, one column per unit: items, or past townships items per township. */
export function categoryHeatmapTable(
  rows: CategoryCountRow[],
  units: readonly UnitRow[],
  categories: readonly string[],
  perTownship: boolean,
  title: string,
  nameOf: (key: string, name: string) => string,
): ExportTable {
  const cells = new Map(categoryCells(rows, [...units]).map((c) => [`${c.unit}\u0000${c.category}`, c]));
  return {
    title,
    columns: [
      { header: S.columns.category },
      ...units.map((u) => ({ header: perTownship ? S.columns.perTownship(nameOf(u.key, u.name)) : nameOf(u.key, u.name) })),
    ],
    rows: categories.map((category) => [
      category,
      ...units.map((u) => {
        const cell = cells.get(`${u.key}\u0000${category}`);
        if (!cell) return 0;
        return perTownship ? Math.round(cell.perTownship * 10) / 10 : cell.count;
      }),
    ]),
  };
}

/** The item detail's 同一事项在各乡镇: each township's status and wording, or past what fits, per unit how many hold it each way. */
export function sameDutyTable(
  same: { kind: 'townships'; rows: readonly SameDutyRow[] } | { kind: 'units'; rows: readonly SameDutyUnitRow[] },
  title: string,
  nameOf: (key: string, name: string) => string,
): ExportTable {
  const C = S.columns;
  if (same.kind === 'units')
    return {
      title,
      columns: [
        { header: C.county },
        ...(['reclaimed', 'coop', 'basic'] as const).map((l) => ({ header: LIST_SHORT[l] })),
        { header: EXPLORER.statusAbsent },
      ],
      rows: same.rows.map((r) => [nameOf(r.unit, r.unitName), r.reclaimed, r.coop, r.basic, r.townships - r.reclaimed - r.coop - r.basic]),
    };
  return {
    title,
    columns: [{ header: C.township }, { header: C.status }, { header: C.seq }, { header: C.name, width: 50 }],
    rows: same.rows.map((r) => {
      const status = statusOf(r);
      return [nameOf(r.township_id, r.township), status === 'absent' ? EXPLORER.statusAbsent : LIST_SHORT[status], r.seq, r.name];
    }),
  };
}

/** 总览 past thirty townships: per unit its townships and the quartiles of the measure the chart draws. */
export function distributionTable<T>(
  units: readonly UnitDistribution<T>[],
  unitPlace: (unit: string) => { name: string; townships: number },
  unitWord: string,
  share: boolean,
  title: string,
): ExportTable {
  const C = S.columns;
  const format = share ? ('percent' as const) : undefined;
  return {
    title,
    columns: [
      { header: unitWord },
      { header: C.townshipsShown },
      ...[C.min, C.q1, C.median, C.q3, C.max].map((header) => ({ header, format })),
    ],
    rows: units.map((u) => {
      const place = unitPlace(u.unit);
      const s = u.stats;
      return [place.name, place.townships, s?.min ?? null, s?.q1 ?? null, s?.median ?? null, s?.q3 ?? null, s?.max ?? null];
    }),
  };
}

/** 部门网络's 乡镇支持重于部门牵头: one row per edge, in the ranking's order. */
export function edgeBalanceTable(
  rows: readonly EdgeBalanceRow[],
  unitHeader: string,
  unitName: (row: EdgeBalanceRow) => string,
): ExportTable {
  const N = NETWORK_STRINGS;
  return {
    title: N.balanceTitle,
    columns: [
      { header: N.colKind },
      { header: unitHeader },
      { header: N.colEdgeDuties },
      { header: N.colDepartmentSteps },
      { header: N.colTownshipSteps },
      // Empty where the department names no step of its own (the ratio has no value).
      { header: N.colRatio },
      { header: N.colDifference },
      { header: N.colSurplusPerTownship },
    ],
    rows: rows.map((r) => [
      r.department,
      unitName(r),
      r.duties,
      r.departmentSteps,
      r.townshipSteps,
      r.ratio === null ? null : Math.round(r.ratio * 100) / 100,
      r.difference,
      Math.round(r.surplusPerTownship * 100) / 100,
    ]),
  };
}
