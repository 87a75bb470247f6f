/**
 * Chart titles computed from the rows a view shows. Pure, so the wording of ties and filtered views is
 * unit-tested without a browser; the templates themselves are in strings.ts.
 */
import type { Filters } from '../state/filters';
import type { CoopStepsRow, TownshipListCountRow, TownshipTotalsRow } from '../queries/overview';
import { MIN_FOR_QUARTILES, NUMERIC_COLUMNS, type OverviewMeasure, type Ranking, type UnitDistribution } from '../queries/overview-stats';
import { categoryBars, categoryCells, type CategoryCountRow, type UnitRow } from '../queries/categories';
import type { RelianceRow } from '../queries/network';
import { countMixed, splitWithinUnits, type HeatmapRow } from '../queries/heatmap';
import { leaders } from './leaders';
import {
  CATEGORIES_STRINGS,
  HEATMAP_STRINGS,
  LEVEL_UNITS,
  NETWORK_STRINGS,
  OVERVIEW,
  formatAverage,
  formatCount,
  formatShare,
} from './strings';
import type { PlaceLevel } from '../queries/places';

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

/**
 * 总览 past thirty townships: the unit(s) whose townships have the highest median, and the townships
 * standing out within their unit (Tukey outliers, furthest from their unit's median first, above
 * before below).
 */
export function overviewDistributionTitle(
  units: readonly UnitDistribution<TownshipTotalsRow>[],
  measure: OverviewMeasure,
  unitName: (unit: string) => string,
  unitWord: string,
): string {
  const ranked = units.filter((u) => u.stats);
  if (ranked.length === 0) return OVERVIEW.distributionTitleEmpty;
  // As the rows are sorted: a unit too small for quartiles leads only when no unit is large enough.
  const large = ranked.filter((u) => u.points.length >= MIN_FOR_QUARTILES);
  const tops = leaders(large.length ? large : ranked, (u) => u.stats!.median);
  const outliers = ranked
    .flatMap((u) => u.outliers.map((o) => ({ ...o, distance: Math.abs(o.value - u.stats!.median) })))
    .sort((a, b) => b.distance - a.distance);
  const names = (side: 'high' | 'low') => outliers.filter((o) => o.side === side).map((o) => o.row.name);
  return OVERVIEW.distributionTitle(
    tops.map((u) => unitName(u.unit)),
    OVERVIEW.measureMost[measure],
    OVERVIEW.measureValue(measure, tops[0].stats!.median),
    { names: names('high'), word: OVERVIEW.measureHigh[measure] },
    { names: names('low'), word: OVERVIEW.measureLow[measure] },
    unitWord,
  );
}

/** 总览's ranking: who comes first by the column the ranks are by (all of them where tied). */
export function overviewRankingTitle(ranking: Ranking): string {
  const firsts = ranking.rows.filter((r) => r.rank === 1);
  if (firsts.length === 0) return OVERVIEW.rankingTitleEmpty;
  const value = NUMERIC_COLUMNS[ranking.rankedBy](firsts[0].row)!;
  const text =
    ranking.rankedBy === 'share' ? OVERVIEW.shareFixed(value) : `${formatCount(value)} ${ranking.rankedBy === 'steps' ? '步' : '项'}`;
  return OVERVIEW.rankingTitle(
    ranking.rows.length,
    OVERVIEW.rankedBy[ranking.rankedBy],
    firsts.map((r) => r.row.name),
    text,
  );
}

/**
 * 事项类别, bars: the largest categories, and what their share is of under the filters. `unitKeys`: the
 * units the bars sum over (the chosen townships where the rows hold every township; all when empty);
 * `scope`: the name of the place drilled into, which "all items" then means.
 */
export function categoryBarsTitle(
  rows: CategoryCountRow[],
  filters: Filters,
  unitKeys: readonly string[] = filters.townships,
  scope?: string,
): string | null {
  const { bars } = categoryBars(rows, unitKeys);
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
    scope,
  );
}

/**
 * 事项类别, heatmap: the fullest (unit, category) cells — by count for townships, by items per township
 * for counties and prefectures (whose counts grow with their number of townships).
 */
export function categoryHeatmapTitle(rows: CategoryCountRow[], units: UnitRow[], level: PlaceLevel = 'township'): string | null {
  const cells = categoryCells(rows, units);
  if (level === 'township') {
    const top = leaders(cells, (c) => c.count);
    if (top.length === 0 || top[0].count === 0) return null;
    return CATEGORIES_STRINGS.heatmapTitle(
      top.map((c) => ({ township: c.unitName, category: c.category })),
      top[0].count,
    );
  }
  // Ties as the reader sees them: averages equal to the decimal shown.
  const top = leaders(cells, (c) => Math.round(c.perTownship * 10));
  if (top.length === 0 || top[0].count === 0) return null;
  return CATEGORIES_STRINGS.heatmapTitleAverage(
    top.map((c) => ({ unit: c.unitName, category: c.category })),
    formatAverage(top[0].perTownship),
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

/**
 * 收回事项热力图 past townships: how many duties are reclaimed in some townships and still carried in
 * others, and in how many of the units (counties or prefectures) shown their own townships disagree,
 * naming the units where most duties are split.
 */
export function reclaimedHeatmapUnitsTitle(rows: HeatmapRow[], units: { key: string; name: string }[], level: PlaceLevel): string {
  const split = splitWithinUnits(rows).filter((u) => u.duties > 0);
  const top = leaders(split, (u) => u.duties);
  const nameOf = new Map(units.map((u) => [u.key, u.name]));
  return HEATMAP_STRINGS.titleUnits(
    countMixed(rows),
    rows.length,
    LEVEL_UNITS[level],
    split.length,
    units.length,
    top.map((u) => nameOf.get(u.unit) ?? u.unit),
    top[0]?.duties ?? 0,
  );
}
