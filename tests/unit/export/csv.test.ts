import { describe, expect, it } from 'vitest';
import { csvBytes, csvCell, csvText, neutraliseFormula } from '../../../src/lib/export/csv';
import type { ExportTable } from '../../../src/lib/export/table';
import { readCsv } from './read-csv';

const table: ExportTable = {
  title: '事项',
  columns: [{ header: '乡镇' }, { header: '事项名称' }, { header: '总数' }, { header: '收回占比', format: 'percent' }],
  rows: [
    ['吉布库镇', '负责辖区内"两违"整治，含巡查、上报', 245, 0.1234],
    ['六工镇', '第一行\n第二行', -3, null],
    ['新地乡', '=HYPERLINK("http://x","点")', 0, 1],
  ],
};

describe('CSV for Excel and WPS', () => {
  it('starts with the UTF-8 byte-order mark, so Excel and WPS read the Chinese as UTF-8', () => {
    const bytes = csvBytes(table);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).startsWith('乡镇,事项名称')).toBe(true);
  });

  it('reads back as the header and every row, with commas, quotes and line breaks inside cells intact', () => {
    const rows = readCsv(csvText(table).slice(1));
    expect(rows).toHaveLength(table.rows.length + 1);
    expect(rows[0]).toEqual(['乡镇', '事项名称', '总数', '收回占比']);
    expect(rows[1]).toEqual(['吉布库镇', '负责辖区内"两违"整治，含巡查、上报', '245', '12.3%']);
    expect(rows[2]).toEqual(['六工镇', '第一行\n第二行', '-3', '']);
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('吉布库镇')).toBe('吉布库镇');
    const rows = readCsv(csvText(table).slice(1));
    expect(rows[3][1]).toBe(`'=HYPERLINK("http://x","点")`);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3')).toBe(`'-3`);
    expect(csvCell(null)).toBe('');
  });

  it('ends every line, the last included, with CRLF', () => {
    const text = csvText(table);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\r')).toBe(false);
  });
});
