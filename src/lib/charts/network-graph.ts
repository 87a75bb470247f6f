import { select, zoom, drag, pointer, type Selection } from 'd3';
import type { NetworkLayout, NetworkNode, NetworkLink } from './network-layout';
import { LIST_COLOURS, FONT_FAMILY, IMPORTED_COLOUR } from '../ui/theme';
import { writeMarked } from './imported-mark';
import { activatable } from './activatable';
import { textWidth } from './text-width';
import type { Rect } from './network-layout';

const SVG_NS = 'http://www.w3.org/2000/svg';
/**
 * Theme colours are CSS variables (src/app.css), set as inline styles (var() in a presentation
 * attribute is not honoured everywhere); an export copies their computed, light, values.
 * Townships: dark squares on light, light squares on dark.
 */
const TOWNSHIP_COLOUR = 'var(--ink)';
const HALO = 'var(--halo)';
const DEPARTMENT_COLOUR = '#56B4E9'; // Okabe–Ito sky blue: not one of the three list colours
const RECEIVER_COLOUR = LIST_COLOURS.reclaimed;
const LEAD_COLOUR = LIST_COLOURS.coop;

/** The edge whose detail is open: drawn on top, full strength. */
export interface SelectedLink {
  department: string;
  unit: string;
  role: NetworkLink['role'];
}

export const isLink = (l: NetworkLink, edge: SelectedLink | null | undefined): boolean =>
  !!edge && l.department === edge.department && l.unit === edge.unit && l.role === edge.role;

export interface NetworkGraphOptions {
  /** Selected department label, drawn with a ring. */
  selected?: string | null;
  /** The edge whose detail is open. */
  selectedLink?: SelectedLink | null;
  ariaLabel: string;
  /** `imported`: the legend's row for units holding the reader's own lists, when any is drawn (else null). */
  legend: { lead: string; receiver: string | null; township: string; department: string; imported?: string | null };
  document?: Document;
}

/**
 * Draws a laid-out network as SVG: links (width by duties; 配合 solid orange, 收回 dashed purple),
 * townships as dark squares, departments as blue circles sized by reliance, placed labels.
 * Interaction (zoom, drag, hover) is added separately by `attachNetworkInteractions`.
 */
export function networkGraph(layout: NetworkLayout, options: NetworkGraphOptions): SVGSVGElement {
  const doc = options.document ?? document;
  const svg = select(doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height)
    .attr('role', 'group')
    .attr('aria-label', options.ariaLabel)
    .attr('class', 'network-graph')
    .style('font-family', FONT_FAMILY)
    .style('max-width', '100%')
    .style('height', 'auto');
  const stage = svg.append('g').attr('class', 'stage');
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const maxRate = Math.max(1, ...layout.links.map((l) => l.perTownship));

  stage
    .append('g')
    .attr('class', 'links')
    .attr('fill', 'none')
    .selectAll('line')
    .data(layout.links)
    .join('line')
    .attr('class', (l) => `link link-${l.role}${l.extra ? ' link-extra' : ''}`)
    .attr('data-source', (l) => l.source)
    .attr('data-target', (l) => l.target)
    .attr('data-duties', (l) => l.duties)
    .attr('data-per-township', (l) => round2(l.perTownship))
    .attr('x1', (l) => byId.get(l.source)!.x)
    .attr('y1', (l) => byId.get(l.source)!.y)
    .attr('x2', (l) => byId.get(l.target)!.x)
    .attr('y2', (l) => byId.get(l.target)!.y)
    .attr('stroke', (l) => (l.role === 'lead' ? LEAD_COLOUR : RECEIVER_COLOUR))
    .attr('stroke-dasharray', (l) => (l.role === 'receiver' ? '4 3' : null))
    .attr('stroke-opacity', 0.4)
    .attr('stroke-width', (l) => linkWidth(l, maxRate) + (isLink(l, options.selectedLink) ? 2.5 : 0))
    .classed('selected', (l) => isLink(l, options.selectedLink));

  // Each link's target for the pointer and the keyboard: a transparent line wider than the drawn one
  // (a 1 px link is no target), above the links and below the nodes, so a node still wins where both lie.
  stage
    .append('g')
    .attr('class', 'link-hits')
    // The keyboard and screen readers reach a link through its key inside the department's node (addLinkKeys).
    .attr('aria-hidden', 'true')
    .attr('fill', 'none')
    .selectAll('line')
    .data(layout.links)
    .join('line')
    .attr('class', (l) => `link-hit${isLink(l, options.selectedLink) ? ' selected' : ''}`)
    .attr('data-source', (l) => l.source)
    .attr('data-target', (l) => l.target)
    .attr('data-role', (l) => l.role)
    .attr('data-department', (l) => l.department)
    .attr('data-unit', (l) => l.unit)
    .attr('x1', (l) => byId.get(l.source)!.x)
    .attr('y1', (l) => byId.get(l.source)!.y)
    .attr('x2', (l) => byId.get(l.target)!.x)
    .attr('y2', (l) => byId.get(l.target)!.y)
    .attr('stroke', 'transparent')
    .attr('stroke-width', (l) => Math.max(9, linkWidth(l, maxRate) + 6))
    .style('cursor', 'pointer');

  const nodes = stage
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, NetworkNode>('g')
    .data(layout.nodes)
    .join('g')
    .attr(
      'class',
      (n) =>
        `node ${n.type === 'unit' ? `node-unit node-${n.level}` : 'node-department'}${n.label === options.selected ? ' selected' : ''}`,
    )
    .attr('data-id', (n) => n.id)
    .attr('data-key', (n) => n.key)
    .attr('data-label', (n) => n.label)
    .attr('data-imported', (n) => (n.mark ? '' : null))
    .attr('data-weight', (n) => n.weight)
    // The figures a tooltip states, for tests to check against the database.
    .attr('data-townships', (n) => n.unit?.townships ?? null)
    .attr('data-led', (n) => n.unit?.led ?? n.department?.led ?? null)
    .attr('data-units', (n) => n.department?.units ?? null)
    .attr('data-per-township', (n) => round2(n.unit?.perTownship ?? n.department?.perTownship ?? 0));
  nodes
    .filter((n) => n.type === 'department')
    .append('circle')
    .attr('cx', (n) => n.x)
    .attr('cy', (n) => n.y)
    .attr('r', (n) => n.radius)
    .attr('fill', DEPARTMENT_COLOUR)
    .style('stroke', (n) => (n.label === options.selected ? 'var(--ink)' : HALO))
    .attr('stroke-width', (n) => (n.label === options.selected ? 3 : 1));
  nodes
    .filter((n) => n.type === 'unit')
    .append('rect')
    .attr('x', (n) => n.x - n.radius)
    .attr('y', (n) => n.y - n.radius)
    .attr('width', (n) => n.radius * 2)
    .attr('height', (n) => n.radius * 2)
    .attr('rx', 3)
    .style('fill', TOWNSHIP_COLOUR)
    // A unit of the reader's own data: a dashed ring in the imported colour, as the filter bar's chip is dashed.
    .style('stroke', (n) => (n.mark ? IMPORTED_COLOUR : null))
    .attr('stroke-width', (n) => (n.mark ? 3 : null))
    .attr('stroke-dasharray', (n) => (n.mark ? '4 2' : null));
  // Labels sit in their own layer above every node, so no later circle paints over a label.
  stage
    .append('g')
    .attr('class', 'labels')
    .attr('pointer-events', 'none')
    .selectAll('text')
    .data(layout.nodes)
    .join('text')
    .attr('class', (n) => (n.labelBox ? 'label' : 'label hover-only'))
    .attr('data-id', (n) => n.id)
    .attr('x', (n) => n.labelBox?.tx ?? n.x + n.radius + 4)
    .attr('y', (n) => n.labelBox?.ty ?? n.y + 4)
    .attr('text-anchor', (n) => n.labelBox?.anchor ?? 'start')
    .attr('font-size', (n) => n.labelBox?.size ?? (n.type === 'unit' ? 15 : 13))
    .attr('font-weight', (n) => (n.type === 'unit' ? 700 : 400))
    .style('fill', 'var(--ink)')
    .attr('paint-order', 'stroke')
    .style('stroke', HALO)
    .attr('stroke-width', 3)
    .attr('stroke-linejoin', 'round')
    .attr('visibility', (n) => (n.labelBox ? 'visible' : 'hidden'))
    .each(function (n) {
      writeMarked(this as SVGTextElement, n.label, n.mark);
    });
  nodes.style('cursor', 'pointer');

  drawLegend(svg, options.legend);
  return svg.node()!;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const linkWidth = (l: NetworkLink, maxRate: number) => 0.6 + 4 * Math.sqrt(l.perTownship / maxRate);

/** The legend's backing: wide enough for its longest label (12 px, after a 20 px swatch). */
const legendWidth = (legend: NetworkGraphOptions['legend']) =>
  Math.max(210, ...Object.values(legend).map((label) => (label ? 24 + textWidth(label, 12) : 0)));

/** The corner the legend takes, for the layout to keep nodes and labels out of. */
export function legendArea(legend: NetworkGraphOptions['legend']): Rect {
  const rows = 3 + (legend.receiver ? 1 : 0) + (legend.imported ? 1 : 0);
  return { x: 0, y: 0, width: legendWidth(legend) + 12, height: rows * 18 + 14 };
}

function drawLegend(svg: Selection<SVGSVGElement, unknown, null, undefined>, legend: NetworkGraphOptions['legend']) {
  const g = svg.append('g').attr('class', 'legend').attr('transform', 'translate(8,14)').attr('font-size', 12).style('fill', 'var(--ink)');
  const rows: [string, (row: Selection<SVGGElement, unknown, null, undefined>) => void][] = [
    [
      legend.township,
      (r) => r.append('rect').attr('x', 0).attr('y', -6).attr('width', 12).attr('height', 12).attr('rx', 2).style('fill', TOWNSHIP_COLOUR),
    ],
    [legend.department, (r) => r.append('circle').attr('cx', 6).attr('cy', 0).attr('r', 6).attr('fill', DEPARTMENT_COLOUR)],
    [legend.lead, (r) => r.append('line').attr('x1', 0).attr('x2', 14).attr('stroke', LEAD_COLOUR).attr('stroke-width', 3)],
  ];
  if (legend.receiver)
    rows.push([
      legend.receiver,
      (r) =>
        r
          .append('line')
          .attr('x1', 0)
          .attr('x2', 14)
          .attr('stroke', RECEIVER_COLOUR)
          .attr('stroke-width', 3)
          .attr('stroke-dasharray', '4 3'),
    ]);
  if (legend.imported)
    rows.push([
      legend.imported,
      (r) =>
        r
          .append('rect')
          .attr('x', 1)
          .attr('y', -5)
          .attr('width', 10)
          .attr('height', 10)
          .attr('rx', 2)
          .style('fill', TOWNSHIP_COLOUR)
          .style('stroke', IMPORTED_COLOUR)
          .attr('stroke-width', 2)
          .attr('stroke-dasharray', '3 1.5'),
    ]);
  // A light backing keeps the legend readable where a peripheral node or link passes under it.
  g.append('rect')
    .attr('x', -4)
    .attr('y', -10)
    .attr('width', legendWidth(legend))
    .attr('height', rows.length * 18 + 4)
    .style('fill', HALO)
    .attr('fill-opacity', 0.85);
  rows.forEach(([label, draw], i) => {
    const row = g.append('g').attr('transform', `translate(0,${i * 18})`);
    draw(row);
    row.append('text').attr('x', 20).attr('y', 4).text(label);
  });
}

export interface NetworkInteractions {
  onSelect: (node: NetworkNode) => void;
  onHover?: (node: NetworkNode | null, event: Event) => void;
  /** The accessible name of a node, e.g. '农业农村局：5个乡镇，68项配合事项'. */
  describe: (node: NetworkNode) => string;
  /** Label of the selected department: its edges and neighbours stay highlighted while nothing is hovered. */
  selected?: string | null;
  /** The edge whose detail is open: it and its two ends stay highlighted while nothing is hovered. */
  selectedLink?: SelectedLink | null;
  /** A link hovered or focused (null: left). */
  onHoverLink?: (link: NetworkLink | null, event: Event) => void;
  /** A click, Enter or Space on a link: open its detail. */
  onSelectLink?: (link: NetworkLink) => void;
  /** The accessible name of a link, e.g. '农业农村局 — 吉布库镇：牵头配合事项 12 项'. */
  describeLink?: (link: NetworkLink) => string;
}

/**
 * Zoom and pan on the whole graph, drag a node (its links follow; the layout is not re-run, so the
 * picture stays the one the seed gave), hover or focus to highlight a node's neighbours and show its
 * label, click or Enter to select.
 */
export function attachNetworkInteractions(svgElement: SVGSVGElement, layout: NetworkLayout, handlers: NetworkInteractions): void {
  const svg = select(svgElement);
  const stage = svg.select<SVGGElement>('g.stage');
  svg.call(
    zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, 6])
      .on('zoom', (event) => stage.attr('transform', event.transform.toString())),
  );
  const neighbours = new Map<string, Set<string>>();
  for (const l of layout.links) {
    for (const [a, b] of [
      [l.source, l.target],
      [l.target, l.source],
    ]) {
      const set = neighbours.get(a) ?? new Set([a]);
      set.add(b);
      neighbours.set(a, set);
    }
  }
  const nodeSel = stage.selectAll<SVGGElement, NetworkNode>('g.node');
  const linkSel = stage.selectAll<SVGLineElement, NetworkLink>('line.link');
  const hitSel = stage.selectAll<SVGLineElement, NetworkLink>('line.link-hit');
  const labelSel = stage.selectAll<SVGTextElement, NetworkNode>('g.labels text');

  const highlight = (node: NetworkNode | null) => {
    const near = node ? (neighbours.get(node.id) ?? new Set([node.id])) : null;
    nodeSel.attr('opacity', (n) => (!near || near.has(n.id) ? 1 : 0.15));
    labelSel.attr('opacity', (n) => (!near || near.has(n.id) ? 1 : 0.15));
    labelSel.attr('visibility', (n) =>
      n.labelBox || (near && near.has(n.id) && (n === node || n.type === 'unit')) ? 'visible' : 'hidden',
    );
    linkSel.attr('stroke-opacity', (l) => (!node ? 0.4 : l.source === node.id || l.target === node.id ? 0.9 : 0.05));
  };
  /** One link and its two ends, the rest faded: a link hovered or focused, or the one whose detail is open. */
  const highlightLink = (link: NetworkLink) => {
    const ends = new Set([link.source, link.target]);
    nodeSel.attr('opacity', (n) => (ends.has(n.id) ? 1 : 0.15));
    labelSel.attr('opacity', (n) => (ends.has(n.id) ? 1 : 0.15));
    labelSel.attr('visibility', (n) => (n.labelBox || ends.has(n.id) ? 'visible' : 'hidden'));
    linkSel.attr('stroke-opacity', (l) => (l === link ? 1 : l.source === link.source ? 0.3 : 0.05));
  };

  // At rest the open edge, else the selected department, shows itself, so the selection reads without hovering.
  const selectedNode = layout.nodes.find((n) => n.type === 'department' && n.label === handlers.selected) ?? null;
  const selectedLink = layout.links.find((l) => isLink(l, handlers.selectedLink)) ?? null;
  const rest = () => (selectedLink ? highlightLink(selectedLink) : highlight(selectedNode));
  rest();

  if (handlers.onSelectLink) {
    const open = handlers.onSelectLink;
    // Where links crowd (into a township, through the middle) their wide targets overlap, and the one
    // drawn last would take every click: the pointer gets the link nearest to it instead.
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    const nearest = (event: MouseEvent, fallback: NetworkLink) => {
      const [x, y] = pointer(event, stage.node());
      let best = fallback;
      let bestDistance = Infinity;
      for (const l of layout.links) {
        const d = distanceToSegment(x, y, byId.get(l.source)!, byId.get(l.target)!);
        if (d < bestDistance) [best, bestDistance] = [l, d];
      }
      return best;
    };
    let hovered: NetworkLink | null = null;
    hitSel
      .on('click', (event, l) => open(nearest(event, l)))
      .on('mousemove', (event, l) => {
        const link = nearest(event, l);
        if (link === hovered) return;
        hovered = link;
        highlightLink(link);
        handlers.onHoverLink?.(link, event);
      })
      .on('mouseleave', (event) => {
        hovered = null;
        rest();
        handlers.onHoverLink?.(null, event);
      });
    addLinkKeys(svg, layout, selectedNode, selectedLink, {
      describe: handlers.describeLink ?? ((l) => `${l.department} — ${l.unit}`),
      open,
      focus: (l, event) => {
        highlightLink(l);
        handlers.onHoverLink?.(l, event);
      },
      blur: (event) => {
        rest();
        handlers.onHoverLink?.(null, event);
      },
    });
  }

  nodeSel.each(function (n) {
    activatable(this, handlers.describe(n), () => handlers.onSelect(n));
  });
  nodeSel
    .on('mouseenter focus', (event, n) => {
      highlight(n);
      handlers.onHover?.(n, event);
    })
    .on('mouseleave blur', (event) => {
      rest();
      handlers.onHover?.(null, event);
    });

  nodeSel.call(
    drag<SVGGElement, NetworkNode>()
      .clickDistance(4)
      .on('drag', function (event, n) {
        const dx = event.x - n.x;
        const dy = event.y - n.y;
        n.x = event.x;
        n.y = event.y;
        const g = select(this);
        g.select('circle').attr('cx', n.x).attr('cy', n.y);
        g.select('rect')
          .attr('x', n.x - n.radius)
          .attr('y', n.y - n.radius);
        const text = labelSel.filter((m) => m === n);
        text.attr('x', Number(text.attr('x')) + dx).attr('y', Number(text.attr('y')) + dy);
        for (const lines of [linkSel, hitSel, stage.selectAll<SVGLineElement, NetworkLink>('line.link-key')]) {
          lines
            .filter((l) => l.source === n.id)
            .attr('x1', n.x)
            .attr('y1', n.y);
          lines
            .filter((l) => l.target === n.id)
            .attr('x2', n.x)
            .attr('y2', n.y);
        }
      }),
  );
}

/**
 * The links' keyboard targets: for the links the reader is looking at — the selected department's and
 * the open one — an invisible line inside the department's node, right after it in the tab order:
 * Tab from a department reaches its links, Enter or Space opens one. Only those: every link a tab stop
 * would put hundreds between the graph and the table beside it; the rest stay a click away, and a
 * department is one Enter away from its links. Inside the node they take no pointer (the node's drag
 * and click stay its own) and keep their keys to themselves.
 */
function addLinkKeys(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  layout: NetworkLayout,
  selectedNode: NetworkNode | null,
  selectedLink: NetworkLink | null,
  on: {
    describe: (l: NetworkLink) => string;
    open: (l: NetworkLink) => void;
    focus: (l: NetworkLink, e: Event) => void;
    blur: (e: Event) => void;
  },
): void {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const reachable = layout.links.filter((l) => l.source === selectedNode?.id || l === selectedLink);
  for (const l of reachable) {
    const node = svg.select<SVGGElement>(`g.node[data-id="${CSS.escape(l.source)}"]`);
    if (node.empty()) continue;
    const [a, b] = [byId.get(l.source)!, byId.get(l.target)!];
    const key = node
      .append('line')
      .datum(l)
      .attr('class', 'link-key')
      .attr('data-source', l.source)
      .attr('data-target', l.target)
      .attr('data-role', l.role)
      .attr('data-department', l.department)
      .attr('data-unit', l.unit)
      .attr('x1', a.x)
      .attr('y1', a.y)
      .attr('x2', b.x)
      .attr('y2', b.y)
      .attr('stroke', 'transparent')
      .attr('stroke-width', 6)
      .attr('pointer-events', 'none')
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', on.describe(l));
    key
      .on('keydown', (event: KeyboardEvent) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        event.stopPropagation();
        on.open(l);
      })
      .on('focus', (event) => on.focus(l, event))
      .on('blur', (event) => on.blur(event));
  }
}

/** Distance from (x, y) to the segment between two nodes' centres. */
function distanceToSegment(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / length2)) : 0;
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}
