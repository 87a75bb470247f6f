import type { ExportTable, TableCaption } from './table';

/**
 * XLSX through exceljs, a maintained library (the format is a zip of OOXML parts with shared
 * strings, styles and a workbook relation graph: not something to write by hand). exceljs is about
 * 1 MB of code, so it is imported only here, only when a reader asks for an XLSX: it never lands
 * on the first paint's path (Vite puts a dynamic import in its own chunk).
 *
 * The sheet: the title (bold), the filters in force and the source, a blank row, then the header
 * (bold, frozen, with an auto-filter) and the rows. Text cells are written as text, never formulas,
 * so a duty name starting with = is shown as written.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows above the header: title, filters, source, footer, a blank one. */
export const XLSX_HEADER_ROW = 6;

export async function xlsxBytes(table: ExportTable, caption: TableCaption): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = caption.footer;
  workbook.created = new Date();
  // A sheet name is at most 31 characters and may not hold : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
  });
  sheet.getCell('A1').value = table.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = caption.filters;
  sheet.getCell('A3').value = caption.source;
  sheet.getCell('A4').value = caption.footer;
  sheet.getCell('A4').font = { color: { argb: 'FF666666' }, size: 9 };

  const header = sheet.getRow(XLSX_HEADER_ROW);
  header.values = table.columns.map((c) => c.header);
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
  table.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.width ?? estimatedWidth(table, i);
    if (column.format === 'percent') sheetColumn.numFmt = '0.0%';
  });
  if (table.rows.length)
    sheet.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: XLSX_HEADER_ROW, column: table.columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function sheetName(title: string): string {
  return (
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet1'
  );
}

/** Characters wide enough for the header and most cells (CJK counting two), within 8–60. */
function estimatedWidth(table: ExportTable, column: number): number {
  const widths = [table.columns[column].header, ...table.rows.slice(0, 500).map((r) => r[column])].map((v) =>
    v === null ? 0 : displayWidth(String(v)),
  );
  return Math.min(60, Math.max(8, Math.max(...widths) + 2));
}

const displayWidth = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
