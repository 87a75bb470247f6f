/**
 * The text of one synthetic list, laid out as the real ones are (see data/raw/):
 * - 'title-page'  吉布库镇's: region + prefecture on one line, county + township on the next, 履职事项清单,
 *                 a date, a table of contents; section titles carry the place (昌吉州奇台县吉布库镇基本履职事项清单);
 * - 'one-line'    六工镇's: the whole title on one line, a table of contents, bare section titles;
 * - 'bare'        凉州户镇's: no title page, section titles carry the place;
 * - 'preface'     伊拉湖镇's: 内部, the title, a date, a 说明 stating totals and per-category counts (the build
 *                 checks them, so they are counted from the rows written), a table of contents;
 * - 'markdown'    新地乡's: a title page, '#' and '##' section titles, a spaced date (2025 年 7 月).
 * The column header row repeats at every page break. How much of the place a title names is the
 * caller's choice: all of it, no prefecture (the build fills it), or the township alone.
 */
import { LIST_KINDS, type ListKind } from '../../src/lib/parse/types';
import type { ComposedList, ComposedRow } from './compose';
import type { Random } from './random';
import type { TargetPlace } from './targets';

export type LayoutStyle = 'title-page' | 'one-line' | 'bare' | 'preface' | 'markdown';
export const LAYOUT_STYLES: readonly LayoutStyle[] = ['title-page', 'one-line', 'bare', 'preface', 'markdown'];
export type PlaceNaming = 'full' | 'no-prefecture' | 'township-only';

const REGION = '新疆维吾尔自治区';
const SECTION: Record<ListKind, string> = { basic: '基本履职事项清单', coop: '配合履职事项清单', reclaimed: '上级部门收回事项清单' };
/** Rows per printed page, as in the real lists: a page holds ten-odd short basic rows but only a few long coop rows. */
const ROWS_PER_PAGE: Record<ListKind, [number, number]> = { basic: [10, 16], coop: [3, 7], reclaimed: [5, 9] };
// How the real lists' last row ends; a row that ends otherwise would read as a file cut short.
const ENDS_SENTENCE = /[。；;！!？?）)”">]$/;

export interface LayoutChoice {
  style: LayoutStyle;
  naming: PlaceNaming;
}

type Rename = (row: ComposedRow, text: string) => string;

export function layoutList(list: ComposedList, place: TargetPlace, choice: LayoutChoice, rename: Rename, random: Random): string {
  const { style } = choice;
  const naming: PlaceNaming = place.regionDirect && choice.naming === 'full' ? 'no-prefecture' : choice.naming;
  const kind = place.township.endsWith('街道') ? '街道' : place.township.endsWith('乡') ? '乡' : '镇';
  const county = naming === 'township-only' ? '' : place.county;
  const prefecture = (short: boolean) => (naming === 'full' ? (short ? place.prefectureShort : place.prefecture) : '');
  const titled = (short: boolean) => `${prefecture(short)}${county}${place.township}`;
  const month = random.int(1, 9);
  const date = random.chance(0.15) ? null : style === 'markdown' ? `2025 年 ${month} 月` : `2025年${month}月`;
  const counts = Object.fromEntries(LIST_KINDS.map((l) => [l, list.rows[l].length])) as Record<ListKind, number>;

  const out: string[] = ['', ''];
  const blank = () => out.push('');
  const toc = (spaced: boolean) => {
    const pages = [1, 1 + Math.ceil(counts.basic / 11)];
    pages.push(pages[1] + Math.ceil(counts.coop / 2.6));
    LIST_KINDS.forEach((l, i) => out.push(`${i + 1}.${spaced ? ' ' : ''}${SECTION[l]}.....\t${pages[i]}`));
    blank();
  };
  const dated = () => {
    if (date) out.push(date, '');
  };

  if (style === 'title-page' || style === 'markdown') {
    const trailing = style === 'markdown' ? '  ' : '';
    out.push(`${REGION}${prefecture(false)}${trailing}`);
    out.push(`${county}${place.township}${trailing}`, '履职事项清单', '');
    dated();
    out.push(style === 'markdown' ? '# 目 录' : '目 录', '');
    toc(true);
  } else if (style === 'one-line') {
    const head = naming === 'township-only' ? '' : naming === 'full' ? `${REGION}${place.prefecture} ` : REGION;
    out.push(`${head}${county}${place.township}履职事项清单`, '');
    dated();
    out.push('目 录', '');
    toc(true);
  } else if (style === 'preface') {
    out.push('内部', '');
    const head = naming === 'township-only' ? '' : `${REGION}${prefecture(false)}`;
    out.push(`${head}${county}${county ? ' ' : ''}${place.township}履职事项清单`, '');
    dated();
    out.push(...preface(list, place.township, county, kind, random).flatMap((line) => [line, '']));
    out.push('目 录', '');
    toc(false);
  }

  for (const listKind of LIST_KINDS) {
    const title =
      style === 'one-line'
        ? SECTION[listKind]
        : style === 'markdown'
          ? `${listKind === 'coop' ? '##' : '#'} ${titled(false)}${SECTION[listKind]}`
          : `${titled(style !== 'preface')}${SECTION[listKind]}`;
    out.push(title, '');
    const header = headerOf(listKind, place, kind, random);
    const [fewest, most] = ROWS_PER_PAGE[listKind];
    const perPage = random.int(fewest, most);
    const rows = list.rows[listKind];
    rows.forEach((row, i) => {
      if (i > 0 && i % perPage === 0) out.push('');
      if (i % perPage === 0) out.push(header);
      const last = listKind === 'reclaimed' && i === rows.length - 1;
      out.push(rowLine(row, i + 1, rename, last));
    });
    blank();
  }
  return out.join('\n');
}

function headerOf(list: ListKind, place: TargetPlace, kind: string, random: Random): string {
  if (list === 'basic') return '序号\t事项类别\t事项名称';
  if (list === 'reclaimed') return '序号\t事项类别\t事项名称\t承接部门及工作方式';
  const column = random.pick(['乡镇配合职责', `${kind}配合职责`, `${place.township}配合职责`, '乡镇（街道）配合职责']);
  return `序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t${column}`;
}

function rowLine(row: ComposedRow, seq: number, rename: Rename, last: boolean): string {
  // A row kept as basic where others lead or reclaim it carries no department cells.
  const cells = row.list === row.row.list ? row.row.cells.map((cell) => rename(row, cell)) : [];
  if (last && cells.length && !ENDS_SENTENCE.test(cells[cells.length - 1].trim())) {
    cells[cells.length - 1] = `${cells[cells.length - 1].trimEnd()}。`;
  }
  return [String(seq), row.category, rename(row, row.name), ...cells].join('\t');
}

/** The 说明: the township in brief, how the list was drawn up with its totals, and each list's counts per category. */
function preface(list: ComposedList, township: string, county: string, kind: string, random: Random): string[] {
  const counts = LIST_KINDS.map((l) => list.rows[l].length);
  const total = counts.reduce((a, b) => a + b, 0);
  const perCategory = (l: ListKind) => {
    const byCategory = new Map<string, number>();
    for (const row of list.rows[l]) byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + 1);
    return { text: [...byCategory].map(([c, n]) => `${c} ${n} 项`).join('、'), size: byCategory.size };
  };
  const [basic, coop, reclaimed] = LIST_KINDS.map(perCategory);
  const villages = random.int(4, 16);
  const where = random.pick(['东部', '西部', '南部', '北部']);
  const economy = kind === '街道' ? '城区' : random.pick(['农业型', '牧业型', '农牧结合型', '城郊型']);
  return [
    '说明',
    '一、基本情况',
    `${county}${township}是${economy}${kind === '街道' ? '街道' : '乡镇'}，位于${county || '县城'}${where}，距县城 ${random.int(3, 90)} 公里、` +
      `区域面积 ${random.int(80, 3000)}.${random.int(10, 99)} 平方公里。下辖 ${villages} 个${kind === '街道' ? '社区' : '行政村'}。`,
    '二、编制过程',
    `${township}履职事项清单工作开展以来，${township}按照乡镇主体、自下而上、稳慎推进的工作思路，分三个阶段完成清单编制工作。` +
      `经${county || '县'}委编办初审、逐级审核把关，形成${township}履职事项清单。` +
      `共有履职事项 ${total} 项，其中，基本履职事项 ${counts[0]} 项、配合履职事项 ${counts[1]} 项、上级部门收回事项 ${counts[2]} 项。`,
    '三、清单内容',
    `基本履职事项清单是本${kind}必须为、负全责的事项。主要包括${basic.text}等 ${basic.size} 个类别，共有基本履职事项 ${counts[0]} 项。`,
    `配合履职事项清单是以上级部门为主负责、本${kind}为辅配合的履职事项。主要包括${coop.text}，等 ${coop.size} 个类别，共有配合履职事项 ${counts[1]} 项。`,
    `上级部门收回事项清单是与本${kind}工作没有直接关联的事项，专业性技术性强、经评估乡镇无力承接的事项，以及长期未实际履行的事项。` +
      `${reclaimed.text}，等 ${reclaimed.size} 个类别，共有上级部门收回事项 ${counts[2]} 项。`,
  ];
}
