import { describe, it, expect } from 'vitest';
import {
  laidOut,
  networkLayout as layoutOf,
  withLinks,
  RING_UNITS,
  type LabelBox,
  type NetworkLayoutOptions,
} from '../../../src/lib/charts/network-layout';
import { answerLayout } from '../../../src/lib/charts/network-layout-worker';
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

describe('networkLayout past a few units', () => {
  /** `units` counties of three townships, each relying on a few of twelve kinds; one kind all rely on. */
  const manyUnits = (units: number) => {
    const rows: DepartmentEdgeRow[] = [];
    for (let i = 0; i < units; i++)
      for (let k = 0; k < 12; k++)
        if (k === 0 || (i + k) % 4 === 0)
          rows.push({
            department: `部门${k}局`,
            kind: `部门${k}局`,
            unit: `c${i}`,
            unitName: `第${i}号县市区`,
            role: 'lead',
            duties: 3 * (30 - k),
            townshipSteps: 0,
            departmentSteps: 0,
          });
    return departmentNetwork(rows, {
      level: 'county',
      unitOrder: Array.from({ length: units }, (_, i) => `c${i}`),
      unitTownships: new Map(Array.from({ length: units }, (_, i) => [`c${i}`, 3])),
    });
  };
  const legend = { x: 0, y: 0, width: 222, height: 68 };

  for (const units of [RING_UNITS + 1, 30, 34])
    it(`pins ${units} units in two columns, labelled outwards, departments between, nothing overlapping`, () => {
      const layout = layoutOf(manyUnits(units), { width: 846, height: 430, seed: 42, reserved: [legend] });
      expect(layout.pinning).toBe('columns');
      const unitNodes = layout.nodes.filter((n) => n.type === 'unit');
      const xs = [...new Set(unitNodes.map((n) => n.x))].sort((a, b) => a - b);
      expect(xs).toHaveLength(2);
      for (const n of unitNodes) {
        expect(n.labelBox, n.label).not.toBeNull();
        // Outwards: left of a left-column node, right of a right-column one.
        if (n.x === xs[0]) expect(n.labelBox!.x + n.labelBox!.width).toBeLessThanOrEqual(n.x);
        else expect(n.labelBox!.x).toBeGreaterThanOrEqual(n.x);
        expect(n.y - n.radius).toBeGreaterThanOrEqual(0);
        expect(n.y + n.radius).toBeLessThanOrEqual(430);
      }
      for (const d of layout.nodes.filter((n) => n.type === 'department')) {
        expect(d.x).toBeGreaterThan(xs[0]);
        expect(d.x).toBeLessThan(xs[1]);
      }
      const labelled = layout.nodes.filter((n) => n.labelBox);
      for (let i = 0; i < labelled.length; i++)
        for (let j = i + 1; j < labelled.length; j++)
          expect(overlap(labelled[i].labelBox!, labelled[j].labelBox!), `${labelled[i].label} / ${labelled[j].label}`).toBe(false);
      // Nothing under the legend.
      for (const n of layout.nodes) expect(n.x - n.radius > legend.width || n.y - n.radius > legend.height, n.label).toBe(true);
    });

  it('keeps the positions when a selected department adds links that are drawn only', () => {
    const rows = manyUnits(12).edges.map(({ perTownship, extra, ...row }) => row);
    // 部门4局 is among the strongest where it leads much, and weakly present everywhere else.
    for (let i = 0; i < 12; i++)
      if (!rows.some((r) => r.unit === `c${i}` && r.department === '部门4局'))
        rows.push({
          department: '部门4局',
          kind: '部门4局',
          unit: `c${i}`,
          unitName: `第${i}号县市区`,
          role: 'lead',
          duties: 1,
          townshipSteps: 0,
          departmentSteps: 0,
        });
    const options = {
      level: 'county' as const,
      unitOrder: [...new Set(rows.map((r) => r.unit))],
      unitTownships: new Map<string, number>(),
      perUnit: 2,
    };
    const plain = departmentNetwork(rows, options);
    const selected = departmentNetwork(rows, { ...options, selected: '部门4局' });
    expect(selected.edges.filter((e) => e.extra).length).toBeGreaterThan(0);
    expect(laidOut(selected)).toEqual(laidOut(plain));
    const size = { width: 846, height: 430, seed: 42 };
    const drawn = withLinks(layoutOf(laidOut(plain), size), selected);
    expect(drawn.links.filter((l) => l.source === 'd:部门4局')).toHaveLength(12);
    expect(drawn.nodes).toEqual(layoutOf(plain, size).nodes);
  });
});

describe('the layout worker', () => {
  it('answers with the layout Node computes, in a form that crosses to the page intact', () => {
    const network = departmentNetwork(syntheticEdges(true), { level: 'township', unitOrder: [], unitTownships: new Map() });
    const options = { width: 820, height: 560, seed: 7 };
    const answer = answerLayout({ id: 3, network, options });
    expect('layout' in answer && answer.id).toBe(3);
    const layout = 'layout' in answer ? answer.layout : null;
    expect(layout).toEqual(layoutOf(network, options));
    expect(structuredClone(layout)).toEqual(layout);
  });

  it('reports a failure instead of throwing', () => {
    const answer = answerLayout({ id: 4, network: null as never, options: { width: 10, height: 10 } });
    expect(answer).toMatchObject({ id: 4, error: expect.any(String) });
  });
});

describe('networkLayout with a marked unit', () => {
  it('places the label with its mark, still clear of every other label', () => {
    const network = departmentNetwork(syntheticEdges(true), { level: 'township', unitOrder: [], unitTownships: new Map() });
    const unit = network.units[0];
    const size = { width: 820, height: 560, seed: 7 };
    const plain = layoutOf(network, size);
    const marked = layoutOf(network, { ...size, unitMarks: { [unit.key]: '（导入）' } });
    const node = marked.nodes.find((n) => n.key === unit.key && n.type === 'unit')!;
    expect(node.mark).toBe('（导入）');
    expect(marked.nodes.filter((n) => n.mark)).toHaveLength(1);
    const before = plain.nodes.find((n) => n.id === node.id)!.labelBox!;
    expect(node.labelBox!.width).toBeGreaterThan(before.width);
    const labelled = marked.nodes.filter((n) => n.labelBox);
    for (let i = 0; i < labelled.length; i++)
      for (let j = i + 1; j < labelled.length; j++) expect(overlap(labelled[i].labelBox!, labelled[j].labelBox!)).toBe(false);
  });
});
