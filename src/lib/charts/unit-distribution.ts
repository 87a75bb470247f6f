import { scaleLinear, type ScaleLinear } from 'd3';
import type { UnitDistribution } from '../queries/overview-stats';
import { textWidth } from './text-width';

/**
 * Layout of the distribution chart: one row per unit (county or prefecture), each township a dot
 * on a shared x axis, the unit's quartiles as a box with its median, and the outliers labelled by
 * name wherever a label fits without touching another label, an outlier's dot or the box. Pure (no
 * DOM): the view draws what this returns, and tests check that no two labels overlap.
 *
 * The x axis starts at the smallest value, not at zero: the chart compares positions, not lengths,
 * and townships differ by tens of items out of a few hundred.
 */

export interface DistributionLayoutOptions<T> {
  /** Width of the whole chart, and the height its rows may take (rows never get thinner than MIN_PITCH). */
  width: number;
  height: number;
  /** The unit's name, and the short note under it (its number of townships). */
  unitName: (unit: string) => string;
  unitNote: (unit: string) => string;
  /** The value as the row's median label shows it (with its unit), and as an axis tick shows it. */
  medianText: (value: number) => string;
  tickText: (value: number) => string;
  /** The heading of the median column, drawn at the end of the axis. */
  medianHeading: string;
  nameOf: (row: T) => string;
  keyOf: (row: T) => string;
  /**
   * The imported mark after a unit's name (a county holding the reader's own lists: （含导入）) and after
   * a township's label (（导入）); '' or absent for published data. Widths include them.
   */
  unitMark?: (unit: string) => string;
  markOf?: (row: T) => string;
}

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface DotLayout<T> {
  key: string;
  row: T;
  value: number;
  cx: number;
  cy: number;
  r: number;
  outlier: 'low' | 'high' | null;
}

export interface LabelLayout {
  key: string;
  text: string;
  /** The imported mark written after `text` ('' for none). */
  mark: string;
  /** Anchor point of the text (its vertical middle) and which end it is anchored at. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  box: Box;
}

export interface RowLayout<T> {
  unit: string;
  name: string;
  /** The imported mark written after `name` ('' for none). */
  mark: string;
  note: string;
  top: number;
  cy: number;
  /** Box from q1 to q3 and the whiskers' ends (null below four townships: dots and median only). */
  box: Box | null;
  whiskers: [number, number] | null;
  median: number;
  medianText: string;
  /** Ascending by value (what arrow keys step through). */
  dots: DotLayout<T>[];
  /**
   * The same dots in the order to draw them: by key, outliers last (on top). The order does not
   * depend on the measure, so switching it moves dots instead of reordering a thousand elements.
   */
  drawOrder: DotLayout<T>[];
  labels: LabelLayout[];
  /** Outliers of the row left without a label for lack of room (their dots stay marked). */
  unlabelled: number;
}

export interface DistributionLayout<T> {
  x: ScaleLinear<number, number>;
  ticks: number[];
  margin: { top: number; right: number; bottom: number; left: number };
  pitch: number;
  /** The whole chart's height, and that of its rows alone (which scroll above a fixed axis when they must). */
  height: number;
  rowsHeight: number;
  /** The unit names' font size: a little smaller in the thinnest rows. */
  unitFont: number;
  rows: RowLayout<T>[];
}

export const MIN_PITCH = 16;
export const MAX_PITCH = 44;
export const UNIT_FONT = 14;
export const NOTE_FONT = 11;
export const LABEL_FONT = 12;
const LABEL_HEIGHT = 14;

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Evenly spread vertical offsets in [-1, 1] for the i-th dot (golden-ratio sequence): no random, no clumps. */
const spread = (i: number) => ((i * 0.6180339887) % 1) * 2 - 1;

export function layoutDistribution<T>(units: readonly UnitDistribution<T>[], options: DistributionLayoutOptions<T>): DistributionLayout<T> {
  const { width, height } = options;
  const withStats = units.filter((u) => u.stats);
  const names = new Map(units.map((u) => [u.unit, options.unitName(u.unit)]));
  const unitMarks = new Map(units.map((u) => [u.unit, options.unitMark?.(u.unit) ?? '']));
  const medianTexts = new Map(withStats.map((u) => [u.unit, options.medianText(u.stats!.median)]));
  const left = Math.ceil(Math.max(72, ...units.map((u) => textWidth(names.get(u.unit)! + unitMarks.get(u.unit)!, UNIT_FONT))) + 14);
  // Room for the median column and its heading (中位数) clear of the last tick's label.
  const right = Math.ceil(Math.max(3 * LABEL_FONT + 24, ...[...medianTexts.values()].map((t) => textWidth(t, LABEL_FONT) + 16)));
  const margin = { top: 4, right, bottom: 34, left };
  const pitch = Math.max(MIN_PITCH, Math.min(MAX_PITCH, (height - margin.top - margin.bottom - 2) / Math.max(1, units.length)));

  const values = withStats.flatMap((u) => [u.stats!.min, u.stats!.max]);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.04;
  const x = scaleLinear()
    .domain([lo - pad, hi + pad])
    .nice()
    .range([margin.left, Math.max(margin.left + 10, width - margin.right)]);
  // Ticks whose label would run into the median column's heading are left out.
  const headingStart = width - 4 - textWidth(options.medianHeading, LABEL_FONT) - 6;
  const ticks = x
    .ticks(Math.max(2, Math.floor((width - margin.left - margin.right) / 110)))
    .filter((t) => x(t) + textWidth(options.tickText(t), LABEL_FONT) / 2 < headingStart);

  const r = pitch < 26 ? 2.5 : 3;
  const jitter = Math.max(0, pitch / 2 - r - 2) * 0.75;
  const boxHalf = Math.min(pitch * 0.3, 9);

  const rows = units.map((u, index): RowLayout<T> => {
    const top = margin.top + index * pitch;
    const cy = top + pitch / 2;
    const s = u.stats;
    const side = new Map(u.outliers.map((o) => [o.row, o.side]));
    const dots = u.points.map((p, i): DotLayout<T> => {
      const outlier = side.get(p.row) ?? null;
      return {
        key: options.keyOf(p.row),
        row: p.row,
        value: p.value,
        cx: x(p.value),
        // Outliers sit on the row's line, where their labels point; the others spread around it.
        cy: outlier ? cy : cy + spread(i + 1) * jitter,
        r: outlier ? r + 1 : r,
        outlier,
      };
    });
    const box = s && u.points.length >= 4 ? { x0: x(s.q1), x1: x(s.q3), y0: cy - boxHalf, y1: cy + boxHalf } : null;
    return {
      unit: u.unit,
      name: names.get(u.unit)!,
      mark: unitMarks.get(u.unit)!,
      note: options.unitNote(u.unit),
      top,
      cy,
      box,
      whiskers: s && box ? [x(s.lowWhisker), x(s.highWhisker)] : null,
      median: s ? x(s.median) : NaN,
      medianText: medianTexts.get(u.unit) ?? '—',
      dots,
      drawOrder: [...dots].sort((a, b) => (a.outlier ? 1 : 0) - (b.outlier ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      labels: [],
      unlabelled: 0,
    };
  });

  placeLabels(rows, units, options, { x0: margin.left, x1: width - margin.right }, pitch);
  const rowsHeight = margin.top + units.length * pitch + 2;
  return { x, ticks, margin, pitch, height: rowsHeight + margin.bottom, rowsHeight, unitFont: pitch < 20 ? 13 : UNIT_FONT, rows };
}

/**
 * Greedy label placement, most extreme outlier first in each row: beside its dot on the row's line
 * (outwards first), then, where the row is tall enough, just above or below it. A label must stay
 * within the plot and its row, and clear every placed label, every outlier dot and the row's box.
 */
function placeLabels<T>(
  rows: RowLayout<T>[],
  units: readonly UnitDistribution<T>[],
  options: DistributionLayoutOptions<T>,
  plot: { x0: number; x1: number },
  pitch: number,
): void {
  const placed: Box[] = [];
  const dotBoxes = rows.flatMap((row) =>
    row.dots.filter((d) => d.outlier).map((d) => ({ key: d.key, box: { x0: d.cx - d.r, x1: d.cx + d.r, y0: d.cy - d.r, y1: d.cy + d.r } })),
  );
  const lanes = pitch >= LABEL_HEIGHT * 2.2 ? [0, -1, 1] : [0];
  rows.forEach((row, i) => {
    const dotsByRow = new Map(row.dots.map((d) => [d.row, d]));
    for (const outlier of units[i].outliers) {
      const dot = dotsByRow.get(outlier.row)!;
      const text = options.nameOf(outlier.row);
      const mark = options.markOf?.(outlier.row) ?? '';
      const w = textWidth(text + mark, LABEL_FONT) + 2;
      const outward: ('start' | 'end')[] = outlier.side === 'high' ? ['start', 'end'] : ['end', 'start'];
      let label: LabelLayout | null = null;
      for (const lane of lanes) {
        for (const anchor of outward) {
          const y = row.cy + lane * (pitch / 2 - LABEL_HEIGHT / 2);
          const gap = dot.r + 3;
          const lx = anchor === 'start' ? dot.cx + gap : dot.cx - gap;
          const box = {
            x0: anchor === 'start' ? lx : lx - w,
            x1: anchor === 'start' ? lx + w : lx,
            y0: y - LABEL_HEIGHT / 2,
            y1: y + LABEL_HEIGHT / 2,
          };
          const fits =
            box.x0 >= plot.x0 &&
            box.x1 <= plot.x1 &&
            box.y0 >= row.top - 0.5 &&
            box.y1 <= row.top + pitch + 0.5 &&
            !(row.box && overlaps(box, row.box)) &&
            !placed.some((p) => overlaps(box, p)) &&
            !dotBoxes.some((d) => d.key !== dot.key && overlaps(box, d.box));
          if (fits) {
            label = { key: dot.key, text, mark, x: lx, y, anchor, box };
            break;
          }
        }
        if (label) break;
      }
      if (label) {
        placed.push(label.box);
        row.labels.push(label);
      } else row.unlabelled++;
    }
  });
}
