import { forceSimulation, forceLink, forceManyBody, forceCollide, forceX, forceY, randomLcg, type SimulationNodeDatum } from 'd3';
import type { DepartmentEdgeRow, EdgeRole } from '../queries/network';
import { textWidth } from './text-width';

export interface NetworkNode {
  id: string;
  type: 'township' | 'department';
  label: string;
  /** Department kind (for the departmentKinds filter); the township id for townships. */
  key: string;
  /** Department: 配合 duties it leads (what townships rely on it for); township: duties on its edges. */
  weight: number;
  receives: number;
  townships: number;
  radius: number;
  x: number;
  y: number;
  /** Where its label sits, or null when it is shown on hover only. */
  labelBox: LabelBox | null;
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
}

export interface NetworkLink {
  source: string;
  target: string;
  role: EdgeRole;
  duties: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
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

const townshipId = (id: string) => `t:${id}`;
const departmentId = (name: string) => `d:${name}`;

/**
 * A pure, seeded force layout: the same rows and options give the same positions. Townships are pinned
 * on a pentagon (or regular polygon) so each department settles between the townships that rely on
 * it: a department every township needs sits in the middle, one township's own partner near it.
 */
export function networkLayout(rows: DepartmentEdgeRow[], options: NetworkLayoutOptions): NetworkLayout {
  const { width, height, seed = 42, ticks = 300, alwaysLabel = 12, fontSize = 13, margin = 16, reserved = [] } = options;
  const nodes = new Map<string, NetworkNode>();
  const links: NetworkLink[] = [];
  const blank = { x: 0, y: 0, radius: 0, labelBox: null, weight: 0, receives: 0, townships: 0 };
  const departmentTownships = new Map<string, Set<string>>();
  for (const r of rows) {
    const t = townshipId(r.unit);
    const d = departmentId(r.department);
    if (!nodes.has(t)) nodes.set(t, { ...blank, id: t, type: 'township', label: r.unitName, key: r.unit });
    if (!nodes.has(d)) nodes.set(d, { ...blank, id: d, type: 'department', label: r.department, key: r.kind });
    const dn = nodes.get(d)!;
    const tn = nodes.get(t)!;
    if (r.role === 'lead') dn.weight += r.duties;
    else dn.receives += r.duties;
    tn.weight += r.duties;
    const reached = departmentTownships.get(d) ?? new Set();
    reached.add(t);
    departmentTownships.set(d, reached);
    links.push({ source: d, target: t, role: r.role, duties: r.duties });
  }
  for (const [d, reached] of departmentTownships) nodes.get(d)!.townships = reached.size;

  const all = [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  const townships = all.filter((n) => n.type === 'township');
  const departments = all.filter((n) => n.type === 'department');
  const maxWeight = Math.max(1, ...departments.map((n) => n.weight + n.receives));
  const scale = Math.min(width, height);
  for (const n of departments) n.radius = 3 + 13 * Math.sqrt((n.weight + n.receives) / maxWeight) * (scale / 600);
  for (const n of townships) n.radius = 11 * Math.max(0.8, scale / 600);

  const cx = width / 2;
  const cy = height / 2;
  const ring = scale * 0.37;
  const simNodes: SimNode[] = all.map((node) => ({ node }));
  const byId = new Map(simNodes.map((s) => [s.node.id, s]));
  townships.forEach((t, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / townships.length;
    const s = byId.get(t.id)!;
    s.fx = cx + ring * Math.cos(angle) * (width / scale);
    s.fy = cy + ring * Math.sin(angle);
  });
  const maxDuties = Math.max(1, ...links.map((l) => l.duties));
  const simLinks = links.map((l) => ({ source: byId.get(l.source)!, target: byId.get(l.target)!, duties: l.duties }));

  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(randomLcg(seed))
    .force(
      'link',
      forceLink<SimNode, (typeof simLinks)[number]>(simLinks)
        // Shorter links when departments are shown as written: ~180 single-township satellites.
        .distance(ring * (departments.length > 100 ? 0.42 : 0.55))
        .strength((l) => 0.05 + 0.4 * (l.duties / maxDuties)),
    )
    .force(
      'charge',
      // Repulsion scaled down as departments multiply (names as written: ~180), so the cloud stays in frame.
      forceManyBody<SimNode>()
        .strength(-110 * Math.min(1, 70 / Math.max(1, departments.length)))
        .distanceMax(ring * 1.2),
    )
    // Room between circles for a label to fit beside a node in the crowded centre.
    .force('collide', forceCollide<SimNode>((s) => s.node.radius + 10).iterations(3))
    .force('bounds', forceBounds(width, height, margin, reserved))
    .force('x', forceX<SimNode>(cx).strength(0.02))
    .force('y', forceY<SimNode>(cy).strength(0.02))
    .stop();
  simulation.tick(ticks);

  for (const s of simNodes) {
    const r = s.node.radius;
    s.node.x = Math.max(margin + r, Math.min(width - margin - r, s.x ?? cx));
    s.node.y = Math.max(margin + r, Math.min(height - margin - r, s.y ?? cy));
    // A node the simulation left in a reserved area goes just below it.
    for (const area of reserved)
      if (s.node.x + r > area.x && s.node.x - r < area.x + area.width && s.node.y + r > area.y && s.node.y - r < area.y + area.height)
        s.node.y = area.y + area.height + r + 2;
  }
  placeLabels(all, { width, height, alwaysLabel, fontSize, reserved });
  return { width, height, nodes: all, links };
}

/**
 * Pushes nodes back inside the frame during the simulation, so that crowded clusters spread along the
 * edge instead of being clamped onto it afterwards (where they would pile up on one line).
 */
function forceBounds(width: number, height: number, margin: number, reserved: Rect[]) {
  let nodes: SimNode[] = [];
  const force = (alpha: number) => {
    for (const s of nodes) {
      const r = s.node.radius + margin;
      const x = s.x ?? 0;
      const y = s.y ?? 0;
      if (x < r) s.vx = (s.vx ?? 0) + (r - x) * alpha;
      if (x > width - r) s.vx = (s.vx ?? 0) - (x - width + r) * alpha;
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
 * label and of every other node's circle. For townships and the `alwaysLabel` heaviest departments,
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
  }: { width: number; height: number; alwaysLabel: number; fontSize: number; reserved?: Rect[] },
): void {
  const townships = nodes.filter((n) => n.type === 'township');
  const order = [
    ...townships,
    ...nodes
      .filter((n) => n.type === 'department')
      .sort((a, b) => b.weight + b.receives - (a.weight + a.receives) || a.id.localeCompare(b.id)),
  ];
  const placed: LabelBox[] = [];
  order.forEach((n, rank) => {
    n.labelBox = null;
    const isTownship = n.type === 'township';
    const departmentRank = rank - townships.length;
    const priority = isTownship || departmentRank < alwaysLabel;
    // Beyond that, only the moderately heavy try for a label: every name written is a hairball again.
    if (!priority && departmentRank >= alwaysLabel * 2) return;
    const size = isTownship ? fontSize + 2 : fontSize;
    const w = textWidth(n.label, size) + 4;
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
    });
    const near = ring(n.radius + 3);
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
    if (!fits && (isTownship || departmentRank < alwaysLabel)) {
      // A heavy department keeps its label in a crowd: the small circles under it step aside (just
      // above or below the label, where no placed label is). If one cannot, the label goes unplaced.
      for (const b of [...near, ...further].filter((b) => free(b, townships))) {
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
                reserved.every((area) => !circleHitsBox(moved, { ...area, anchor: 'start', tx: 0, ty: 0 })),
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
