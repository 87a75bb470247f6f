import type { ListKind, StatedCounts } from './types';

/**
 * Reads the totals a 说明 preface states, e.g. 伊拉湖镇's
 *   "共有履职事项 245 项，其中，基本履职事项 110 项、配合履职事项 101 项、上级部门收回事项 34 项。"
 *   "基本履职事项清单是…。主要包括党的建设 24 项、经济发展 3 项、…等 20 个类别，共有基本履职事项 110 项，…"
 * so the build can check them against what it parsed.
 */

const LIST_OPENERS: [RegExp, ListKind][] = [
  [/^基本履职事项清单是/, 'basic'],
  [/^配合履职事项清单是/, 'coop'],
  [/^上级部门收回事项清单是/, 'reclaimed'],
];

const LIST_TOTAL: Record<ListKind, RegExp> = {
  basic: /共有基本履职事项\s*(\d+)\s*项/,
  coop: /共有配合履职事项\s*(\d+)\s*项/,
  reclaimed: /共有上级部门收回事项\s*(\d+)\s*项/,
};

const SUMMARY_PIECES: [ListKind, RegExp][] = [
  ['basic', /基本履职事项\s*(\d+)\s*项/],
  ['coop', /配合履职事项\s*(\d+)\s*项/],
  ['reclaimed', /上级部门收回事项\s*(\d+)\s*项/],
];

export interface StatedParagraph {
  line: number;
  text: string;
}

function categoryCounts(text: string): Record<string, number> | null {
  // The run of "类别 N 项" pieces that ends with "等 N 个类别".
  const run = /((?:[\u4e00-\u9fff]+\s*\d+\s*项\s*[、，,]?\s*)+)等\s*\d+\s*个类别/.exec(text);
  if (!run) return null;
  const counts: Record<string, number> = {};
  for (const m of run[1].matchAll(/([\u4e00-\u9fff]+?)\s*(\d+)\s*项/g)) {
    const category = m[1].replace(/^主要包括/, '');
    counts[category] = (counts[category] ?? 0) + Number(m[2]);
  }
  return counts;
}

export function readStatedCounts(paragraphs: StatedParagraph[]): StatedCounts | null {
  let stated: StatedCounts | null = null;
  const ensure = (line: number) => (stated ??= { line, total: null, summary: {}, lists: {} });
  for (const { line, text } of paragraphs) {
    const total = /共有履职事项\s*(\d+)\s*项/.exec(text);
    if (total) {
      const s = ensure(line);
      s.line = line;
      s.total = Number(total[1]);
      for (const [list, re] of SUMMARY_PIECES) {
        const m = re.exec(text.slice(total.index));
        if (m) s.summary[list] = Number(m[1]);
      }
    }
    const opener = LIST_OPENERS.find(([re]) => re.test(text));
    if (!opener) continue;
    const list = opener[1];
    const listTotal = LIST_TOTAL[list].exec(text);
    const categories = categoryCounts(text);
    if (!listTotal && !categories) continue;
    const categorySum = Object.values(categories ?? {}).reduce((a, b) => a + b, 0);
    const departments = /涉及\s*(\d+)\s*个部门/.exec(text);
    ensure(line).lists[list] = {
      total: listTotal ? Number(listTotal[1]) : categorySum,
      line,
      categories: categories ?? {},
      departments: departments ? Number(departments[1]) : null,
    };
  }
  return stated;
}
