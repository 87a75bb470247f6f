import { describe, expect, it } from 'vitest';
import type { TownshipTotalsRow } from '../../../src/lib/queries/overview';
import { distribution, measureValue, rankTownships } from '../../../src/lib/queries/overview-stats';
import { overviewDistributionTitle, overviewRankingTitle } from '../../../src/lib/ui/titles';

/** A township of county `county` with `total` items, `reclaimed` of them reclaimed, and `steps` township steps. */
const township = (name: string, county: string, total: number, reclaimed = 0, steps = 0): TownshipTotalsRow => ({
  place: 0,
  key: name,
  name,
  county: 0,
  prefecture: 0,
  county_name: county,
  prefecture_name: '某州',
  basic: total - reclaimed,
  coop: 0,
  reclaimed,
  total,
  all_lists_total: total,
  all_lists_reclaimed: reclaimed,
  coop_items: 0,
  township_steps: steps,
});
const county = (name: string, totals: number[]) => totals.map((t, i) => township(`${name}${i}镇`, name, t));
const titleOf = (rows: TownshipTotalsRow[], measure: 'items' | 'share' | 'steps' = 'items') =>
  overviewDistributionTitle(
    distribution(rows, (r) => r.county_name, measureValue(measure)),
    measure,
    (u) => u,
    '县市区',
  );

describe('总览 distribution title', () => {
  it('names the unit with the highest median and the townships standing out, above before below', () => {
    const rows = [...county('甲县', [250, 251, 252, 253, 254, 300, 200]), ...county('乙县', [240, 241, 242, 243])];
    expect(titleOf(rows)).toBe('甲县的乡镇事项最多（中位数 252 项）；甲县5镇明显偏多，甲县6镇明显偏少');
  });

  it('names every unit tied for the highest median, and says when nothing stands out', () => {
    const rows = [...county('甲县', [250, 252, 254, 256]), ...county('乙县', [251, 252, 254, 255])];
    expect(titleOf(rows)).toBe('甲县、乙县的乡镇事项最多（中位数均为 253 项）；各县市区内没有明显偏离的乡镇');
  });

  it('lets a unit of two townships lead only when no unit has enough for quartiles', () => {
    const big = county('甲县', [250, 252, 254, 256]);
    expect(titleOf([...big, ...county('小县', [300, 310])])).toMatch(/^甲县的乡镇事项最多/);
    expect(titleOf(county('小县', [300, 310]))).toMatch(/^小县的乡镇事项最多（中位数 305 项）/);
  });

  it('speaks of shares and steps in their own words and units', () => {
    const rows = [
      township('甲', '一县', 100, 12),
      township('乙', '一县', 100, 14),
      township('丙', '一县', 100, 13),
      township('丁', '一县', 100, 13),
    ];
    expect(titleOf(rows, 'share')).toBe('一县的乡镇收回占比最高（中位数 13.0%）；各县市区内没有明显偏离的乡镇');
    const steps = [1, 2, 3, 4].map((i) => township(`镇${i}`, '一县', 100, 0, 300 + i));
    expect(titleOf(steps, 'steps')).toBe('一县的乡镇在配合事项中要做的步骤最多（中位数 302.5 步）；各县市区内没有明显偏离的乡镇');
  });
});

describe('总览 ranking title', () => {
  it('names every township ranked first by the sorted column', () => {
    const rows = [township('甲镇', '一县', 250, 30), township('乙镇', '一县', 260, 30), township('丙镇', '二县', 240, 20)];
    expect(overviewRankingTitle(rankTownships(rows, 'reclaimed', true))).toBe('3 个乡镇按收回事项数排名，甲镇、乙镇并列第一（30 项）');
    expect(overviewRankingTitle(rankTownships(rows, 'name', false, 'total'))).toBe('3 个乡镇按事项总数排名，乙镇第一（260 项）');
    expect(overviewRankingTitle(rankTownships([], 'total', true))).toBe('没有可排名的乡镇');
  });
});
