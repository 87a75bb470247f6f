import { describe, it, expect } from 'vitest';
import { networkLayout as layoutOf, type LabelBox, type NetworkLayoutOptions } from '../../../src/lib/charts/network-layout';
import { departmentNetwork, type DepartmentEdgeRow } from '../../../src/lib/queries/network';
import { syntheticEdges } from './fixtures';

/** The five fixture townships' network, every edge drawn (as the view gives it at township level). */
const networkLayout = (rows: DepartmentEdgeRow[], options: NetworkLayoutOptions) =>
  layoutOf(departmentNetwork(rows, { level: 'township', unitOrder: [], unitTownships: new Map() }), options);

const overlap = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('networkLayout', () => {
  const options = { width: 820, height: 560, seed: 7 };

  it('is deterministic: the same seed gives the same positions', () => {
    const a = networkLayout(syntheticEdges(), options);
    const b = networkLayout(syntheticEdges(), options);
    expect(a.nodes.map((n) => [n.id, n.x, n.y])).toEqual(b.nodes.map((n) => [n.id, n.x, n.y]));
    expect(a.nodes.map((n) => n.labelBox)).toEqual(b.nodes.map((n) => n.labelBox));
  });

  it('gives a different picture for a different seed only where randomness matters, never NaN', () => {
    const c = networkLayout(syntheticEdges(), { ...options, seed: 8 });
    for (const n of c.nodes) {
      expect(Number.isFinite(n.x)).toBe(true);
      expect(Number.isFinite(n.y)).toBe(true);
    }
  });

  it('has one node per township and department, and one link per edge row', () => {
    const rows = syntheticEdges(true);
    const layout = networkLayout(rows, options);
    expect(layout.nodes.filter((n) => n.type === 'unit')).toHaveLength(5);
    expect(layout.nodes.filter((n) => n.type === 'department')).toHaveLength(60);
    expect(layout.links).toHaveLength(rows.length);
    expect(layout.links.some((l) => l.role === 'receiver')).toBe(true);
  });

  it('labels every township and the heaviest departments, with no two labels overlapping', () => {
    for (const size of [options, { width: 1280, height: 720 }, { width: 640, height: 480 }]) {
      const layout = networkLayout(syntheticEdges(true), size);
      const labelled = layout.nodes.filter((n) => n.labelBox);
      expect(layout.nodes.filter((n) => n.type === 'unit').every((n) => n.labelBox)).toBe(true);
      expect(labelled.length).toBeGreaterThanOrEqual(5 + 8);
      for (let i = 0; i < labelled.length; i++)
        for (let j = i + 1; j < labelled.length; j++)
          expect(overlap(labelled[i].labelBox!, labelled[j].labelBox!), `${labelled[i].label} / ${labelled[j].label}`).toBe(false);
      for (const n of labelled) {
        const box = n.labelBox!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      }
    }
  });

  it('keeps every node inside the frame and sizes departments by the duties they lead', () => {
    const layout = networkLayout(syntheticEdges(), options);
    for (const n of layout.nodes) {
      expect(n.x - n.radius).toBeGreaterThanOrEqual(0);
      expect(n.y + n.radius).toBeLessThanOrEqual(options.height);
    }
    const departments = layout.nodes.filter((n) => n.type === 'department').sort((a, b) => b.weight - a.weight);
    expect(departments[0].radius).toBeGreaterThan(departments[departments.length - 1].radius);
    expect(departments[0].label).toBe('农业农村局');
    expect(departments[0].townships).toBe(5);
  });

  it('puts a department every township relies on nearer the centre than a one-township department', () => {
    const layout = networkLayout(syntheticEdges(), options);
    const dist = (label: string) => {
      const n = layout.nodes.find((m) => m.label === label)!;
      return Math.hypot(n.x - options.width / 2, n.y - options.height / 2);
    };
    expect(dist('农业农村局')).toBeLessThan(dist('疾控中心'));
  });
});
