import { describe, expect, it } from 'vitest';
import { compareTownships, isOutlier, townshipsIn, type CompareItem } from '../../../src/lib/compare/township-sets';
import type { ListKind } from '../../../src/lib/parse/types';

const item = (township: string, dutyGroup: number, list: ListKind = 'basic', category = '党的建设'): CompareItem => ({
  township,
  dutyGroup,
  list,
  category,
});

describe('对比 of townships as sets of duties', () => {
  const townships = ['甲乡', '乙镇', '丙乡'];
  const items = [
    // Duty 1: all three; duty 2: 甲 and 乙; duty 3: 丙 alone; duty 4: 甲 alone, in two lists.
    item('甲乡', 1),
    item('乙镇', 1, 'coop'),
    item('丙乡', 1, 'reclaimed'),
    item('甲乡', 2),
    item('乙镇', 2),
    item('丙乡', 3, 'basic', '经济发展'),
    item('甲乡', 4, 'basic', '经济发展'),
    item('甲乡', 4, 'coop', '经济发展'),
    // Not compared: ignored.
    item('丁镇', 1),
  ];
  const c = compareTownships(townships, items);

  it('groups duties by exactly which townships list them, largest intersection first', () => {
    const sets = c.intersections.map((s) => [
      townshipsIn(s.mask, 3)
        .map((i) => townships[i])
        .join('+'),
      s.duties.map((d) => d.dutyGroup),
    ]);
    expect(sets).toEqual([
      ['甲乡+乙镇+丙乡', [1]],
      ['甲乡+乙镇', [2]],
      ['甲乡', [4]],
      ['丙乡', [3]],
    ]);
  });

  it('keeps which list each township holds a duty in', () => {
    expect(c.duties.find((d) => d.dutyGroup === 1)!.lists).toEqual([['basic'], ['coop'], ['reclaimed']]);
    expect(c.duties.find((d) => d.dutyGroup === 4)!.lists).toEqual([['basic', 'coop'], [], []]);
  });

  it('splits each category into what all, some and each alone list', () => {
    expect(c.categories).toEqual([
      { category: '党的建设', all: 1, some: 1, alone: [0, 0, 0] },
      { category: '经济发展', all: 0, some: 0, alone: [1, 0, 1] },
    ]);
  });

  it('names a township whose category count is far from the median', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, k) => item('甲乡', 100 + k)),
      ...Array.from({ length: 4 }, (_, k) => item('乙镇', 100 + k)),
      ...Array.from({ length: 5 }, (_, k) => item('丙乡', 100 + k)),
    ];
    const [party] = compareTownships(townships, many).profile;
    expect(party).toMatchObject({ category: '党的建设', counts: [12, 4, 5], median: 5, outliers: [0] });
    expect(isOutlier(6, 5)).toBe(false);
  });
});

describe('对比 tables for export', () => {
  it('write the category spread, the duties and the profile as the view shows them', async () => {
    const { spreadsTable, dutiesTable, profileTable } = await import('../../../src/lib/compare/compare-tables');
    const townships = ['甲乡', '乙镇'];
    const c = compareTownships(townships, [item('甲乡', 1), item('乙镇', 1, 'reclaimed'), item('甲乡', 2)]);
    expect(spreadsTable(c, townships).rows).toEqual([['党的建设', 1, 0, 1, 0]]);
    const duties = dutiesTable(c.duties, townships, (id) => `事项${id}`, 't');
    expect(duties.columns.map((col) => col.header)).toEqual(['事项', '事项类别', '甲乡', '乙镇']);
    expect(duties.rows).toEqual([
      ['事项1', '党的建设', '基本', '收回'],
      ['事项2', '党的建设', '基本', '—'],
    ]);
    expect(profileTable(c, townships).rows).toEqual([['党的建设', 2, 1, 1.5]]);
  });
});
