/**
 * d3-force's many-body and collision forces computed pair by pair instead of through a quadtree.
 * The network graph has at most a few hundred nodes, and at that size building and walking a
 * quadtree every tick costs more than visiting every pair: 300 ticks of 53 nodes took 30–110 ms with
 * d3's forces and 5–11 ms with these in Node. The formulas are d3's (many-body with theta 0, so
 * without the Barnes–Hut approximation; collision with strength 1), so layouts keep their shape.
 */
import type { SimulationNodeDatum } from 'd3';

interface Force<N extends SimulationNodeDatum> {
  (alpha: number): void;
  initialize(nodes: N[], random: () => number): void;
}

/** d3's jiggle: a tiny random offset, so coincident nodes separate in a seeded direction. */
const jiggle = (random: () => number) => (random() - 0.5) * 1e-6;

/** Pairwise repulsion (or attraction) of strength(node), as d3.forceManyBody().theta(0).distanceMax(max). */
export function exactManyBody<N extends SimulationNodeDatum>(strength: (node: N) => number, distanceMax = Infinity): Force<N> {
  let nodes: N[] = [];
  let strengths = new Float64Array(0);
  let random: () => number = Math.random;
  const distanceMax2 = distanceMax * distanceMax;
  const force = ((alpha: number) => {
    const n = nodes.length;
    for (let i = 0; i < n; i++) {
      const node = nodes[i];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const other = nodes[j];
        let x = other.x! - node.x!;
        let y = other.y! - node.y!;
        let l = x * x + y * y;
        if (l >= distanceMax2) continue;
        if (x === 0) {
          x = jiggle(random);
          l += x * x;
        }
        if (y === 0) {
          y = jiggle(random);
          l += y * y;
        }
        if (l < 1) l = Math.sqrt(l); // d3's distanceMin of 1
        const w = (strengths[j] * alpha) / l;
        node.vx! += x * w;
        node.vy! += y * w;
      }
    }
  }) as Force<N>;
  force.initialize = (all, seeded) => {
    nodes = all;
    random = seeded;
    strengths = Float64Array.from(all, (node) => strength(node));
  };
  return force;
}

/** Pairwise separation of circles of radius(node), as d3.forceCollide(radius).iterations(iterations). */
export function exactCollide<N extends SimulationNodeDatum>(radius: (node: N) => number, iterations = 1): Force<N> {
  let nodes: N[] = [];
  let radii = new Float64Array(0);
  let random: () => number = Math.random;
  // Without alpha: d3's collision ignores it too.
  const force = (() => {
    const n = nodes.length;
    for (let k = 0; k < iterations; k++) {
      for (let i = 0; i < n; i++) {
        const node = nodes[i];
        const ri = radii[i];
        const ri2 = ri * ri;
        const xi = node.x! + node.vx!;
        const yi = node.y! + node.vy!;
        for (let j = i + 1; j < n; j++) {
          const other = nodes[j];
          const rj = radii[j];
          let r = ri + rj;
          let x = xi - other.x! - other.vx!;
          let y = yi - other.y! - other.vy!;
          let l = x * x + y * y;
          if (l >= r * r) continue;
          if (x === 0) {
            x = jiggle(random);
            l += x * x;
          }
          if (y === 0) {
            y = jiggle(random);
            l += y * y;
          }
          l = Math.sqrt(l);
          l = (r - l) / l;
          x *= l;
          y *= l;
          r = (rj * rj) / (ri2 + rj * rj); // the smaller circle moves more
          node.vx! += x * r;
          node.vy! += y * r;
          other.vx! -= x * (1 - r);
          other.vy! -= y * (1 - r);
        }
      }
    }
  }) as (alpha: number) => void as Force<N>;
  force.initialize = (all, seeded) => {
    nodes = all;
    random = seeded;
    radii = Float64Array.from(all, (node) => radius(node));
  };
  return force;
}
