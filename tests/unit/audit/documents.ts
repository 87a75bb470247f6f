/**
 * The bundled lists read the way a person reads them, without the parser: each table row with the
 * list its header row says it belongs to, and the totals the 说明 states. What the audit's figures
 * are checked against.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ListKind } from '../../../src/lib/parse/types';

export const RAW = resolve(import.meta.dirname, '../../../data/raw');

export interface DocumentRow {
  list: ListKind;
  line: number;
  seq: number;
  cells: string[];
}

/** A header row's columns give its list: 3 basic, 6 coop (lead department, …), 4 reclaimed. */
const LIST_OF_COLUMNS: Record<number, ListKind> = { 3: 'basic', 6: 'coop', 4: 'reclaimed' };

export function documentRows(file: string): DocumentRow[] {
  const rows: DocumentRow[] = [];
  let list: ListKind | null = null;
  readFileSync(resolve(RAW, file), 'utf8')
    .split(/\r?\n/)
    .forEach((text, i) => {
      const cells = text.split('\t');
      if (cells[0] === '序号') list = LIST_OF_COLUMNS[cells.length] ?? null;
      else if (list && /^\d+$/.test(cells[0])) rows.push({ list, line: i + 1, seq: Number(cells[0]), cells });
    });
  return rows;
}

/** "共有基本履职事项 110 项" and its like in the 说明: the total stated per list, where it is. */
export function statedTotals(file: string): Partial<Record<ListKind, number>> {
  const text = readFileSync(resolve(RAW, file), 'utf8');
  const out: Partial<Record<ListKind, number>> = {};
  for (const [list, words] of [
    ['basic', '基本履职事项'],
    ['coop', '配合履职事项'],
    ['reclaimed', '上级部门收回事项'],
  ] as const) {
    const m = new RegExp(`共有${words}\\s*(\\d+)\\s*项`).exec(text);
    if (m) out[list] = Number(m[1]);
  }
  return out;
}

export const documentFiles = () => readdirSync(RAW).filter((f) => f.endsWith('.txt'));
