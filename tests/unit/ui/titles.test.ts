import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { leaders, joinNames } from '../../../src/lib/ui/leaders';
import {
  categoryBarsTitle,
  categoryHeatmapTitle,
  networkTitle,
  overviewListsTitle,
  overviewStepsTitle,
  reclaimedHeatmapTitle,
} from '../../../src/lib/ui/titles';
import type { TownshipListCountRow, CoopStepsRow } from '../../../src/lib/queries/overview';
import type { CategoryCountRow } from '../../../src/lib/queries/categories';
import type { RelianceRow } from '../../../src/lib/queries/network';
import { heatmapRowsOf, type HeatmapItem } from '../charts/fixtures';
import type { ListKind } from '../../../src/lib/parse/types';

const T = [
  { id: 'changji-liugong', name: '六工镇' },
  { id: 'manas-liangzhouhu', name: '凉州户镇' },
  { id: 'qitai-jibuku', name: '吉布库镇' },
];

describe('leaders and joinNames', () => {
  it('keeps every item tied for the largest value, in input order', () => {
    expect(leaders([3, 7, 1, 7], (x) => x)).toEqual([7, 7]);
    expect(leaders([], (x: number) => x)).toEqual([]);
  });
  it('joins names with 、 and says how many there are past the limit', () => {
    expect(joinNames(['甲', '乙'])).toBe('甲、乙');
    expect(joinNames(['甲', '乙', '丙', '丁', '戊'], 2)).toBe('甲、乙 等 5 个');
  });
});

describe('总览 titles', () => {
  const counts = (rows: [string, ListKind, number][]): TownshipListCountRow[] =>
    rows.map(([id, list, items]) => ({ township_id: id, township: T.find((t) => t.id === id)!.name, list, items }));

  it('names both townships tied for the most reclaimed items (凉州户镇 and 吉布库镇, 37 each)', () => {
    const title = overviewListsTitle(
      counts([
        ['changji-liugong', 'basic', 200],
        ['changji-liugong', 'reclaimed', 10],
        ['manas-liangzhouhu', 'basic', 100],
        ['manas-liangzhouhu', 'reclaimed', 37],
        ['qitai-jibuku', 'basic', 120],
        ['qitai-jibuku', 'reclaimed', 37],
      ]),
    );
    expect(title).toBe('六工镇事项最多（210项），凉州户镇、吉布库镇收回最多（各37项）');
  });

  it('names both townships tied for the most items', () => {
    const title = overviewListsTitle(
      counts([
        ['changji-liugong', 'basic', 50],
        ['manas-liangzhouhu', 'coop', 50],
        ['qitai-jibuku', 'basic', 20],
      ]),
    );
    expect(title).toBe('六工镇、凉州户镇事项最多（各50项）');
  });

  it('names every township tied for the most township steps', () => {
    const steps = (id: string, n: number): CoopStepsRow => ({
      township_id: id,
      township: T.find((t) => t.id === id)!.name,
      coop_items: 10,
      township_steps: n,
      department_steps: 0,
    });
    expect(overviewStepsTitle([steps('changji-liugong', 90), steps('qitai-jibuku', 90), steps('manas-liangzhouhu', 40)])).toBe(
      '六工镇、吉布库镇在配合事项中要做的步骤最多（各90步）',
    );
    expect(overviewStepsTitle([steps('changji-liugong', 90), steps('qitai-jibuku', 40)])).toBe('六工镇在配合事项中要做的步骤最多（90步）');
  });
});

describe('事项类别 titles', () => {
  const row = (townshipId: string, list: ListKind, category: string, count: number): CategoryCountRow => ({
    unit: townshipId,
    unitName: T.find((t) => t.id === townshipId)!.name,
    list,
    category,
    count,
  });
  const rows = [
    row('changji-liugong', 'basic', '党的建设', 6),
    row('manas-liangzhouhu', 'basic', '党的建设', 4),
    row('changji-liugong', 'coop', '自然资源', 10),
    row('qitai-jibuku', 'basic', '乡村振兴', 5),
  ];

  it('names both categories tied for the most items, each with its share', () => {
    expect(categoryBarsTitle(rows, NO_FILTERS)).toBe('“党的建设”、“自然资源”是事项最多的类别：各 10 项，各占全部事项的 40%');
  });

  it('says the share is of the selected items when a list or department filter applies, of 所选乡镇 for townships', () => {
    expect(categoryBarsTitle(rows, { ...NO_FILTERS, departmentKinds: ['水利局'] })).toContain('占所选事项的');
    expect(categoryBarsTitle(rows, { ...NO_FILTERS, lists: ['basic'] })).toContain('占所选事项的');
    expect(categoryBarsTitle(rows, { ...NO_FILTERS, townships: ['changji-liugong'] })).toBe(
      '“自然资源”是事项最多的类别：共 10 项，占所选乡镇事项的 62.5%',
    );
  });

  it('names every cell tied for the most items in the heatmap', () => {
    expect(
      categoryHeatmapTitle(
        rows,
        T.map((t) => ({ key: t.id, name: t.name, townships: 1 })),
      ),
    ).toBe('各乡镇事项分布：最多的是六工镇的“自然资源”（10 项）');
    const tied = [...rows, row('qitai-jibuku', 'coop', '乡村振兴', 5)];
    expect(
      categoryHeatmapTitle(
        tied,
        T.map((t) => ({ key: t.id, name: t.name, townships: 1 })),
      ),
    ).toBe('各乡镇事项分布：最多的是六工镇的“自然资源”、吉布库镇的“乡村振兴”（各 10 项）');
  });
});

describe('部门网络 title', () => {
  const r = (kind: string, townships: number, dutiesLed: number): RelianceRow => ({ kind, townships, dutiesLed, townshipSteps: 0 });
  const table = [r('农业农村局', 5, 60), r('住建局', 5, 60), r('水利局', 5, 30), r('交通运输局', 2, 80)];

  it('names both kinds tied on townships and duties', () => {
    expect(networkTitle(table, NO_FILTERS)).toBe('乡镇最依赖农业农村局、住建局：各覆盖 5 个乡镇，牵头 60 项配合事项');
    expect(networkTitle(table.slice(1), NO_FILTERS)).toBe('乡镇最依赖住建局：覆盖 5 个乡镇，牵头 60 项配合事项');
  });

  it('is about the chosen department kind, with its rank, not about the overall leader', () => {
    expect(networkTitle(table, { ...NO_FILTERS, departmentKinds: ['水利局'] })).toBe(
      '水利局：覆盖 5 个乡镇，牵头 30 项配合事项（在 4 个部门中排第 3）',
    );
  });

  it('past a county, formats the counts and adds the duties per township shown', () => {
    const region = [r('农业农村局', 1100, 14863), r('水利局', 1100, 9512)];
    expect(networkTitle(region, NO_FILTERS, 1100)).toBe(
      '乡镇最依赖农业农村局：覆盖 1,100 个乡镇，牵头 14,863 项配合事项，每乡镇平均 13.5 项',
    );
    expect(networkTitle(region, { ...NO_FILTERS, departmentKinds: ['水利局'] }, 1100)).toBe(
      '水利局：覆盖 1,100 个乡镇，牵头 9,512 项配合事项（在 2 个部门中排第 2），每乡镇平均 8.6 项',
    );
  });

  it('says so when the chosen kind leads nothing under the other filters', () => {
    expect(networkTitle([r('交通运输局', 5, 20)], { ...NO_FILTERS, departmentKinds: ['水利局'], categories: ['交通运输'] })).toBe(
      '水利局在所选事项中没有牵头的配合事项',
    );
  });
});

describe('收回事项热力图 title', () => {
  let id = 0;
  const item = (dutyGroup: number, townshipId: string, list: ListKind): HeatmapItem => ({
    dutyGroup,
    townshipId,
    itemId: ++id,
    list,
    category: '交通运输',
    name: `事项${dutyGroup}`,
    receivers: list === 'reclaimed' ? '交通运输局' : '',
  });
  const items = [
    item(1, 'manas-liangzhouhu', 'reclaimed'),
    item(1, 'qitai-jibuku', 'reclaimed'),
    item(1, 'changji-liugong', 'basic'), // reclaimed elsewhere, still basic in 六工镇
    item(2, 'changji-liugong', 'reclaimed'),
    item(2, 'qitai-jibuku', 'coop'),
    item(3, 'qitai-jibuku', 'reclaimed'), // not a duty of 六工镇
  ];

  it('over all townships counts the duties reclaimed somewhere and still carried elsewhere', () => {
    const rows = heatmapRowsOf(
      items,
      T.map((t) => t.id),
    );
    expect(reclaimedHeatmapTitle(rows, [])).toBe('2 项事项在部分乡镇已收回、在其他乡镇仍由乡镇承担（共 3 项被至少一个乡镇收回）');
  });

  it('with a township chosen, counts what it still carries that others reclaimed, and what it reclaimed', () => {
    const rows = heatmapRowsOf(items, ['changji-liugong']);
    expect(rows.map((r) => r.dutyGroup)).toEqual([1, 2]);
    expect(rows[0].cells.map((c) => c.status)).toEqual(['basic']);
    expect(rows[0].reclaimedIn).toBe(2);
    expect(reclaimedHeatmapTitle(rows, ['六工镇'])).toBe('六工镇仍承担 1 项其他乡镇已收回的事项（基本或配合）；本乡镇已收回 1 项');
  });
});
