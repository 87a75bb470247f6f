/**
 * Chart titles computed from the rows a view shows. Pure, so the wording of ties and filtered views is
 * unit-tested without a browser; the templates themselves are in strings.ts.
 */
import type { Filters } from '../state/filters';
import type { CoopStepsRow, TownshipListCountRow } from '../queries/overview';
import type { CategoryCountRow, UnitRow } from '../queries/categories';
import type { RelianceRow } from '../queries/network';
import { countMixed, type HeatmapRow } from '../queries/heatmap';
import { categoryBars } from '../charts/category-bars';
import { categoryCells } from '../charts/category-heatmap';
import { leaders } from './leaders';
import { CATEGORIES_STRINGS, HEATMAP_STRINGS, NETWORK_STRINGS, OVERVIEW, formatShare } from './strings';

/** 总览: the townships with the most items and the most reclaimed items, all of them where tied. */
export function overviewListsTitle(counts: TownshipListCountRow[]): string {
  const totals = new Map<string, { name: string; total: number; reclaimed: number }>();
  for (const r of counts) {
    const t = totals.get(r.township_id) ?? { name: r.township, total: 0, reclaimed: 0 };
    t.total += r.items;
    if (r.list === 'reclaimed') t.reclaimed += r.items;
    totals.set(r.township_id, t);
  }
  const all = [...totals.values()];
  if (!all.some((t) => t.total)) return OVERVIEW.barsTitleEmpty;
  const top = leaders(all, (t) => t.total);
  const topReclaimed = leaders(all, (t) => t.reclaimed);
  return OVERVIEW.barsTitle(
    top.map((t) => t.name),
    top[0].total,
    topReclaimed.map((t) => t.name),
    topReclaimed[0].reclaimed,
  );
}

/** 总览: the townships carrying the most steps in their 配合 duties. */
export function overviewStepsTitle(rows: CoopStepsRow[]): string {
  const top = leaders(rows, (r) => r.township_steps);
  if (top.length === 0 || !top[0].township_steps) return OVERVIEW.stepsTitleEmpty;
  if (rows.length === 1) return OVERVIEW.stepsTitleOne(top[0].township, top[0].township_steps);
  return OVERVIEW.stepsTitle(
    top.map((r) => r.township),
    top[0].township_steps,
  );
}

/** 事项类别, bars: the largest categories, and what their share is of under the filters. */
export function categoryBarsTitle(rows: CategoryCountRow[], filters: Filters): string | null {
  const { bars } = categoryBars(rows, filters.townships);
  const totals = new Map<string, number>();
  for (const b of bars) totals.set(b.category, (totals.get(b.category) ?? 0) + b.count);
  const total = bars.reduce((s, b) => s + b.count, 0);
  const top = leaders([...totals], ([, n]) => n);
  if (total === 0 || top.length === 0) return null;
  // The bars are counted over every filter but the category: say so when the base is not all items.
  const base = filters.lists.length || filters.departmentKinds.length ? 'selection' : filters.townships.length ? 'townships' : 'all';
  return CATEGORIES_STRINGS.barsTitle(
    top.map(([c]) => c),
    top[0][1],
    formatShare(top[0][1] / total),
    base,
  );
}

/** 事项类别, heatmap: the fullest (township, category) cells. */
export function categoryHeatmapTitle(rows: CategoryCountRow[], townships: UnitRow[]): string | null {
  const top = leaders(categoryCells(rows, townships), (c) => c.count);
  if (top.length === 0 || top[0].count === 0) return null;
  return CATEGORIES_STRINGS.heatmapTitle(
    top.map((c) => ({ township: c.unitName, category: c.category })),
    top[0].count,
  );
}

/**
 * 部门网络: the department kinds townships rely on most (ranked as the table is: townships reached, then
 * duties led). With a department-kind filter the title is about the chosen kinds, not the overall leader.
 * `townshipsShown`, when the view sums townships into counties or prefectures: the duties per township
 * shown are added, the figure a leader compares with a county's own.
 */
export function networkTitle(table: RelianceRow[], filters: Filters, townshipsShown: number | null = null): string {
  const chosen = filters.departmentKinds;
  const otherFilters = filters.townships.length + filters.categories.length > 0;
  const rows = chosen.length ? table.filter((r) => chosen.includes(r.kind)) : table;
  if (rows.length === 0) return chosen.length ? NETWORK_STRINGS.titleChosenNone(chosen, otherFilters) : NETWORK_STRINGS.ariaLabel;
  const perTownship = (duties: number) => (townshipsShown ? NETWORK_STRINGS.titlePerTownship(duties / townshipsShown) : '');
  if (chosen.length === 1) {
    const row = rows[0];
    return (
      NETWORK_STRINGS.titleChosen(row.kind, row.townships, row.dutiesLed, table.indexOf(row) + 1, table.length) + perTownship(row.dutiesLed)
    );
  }
  const top = leaders(rows, (r) => r.townships).filter((r, _, tied) => r.dutiesLed === Math.max(...tied.map((t) => t.dutiesLed)));
  return (
    NETWORK_STRINGS.title(
      top.map((r) => r.kind),
      top[0].townships,
      top[0].dutiesLed,
      chosen.length > 1,
    ) + perTownship(top[0].dutiesLed)
  );
}

/**
 * 收回事项热力图. Over all townships: how many reclaimed duties are still carried somewhere. With a
 * township filter: how many duties reclaimed elsewhere the chosen townships still carry, and how many they
 * reclaimed themselves.
 */
export function reclaimedHeatmapTitle(rows: HeatmapRow[], chosenTownships: string[]): string {
  if (chosenTownships.length === 0) return HEATMAP_STRINGS.title(countMixed(rows), rows.length);
  const stillCarried = countMixed(rows);
  const reclaimedHere = rows.filter((r) => r.cells.some((c) => c.status === 'reclaimed')).length;
  return HEATMAP_STRINGS.titleChosen(chosenTownships, stillCarried, reclaimedHere);
}
