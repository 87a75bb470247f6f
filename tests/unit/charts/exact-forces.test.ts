import { describe, expect, it } from 'vitest';
import { forceCollide, forceManyBody, randomLcg, type SimulationNodeDatum } from 'd3';
import { exactCollide, exactManyBody } from '../../../src/lib/charts/exact-forces';

interface Node extends SimulationNodeDatum {
  weight: number;
}

/**
 * Nodes scattered by a seeded generator over an area that grows with their number, some of them close
 * enough to collide. (Where many collide at once, d3's quadtree prunes pairs by where nodes were at the
 * start of an iteration, so its answer drifts from the exact one: the network is never that crowded.)
 */
function scatter(n: number, seed: number): Node[] {
  const random = randomLcg(seed);
  const spread = Math.sqrt(n / 53);
  return Array.from({ length: n }, (_, index) => ({
    index,
    x: random() * 300 * spread,
    y: random() * 200 * spread,
    vx: random() - 0.5,
    vy: random() - 0.5,
    weight: 1 + Math.floor(random() * 20),
  }));
}

/** Runs `force` once on a copy of `nodes` (as a simulation would: initialised, then one step) and returns the velocities. */
function step(nodes: Node[], force: { (alpha: number): void; initialize?: (nodes: Node[], random: () => number) => void }): number[] {
  const copy = nodes.map((n) => ({ ...n }));
  force.initialize!(copy, randomLcg(1));
  force(0.7);
  return copy.flatMap((n) => [n.vx!, n.vy!]);
}

describe('the network layout’s pairwise forces', () => {
  for (const n of [2, 53, 180]) {
    it(`repel as d3's many-body force without its approximation, at ${n} nodes`, () => {
      const nodes = scatter(n, n);
      const strength = (node: Node) => -10 * node.weight;
      const ours = step(nodes, exactManyBody(strength, 250));
      const d3s = step(nodes, forceManyBody<Node>().strength(strength).distanceMax(250).theta(0));
      expect(ours).toHaveLength(2 * n);
      ours.forEach((v, i) => expect(v).toBeCloseTo(d3s[i], 9));
      // Something moved: the test is not comparing two no-ops.
      expect(ours.some((v, i) => Math.abs(v - nodes[i >> 1][i % 2 ? 'vy' : 'vx']!) > 1e-3)).toBe(true);
    });

    it(`separate overlapping circles as d3's collision force, at ${n} nodes`, () => {
      const nodes = scatter(n, n + 1);
      const radius = (node: Node) => 4 + node.weight;
      const ours = step(nodes, exactCollide(radius, 3));
      const d3s = step(nodes, forceCollide<Node>(radius).iterations(3));
      ours.forEach((v, i) => expect(v).toBeCloseTo(d3s[i], 6));
    });
  }
});
