import { LIST_KINDS, type ParsedItem, type StatedCounts } from './types';
import { mismatchInEnglish, type StatedMismatch } from './refusal';

export interface CountMismatch {
  line: number;
  mismatch: StatedMismatch;
  /** The mismatch in English, for the build's report. */
  message: string;
}

/**
 * Compares what a 说明 states with what was parsed: the grand total, each list's total, the number
 * of categories and each category's count. A leader who reads "34 项收回" must find 34 rows.
 */
export function checkStatedCounts(stated: StatedCounts, items: readonly ParsedItem[]): CountMismatch[] {
  const problems: CountMismatch[] = [];
  const add = (line: number, mismatch: StatedMismatch) => problems.push({ line, mismatch, message: mismatchInEnglish(mismatch) });
  const parsedIn = (list: string, category?: string) =>
    items.filter((i) => i.list === list && (category === undefined || i.category === category)).length;

  if (stated.total !== null && stated.total !== items.length) {
    add(stated.line, { kind: 'total', at: { line: stated.line }, stated: stated.total, parsed: items.length });
  }
  for (const list of LIST_KINDS) {
    const summary = stated.summary[list];
    if (summary !== undefined && summary !== parsedIn(list)) {
      add(stated.line, { kind: 'list-total', at: { line: stated.line }, list, stated: summary, parsed: parsedIn(list) });
    }
    const own = stated.lists[list];
    if (!own) continue;
    if (own.total !== parsedIn(list)) {
      add(own.line, { kind: 'list-total', at: { line: own.line }, list, stated: own.total, parsed: parsedIn(list) });
    }
    const statedCategories = Object.entries(own.categories);
    if (statedCategories.length === 0) continue;
    for (const [category, count] of statedCategories) {
      const parsed = parsedIn(list, category);
      if (parsed !== count) add(own.line, { kind: 'category', at: { line: own.line }, list, category, stated: count, parsed });
    }
    const unstated = [...new Set(items.filter((i) => i.list === list).map((i) => i.category))].filter((c) => !(c in own.categories));
    for (const category of unstated) {
      add(own.line, { kind: 'unstated-category', at: { line: own.line }, list, category, parsed: parsedIn(list, category) });
    }
  }
  return problems;
}
