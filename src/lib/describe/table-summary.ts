/**
 * A chart's figures in words, for screen readers (#11): every chart frame can export the rows it draws
 * (src/lib/export/view-tables.ts), so the description is read off that same table rather than written
 * once per chart — it cannot drift from what is drawn, and a new chart is described without new code.
 *
 * What it says: how many rows the chart holds; for its main measures (a 合计 or 中位数 column first,
 * then the others in order, at most three) which rows are highest and lowest and the median; for a
 * matrix of statuses (收回事项热力图), how many cells hold each status.
 */
import type { ExportTable, TableCell, TableColumn } from '../export/table';
import { joinNames, leaders } from '../ui/leaders';
import { DESCRIBE_STRINGS as S, formatCount, formatShare } from '../ui/strings';

/** Columns said first: the sum of a row, or the middle of a distribution. */
const PRIORITY = new Set(S.priorityHeaders);

const isNumber = (cell: TableCell): cell is number => typeof cell === 'number' && Number.isFinite(cell);
const isText = (cell: TableCell): cell is string => typeof cell === 'string' && cell.trim() !== '';

function columnCells(table: ExportTable, index: number): TableCell[] {
  return table.rows.map((row) => row[index] ?? null);
}

/** A column of numbers only (blanks allowed), with at least one number. */
function isMeasure(cells: TableCell[]): boolean {
  return cells.some(isNumber) && cells.every((c) => c === null || isNumber(c));
}

/** 名次 1, 2, 2, 4…: numbers that order the rows, not a figure about them. */
function isRank(cells: TableCell[]): boolean {
  const numbers = cells.filter(isNumber);
  return (
    numbers.length === cells.length && numbers[0] === 1 && numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n >= numbers[i - 1]))
  );
}

function formatValue(value: number, column: TableColumn): string {
  if (column.format === 'percent') return formatShare(value);
  return Number.isInteger(value) ? formatCount(value) : formatCount(Math.round(value * 10) / 10);
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One measure: highest and lowest rows (every tied one, named up to four), and the median. */
function describeMeasure(table: ExportTable, index: number, labelOf: (row: TableCell[]) => string): string {
  const column = table.columns[index];
  const valued = table.rows.filter((row) => isNumber(row[index] ?? null));
  const value = (row: TableCell[]) => row[index] as number;
  const highest = leaders(valued, value);
  const lowest = leaders(valued, (row) => -value(row));
  const max = value(highest[0]);
  const min = value(lowest[0]);
  if (max === min) return S.allEqual(column.header, formatValue(max, column), valued.length);
  const named = (rows: TableCell[][]) => joinNames(rows.map(labelOf));
  const middle = valued.length >= 3 ? formatValue(median(valued.map(value).sort((a, b) => a - b)), column) : null;
  return S.measure(column.header, named(highest), formatValue(max, column), named(lowest), formatValue(min, column), middle);
}

/** Cells of a status matrix (its columns' cells), counted by status, most frequent first. */
function describeStatuses(columns: TableCell[][]): string | null {
  const counts = new Map<string, number>();
  for (const cells of columns) for (const cell of cells) if (isText(cell)) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  if (counts.size === 0) return null;
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([status, n]) => S.statusCount(status, formatCount(n)));
  return S.statuses(formatCount(columns.length), parts);
}

/** The table's figures as sentences a screen reader reads after the chart's title. */
export function describeTable(table: ExportTable, maxMeasures = 3): string {
  if (table.rows.length === 0) return S.empty;
  const indices = table.columns.map((_, i) => i);
  const cells = indices.map((i) => columnCells(table, i));
  const labelIndex =
    indices.find((i) => table.columns[i].describeAs === 'label') ?? indices.find((i) => cells[i].some(isText) && !isMeasure(cells[i]));
  const labelOf = (row: TableCell[]) => {
    const cell = labelIndex === undefined ? null : row[labelIndex];
    return isText(cell) ? cell : S.rowNumber(table.rows.indexOf(row) + 1);
  };

  const measures = indices.filter((i) => isMeasure(cells[i]) && !isRank(cells[i]));
  const ordered = [
    ...measures.filter((i) => PRIORITY.has(table.columns[i].header)),
    ...measures.filter((i) => !PRIORITY.has(table.columns[i].header)),
  ];
  const said = ordered.slice(0, maxMeasures);

  const statusColumns = indices.filter((i) => table.columns[i].describeAs === 'status');
  const statuses = statusColumns.length ? describeStatuses(statusColumns.map((i) => cells[i])) : null;

  const sentences = [S.rows(formatCount(table.rows.length), labelIndex === undefined ? null : table.columns[labelIndex].header || null)];
  if (statuses) sentences.push(statuses);
  for (const i of said) sentences.push(describeMeasure(table, i, labelOf));
  const unsaid = measures.length - said.length;
  if (unsaid > 0) sentences.push(S.more(formatCount(unsaid)));
  return sentences.join('');
}
