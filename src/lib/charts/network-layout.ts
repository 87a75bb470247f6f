import { forceSimulation, forceLink, forceX, forceY, randomLcg, type SimulationNodeDatum } from 'd3';
import { exactCollide, exactManyBody } from './exact-forces';
import type { DepartmentNetwork, EdgeRole, NetworkDepartment, NetworkUnit } from '../queries/network';
import type { PlaceLevel } from '../queries/places';
import { textWidth } from './text-width';

export interface NetworkNode {
  id: string;
  /** A unit (township, county or prefecture: see `level`) or a department (a kind, or a name as written). */
  type: 'unit' | 'department';
  level: PlaceLevel | null;
  label: string;
  /** Written after the label in the imported colour: （导入） for a unit holding the reader's own lists; '' for the rest. */
  mark: string;
  /** Department kind (for the departmentKinds filter); the unit's place key for units. */
  key: string;
  /** Department: 配合 duties it leads (what townships rely on it for); unit: duties on its edges. */
  weight: number;
  receives: number;
  /** Department: units it is linked to. */
  townships: number;
  radius: number;
  x: number;
  y: number;
  /** Where its label sits, or null when it is shown on hover only. */
  labelBox: LabelBox | null;
  /** The figures behind the node, for its tooltip and data attributes. */
  unit: NetworkUnit | null;
  department: NetworkDepartment | null;
}

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  anchor: 'start' | 'end' | 'middle';
  /** Text baseline position. */
  tx: number;
  ty: number;
  /** Font size (px). */
  size: number;
}

export interface NetworkLink {
  source: string;
  target: string;
  /** The edge's department (a kind, or a name as written) and unit key: what the URL names it by. */
  department: string;
  unit: string;
  role: EdgeRole;
  duties: number;
  /** Steps of each side in those duties (the edge's detail lists them). */
  townshipSteps: number;
  departmentSteps: number;
  /** Duties per township of the unit: what the link's width and pull stand for. */
  perTownship: number;
  /** Drawn only (a selected department's links beyond the strongest), not part of the layout. */
  extra: boolean;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** How the units were pinned: on a regular polygon (few), or in two columns (many). */
  pinning: 'ring' | 'columns';
  nodes: NetworkNode[];
  links: NetworkLink[];
}

export interface NetworkLayoutOptions {
  width: number;
  height: number;
  seed?: number;
  ticks?: number;
  /** Departments labelled always (the heaviest first); more are labelled where room is left. */
  alwaysLabel?: number;
  fontSize?: number;
  /** Clear space between nodes and the frame's edge. */
  margin?: number;
  /** Areas no node or label may cover (the legend drawn in a corner of the graph). */
  reserved?: Rect[];
  /**
   * The mark after a unit's label, by unit key (（导入）, （含导入）): part of the label's width when
   * labels are placed. A plain object, so the options cross to the layout worker and key its cache as JSON.
   */
  unitMarks?: Readonly<Record<string, string>>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface SimNode extends SimulationNodeDatum {
  index?: number;
  node: NetworkNode;
}

/** Up to this many units sit on a regular polygon; past it, in two columns whose labels face outwards. */
export const RING_UNITS = 8;

/** Node ids: a unit's by its place key, a department's by its name (kind or as written). */
export const unitId = (key: string) => `t:${key}`;
export const departmentId = (name: string) => `d:${name}`;

/**
 * A pure, seeded force layout: the same network and options give the same positions. Units are pinned
 * — on a pentagon (or regular polygon) when few, else in two columns left and right with their labels
 * outside — so each department settles between the units that rely on it: a department every unit
 * needs sits in the middle, one unit's own partner near it.
 */
export function networkLayout(network: DepartmentNetwork, options: NetworkLayoutOptions): NetworkLayout {
  const { width, height, seed = 42, ticks = 300, alwaysLabel = 12, fontSize = 13, margin = 16, reserved = [], unitMarks = {} } = options;
  const blank = { x: 0, y: 0, radius: 0, labelBox: null, unit: null, department: null, mark: '' };
  const linkedUnits = new Set(network.edges.map((e) => e.unit));
  const unitNodes = network.units
    .filter((u) => linkedUnits.has(u.key))
    .map((u): NetworkNode => ({
      ...blank,
      id: unitId(u.key),
      type: 'unit',
      level: network.level,
      label: u.name,
      mark: unitMarks[u.key] ?? '',
      key: u.key,
      weight: u.led + u.received,
      receives: 0,
      townships: 0,
      unit: u,
    }));
  const departmentNodes = network.departments.map((d): NetworkNode => ({
    ...blank,
    id: departmentId(d.name),
    type: 'department',
    level: null,
    label: d.name,
    key: d.kind,
    weight: d.led,
    receives: d.received,
    townships: d.units,
    department: d,
  }));
  const links = linksOf(network);

  const all = [...unitNodes, ...departmentNodes].sort((a, b) => a.id.localeCompare(b.id));
  const units = all.filter((n) => n.type === 'unit');
  const departments = all.filter((n) => n.type === 'department');
  const pinning = units.length <= RING_UNITS ? 'ring' : 'columns';
  const maxWeight = Math.max(1, ...departments.map((n) => n.weight + n.receives));
  const scale = Math.min(width, height);
  for (const n of departments) n.radius = 3 + 13 * Math.sqrt((n.weight + n.receives) / maxWeight) * (scale / 600);
  for (const n of units) n.radius = 11 * Math.max(0.8, scale / 600);

  const cx = width / 2;
  const cy = height / 2;
  const ring = scale * 0.37;
  const simNodes: SimNode[] = all.map((node) => ({ node }));
  const byId = new Map(simNodes.map((s) => [s.node.id, s]));
  /** Where departments may go left and right (between the columns). */
  let span = { left: 0, right: width, fontSize: fontSize + 2 };
  /** Each unit's label side, outwards from the columns. */
  const labelSide = new Map<NetworkNode, 'start' | 'end'>();
  if (pinning === 'ring') {
    units.forEach((t, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / units.length;
      const s = byId.get(t.id)!;
      s.fx = cx + ring * Math.cos(angle) * (width / scale);
      s.fy = cy + ring * Math.sin(angle);
    });
  } else {
    span = pinColumns(
      network.units.map((u) => byId.get(unitId(u.key))).filter((s) => s !== undefined),
      {
        width,
        height,
        margin,
        fontSize: fontSize + 2,
        reserved,
        labelSide,
      },
    );
    // Start departments where they will settle: one unit's own (as written) just inside it, the
    // rest in the middle. From d3's default start (a spiral round the origin) a satellite may have
    // to cross the crowd in the middle, and some stay stranded there.
    const unitOf = new Map(links.filter((l) => !l.extra).map((l) => [l.source, byId.get(l.target)!]));
    const middle = (span.left + span.right) / 2;
    const beside = new Map<SimNode, number>();
    departments.forEach((d, i) => {
      const s = byId.get(d.id)!;
      const unit = unitOf.get(d.id);
      if (d.townships === 1 && unit?.fx !== undefined && unit.fx !== null) {
        const k = beside.get(unit) ?? 0;
        beside.set(unit, k + 1);
        s.x = unit.fx + (unit.fx < middle ? 1 : -1) * (40 + 12 * k);
        s.y = (unit.fy ?? cy) + (k % 2 ? 1 : -1) * 8 * k;
      } else {
        s.x = middle + 10 * Math.sqrt(i) * Math.cos(i * 2.4);
        s.y = cy + 10 * Math.sqrt(i) * Math.sin(i * 2.4);
      }
    });
  }
  const maxRate = Math.max(1, ...links.filter((l) => !l.extra).map((l) => l.perTownship));
  const simLinks = links
    .filter((l) => !l.extra)
    .map((l) => ({ source: byId.get(l.source)!, target: byId.get(l.target)!, perTownship: l.perTownship }));
  // Between columns, a department linked to both sides should be free to sit anywhere in the middle,
  // and one linked to a single unit (a department as written: one county's) stays beside it.
  const linkDistance =
    pinning === 'ring'
      ? () => ring * (departments.length > 100 ? 0.42 : 0.55)
      : (l: { source: SimNode }) => (l.source.node.townships > 1 ? (span.right - span.left) * 0.3 : 30 + l.source.node.radius);

  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(randomLcg(seed))
    .force(
      'link',
      forceLink<SimNode, (typeof simLinks)[number]>(simLinks)
        // Shorter links when departments are shown as written: ~180 single-township satellites.
        .distance(linkDistance)
        .strength((l) => (pinning === 'columns' && l.source.node.townships === 1 ? 0.7 : 0.05 + 0.4 * (l.perTownship / maxRate))),
    )
    .force(
      'charge',
      // Repulsion scaled down as departments multiply (names as written: ~180), so the cloud stays in frame.
      // Between columns a handful of departments would huddle in the middle: pushed apart harder, they
      // spread over the height and their links fan out instead of bundling.
      exactManyBody<SimNode>(
        (s) => -110 * Math.min(1, 70 / Math.max(1, departments.length)) * (pinning === 'ring' || s.node.townships === 1 ? 1 : 3),
        ring * 1.2,
      ),
    )
    // Room between circles for a label to fit beside a node in the crowded centre.
    .force(
      'collide',
      exactCollide<SimNode>((s) => s.node.radius + 10, 3),
    )
    .force('bounds', forceBounds(width, height, margin, reserved, pinning === 'ring' ? null : span))
    .force('x', forceX<SimNode>(cx).strength(0.02))
    .force('y', forceY<SimNode>(cy).strength(0.02))
    .stop();
  simulation.tick(ticks);

  for (const s of simNodes) {
    const r = s.node.radius;
    const [left, right] = s.node.type === 'department' && pinning === 'columns' ? [span.left, span.right] : [margin, width - margin];
    s.node.x = Math.max(left + r, Math.min(right - r, s.x ?? cx));
    s.node.y = Math.max(margin + r, Math.min(height - margin - r, s.y ?? cy));
    // A node the simulation left in a reserved area goes just below it.
    for (const area of reserved)
      if (s.node.x + r > area.x && s.node.x - r < area.x + area.width && s.node.y + r > area.y && s.node.y - r < area.y + area.height)
        s.node.y = area.y + area.height + r + 2;
  }
  placeLabels(all, { width, height, alwaysLabel, fontSize, reserved, labelSide, unitFontSize: span.fontSize });
  return { width, height, pinning, nodes: all, links };
}

/**
 * Pins units in two columns, the first half (display order) on the left, the rest on the right, each
 * evenly spaced down the height it has (the left one starts below the legend). The columns stand in
 * from the edges by the widest label, which goes outside. Returns the span left between them.
 */
function pinColumns(
  sims: SimNode[],
  {
    width,
    height,
    margin,
    fontSize,
    reserved,
    labelSide,
  }: { width: number; height: number; margin: number; fontSize: number; reserved: Rect[]; labelSide: Map<NetworkNode, 'start' | 'end'> },
): { left: number; right: number; fontSize: number } {
  const labelWidth = Math.min(width * 0.24, Math.max(...sims.map((s) => textWidth(s.node.label + s.node.mark, fontSize) + 4)));
  // The left column starts below the legend: it takes its share of the units by the height it has.
  const legendBottom = reservedBottom(reserved, margin + labelWidth);
  const heights = { end: height - 2 * margin - legendBottom, start: height - 2 * margin };
  const leftCount = Math.min(Math.floor(sims.length / 2), Math.round((sims.length * heights.end) / (heights.end + heights.start)));
  const columns = [
    { sims: sims.slice(0, leftCount), side: 'end' as const },
    { sims: sims.slice(leftCount), side: 'start' as const },
  ];
  const spacing = Math.min(...columns.map((c) => heights[c.side] / Math.max(1, c.sims.length)));
  const radius = Math.max(4, Math.min(sims[0]?.node.radius ?? 0, spacing * 0.3));
  // A label is its font size + 4 px high, and needs a pixel clear of the next.
  const labelSize = Math.max(10, Math.min(fontSize, Math.floor(spacing - 5)));
  const x = { end: margin + labelWidth + radius + 3, start: width - margin - labelWidth - radius - 3 };
  for (const { sims: column, side } of columns) {
    const top = margin + (side === 'end' ? legendBottom : 0);
    const step = heights[side] / Math.max(1, column.length);
    column.forEach((s, i) => {
      s.node.radius = radius;
      s.fx = x[side];
      s.fy = top + step * (i + 0.5);
      labelSide.set(s.node, side);
    });
  }
  // Departments keep clear of the columns by the largest circle's room.
  const room = 16 * Math.max(1, Math.min(width, height) / 600) + 6;
  return { left: x.end + radius + room, right: x.start - radius - room, fontSize: labelSize };
}

/** The lowest edge of the reserved areas that reach over `x` from the left (the legend), 0 if none. */
function reservedBottom(reserved: Rect[], x: number): number {
  return Math.max(0, ...reserved.filter((a) => a.x <= x).map((a) => a.y + a.height));
}

/**
 * Pushes nodes back inside the frame during the simulation, so that crowded clusters spread along the
 * edge instead of being clamped onto it afterwards (where they would pile up on one line).
 */
function forceBounds(width: number, height: number, margin: number, reserved: Rect[], span: { left: number; right: number } | null) {
  let nodes: SimNode[] = [];
  const force = (alpha: number) => {
    for (const s of nodes) {
      const r = s.node.radius + margin;
      const x = s.x ?? 0;
      const y = s.y ?? 0;
      // Between the columns, a department stays in the span they leave.
      const [left, right] = span && s.node.type === 'department' ? [span.left - margin, span.right + margin] : [0, width];
      if (x < left + r) s.vx = (s.vx ?? 0) + (left + r - x) * alpha;
      if (x > right - r) s.vx = (s.vx ?? 0) - (x - right + r) * alpha;
      if (y < r) s.vy = (s.vy ?? 0) + (r - y) * alpha;
      if (y > height - r) s.vy = (s.vy ?? 0) - (y - height + r) * alpha;
      // Out of a reserved area (the legend) by its nearer free side, right or below.
      const rr = s.node.radius + 4;
      for (const a of reserved) {
        if (x + rr <= a.x || x - rr >= a.x + a.width || y + rr <= a.y || y - rr >= a.y + a.height) continue;
        const right = a.x + a.width + rr - x;
        const below = a.y + a.height + rr - y;
        if (right < below) s.vx = (s.vx ?? 0) + right * alpha;
        else s.vy = (s.vy ?? 0) + below * alpha;
      }
    }
  };
  force.initialize = (n: SimNode[]) => {
    nodes = n;
  };
  return force;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a, pad = 1): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

function circleHitsBox(n: NetworkNode, box: LabelBox): boolean {
  const nx = Math.max(box.x, Math.min(n.x, box.x + box.width));
  const ny = Math.max(box.y, Math.min(n.y, box.y + box.height));
  return (n.x - nx) ** 2 + (n.y - ny) ** 2 < n.radius ** 2;
}

/**
 * Greedy label placement, heaviest first: try twelve positions around the node, then the same further
 * out; keep the first box that stays inside the frame, out of reserved areas, clear of every placed
 * label and of every other node's circle. For units and the `alwaysLabel` heaviest departments,
 * when no such box exists, up to two small circles under a box step just above or below it. A
 * department that finds no room is labelled on hover only, so labels never overlap each other or nodes.
 */
export function placeLabels(
  nodes: NetworkNode[],
  {
    width,
    height,
    alwaysLabel,
    fontSize,
    reserved = [],
    labelSide = new Map(),
    unitFontSize,
  }: {
    width: number;
    height: number;
    alwaysLabel: number;
    fontSize: number;
    reserved?: Rect[];
    /** A side to try first (a unit in a column: outwards). */
    labelSide?: ReadonlyMap<NetworkNode, 'start' | 'end'>;
    /** Units' labels, when not `fontSize + 2` (a column packed tighter than a label's height). */
    unitFontSize?: number;
  },
): void {
  const units = nodes.filter((n) => n.type === 'unit');
  const order = [
    ...units,
    ...nodes
      .filter((n) => n.type === 'department')
      .sort((a, b) => b.weight + b.receives - (a.weight + a.receives) || a.id.localeCompare(b.id)),
  ];
  const placed: LabelBox[] = [];
  order.forEach((n, rank) => {
    n.labelBox = null;
    const isUnit = n.type === 'unit';
    const departmentRank = rank - units.length;
    const priority = isUnit || departmentRank < alwaysLabel;
    // Beyond that, only the moderately heavy try for a label: every name written is a hairball again.
    if (!priority && departmentRank >= alwaysLabel * 2) return;
    const size = isUnit ? (unitFontSize ?? fontSize + 2) : fontSize;
    const w = textWidth(n.label + n.mark, size) + 4;
    const h = size + 4;
    const ring = (gap: number) => {
      const d = gap * 0.75;
      return [
        box(n.x + gap, n.y - h / 2, 'start'),
        box(n.x - gap - w, n.y - h / 2, 'end'),
        box(n.x - w / 2, n.y - gap - h, 'middle'),
        box(n.x - w / 2, n.y + gap, 'middle'),
        box(n.x + d, n.y - d - h, 'start'),
        box(n.x + d, n.y + d, 'start'),
        box(n.x - d - w, n.y - d - h, 'end'),
        box(n.x - d - w, n.y + d, 'end'),
        // Above and below, shifted sideways: room a centred box misses in a crowd.
        box(n.x - w * 0.15, n.y - gap - h, 'middle'),
        box(n.x - w * 0.85, n.y - gap - h, 'middle'),
        box(n.x - w * 0.15, n.y + gap, 'middle'),
        box(n.x - w * 0.85, n.y + gap, 'middle'),
      ];
    };
    const box = (x: number, y: number, anchor: LabelBox['anchor']): LabelBox => ({
      x,
      y,
      width: w,
      height: h,
      anchor,
      tx: anchor === 'start' ? x + 2 : anchor === 'end' ? x + w - 2 : x + w / 2,
      ty: y + h / 2 + size * 0.35,
      size,
    });
    const side = labelSide.get(n);
    const outwards = (boxes: LabelBox[]) =>
      side ? [...boxes.filter((b) => b.anchor === side), ...boxes.filter((b) => b.anchor !== side)] : boxes;
    const near = outwards(ring(n.radius + 3));
    const further = [...ring(n.radius + 3 + h * 0.6), ...ring(n.radius + 3 + h * 1.3)];
    const free = (b: LabelBox, blockers: NetworkNode[]) =>
      b.x >= 0 &&
      b.y >= 0 &&
      b.x + b.width <= width &&
      b.y + b.height <= height &&
      reserved.every((area) => !overlaps(area, b)) &&
      placed.every((p) => !overlaps(p, b)) &&
      blockers.every((other) => other === n || !circleHitsBox(other, b));
    let fits = [...near, ...further].find((b) => free(b, nodes));
    if (!fits && (isUnit || departmentRank < alwaysLabel)) {
      // A heavy department keeps its label in a crowd: the small circles under it step aside (just
      // above or below the label, where no placed label is). If one cannot, the label goes unplaced.
      for (const b of [...near, ...further].filter((b) => free(b, units))) {
        const under = nodes.filter((o) => o !== n && circleHitsBox(o, b));
        // A labelled department stays where its label is.
        if (under.some((o) => o.labelBox)) continue;
        const moves = under.map((o) => {
          const up = b.y - o.radius - 2;
          const down = b.y + b.height + o.radius + 2;
          const options = [up, down]
            .sort((p, q) => Math.abs(p - o.y) - Math.abs(q - o.y))
            .filter((y) => y - o.radius >= 8 && y + o.radius <= height - 8)
            .map((y) => ({ ...o, y }))
            .filter(
              (moved) =>
                placed.every((p) => !circleHitsBox(moved, p)) &&
                reserved.every((area) => !circleHitsBox(moved, { ...area, anchor: 'start', tx: 0, ty: 0, size: 0 })),
            );
          return { node: o, y: options[0]?.y };
        });
        if (moves.every((m) => m.y !== undefined) && moves.length <= 2) {
          for (const m of moves) m.node.y = m.y!;
          fits = b;
          break;
        }
      }
    }
    if (fits) {
      n.labelBox = fits;
      placed.push(fits);
    }
  });
}

/** What the layout is computed from: the network without the links that are drawn only. */
export function laidOut(network: DepartmentNetwork): DepartmentNetwork {
  return network.edges.some((e) => e.extra) ? { ...network, edges: network.edges.filter((e) => !e.extra) } : network;
}

/**
 * A layout with the links of `network` (a selected department's extra links included), positions
 * untouched: selecting a department shows all its links without laying the graph out again. Links
 * between nodes the layout does not hold are left out.
 */
export function withLinks(layout: NetworkLayout, network: DepartmentNetwork): NetworkLayout {
  const ids = new Set(layout.nodes.map((n) => n.id));
  return { ...layout, links: linksOf(network).filter((l) => ids.has(l.source) && ids.has(l.target)) };
}

function linksOf(network: DepartmentNetwork): NetworkLink[] {
  return network.edges.map((e) => ({
    source: departmentId(e.department),
    target: unitId(e.unit),
    department: e.department,
    unit: e.unit,
    role: e.role,
    duties: e.duties,
    townshipSteps: e.townshipSteps,
    departmentSteps: e.departmentSteps,
    perTownship: e.perTownship,
    extra: e.extra,
  }));
}
