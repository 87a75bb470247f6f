import type { ExportTable, TableCell, TableColumn } from './table';

/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both read Chinese as the system's
 * ANSI code page, GBK, and show mojibake), CRLF line ends, RFC 4180 quoting. Header row, then the
 * rows: nothing above the header, so the file reads back as data; the title, filters and source are
 * in the XLSX (and the title in the file name).
 */

const BOM = '\uFEFF';

/**
 * A text cell a spreadsheet would run as a formula (= + - @, or a tab or carriage return that
 * some import paths strip before one) gets a leading apostrophe: duty names and steps come from
 * documents and a reader's own files, and `=HYPERLINK(…)` in a cell must stay text (OWASP's
 * CSV-injection advice). Numbers are never text here, so a negative number stays a number.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell as CSV text: quoted where it holds a comma, quote, or line break (quotes doubled). */
export function csvCell(value: TableCell, column?: TableColumn): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = column?.format === 'percent' ? percentText(value) : String(value);
  else text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A fraction as the screen writes a share: one decimal (0.1234 → 12.3%). */
const percentText = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** The table as CSV text, BOM first. */
export function csvText(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.header)), ...table.rows.map((row) => row.map((v, i) => csvCell(v, table.columns[i])))];
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** The CSV file's bytes (UTF-8; the BOM encodes as EF BB BF). */
export function csvBytes(table: ExportTable): Uint8Array {
  return new TextEncoder().encode(csvText(table));
}
