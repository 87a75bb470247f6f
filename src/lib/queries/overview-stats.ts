import type { TownshipTotalsRow } from './overview';

/**
 * 总览 past thirty townships: what the distribution chart and the township ranking show, computed
 * from the per-township totals (`townshipTotals`) in plain TypeScript — a few thousand numbers at
 * most, so sorting and quartiles cost well under a millisecond, and the chart, its title and its
 * tooltips read the same figures.
 */

/** What the distribution compares townships by (`ov.measure` in the URL; absent = items). */
export type OverviewMeasure = 'items' | 'share' | 'steps';
export const OVERVIEW_MEASURES: readonly OverviewMeasure[] = ['items', 'share', 'steps'];

export interface KeyFigures {
  /** Items under every filter, per list and in all. */
  total: number;
  basic: number;
  coop: number;
  reclaimed: number;
  /** Townships with at least one matching item. */
  townships: number;
  /** Items and reclaimed items under every filter but the list filter (the reclaimed share's base). */
  all_lists_total: number;
  all_lists_reclaimed: number;
  /** 配合 duties and the steps the townships carry in them (the list filter does not apply). */
  coop_items: number;
  township_steps: number;
}

/** The key figures over the selection: the townships' totals summed. */
export function keyFigures(rows: readonly TownshipTotalsRow[]): KeyFigures {
  const f: KeyFigures = {
    total: 0,
    basic: 0,
    coop: 0,
    reclaimed: 0,
    townships: 0,
    all_lists_total: 0,
    all_lists_reclaimed: 0,
    coop_items: 0,
    township_steps: 0,
  };
  for (const r of rows) {
    f.total += r.total;
    f.basic += r.basic;
    f.coop += r.coop;
    f.reclaimed += r.reclaimed;
    if (r.total > 0) f.townships++;
    f.all_lists_total += r.all_lists_total;
    f.all_lists_reclaimed += r.all_lists_reclaimed;
    f.coop_items += r.coop_items;
    f.township_steps += r.township_steps;
  }
  return f;
}

/** A township's reclaimed share over all three lists; null when it has no matching item at all. */
export const reclaimedShare = (r: TownshipTotalsRow): number | null =>
  r.all_lists_total ? r.all_lists_reclaimed / r.all_lists_total : null;

/**
 * A township's value of a measure: its items under the filters, its reclaimed share (null without
 * items: a share of nothing is no value, and stays out of the quartiles), or the steps it carries
 * in its 配合 duties.
 */
export function measureValue(measure: OverviewMeasure): (r: TownshipTotalsRow) => number | null {
  if (measure === 'share') return reclaimedShare;
  if (measure === 'steps') return (r) => r.township_steps;
  return (r) => r.total;
}

/**
 * The quantile `p` of ascending `sorted` values by linear interpolation between the closest ranks
 * (R's type 7, what d3.quantile and spreadsheets' QUARTILE compute): position (n − 1)·p.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Fewest values a unit needs for quartiles and outliers to mean anything: below it, only dots and the median. */
export const MIN_FOR_QUARTILES = 4;

export interface DistributionPoint<T> {
  row: T;
  value: number;
}

export interface Outlier<T> extends DistributionPoint<T> {
  side: 'low' | 'high';
}

export interface BoxStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
  /** Tukey's fences, 1.5 interquartile ranges beyond the quartiles; ±Infinity below MIN_FOR_QUARTILES values. */
  lowerFence: number;
  upperFence: number;
  /** The whiskers' ends: the most extreme values within the fences. */
  lowWhisker: number;
  highWhisker: number;
}

export interface UnitDistribution<T> {
  /** The unit's key, as `unitOf` gave it. */
  unit: string;
  /** Every township with a value, ascending by value (ties in input order). */
  points: DistributionPoint<T>[];
  /** Townships of the unit without a value (a share of no items). */
  missing: number;
  /** Null when no township of the unit has a value. */
  stats: BoxStats | null;
  /** Values beyond Tukey's fences, furthest from the median first. */
  outliers: Outlier<T>[];
}

function boxStats(values: readonly number[]): BoxStats {
  const q1 = quantileSorted(values, 0.25);
  const q3 = quantileSorted(values, 0.75);
  const fenced = values.length >= MIN_FOR_QUARTILES;
  const lowerFence = fenced ? q1 - 1.5 * (q3 - q1) : -Infinity;
  const upperFence = fenced ? q3 + 1.5 * (q3 - q1) : Infinity;
  const inside = values.filter((v) => v >= lowerFence && v <= upperFence);
  return {
    min: values[0],
    q1,
    median: quantileSorted(values, 0.5),
    q3,
    max: values[values.length - 1],
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    lowerFence,
    upperFence,
    lowWhisker: inside[0],
    highWhisker: inside[inside.length - 1],
  };
}

/**
 * The distribution of `measure` over the rows of each unit (`unitOf`: a county's or prefecture's
 * key): quartiles, median, whiskers and the outliers by Tukey's rule (beyond 1.5 interquartile
 * ranges from the quartiles; a unit needs MIN_FOR_QUARTILES values for it). Units are sorted by
 * median, largest first (then by mean, then in the rows' order); units with fewer values than
 * that follow, sorted the same way, and units without any value come last.
 */
export function distribution<T>(rows: readonly T[], unitOf: (row: T) => string, measure: (row: T) => number | null): UnitDistribution<T>[] {
  const byUnit = new Map<string, { points: DistributionPoint<T>[]; missing: number; order: number }>();
  for (const row of rows) {
    const unit = unitOf(row);
    let entry = byUnit.get(unit);
    if (!entry) byUnit.set(unit, (entry = { points: [], missing: 0, order: byUnit.size }));
    const value = measure(row);
    if (value === null || !Number.isFinite(value)) entry.missing++;
    else entry.points.push({ row, value });
  }
  const units = [...byUnit].map(([unit, { points, missing, order }]) => {
    points.sort((a, b) => a.value - b.value); // stable: ties keep the rows' order
    const stats = points.length ? boxStats(points.map((p) => p.value)) : null;
    const outliers: Outlier<T>[] = stats
      ? points
          .filter((p) => p.value < stats.lowerFence || p.value > stats.upperFence)
          .map((p) => ({ ...p, side: p.value > stats.upperFence ? ('high' as const) : ('low' as const) }))
          .sort((a, b) => Math.abs(b.value - stats.median) - Math.abs(a.value - stats.median))
      : [];
    return { unit, points, missing, stats, outliers, order };
  });
  // Units too small for quartiles follow the others: a median of two townships leads nothing.
  const tier = (u: { stats: BoxStats | null; points: unknown[] }) => (!u.stats ? 2 : u.points.length < MIN_FOR_QUARTILES ? 1 : 0);
  units.sort((a, b) => {
    if (!a.stats || !b.stats || tier(a) !== tier(b)) return tier(a) - tier(b) || a.order - b.order;
    return b.stats.median - a.stats.median || b.stats.mean - a.stats.mean || a.order - b.order;
  });
  return units.map(({ order: _, ...unit }) => unit);
}

/** The ranking's sortable columns. */
export type RankColumn = 'name' | 'county' | 'basic' | 'coop' | 'reclaimed' | 'total' | 'share' | 'steps';
export const RANK_COLUMNS: readonly RankColumn[] = ['name', 'county', 'basic', 'coop', 'reclaimed', 'total', 'share', 'steps'];

/** The ranking column showing a measure: where the ranking sorts when opened from the chart. */
export const MEASURE_COLUMN: Record<OverviewMeasure, NumericColumn> = { items: 'total', share: 'share', steps: 'steps' };

export type NumericColumn = Exclude<RankColumn, 'name' | 'county'>;

/** A township's value in each numeric column of the ranking. */
export const NUMERIC_COLUMNS: Record<NumericColumn, (r: TownshipTotalsRow) => number | null> = {
  basic: (r) => r.basic,
  coop: (r) => r.coop,
  reclaimed: (r) => r.reclaimed,
  total: (r) => r.total,
  share: reclaimedShare,
  steps: (r) => r.township_steps,
};

export interface RankedTownship {
  row: TownshipTotalsRow;
  /** 1 for the largest value of the ranked column, equal values sharing a rank (1, 2, 2, 4); null without a value. */
  rank: number | null;
}

export interface Ranking {
  rows: RankedTownship[];
  /** The numeric column the ranks are by: the sorted column, or `byDefault` when sorting by a name. */
  rankedBy: NumericColumn;
}

// Made on first use: a collator loads the locale's data, which the page's start does not need.
let zhCollator: Intl.Collator | undefined;
const zh = () => (zhCollator ??= new Intl.Collator('zh-CN'));

/**
 * The townships sorted by `column` (`descending` or not; ties in the rows' order, which is the
 * places' display order) with their rank: by the sorted column when it is a number, else by
 * `byDefault` (the chart's measure). Rows without a value (the share of a township with no items)
 * sort last either way and have no rank.
 */
export function rankTownships(
  rows: readonly TownshipTotalsRow[],
  column: RankColumn,
  descending: boolean,
  byDefault: NumericColumn = 'total',
): Ranking {
  const rankedBy = column === 'name' || column === 'county' ? byDefault : column;
  const value = NUMERIC_COLUMNS[rankedBy];
  const ranks = new Map<TownshipTotalsRow, number>();
  const valued = rows.filter((r) => value(r) !== null).sort((a, b) => value(b)! - value(a)!);
  valued.forEach((r, i) => ranks.set(r, i > 0 && value(valued[i - 1]) === value(r) ? ranks.get(valued[i - 1])! : i + 1));

  const sign = descending ? -1 : 1;
  const order = new Map(rows.map((r, i) => [r, i]));
  const compare =
    column === 'name' || column === 'county'
      ? (a: TownshipTotalsRow, b: TownshipTotalsRow) =>
          sign * zh().compare(column === 'name' ? a.name : a.county_name, column === 'name' ? b.name : b.county_name)
      : (a: TownshipTotalsRow, b: TownshipTotalsRow) => {
          const va = NUMERIC_COLUMNS[column](a);
          const vb = NUMERIC_COLUMNS[column](b);
          if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0);
          return sign * (va - vb);
        };
  const sorted = [...rows].sort((a, b) => compare(a, b) || order.get(a)! - order.get(b)!);
  return { rows: sorted.map((row) => ({ row, rank: ranks.get(row) ?? null })), rankedBy };
}
