import { randomLcg, randomNormal } from 'd3';
import { describe, expect, it } from 'vitest';
import { layoutDistribution, MIN_PITCH, type Box } from '../../../src/lib/charts/unit-distribution';
import { distribution } from '../../../src/lib/queries/overview-stats';

interface Township {
  unit: string;
  name: string;
  value: number;
}

/** `units` units of `size` townships, values around 250 with a few far out (seeded: the same every run). */
function townships(units: number, size: number, seed = 7): Township[] {
  const normal = randomNormal.source(randomLcg(seed))(250, 8);
  const rows: Township[] = [];
  for (let u = 0; u < units; u++)
    for (let i = 0; i < size; i++) {
      const far = i % 9 === 0 ? (i % 2 ? 45 : -45) : 0;
      rows.push({ unit: `U${u}`, name: `第${u}单元第${i}个乡镇`, value: Math.round(normal() + far) });
    }
  return rows;
}

const layoutOf = (rows: Township[], width: number, height: number) =>
  layoutDistribution(
    distribution(
      rows,
      (r) => r.unit,
      (r) => r.value,
    ),
    {
      width,
      height,
      unitName: (u) => `${u}县`,
      unitNote: () => '',
      medianText: (v) => `${v} 项`,
      tickText: String,
      medianHeading: '中位数',
      nameOf: (r) => r.name,
      keyOf: (r) => r.name,
    },
  );
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('layoutDistribution', () => {
  for (const [units, size, width, height] of [
    [16, 70, 1250, 320], // a region at 1280×720: thin rows, many outliers
    [12, 15, 1250, 330], // a prefecture
    [12, 15, 1890, 700], // the same at 1920×1080
  ]) {
    it(`places no label over another label, an outlier's dot or a box (${units} units of ${size}, ${width}×${height})`, () => {
      const layout = layoutOf(townships(units, size), width, height);
      const labels = layout.rows.flatMap((r) => r.labels);
      expect(labels.length).toBeGreaterThan(0);
      for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
      for (const row of layout.rows) {
        for (const label of row.labels) {
          expect(label.box.x0).toBeGreaterThanOrEqual(layout.margin.left);
          expect(label.box.x1).toBeLessThanOrEqual(width - layout.margin.right);
          expect(label.box.y0).toBeGreaterThanOrEqual(row.top - 0.5);
          expect(label.box.y1).toBeLessThanOrEqual(row.top + layout.pitch + 0.5);
          if (row.box) expect(overlaps(label.box, row.box)).toBe(false);
        }
        const outliers = layout.rows.flatMap((r) => r.dots.filter((d) => d.outlier));
        for (const label of row.labels)
          for (const d of outliers.filter((d) => d.key !== label.key))
            expect(overlaps(label.box, { x0: d.cx - d.r, x1: d.cx + d.r, y0: d.cy - d.r, y1: d.cy + d.r })).toBe(false);
        // Every outlier is labelled or counted as left without one.
        expect(row.labels.length + row.unlabelled).toBe(row.dots.filter((d) => d.outlier).length);
      }
    });
  }

  it('draws every township once, inside the plot and its row', () => {
    const rows = townships(12, 15);
    const layout = layoutOf(rows, 1250, 330);
    const dots = layout.rows.flatMap((r) => r.dots.map((d) => ({ ...d, row: r })));
    expect(dots).toHaveLength(rows.length);
    for (const d of dots) {
      expect(d.cx).toBeGreaterThanOrEqual(layout.margin.left);
      expect(d.cx).toBeLessThanOrEqual(1250 - layout.margin.right);
      expect(d.cy - d.r).toBeGreaterThanOrEqual(d.row.top);
      expect(d.cy + d.r).toBeLessThanOrEqual(d.row.top + layout.pitch);
    }
  });

  it('fits the rows into the height given, down to a floor, and labels every outlier when there is room', () => {
    const prefecture = layoutOf(townships(12, 15), 1250, 330);
    expect(prefecture.height).toBeLessThanOrEqual(330);
    const region = layoutOf(townships(30, 10), 1250, 330);
    expect(region.pitch).toBe(MIN_PITCH);
    const roomy = layoutOf(townships(3, 10), 1890, 700);
    expect(roomy.rows.every((r) => r.unlabelled === 0)).toBe(true);
  });

  it('keeps tick labels clear of the median column’s heading', () => {
    const layout = layoutOf(townships(5, 10), 900, 300);
    const headingStart = 900 - 4 - 3 * 12;
    for (const t of layout.ticks) expect(layout.x(t) + (String(t).length * 0.62 * 12) / 2).toBeLessThan(headingStart);
  });
});

describe('layoutDistribution with imported marks', () => {
  it('writes the mark after a unit and an outlier, widening the names column and the label for it', () => {
    const rows = townships(12, 15);
    const plain = layoutOf(rows, 1250, 330);
    const outlier = plain.rows.flatMap((r) => r.labels)[0];
    const unit = plain.rows[plain.rows.length - 1].unit;
    const marked = layoutDistribution(
      distribution(
        rows,
        (r) => r.unit,
        (r) => r.value,
      ),
      {
        width: 1250,
        height: 330,
        unitName: (u) => `${u}县`,
        unitNote: () => '',
        medianText: (v) => `${v} 项`,
        tickText: String,
        medianHeading: '中位数',
        nameOf: (r) => r.name,
        keyOf: (r) => r.name,
        unitMark: (u) => (u === unit ? '（含导入）' : ''),
        markOf: (r) => (r.name === outlier.key ? '（导入）' : ''),
      },
    );
    expect(marked.rows.filter((r) => r.mark).map((r) => [r.unit, r.mark])).toEqual([[unit, '（含导入）']]);
    expect(marked.margin.left).toBeGreaterThan(plain.margin.left);
    const label = marked.rows.flatMap((r) => r.labels).find((l) => l.key === outlier.key);
    // Labelled with its mark where it fits; an outlier left without a label keeps its marked dot.
    if (label) {
      expect(label.mark).toBe('（导入）');
      expect(label.box.x1 - label.box.x0).toBeGreaterThan(outlier.box.x1 - outlier.box.x0);
    }
    const labels = marked.rows.flatMap((r) => r.labels);
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
  });
});
