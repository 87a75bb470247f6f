import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  edgeBalanceTable,
  categoryBarsTable,
  categoryHeatmapTable,
  heatmapTable,
  rankingTable,
  sameDutyTable,
  townshipListsTable,
} from '../../../src/lib/export/view-tables';
import type { CategoryCountRow } from '../../../src/lib/queries/categories';
import type { HeatmapRow } from '../../../src/lib/queries/heatmap';
import { rankTownships } from '../../../src/lib/queries/overview-stats';
import type { TownshipTotalsRow } from '../../../src/lib/queries/overview';

import { rankEdgeBalance } from '../../../src/lib/queries/edge-balance';
import type { DepartmentEdgeRow } from '../../../src/lib/queries/network';
import { csvText } from '../../../src/lib/export/csv';
import { xlsxBytes } from '../../../src/lib/export/xlsx';
import { readCsv } from './read-csv';

const plain = (_key: string, name: string) => name;

describe('the views’ tables as exported', () => {
  it('总览: one row per township, its lists and their sum, largest first as the bars', () => {
    const table = townshipListsTable(
      [
        { township_id: 'a', township: '甲镇', list: 'basic', items: 3 },
        { township_id: 'a', township: '甲镇', list: 'coop', items: 1 },
        { township_id: 'b', township: '乙乡', list: 'basic', items: 2 },
        { township_id: 'b', township: '乙乡', list: 'reclaimed', items: 5 },
      ],
      '标题',
      (id, name) => (id === 'b' ? `${name}（导入）` : name),
    );
    expect(table.columns.map((c) => c.header)).toEqual(['乡镇', '基本履职', '配合履职', '上级收回', '合计']);
    expect(table.rows).toEqual([
      ['乙乡（导入）', 2, 0, 5, 7],
      ['甲镇', 3, 1, 0, 4],
    ]);
  });

  it('事项类别: per category the items of each list; the sums are the bars’', () => {
    const rows: CategoryCountRow[] = [
      { unit: 'a', unitName: '甲镇', list: 'basic', category: '党的建设', count: 4 },
      { unit: 'b', unitName: '乙乡', list: 'basic', category: '党的建设', count: 2 },
      { unit: 'a', unitName: '甲镇', list: 'coop', category: '乡村振兴', count: 1 },
    ];
    const all = categoryBarsTable(rows, [], '标题');
    expect(all.rows).toEqual([
      ['党的建设', 6, 0, 0, 6],
      ['乡村振兴', 0, 1, 0, 1],
    ]);
    // With townships picked among those shown, the bars (and the table) sum the picked ones.
    expect(categoryBarsTable(rows, ['b'], '标题').rows).toEqual([['党的建设', 2, 0, 0, 2]]);
    const heat = categoryHeatmapTable(
      rows,
      [
        { key: 'a', name: '甲镇', townships: 1 },
        { key: 'b', name: '乙乡', townships: 1 },
      ],
      ['党的建设', '乡村振兴'],
      false,
      '标题',
      plain,
    );
    expect(heat.rows).toEqual([
      ['党的建设', 4, 2],
      ['乡村振兴', 1, 0],
    ]);
  });

  it('收回事项热力图: a township’s status per cell, or past townships the share reclaimed as a percentage', () => {
    const cell = (unit: string, status: 'reclaimed' | 'coop' | 'basic' | 'absent', share: number) => ({
      unit,
      status,
      reclaimed: 0,
      coop: 0,
      basic: 0,
      townships: 1,
      itemId: null,
      names: [],
      share,
    });
    const rows = [
      {
        dutyGroup: 1,
        name: '对破坏耕地的处罚',
        category: '自然资源',
        receivers: ['自然资源局', '综合执法局'],
        reclaimedIn: 1,
        mixed: true,
        cells: [cell('a', 'reclaimed', 1), cell('b', 'basic', 0)],
        shown: { townships: 2, reclaimed: 1, coop: 0, basic: 1 },
      },
    ] as unknown as HeatmapRow[];
    const units = [
      { key: 'a', name: '甲镇' },
      { key: 'b', name: '乙乡' },
    ];
    expect(heatmapTable(rows, units, false, '标题').rows).toEqual([
      ['自然资源', '对破坏耕地的处罚', '自然资源局、综合执法局', '已收回', '仍为基本', 1],
    ]);
    const shares = heatmapTable(rows, units, true, '标题');
    expect(shares.columns.filter((c) => c.format === 'percent')).toHaveLength(2);
    expect(shares.rows[0].slice(3, 5)).toEqual([1, 0]);
  });

  it('乡镇排名: every township in the ranking’s order with its rank and share', () => {
    const row = (key: string, total: number, reclaimed: number) =>
      ({
        place: 0,
        key,
        name: key,
        county: 0,
        prefecture: 0,
        county_name: '县',
        prefecture_name: '州',
        basic: total - reclaimed,
        coop: 0,
        reclaimed,
        total,
        all_lists_total: total,
        all_lists_reclaimed: reclaimed,
        township_steps: 0,
      }) as unknown as TownshipTotalsRow;
    const ranking = rankTownships([row('甲', 10, 1), row('乙', 20, 5)], 'total', true, 'total');
    const table = rankingTable(ranking, '标题', plain);
    expect(table.rows.map((r) => [r[0], r[1], r[7], r[8]])).toEqual([
      [1, '乙', 20, 0.25],
      [2, '甲', 10, 0.1],
    ]);
  });

  it('同一事项在各乡镇: each township’s list or 未列入, with its wording', () => {
    const table = sameDutyTable(
      {
        kind: 'townships',
        rows: [
          { township_id: 'a', township: '甲镇', item_id: 7, list: 'reclaimed', seq: 3, category: '民生服务', name: '婚姻登记' },
          { township_id: 'b', township: '乙乡', item_id: null, list: null, seq: null, category: null, name: null },
        ],
      },
      '标题',
      plain,
    );
    expect(table.rows).toEqual([
      ['甲镇', '收回', 3, '婚姻登记'],
      ['乙乡', '未列入', null, null],
    ]);
  });
});

describe('部门网络’s 乡镇支持重于部门牵头 as exported', () => {
  it('one row per edge in the ranking’s order, numbers as numbers, no ratio where the department names no step', async () => {
    const rows: DepartmentEdgeRow[] = [
      {
        department: '水利局',
        kind: '水利局',
        unit: 'c1',
        unitName: '甲县',
        role: 'lead',
        duties: 4,
        townshipSteps: 12,
        departmentSteps: 4,
      },
      { department: '气象局', kind: '气象局', unit: 'c2', unitName: '乙县', role: 'lead', duties: 1, townshipSteps: 3, departmentSteps: 0 },
      { department: '民政局', kind: '民政局', unit: 'c2', unitName: '乙县', role: 'lead', duties: 2, townshipSteps: 2, departmentSteps: 5 },
      {
        department: '水利局',
        kind: '水利局',
        unit: 'c2',
        unitName: '乙县',
        role: 'receiver',
        duties: 1,
        townshipSteps: 0,
        departmentSteps: 2,
      },
    ];
    const balance = rankEdgeBalance(rows, new Map([['c1', 2]]));
    const table = edgeBalanceTable(balance.rows, '县市区', (r) => (r.unit === 'c2' ? `${r.unitName}（含导入）` : r.unitName));
    expect(table.title).toBe('乡镇支持重于部门牵头');
    expect(table.columns.map((c) => c.header)).toEqual([
      '部门',
      '县市区',
      '事项（项）',
      '部门步骤（步）',
      '乡镇步骤（步）',
      '乡镇÷部门（倍）',
      '乡镇多出（步）',
      '每乡镇多出（步）',
    ]);
    // 水利局 in 甲县 carries 8 more steps over 2 townships (4 each), 气象局 in 乙县 3 over one.
    expect(table.rows).toEqual([
      ['水利局', '甲县', 4, 4, 12, 3, 8, 4],
      ['气象局', '乙县（含导入）', 1, 0, 3, null, 3, 3],
    ]);
    const csv = readCsv(csvText(table));
    // The byte-order mark Excel needs opens the file.
    expect(csv[0][0]).toBe('\uFEFF部门');
    expect(csv[2]).toEqual(['气象局', '乙县（含导入）', '1', '0', '3', '', '3', '3']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxBytes(table, { filters: '筛选：无', source: '来源：测试', footer: '导出' })) as never);
    const sheet = book.worksheets[0];
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const first = values.find((r) => r[1] === '水利局')!;
    expect(first.slice(1)).toEqual(['水利局', '甲县', 4, 4, 12, 3, 8, 4]);
  });
});
