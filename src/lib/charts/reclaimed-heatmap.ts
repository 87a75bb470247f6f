import { select, bisectRight } from 'd3';
import type { HeatmapRow, HeatmapCell, HoldingStatus } from '../queries/heatmap';
import type { UnitRow } from '../queries/categories';
import { LIST_COLOURS, ABSENT_COLOUR, FONT_FAMILY } from '../ui/theme';
import { textWidth, truncate } from './text-width';
import { activatable, nameHolding } from './activatable';
import { columnLabels, LABEL_LINE_HEIGHT } from './unit-labels';
import { formatCount } from '../ui/strings';
import { NO_MARKS, type ImportedMarks } from '../state/imported-marks';
import { markedName, markText, writeMarked } from './imported-mark';
import { IMPORTED_COLOUR } from '../ui/theme';
import { cellCanvas, type CellMarks } from './cell-canvas';
import { gridCursor } from './grid-cursor';

const SVG_NS = 'http://www.w3.org/2000/svg';

export const STATUS_COLOURS: Record<HoldingStatus, string> = {
  reclaimed: LIST_COLOURS.reclaimed,
  coop: LIST_COLOURS.coop,
  basic: LIST_COLOURS.basic,
  absent: ABSENT_COLOUR,
};
/** Text on each status colour, chosen for contrast (white on blue; black on the light ones). */
const STATUS_INK: Record<HoldingStatus, string> = { reclaimed: '#000', coop: '#000', basic: '#fff', absent: 'var(--muted)' };

export type HeatmapGrouping = 'category' | 'receiver';

/**
 * What a cell shows: how its township holds the duty ('status', one township per column), or, for a
 * county or prefecture, the share of its townships shown that reclaimed it ('share').
 */
export type HeatmapMode = 'status' | 'share';

/**
 * The share colour steps, from none to all of a unit's townships: a sequential reddish purple (the
 * 收回 colour's hue), white for "listed, reclaimed by none" (the panel's colour on a dark screen:
 * `--heat-zero` in src/app.css), and a step of its own for "all of them", the case a planner needs no
 * longer look at.
 */
export const SHARE_STEPS: { id: string; below: number; colour: string; ink: string }[] = [
  { id: 'none', below: 1, colour: 'var(--heat-zero)', ink: 'var(--ink)' },
  { id: 'few', below: 25, colour: '#FCC5C0', ink: '#000' },
  { id: 'some', below: 50, colour: '#FA9FB5', ink: '#000' },
  { id: 'half', below: 75, colour: '#F768A1', ink: '#000' },
  { id: 'most', below: 100, colour: '#C51B8A', ink: '#fff' },
  { id: 'all', below: Infinity, colour: '#7A0177', ink: '#fff' },
];

/**
 * The whole percentage a cell writes: 0 and 100 only when none or all of the townships reclaimed it
 * (1 of 300 is 1%, 299 of 300 is 99%), so the step's colour and the number always agree.
 */
export function sharePercent(share: number): number {
  if (share <= 0) return 0;
  if (share >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(share * 100)));
}

export const formatSharePercent = (share: number) => `${sharePercent(share)}%`;

/** The colour step of a share of townships. */
export function shareStep(share: number) {
  const percent = sharePercent(share);
  return SHARE_STEPS.find((s) => percent < s.below)!;
}

export interface HeatmapGroup {
  label: string;
  rows: HeatmapRow[];
}

/**
 * Groups rows by category or by the first receiving department kind ('未注明' when none is named).
 * Groups holding duties still carried somewhere (mixed rows, the chart's point) come first, then by their
 * most reclaimed row, then by size; rows keep their order inside a group.
 */
export function groupHeatmapRows(rows: HeatmapRow[], grouping: HeatmapGrouping, unnamed: string): HeatmapGroup[] {
  const groups = new Map<string, HeatmapRow[]>();
  for (const row of rows) {
    const label = grouping === 'category' ? row.category : (row.receivers[0] ?? unnamed);
    groups.set(label, [...(groups.get(label) ?? []), row]);
  }
  return [...groups]
    .map(([label, rows]) => ({ label, rows }))
    .sort(
      (a, b) =>
        mixedCount(b) - mixedCount(a) ||
        b.rows[0].reclaimedIn - a.rows[0].reclaimedIn ||
        b.rows.length - a.rows.length ||
        a.label.localeCompare(b.label, 'zh-CN'),
    );
}

const mixedCount = (g: HeatmapGroup) => g.rows.filter((r) => r.mixed).length;

export interface ReclaimedHeatmapOptions {
  width: number;
  grouping: HeatmapGrouping;
  statusLabels: Record<HoldingStatus, string>;
  /** Short text drawn in each cell so the status never depends on colour alone. */
  statusShort: Record<HoldingStatus, string>;
  /** One character each, for columns too narrow for `statusShort` (thirty townships of a county). */
  statusInitial?: Record<HoldingStatus, string>;
  unnamedGroup: string;
  countLabel: string;
  /** Townships in all (the count column reads reclaimedIn / this); defaults to the columns shown. */
  townshipTotal?: number;
  ariaLabel: string;
  /** The cells' grid's accessible name, given its rows and columns. */
  gridLabel?: (rows: number, columns: number) => string;
  /** 'status' (townships, the default) or 'share' (counties, prefectures). */
  mode?: HeatmapMode;
  /** In 'share' mode, a cell's aria-label. */
  describeShare?: (row: HeatmapRow, cell: HeatmapCell, unit: UnitRow) => string;
  /** A click on a column's name; names are buttons only when given (counties, prefectures: drill in). */
  onHeader?: (unit: UnitRow) => void;
  describeHeader?: (unit: UnitRow) => string;
  /** Columns holding the reader's own lists (by unit key): their names carry the mark, their columns a dashed outline. */
  marks?: ImportedMarks;
  onOpen?: (row: HeatmapRow, cell: HeatmapCell) => void;
  /** Pointing at or focusing a cell (`element`, to place a tooltip by), and leaving it (null). */
  onHover?: (hit: { row: HeatmapRow; cell: HeatmapCell; element: Element } | null, event: Event) => void;
  document?: Document;
}

const ROW_HEIGHT = 24;
const GROUP_HEIGHT = 28;
const HEADER_HEIGHT = 34;
const FONT_SIZE = 13;
const CELL_FONT_SIZE = 12;
/** The narrowest column: its cell still fits a status's two characters. */
const MIN_CELL_WIDTH = 26;
/** The row labels' least width, cut with '…' past it (the full name is in the tooltip). */
const MIN_LABEL_WIDTH = 240;
/** In 'share' mode, the strip at the foot of a cell: the share of the unit's townships still carrying the duty. */
const STRIP_HEIGHT = 5;

/**
 * Rows = duty groups reclaimed somewhere, columns = townships, cells coloured by how each township
 * holds the duty, the status also written in the cell. The cells are painted on one canvas
 * (cell-canvas.ts) under SVG names, headers and counts; one keyboard cursor (grid-cursor.ts) walks
 * them with the arrow keys, and the pointer finds the cell under it.
 */
export function reclaimedHeatmap(rows: HeatmapRow[], townships: UnitRow[], options: ReclaimedHeatmapOptions): SVGSVGElement {
  const doc = options.document ?? document;
  const mode = options.mode ?? 'status';
  const groups = groupHeatmapRows(rows, options.grouping, options.unnamedGroup);
  const n = Math.max(1, townships.length);
  const countText = (row: HeatmapRow) =>
    mode === 'status'
      ? `${row.reclaimedIn}/${options.townshipTotal ?? townships.length}`
      : `${formatCount(row.shown.reclaimed)}/${formatCount(row.shown.townships)}`;
  const countWidth = Math.max(56, ...rows.map((r) => textWidth(countText(r), FONT_SIZE) + 12));
  // Up to 96 px a column where the columns fit beside the names; narrower where many would not.
  let cellWidth = Math.max(64, Math.min(96, (options.width - 300 - countWidth) / n));
  if (MIN_LABEL_WIDTH + cellWidth * n + countWidth > options.width)
    cellWidth = Math.max(MIN_CELL_WIDTH, (options.width - MIN_LABEL_WIDTH - countWidth) / n);
  const labelWidth = Math.max(MIN_LABEL_WIDTH, options.width - countWidth - cellWidth * townships.length - 8);
  const marks = options.marks ?? NO_MARKS;
  const header = columnLabels(
    townships.map((t) => t.name),
    cellWidth,
    FONT_SIZE,
    townships.map((t) => markText(marks.get(t.key))),
  );
  // A marked column's outline runs round its header: a few pixels more above the names keep them clear of it.
  const outlined = townships.some((t) => marks.get(t.key));
  const headerHeight = Math.max(HEADER_HEIGHT, header.height + 14 + (outlined ? 6 : 0));
  const height = headerHeight + groups.length * GROUP_HEIGHT + rows.length * ROW_HEIGHT + 8;
  const width = labelWidth + cellWidth * townships.length + countWidth;
  // Text in a cell only where the widest fits every cell: a status's initial where its two characters
  // do not; past that colour, strip and tooltip tell.
  const fits = (texts: string[]) => texts.every((t) => textWidth(t, CELL_FONT_SIZE) <= cellWidth - 6);
  const statusText = fits(Object.values(options.statusShort)) || !options.statusInitial ? options.statusShort : options.statusInitial;
  const cellText = (cell: HeatmapCell) =>
    mode === 'status' ? statusText[cell.status] : listed(cell) ? formatSharePercent(cell.share) : options.statusShort.absent;
  const showCellText = fits(mode === 'status' ? Object.values(statusText) : ['100%']);

  const svg = select(doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'group')
    .attr('aria-label', options.ariaLabel)
    .attr('class', 'reclaimed-heatmap')
    .style('font-family', FONT_FAMILY)
    .style('font-size', `${FONT_SIZE}px`)
    // Text without a fill of its own (row names, counts, headers) in the theme's ink (src/app.css).
    .style('fill', 'var(--ink)')
    .style('max-width', '100%')
    .style('height', 'auto');

  const head = svg.append('g').attr('class', 'header');
  townships.forEach((t, i) => {
    const label = head
      .append('text')
      .attr('class', 'unit-label')
      .attr('data-unit', t.key)
      .attr('x', labelWidth + cellWidth * (i + 0.5))
      .attr('y', headerHeight - 10)
      .attr('text-anchor', 'middle')
      .attr('font-weight', 700);
    const lines = header.lines[i];
    const lineMarks = header.marks[i];
    const nameOf = (j: number) => lines[j].slice(0, lines[j].length - lineMarks[j].length);
    if (lines.length > 1) {
      // Stacked lines (a character a line when vertical), the last just above the cells.
      lines.forEach((_, j) =>
        writeMarked(
          label
            .append('tspan')
            .attr('x', labelWidth + cellWidth * (i + 0.5))
            .attr('y', headerHeight - 10 - (lines.length - 1 - j) * FONT_SIZE * LABEL_LINE_HEIGHT)
            .node()!,
          nameOf(j),
          lineMarks[j],
        ),
      );
    } else writeMarked(label.node()!, nameOf(0), lineMarks[0]);
    const mark = markText(marks.get(t.key));
    if (mark) label.attr('data-imported', marks.get(t.key)!);
    if (lines.join('') !== t.name + mark) label.append('title').text(t.name + mark);
    if (options.onHeader) {
      const node = label.node()!;
      activatable(node, options.describeHeader?.(t) ?? t.name, () => options.onHeader!(t));
      node.style.cursor = 'pointer';
      node.setAttribute('data-townships', String(t.townships));
    }
  });
  head
    .append('text')
    .attr('x', labelWidth + cellWidth * townships.length + countWidth / 2)
    .attr('y', headerHeight - 10)
    .attr('text-anchor', 'middle')
    .attr('font-weight', 700)
    .text(options.countLabel);

  // A column of the reader's own data is outlined, dashed as the filter bar's chip is, in the gap
  // between its cells and its neighbours': drawn before the rows, so it never covers a cell's text.
  townships.forEach((t, i) => {
    if (!marks.get(t.key)) return;
    svg
      .append('rect')
      .attr('class', 'imported-column')
      .attr('x', labelWidth + cellWidth * i + 0.5)
      .attr('y', 2)
      .attr('width', cellWidth - 1)
      .attr('height', height - 4)
      .attr('rx', 3)
      .attr('fill', 'none')
      .style('stroke', IMPORTED_COLOUR)
      .attr('stroke-width', 1)
      .attr('stroke-dasharray', '4 3')
      .attr('pointer-events', 'none');
  });
  /** Where the cell of a column is in the row whose top is `top`: inset a pixel from its neighbours. */
  const cellBox = (column: number, top: number) => ({
    x: labelWidth + cellWidth * column + 1,
    y: top + 1,
    width: cellWidth - 2,
    height: ROW_HEIGHT - 2,
  });
  /** The rows in the order drawn (grouped), each with its top: the cursor's rows. */
  const drawn: { row: HeatmapRow; top: number }[] = [];
  const cells: CellMarks = { boxes: [], texts: [] };
  let y = headerHeight;
  for (const group of groups) {
    svg
      .append('text')
      .attr('class', 'group-label')
      .attr('x', 4)
      .attr('y', y + GROUP_HEIGHT - 8)
      .attr('font-weight', 700)
      .text(`${group.label}（${group.rows.length}项）`);
    svg
      .append('line')
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', y + GROUP_HEIGHT - 2)
      .attr('y2', y + GROUP_HEIGHT - 2)
      .style('stroke', 'var(--line)');
    y += GROUP_HEIGHT;
    for (const row of group.rows) {
      drawRow(row, y);
      addCells(row, y);
      drawn.push({ row, top: y });
      y += ROW_HEIGHT;
    }
  }

  /** One row's name and count, in its `g.row`. */
  function drawRow(row: HeatmapRow, y: number): void {
    const g = svg.append('g').attr('class', 'row').attr('data-duty-group', row.dutyGroup);
    g.append('text')
      .attr('class', row.mixed ? 'name mixed' : 'name')
      .attr('font-weight', row.mixed ? 700 : 400)
      .attr('x', 12)
      .attr('y', y + ROW_HEIGHT / 2 + FONT_SIZE * 0.35)
      .text(truncate(row.name, FONT_SIZE, labelWidth - 20))
      .append('title')
      .text(row.name);
    g.append('text')
      .attr('x', labelWidth + cellWidth * townships.length + countWidth / 2)
      .attr('y', y + ROW_HEIGHT / 2 + 4)
      .attr('text-anchor', 'middle')
      .attr('class', 'reclaimed-count')
      .text(countText(row));
  }

  /** One row's cells as marks for the canvas: a box each, its text, and in 'share' mode the strip at its foot. */
  function addCells(row: HeatmapRow, y: number): void {
    row.cells.forEach((cell, i) => {
      const x = labelWidth + cellWidth * i;
      const box = { ...cellBox(i, y), radius: 2 };
      let ink: string;
      if (mode === 'status') {
        cells.boxes.push({ ...box, fill: STATUS_COLOURS[cell.status] });
        ink = STATUS_INK[cell.status];
      } else {
        const step = listed(cell) ? shareStep(cell.share) : null;
        cells.boxes.push({ ...box, fill: step?.colour ?? ABSENT_COLOUR, stroke: step?.id === 'none' ? 'var(--line)' : undefined });
        ink = step?.ink ?? STATUS_INK.absent;
        if (cell.coop + cell.basic > 0 && cell.townships > 0) {
          // The foot of the cell: townships still carrying it, 配合 then 基本, as a share of the unit's width.
          const inner = cellWidth - 4;
          const top = y + ROW_HEIGHT - 2 - STRIP_HEIGHT;
          const coop = (inner * cell.coop) / cell.townships;
          const basic = (inner * cell.basic) / cell.townships;
          // Layers: the strip over its cell, its two parts (side by side) over the strip.
          const strip = (left: number, stripWidth: number, fill: string, layer: number) =>
            cells.boxes.push({ x: left, y: top, width: stripWidth, height: STRIP_HEIGHT, fill, layer });
          strip(x + 2, inner, 'var(--heat-zero)', 1);
          if (cell.coop) strip(x + 2, coop, STATUS_COLOURS.coop, 2);
          if (cell.basic) strip(x + 2 + coop, basic, STATUS_COLOURS.basic, 2);
        }
      }
      if (showCellText)
        cells.texts.push({
          x: x + cellWidth / 2,
          y: y + ROW_HEIGHT / 2 + (mode === 'share' ? 2 : 4), // a share sits a little higher, clear of the strip
          text: cellText(cell),
          fill: ink,
          size: CELL_FONT_SIZE,
        });
    });
  }

  svg
    .node()!
    .append(cellCanvas(doc, { x: labelWidth, y: headerHeight, width: cellWidth * townships.length, height: height - headerHeight }, cells));
  const tops = drawn.map((d) => d.top);
  const unitOf = (cell: HeatmapCell, i: number): UnitRow => townships[i] ?? { key: cell.unit, name: cell.unit, townships: cell.townships };
  gridCursor(svg.node()!, width, {
    rows: drawn.length,
    columns: townships.length,
    label: options.gridLabel?.(drawn.length, townships.length) ?? options.ariaLabel,
    box: (r, c) => cellBox(c, drawn[r].top),
    cellAt: (x, y) => {
      const column = Math.floor((x - labelWidth) / cellWidth);
      if (column < 0 || column >= townships.length) return null;
      const row = bisectRight(tops, y) - 1;
      return row >= 0 && y < drawn[row].top + ROW_HEIGHT ? [row, column] : null;
    },
    cellLabel: (r, c) => {
      const row = drawn[r].row;
      const cell = row.cells[c];
      const unit = unitOf(cell, c);
      const label =
        mode === 'share' && options.describeShare
          ? options.describeShare(row, cell, unit)
          : `${row.name}，${markedName(unit.name, unit.key, marks)}：${options.statusLabels[cell.status]}`;
      return nameHolding(showCellText ? cellText(cell) : '', label);
    },
    attributes: (r, c) => {
      const row = drawn[r].row;
      const cell = row.cells[c];
      const where = { 'duty-group': row.dutyGroup, unit: cell.unit };
      return mode === 'status'
        ? { ...where, township: cell.unit, status: cell.status }
        : {
            ...where,
            reclaimed: cell.reclaimed,
            coop: cell.coop,
            basic: cell.basic,
            townships: cell.townships,
            share: Math.round(cell.share * 10000) / 10000,
          };
    },
    onOpen: (r, c) => options.onOpen?.(drawn[r].row, drawn[r].row.cells[c]),
    onHover: (hit, event) =>
      options.onHover?.(hit && { row: drawn[hit.row].row, cell: drawn[hit.row].row.cells[hit.column], element: hit.element }, event),
  });
  // Drawn whole in this call (an export waits for charts that fill in over time; this one never does).
  svg.attr('data-complete', '');
  return svg.node()!;
}

/** Whether any of the unit's townships shown lists the duty. */
const listed = (cell: HeatmapCell) => cell.reclaimed + cell.coop + cell.basic > 0;
