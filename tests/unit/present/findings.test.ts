import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3';
import type { TownshipTotalsRow } from '../../../src/lib/queries/overview';
import type { HeatmapRow } from '../../../src/lib/queries/heatmap';
import { buildSlides, MAX_BARS, MAX_DUTY_BARS, type DeckData } from '../../../src/lib/present/findings';
import { HEADLINES } from '../../../src/lib/present/strings';

/** `n` townships in counties of ten, with seeded random counts. */
function townships(n: number, seed = 1): TownshipTotalsRow[] {
  const random = randomLcg(seed);
  const count = (max: number) => Math.floor(random() * max);
  return Array.from({ length: n }, (_, i) => {
    const [basic, coop, reclaimed] = [count(150), count(120), count(40)];
    return {
      place: 1000 + i,
      key: `t${i}`,
      name: `乡镇${i}`,
      county: 100 + Math.floor(i / 10),
      prefecture: 10 + Math.floor(i / 100),
      county_name: `县${Math.floor(i / 10)}`,
      prefecture_name: `州${Math.floor(i / 100)}`,
      basic,
      coop,
      reclaimed,
      total: basic + coop + reclaimed,
      all_lists_total: basic + coop + reclaimed,
      all_lists_reclaimed: reclaimed,
      coop_items: coop,
      township_steps: coop * 2,
    };
  });
}

const heatRow = (dutyGroup: number, reclaimed: number, coop: number, basic: number): HeatmapRow => ({
  dutyGroup,
  name: `事项${dutyGroup}`,
  category: '类别',
  receivers: [],
  reclaimedIn: reclaimed,
  mixed: coop + basic > 0,
  cells: [],
  shown: { reclaimed, coop, basic, townships: reclaimed + coop + basic },
});

const deck = (totals: TownshipTotalsRow[], extra: Partial<DeckData> = {}): DeckData => ({
  level: totals.length > 30 ? 'county' : 'township',
  totals,
  receivers: [],
  heatmap: [],
  reliance: [],
  ...extra,
});
const slide = (data: DeckData, id: string, focus?: string) => buildSlides(data, { focus }).find((s) => s.id === id)!;

describe('findings', () => {
  it.each([5, 100, 1100])('sums the lists of %i townships and draws at most ten bars', (n) => {
    const rows = townships(n);
    const s = slide(deck(rows), 'lists');
    const sum = (pick: (r: TownshipTotalsRow) => number) => rows.reduce((a, r) => a + pick(r), 0);
    expect(s.headline).toBe(
      HEADLINES.lists(
        n,
        sum((r) => r.total),
        sum((r) => r.basic),
        sum((r) => r.coop),
        sum((r) => r.reclaimed),
      ),
    );
    expect(s.chart?.type === 'bar' && s.chart.categories.length).toBe(Math.min(n > 30 ? Math.ceil(n / 10) : n, MAX_BARS));
  });

  it('past thirty townships gives each county the average of its townships', () => {
    const rows = townships(40);
    const s = slide(deck(rows), 'lists');
    if (s.chart?.type !== 'bar') throw new Error('a bar chart');
    const first = s.chart.categories[0];
    const inCounty = rows.filter((r) => r.county_name === first);
    const average = inCounty.reduce((a, r) => a + r.basic, 0) / inCounty.length;
    expect(s.chart.series[0].values[0]).toBeCloseTo(average, 1);
    expect(s.chart.decimals).toBe(1);
  });

  it('names every department kind tied for the most reclaimed items', () => {
    const rows = townships(5);
    const receivers = [
      { kind: '水利局', duties: 9 },
      { kind: '民政局', duties: 9 },
      { kind: '教育局', duties: 3 },
    ];
    const s = slide(deck(rows, { receivers }), 'reclaimed');
    expect(s.headline).toContain('水利局、民政局');
    expect(s.headline).toContain('各 9 项');
  });

  it('ranks divided duties by the smaller side, and says so when none is divided', () => {
    const rows = townships(5);
    const heatmap = [
      heatRow(1, 4, 0, 0),
      heatRow(2, 4, 1, 0),
      heatRow(3, 2, 1, 2),
      ...Array.from({ length: 9 }, (_, i) => heatRow(10 + i, 1, 1, 0)),
    ];
    const s = slide(deck(rows, { heatmap }), 'divergent');
    expect(s.figures.duties).toBe(heatmap.length - 1);
    expect(s.chart?.type === 'bar' && s.chart.categories[0]).toBe('事项3');
    expect(s.chart?.type === 'bar' && s.chart.categories.length).toBe(MAX_DUTY_BARS);
    expect(slide(deck(rows, { heatmap: [heatRow(1, 4, 0, 0)] }), 'divergent').chart).toBeNull();
  });

  it('compares the chosen township, or by default the one with the most items, with the median', () => {
    const rows = townships(7);
    const chosen = rows[3];
    const s = slide(deck(rows), 'township', chosen.key);
    const higher = rows.filter((r) => r.total > chosen.total).length;
    expect(s.figures).toMatchObject({ township: chosen.key, rank: higher + 1, townships: 7 });
    const sorted = rows.map((r) => r.total).sort((a, b) => a - b);
    expect(s.figures.median).toBe(sorted[3]);
    const most = Math.max(...rows.map((r) => r.total));
    expect(slide(deck(rows), 'township').figures.total).toBe(most);
    expect(slide(deck(rows), 'township').figures.rank).toBe(1);
  });

  it('writes a sentence, not a broken template, when the selection holds nothing', () => {
    const empty = deck([]);
    for (const s of buildSlides(empty)) {
      expect(s.chart).toBeNull();
      expect(s.headline).not.toMatch(/undefined|NaN|Infinity/);
    }
  });
});
