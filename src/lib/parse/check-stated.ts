import { LIST_KINDS, type ParsedItem, type StatedCounts } from './types';

export interface CountMismatch {
  line: number;
  message: string;
}

/**
 * Compares what a 说明 states with what was parsed: the grand total, each list's total, the number
 * of categories and each category's count. A leader who reads "34 项收回" must find 34 rows.
 */
export function checkStatedCounts(stated: StatedCounts, items: readonly ParsedItem[]): CountMismatch[] {
  const problems: CountMismatch[] = [];
  const parsedIn = (list: string, category?: string) =>
    items.filter((i) => i.list === list && (category === undefined || i.category === category)).length;

  if (stated.total !== null && stated.total !== items.length) {
    problems.push({ line: stated.line, message: `the 说明 states ${stated.total} items in all, the lists hold ${items.length}` });
  }
  for (const list of LIST_KINDS) {
    const summary = stated.summary[list];
    if (summary !== undefined && summary !== parsedIn(list)) {
      problems.push({ line: stated.line, message: `the 说明 states ${summary} ${list} items, the list holds ${parsedIn(list)}` });
    }
    const own = stated.lists[list];
    if (!own) continue;
    if (own.total !== parsedIn(list)) {
      problems.push({ line: own.line, message: `the 说明 states ${own.total} ${list} items, the list holds ${parsedIn(list)}` });
    }
    const statedCategories = Object.entries(own.categories);
    if (statedCategories.length === 0) continue;
    for (const [category, count] of statedCategories) {
      const parsed = parsedIn(list, category);
      if (parsed !== count)
        problems.push({ line: own.line, message: `the 说明 states ${category} ${count} (${list}), the list holds ${parsed}` });
    }
    const unstated = [...new Set(items.filter((i) => i.list === list).map((i) => i.category))].filter((c) => !(c in own.categories));
    for (const category of unstated) {
      problems.push({
        line: own.line,
        message: `the ${list} list has category ${category} (${parsedIn(list, category)} items), which the 说明 does not mention`,
      });
    }
  }
  return problems;
}
