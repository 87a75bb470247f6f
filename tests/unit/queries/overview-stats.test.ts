import { describe, expect, it } from 'vitest';
import type { TownshipTotalsRow } from '../../../src/lib/queries/overview';
import { distribution, measureValue, quantileSorted, rankTownships, reclaimedShare } from '../../../src/lib/queries/overview-stats';

/** A township with `total` items of which `reclaimed` are reclaimed, in county `county`. */
function township(name: string, county: string, total: number, extra: Partial<TownshipTotalsRow> = {}): TownshipTotalsRow {
  const reclaimed = extra.reclaimed ?? 0;
  const coop = extra.coop ?? 0;
  return {
    place: 0,
    key: name,
    name,
    county: 0,
    prefecture: 0,
    county_name: county,
    prefecture_name: '',
    basic: total - reclaimed - coop,
    coop,
    reclaimed,
    total,
    all_lists_total: total,
    all_lists_reclaimed: reclaimed,
    coop_items: coop,
    township_steps: 0,
    ...extra,
  };
}

describe('quantileSorted', () => {
  it('interpolates between the closest ranks, as spreadsheets’ QUARTILE does', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([7], 0.75)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('distribution', () => {
  const value = (r: { v: number | null }) => r.v;
  const unit = (r: { u: string }) => r.u;

  it('gives each unit its quartiles, median, whiskers and Tukey outliers', () => {
    const rows = [10, 11, 12, 13, 14, 30].map((v, i) => ({ u: 'A', v, name: `a${i}` }));
    const [a] = distribution(rows, unit, value);
    // q1 = 11.25, q3 = 13.75: the fences lie 1.5 × 2.5 beyond them, at 7.5 and 17.5.
    expect(a.stats).toEqual({
      min: 10,
      q1: 11.25,
      median: 12.5,
      q3: 13.75,
      max: 30,
      mean: 15,
      lowerFence: 7.5,
      upperFence: 17.5,
      lowWhisker: 10,
      highWhisker: 14,
    });
    expect(a.outliers.map((o) => [o.row.name, o.side])).toEqual([['a5', 'high']]);
    expect(a.points.map((p) => p.value)).toEqual([10, 11, 12, 13, 14, 30]);
  });

  it('names low and high outliers, furthest from the median first', () => {
    const rows = [0, 48, 49, 50, 50, 51, 52, 70, 101].map((v) => ({ u: 'A', v, name: String(v) }));
    const [a] = distribution(rows, unit, value);
    expect(a.outliers.map((o) => `${o.row.name}:${o.side}`)).toEqual(['101:high', '0:low', '70:high']);
    expect([a.stats!.lowWhisker, a.stats!.highWhisker]).toEqual([48, 52]);
  });

  it('calls nothing an outlier in a unit of fewer than four townships', () => {
    const [a] = distribution(
      [1, 2, 1000].map((v) => ({ u: 'A', v })),
      unit,
      value,
    );
    expect(a.outliers).toEqual([]);
    expect(a.stats).toMatchObject({ median: 2, lowWhisker: 1, highWhisker: 1000, lowerFence: -Infinity, upperFence: Infinity });
  });

  it('sorts units by median, largest first, then by mean; units too small for quartiles next, units without values last', () => {
    const rows = [
      { u: 'low', v: 1 },
      { u: 'none', v: null },
      { u: 'tie-low-mean', v: 5 },
      { u: 'tie-low-mean', v: 5 },
      { u: 'tie-low-mean', v: 5 },
      { u: 'tie-low-mean', v: 5 },
      { u: 'high', v: 9 },
      { u: 'tie-high-mean', v: 4 },
      { u: 'tie-high-mean', v: 5 },
      { u: 'tie-high-mean', v: 5 },
      { u: 'tie-high-mean', v: 9 },
    ];
    const units = distribution(rows, unit, value);
    // 'high' and 'low' have one township each: too few for quartiles, they follow the others.
    expect(units.map((u) => u.unit)).toEqual(['tie-high-mean', 'tie-low-mean', 'high', 'low', 'none']);
    expect(units.at(-1)).toMatchObject({ stats: null, missing: 1, points: [] });
  });

  it('leaves a township without items out of the reclaimed share, and counts it as missing', () => {
    const rows = [township('甲', '一县', 10, { reclaimed: 2 }), township('乙', '一县', 0), township('丙', '一县', 20, { reclaimed: 2 })];
    const [one] = distribution(rows, (r) => r.county_name, measureValue('share'));
    expect(one.points.map((p) => [p.row.name, p.value])).toEqual([
      ['丙', 0.1],
      ['甲', 0.2],
    ]);
    expect(one.missing).toBe(1);
    expect(reclaimedShare(rows[1])).toBeNull();
  });
});

describe('rankTownships', () => {
  const rows = [
    township('甲', '一县', 250, { reclaimed: 30 }),
    township('乙', '二县', 260, { reclaimed: 26 }),
    township('丙', '一县', 250, { reclaimed: 50 }),
    township('丁', '二县', 0),
    township('戊', '三县', 240, { reclaimed: 24 }),
  ];
  const names = (r: ReturnType<typeof rankTownships>) => r.rows.map((x) => `${x.rank ?? '—'}${x.row.name}`);

  it('ranks by the sorted column, largest first, equal values sharing a rank', () => {
    expect(names(rankTownships(rows, 'total', true))).toEqual(['1乙', '2甲', '2丙', '4戊', '5丁']);
    // Ascending keeps the ranks: the smallest is last in rank.
    expect(names(rankTownships(rows, 'total', false))).toEqual(['5丁', '4戊', '2甲', '2丙', '1乙']);
  });

  it('puts a township without items last by share, with no rank, whichever the direction', () => {
    expect(names(rankTownships(rows, 'share', true))).toEqual(['1丙', '2甲', '3乙', '3戊', '—丁']);
    expect(names(rankTownships(rows, 'share', false))).toEqual(['3乙', '3戊', '2甲', '1丙', '—丁']);
  });

  it('sorted by a name, ranks by the chart’s measure', () => {
    const byCounty = rankTownships(rows, 'county', false, 'reclaimed');
    expect(byCounty.rankedBy).toBe('reclaimed');
    expect(byCounty.rows.map((x) => x.row.county_name)).toEqual(['二县', '二县', '三县', '一县', '一县']);
    expect(names(byCounty)).toEqual(['3乙', '5丁', '4戊', '2甲', '1丙']);
  });
});
