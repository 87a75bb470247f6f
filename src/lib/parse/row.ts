import type { ListKind, ParsedItem } from './types';
import { cleanText } from './text';
import { cellPieces, cellText } from './cell-text';
import { parseCellSteps } from './cell-steps';
import type { ParseRefusal } from './refusal';

/** One table row → one item. Refusals go through `fail` so they carry the file and line. */

export const LIST_NAMES: Record<ListKind, string> = {
  basic: '基本履职事项清单',
  coop: '配合履职事项清单',
  reclaimed: '上级部门收回事项清单',
};

/** Cells per row in each list: 序号, 事项类别, 事项名称 (+ 对应上级部门, 上级部门职责, 乡镇配合职责 | + 承接部门及工作方式). */
export const COLUMNS: Record<ListKind, number> = { basic: 3, coop: 6, reclaimed: 4 };

// A Word list's auto-numbered 序号 column reads "1." or "1、" (src/lib/import/docx writes the numbers).
export const ROW = /^\d+[.．、]?\t/;

export type Fail = (line: number, refusal: ParseRefusal) => never;

export function readItem(line: string, list: ListKind, lineNo: number, fail: Fail): ParsedItem {
  const cells = line.split('\t');
  const seq = parseInt(cells[0], 10);
  if (cells.length !== COLUMNS[list]) fail(lineNo, { kind: 'wrong-cell-count', list, seq, cells: cells.length, expected: COLUMNS[list] });
  const category = cellText(cells[1]);
  const name = cellText(cells[2]);
  if (!category) fail(lineNo, { kind: 'empty-category', seq });
  if (!name) fail(lineNo, { kind: 'empty-name', seq });
  for (const cell of cells.slice(3)) {
    const open = (cell.match(/<p\b/gi) ?? []).length;
    const closed = (cell.match(/<\/p>/gi) ?? []).length;
    if (open > closed) fail(lineNo, { kind: 'unclosed-paragraph', seq });
  }

  const item: ParsedItem = { list, seq, category, name, line: lineNo, leadDepartments: [], departmentSteps: [], townshipSteps: [] };
  if (list === 'coop') {
    // Paragraphs and lines in the cell separate names as 、 does.
    item.leadDepartments = cellPieces(cells[3])
      .join('、')
      .split(/[、，,；;]/)
      .map((d) => cleanText(d).replace(/\s+/g, ''))
      .filter(Boolean);
    if (item.leadDepartments.length === 0) fail(lineNo, { kind: 'no-lead-department', seq });
    item.departmentSteps = parseCellSteps(cells[4]);
    item.townshipSteps = parseCellSteps(cells[5]);
  } else if (list === 'reclaimed') {
    item.departmentSteps = parseCellSteps(cells[3]);
    if (!item.departmentSteps.some((g) => g.steps.length > 0)) fail(lineNo, { kind: 'empty-receiver-steps', seq });
  }
  return item;
}

// How a list's last row ends in every published file: a full stop or a closing tag. A file that
// stops mid-sentence lost its end (the published lists end on a full row).
const ENDS_SENTENCE = /[。；;！!？?）)”">]$/;

/** Refuses a file whose last row stops mid-sentence: the sign of a file cut short. */
export function checkEndsCleanly(lines: string[], fail: Fail): void {
  let last = lines.length;
  while (last > 0 && lines[last - 1].trim() === '') last--;
  const line = lines[last - 1].trim();
  if (!ROW.test(line)) return;
  const cells = line.split('\t');
  const lastCell = cells[cells.length - 1].trim();
  if (cells.length > 3 && !ENDS_SENTENCE.test(lastCell)) {
    fail(last, { kind: 'truncated-last-row', seq: cells[0], ending: lastCell.slice(-12) });
  }
}
