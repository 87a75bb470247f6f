import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetName, XLSX_HEADER_ROW, xlsxBytes } from '../../../src/lib/export/xlsx';
import type { ExportTable } from '../../../src/lib/export/table';

const table: ExportTable = {
  title: '最依赖的部门：农业农村局覆盖 5 个乡镇',
  columns: [{ header: '部门' }, { header: '乡镇数（个）' }, { header: '收回占比', format: 'percent' }],
  rows: [
    ['农业农村局', 5, 0.25],
    ['=1+1', 3, null],
  ],
};
const caption = {
  filters: '筛选：清单：配合',
  source: '来源：乡镇履职事项清单 — 吉布库镇（奇台县，2025年7月发布）',
  footer: '履职事项清单看板 导出 · 2026-11-26',
};

describe('XLSX', () => {
  it('opens with a reader library and holds the title, the caption, the header and every row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxBytes(table, caption)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe(table.title);
    expect(sheet.getCell('A2').value).toBe(caption.filters);
    expect(sheet.getCell('A3').value).toBe(caption.source);
    expect(sheet.getRow(XLSX_HEADER_ROW).values).toEqual([undefined, '部门', '乡镇数（个）', '收回占比']);
    const rows = [];
    for (let r = XLSX_HEADER_ROW + 1; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['农业农村局', 5, 0.25],
      ['=1+1', 3],
    ]);
    // Text that looks like a formula is text, not a formula.
    expect(sheet.getCell(XLSX_HEADER_ROW + 2, 1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getColumn(3).numFmt).toBe('0.0%');
  });

  it('names the sheet within Excel’s 31 characters, without the characters it refuses', () => {
    expect(sheetName('a/b:c?d*e[f]g\\h')).toBe('a b c d e f g h');
    expect([...sheetName('长'.repeat(40))]).toHaveLength(31);
  });
});
