import { select } from 'd3';
import type { HeatmapRow, HeatmapCell, HoldingStatus } from '../queries/heatmap';
import type { UnitRow } from '../queries/categories';
import { LIST_COLOURS, ABSENT_COLOUR, FONT_FAMILY } from '../ui/theme';
import { truncate } from './text-width';
import { activatable } from './activatable';

const SVG_NS = 'http://www.w3.org/2000/svg';

export const STATUS_COLOURS: Record<HoldingStatus, string> = {
  reclaimed: LIST_COLOURS.reclaimed,
  coop: LIST_COLOURS.coop,
  basic: LIST_COLOURS.basic,
  absent: ABSENT_COLOUR,
};
/** Text on each status colour, chosen for contrast (white on blue; black on the light ones). */
const STATUS_INK: Record<HoldingStatus, string> = { reclaimed: '#000', coop: '#000', basic: '#fff', absent: '#666' };

export type HeatmapGrouping = 'category' | 'receiver';

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
  unnamedGroup: string;
  countLabel: string;
  /** Townships in all (the count column reads reclaimedIn / this); defaults to the columns shown. */
  townshipTotal?: number;
  ariaLabel: string;
  onOpen?: (row: HeatmapRow, cell: HeatmapCell) => void;
  onHover?: (hit: { row: HeatmapRow; cell: HeatmapCell } | null, event: Event) => void;
  document?: Document;
}

const ROW_HEIGHT = 24;
const GROUP_HEIGHT = 28;
const HEADER_HEIGHT = 34;
const FONT_SIZE = 13;

/**
 * Rows = duty groups reclaimed somewhere, columns = townships, cells coloured by how each township
 * holds the duty. Every cell is a focusable button; the status is also written in the cell.
 */
export function reclaimedHeatmap(rows: HeatmapRow[], townships: UnitRow[], options: ReclaimedHeatmapOptions): SVGSVGElement {
  const doc = options.document ?? document;
  const groups = groupHeatmapRows(rows, options.grouping, options.unnamedGroup);
  const countWidth = 56;
  const cellWidth = Math.max(64, Math.min(96, (options.width - 300 - countWidth) / Math.max(1, townships.length)));
  const labelWidth = Math.max(240, options.width - countWidth - cellWidth * townships.length - 8);
  const height = HEADER_HEIGHT + groups.length * GROUP_HEIGHT + rows.length * ROW_HEIGHT + 8;
  const width = labelWidth + cellWidth * townships.length + countWidth;

  const svg = select(doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'group')
    .attr('aria-label', options.ariaLabel)
    .attr('class', 'reclaimed-heatmap')
    .style('font-family', FONT_FAMILY)
    .style('font-size', `${FONT_SIZE}px`)
    .style('max-width', '100%')
    .style('height', 'auto');

  const header = svg.append('g').attr('class', 'header');
  townships.forEach((t, i) =>
    header
      .append('text')
      .attr('x', labelWidth + cellWidth * (i + 0.5))
      .attr('y', HEADER_HEIGHT - 10)
      .attr('text-anchor', 'middle')
      .attr('font-weight', 700)
      .text(t.name),
  );
  header
    .append('text')
    .attr('x', labelWidth + cellWidth * townships.length + countWidth / 2)
    .attr('y', HEADER_HEIGHT - 10)
    .attr('text-anchor', 'middle')
    .attr('font-weight', 700)
    .text(options.countLabel);

  let y = HEADER_HEIGHT;
  for (const group of groups) {
    svg
      .append('text')
      .attr('class', 'group-label')
      .attr('x', 4)
      .attr('y', y + GROUP_HEIGHT - 8)
      .attr('font-weight', 700)
      .attr('fill', '#222')
      .text(`${group.label}（${group.rows.length}项）`);
    svg
      .append('line')
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', y + GROUP_HEIGHT - 2)
      .attr('y2', y + GROUP_HEIGHT - 2)
      .attr('stroke', '#bbb');
    y += GROUP_HEIGHT;
    for (const row of group.rows) {
      const g = svg.append('g').attr('class', 'row').attr('data-duty-group', row.dutyGroup);
      g.append('text')
        .attr('class', row.mixed ? 'name mixed' : 'name')
        .attr('font-weight', row.mixed ? 700 : 400)
        .attr('x', 12)
        .attr('y', y + ROW_HEIGHT / 2 + FONT_SIZE * 0.35)
        .text(truncate(row.name, FONT_SIZE, labelWidth - 20))
        .append('title')
        .text(row.name);
      row.cells.forEach((cell, i) => {
        const cg = g
          .append('g')
          .attr('class', `cell cell-${cell.status}`)
          .attr('data-township', cell.unit)
          .attr('data-status', cell.status)
          .style('cursor', 'pointer');
        cg.append('rect')
          .attr('x', labelWidth + cellWidth * i + 1)
          .attr('y', y + 1)
          .attr('width', cellWidth - 2)
          .attr('height', ROW_HEIGHT - 2)
          .attr('rx', 2)
          .attr('fill', STATUS_COLOURS[cell.status]);
        cg.append('text')
          .attr('x', labelWidth + cellWidth * (i + 0.5))
          .attr('y', y + ROW_HEIGHT / 2 + 4)
          .attr('text-anchor', 'middle')
          .attr('font-size', 12)
          .attr('fill', STATUS_INK[cell.status])
          .attr('pointer-events', 'none')
          .text(options.statusShort[cell.status]);
        const node = cg.node()!;
        const township = townships[i]?.name ?? cell.unit;
        activatable(node, `${row.name}，${township}：${options.statusLabels[cell.status]}`, () => options.onOpen?.(row, cell));
        node.addEventListener('mouseenter', (e) => options.onHover?.({ row, cell }, e));
        node.addEventListener('focus', (e) => options.onHover?.({ row, cell }, e));
        node.addEventListener('mouseleave', (e) => options.onHover?.(null, e));
        node.addEventListener('blur', (e) => options.onHover?.(null, e));
      });
      g.append('text')
        .attr('x', labelWidth + cellWidth * townships.length + countWidth / 2)
        .attr('y', y + ROW_HEIGHT / 2 + 4)
        .attr('text-anchor', 'middle')
        .attr('class', 'reclaimed-count')
        .text(`${row.reclaimedIn}/${options.townshipTotal ?? townships.length}`);
      y += ROW_HEIGHT;
    }
  }
  return svg.node()!;
}
