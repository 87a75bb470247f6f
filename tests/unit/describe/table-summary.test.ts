import { describe, expect, it } from 'vitest';
import { describeTable } from '../../../src/lib/describe/table-summary';
import { LIST_LABELS, STATUS_LABELS } from '../../../src/lib/ui/strings';
import type { ExportTable } from '../../../src/lib/export/table';
import { coopStepsTable, heatmapTable, rankingTable, townshipListsTable } from '../../../src/lib/export/view-tables';

/**
 * The text a screen reader reads after a chart's headline: it must name the rows a sighted reader sees
 * at the top and bottom of the chart, with their figures, whatever the table's shape.
 */
const towns = ['甲镇', '乙乡', '丙镇', '丁乡'];

describe('describeTable', () => {
  it('names the highest and lowest rows of a measure with their values and the median', () => {
    const table: ExportTable = {
      title: 't',
      columns: [{ header: '乡镇' }, { header: '配合事项' }],
      rows: [
        ['甲镇', 40],
        ['乙乡', 12],
        ['丙镇', 25],
      ],
    };
    const text = describeTable(table);
    expect(text).toContain('3 行');
    expect(text).toMatch(/配合事项：最高为甲镇（40），最低为乙乡（12），中位数 25/);
  });

  it('names every tied leader, and says when all rows are equal', () => {
    const tied = describeTable({
      title: 't',
      columns: [{ header: '乡镇' }, { header: '步骤' }],
      rows: [
        ['甲镇', 9],
        ['乙乡', 9],
        ['丙镇', 1],
      ],
    });
    expect(tied).toContain('最高为甲镇、乙乡（9）');
    const equal = describeTable({
      title: 't',
      columns: [{ header: '乡镇' }, { header: '步骤' }],
      rows: [
        ['甲镇', 2],
        ['乙乡', 2],
      ],
    });
    expect(equal).toContain('步骤：均为 2');
  });

  it('says the total column first and reads a rank column as an order, not a figure', () => {
    const counts = towns.flatMap((t, i) => [
      { township_id: `id${i}`, township: t, list: 'basic' as const, items: 10 * (i + 1) },
      { township_id: `id${i}`, township: t, list: 'reclaimed' as const, items: 4 - i },
    ]);
    const text = describeTable(townshipListsTable(counts, 't', (_, name) => name));
    const total = text.indexOf('合计：');
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(text.indexOf(`${LIST_LABELS.basic}：`));
    expect(text).toContain('合计：最高为丁乡（41），最低为甲镇（14）');

    const ranking = rankingTable(
      {
        rankedBy: 'total',
        rows: towns.map((name, i) => ({
          rank: i + 1,
          row: {
            key: `k${i}`,
            name,
            county: '某县',
            prefecture: '某州',
            basic: 50 - i,
            coop: 10,
            reclaimed: 3,
            total: 63 - i,
            share: 3 / (63 - i),
            steps: 7,
          },
        })),
      } as never,
      't',
      (_, name) => name,
    );
    const ranked = describeTable(ranking);
    expect(ranked).not.toContain('名次：');
    expect(ranked).toContain('最高为甲镇');
  });

  it('formats shares as percentages', () => {
    const text = describeTable({
      title: 't',
      columns: [{ header: '县' }, { header: '收回占比', format: 'percent' }],
      rows: [
        ['A县', 0.25],
        ['B县', 0.5],
      ],
    });
    expect(text).toContain('最高为B县（50%），最低为A县（25%）');
  });

  it('counts the cells of a status matrix and names duties, not their category', () => {
    const rows = [
      {
        category: '民政',
        name: '收养登记',
        receivers: ['民政局'],
        reclaimedIn: 2,
        cells: [
          { unit: 'a', status: 'reclaimed' },
          { unit: 'b', status: 'reclaimed' },
          { unit: 'c', status: 'basic' },
        ],
      },
      {
        category: '民政',
        name: '婚姻登记',
        receivers: ['民政局'],
        reclaimedIn: 1,
        cells: [
          { unit: 'a', status: 'reclaimed' },
          { unit: 'b', status: 'basic' },
        ],
      },
    ];
    const units = ['a', 'b', 'c'].map((key) => ({ key, name: `${key}镇` }));
    const text = describeTable(heatmapTable(rows as never, units, false, 't'));
    expect(text).toContain(`3 列中：${STATUS_LABELS.reclaimed} 3 格，${STATUS_LABELS.basic} 2 格`);
    expect(text).toContain('最高为收养登记（2），最低为婚姻登记（1）');
  });

  it('stops at three measures and says how many more the export holds', () => {
    const text = describeTable(
      coopStepsTable(
        [
          { township_id: '1', township: '甲镇', coop_items: 3, township_steps: 9, department_steps: 5 },
          { township_id: '2', township: '乙乡', coop_items: 4, township_steps: 8, department_steps: 6 },
        ] as never,
        't',
        (_, n) => n,
      ),
      2,
    );
    expect(text).toContain('另有 1 列数字');
  });

  it('says a table without rows is empty', () => {
    expect(describeTable({ title: 't', columns: [{ header: '乡镇' }], rows: [] })).toBe('图中没有数据。');
  });
});
