import { create, max, scaleLinear } from 'd3';
import { activatable } from './activatable';
import { textWidth } from './text-width';

/**
 * An UpSet chart of 2–4 sets (townships' duties): one column per non-empty intersection (the duties
 * listed by exactly those townships), its size as a bar, and below it a dot per set, filled where
 * the set takes part and joined by a line. Unlike a Venn diagram it stays readable at four sets (up
 * to 15 columns) and every count is a bar read against one axis. Pure DOM construction with d3; the
 * view mounts the element. Each column is activatable and carries its mask and count.
 */

export interface UpSetColumn {
  mask: number;
  count: number;
}

export interface UpSetOptions {
  width: number;
  /** Set names, in mask bit order (bit i: sets[i]). */
  sets: string[];
  /** The column shown selected (its duties listed below the chart), or null. */
  selected: number | null;
  onSelect: (mask: number) => void;
  /** The column's accessible name: which sets, how many duties. */
  columnLabel: (column: UpSetColumn) => string;
}

const ROW = 26;
const BARS = 150;
const GAP = 10;
const FONT = 13;
const DOT = 7;

export function upsetChart(columns: readonly UpSetColumn[], options: UpSetOptions): SVGSVGElement {
  const { width, sets } = options;
  const labelWidth = Math.max(...sets.map((s) => textWidth(s, FONT))) + 14;
  const left = labelWidth;
  const pitch = Math.min(96, (width - left - 8) / Math.max(1, columns.length));
  const height = BARS + GAP + sets.length * ROW + 8;
  const y = scaleLinear()
    .domain([0, max(columns, (c) => c.count) ?? 1])
    .range([BARS, 18]);
  const cx = (i: number) => left + pitch * (i + 0.5);

  const svg = create('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-size', FONT)
    .attr('class', 'upset')
    // Theme colours (src/app.css) as inline styles: the text's ink, the rows' shading, the dots.
    .style('fill', 'var(--ink)');

  // Set rows: alternate shading so a row's dots are easy to follow across columns.
  const rows = svg.append('g').attr('class', 'sets');
  sets.forEach((name, r) => {
    const top = BARS + GAP + r * ROW;
    if (r % 2 === 0)
      rows.append('rect').attr('x', 0).attr('y', top).attr('width', width).attr('height', ROW).style('fill', 'var(--subtle)');
    rows
      .append('text')
      .attr('x', left - 8)
      .attr('y', top + ROW / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text(name);
  });

  const columnsGroup = svg.append('g').attr('class', 'columns');
  columns.forEach((c, i) => {
    const g = columnsGroup
      .append('g')
      .attr('class', 'column')
      .attr('data-mask', c.mask)
      .attr('data-count', c.count)
      .style('cursor', 'pointer');
    const selected = options.selected === c.mask;
    const barWidth = Math.min(40, pitch * 0.7);
    // A hit area the height of the column, so a click anywhere on it selects; tinted when selected.
    g.append('rect')
      .attr('x', cx(i) - pitch / 2)
      .attr('y', 0)
      .attr('width', pitch)
      .attr('height', height)
      .style('fill', selected ? 'var(--warn-bg)' : 'transparent');
    g.append('rect')
      .attr('class', 'bar')
      .attr('x', cx(i) - barWidth / 2)
      .attr('y', y(c.count))
      .attr('width', barWidth)
      .attr('height', BARS - y(c.count))
      .style('fill', selected ? 'var(--warn)' : 'var(--strong)');
    g.append('text')
      .attr('x', cx(i))
      .attr('y', y(c.count) - 4)
      .attr('text-anchor', 'middle')
      .attr('font-variant-numeric', 'tabular-nums')
      .text(c.count);
    const members = sets.map((_, r) => (c.mask & (1 << r)) !== 0);
    const memberRows = members.flatMap((m, r) => (m ? [r] : []));
    const rowY = (r: number) => BARS + GAP + r * ROW + ROW / 2;
    if (memberRows.length > 1)
      g.append('line')
        .attr('x1', cx(i))
        .attr('x2', cx(i))
        .attr('y1', rowY(memberRows[0]))
        .attr('y2', rowY(memberRows.at(-1)!))
        .style('stroke', 'var(--strong)')
        .attr('stroke-width', 3);
    members.forEach((m, r) => {
      g.append('circle')
        .attr('cx', cx(i))
        .attr('cy', rowY(r))
        .attr('r', DOT)
        .style('fill', m ? 'var(--strong)' : 'var(--line)');
    });
    const node = g.node()!;
    activatable(node, options.columnLabel(c), () => options.onSelect(c.mask));
    if (selected) node.setAttribute('aria-pressed', 'true');
  });
  return svg.node()!;
}
