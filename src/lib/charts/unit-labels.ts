import { PREFECTURE_FULL_NAMES } from '../parse/place';
import { textWidth } from './text-width';

/**
 * Column labels for charts whose columns are townships, counties or prefectures. Xinjiang's
 * autonomous prefectures and counties have long official names (克孜勒苏柯尔克孜自治州, 塔什库尔干塔吉克自治县)
 * that no column of a heatmap is wide enough for, so a column is labelled with the short form people
 * say (克州, 塔什库尔干县), written vertically when even that does not fit across; the full name stays in
 * the label's tooltip and aria-label.
 */

const SHORT_OF_FULL = new Map(Object.entries(PREFECTURE_FULL_NAMES).map(([short, full]) => [full, short]));

/** The short form of a place name: 伊犁哈萨克自治州 → 伊犁州, 察布查尔锡伯自治县 → 察布查尔县; others unchanged. */
export function shortPlaceName(name: string): string {
  const short = SHORT_OF_FULL.get(name);
  if (short) return short;
  if (name === '自治区直辖县级行政区划') return '自治区直辖';
  // An autonomous county keeps its place name and 县 (the people it is named for are dropped): 焉耆回族自治县 → 焉耆县.
  const county = /^(.+?)(?:回族|哈萨克|蒙古|锡伯|塔吉克|柯尔克孜|维吾尔)自治县$/.exec(name);
  if (county) return `${county[1]}县`;
  const prefecture = /^(.+?)(?:回族|哈萨克|蒙古|柯尔克孜|维吾尔)自治州$/.exec(name);
  if (prefecture) return `${prefecture[1]}州`;
  return name;
}

/** Most characters a vertical label shows before it is cut with '…'. */
export const VERTICAL_LABEL_CHARS = 6;
/** Line height of stacked label lines, in ems. */
export const LABEL_LINE_HEIGHT = 1.05;

export interface ColumnLabels {
  /** Each label's lines, top to bottom (a vertical label has a character a line). */
  lines: string[][];
  /**
   * Per label and line, the end of the line that is the label's imported mark (（导入）, or a part of it
   * where it is broken over lines; '' on lines of the name alone), for the chart to draw in the mark's
   * colour. The mark is never cut: the name is, where both do not fit.
   */
  marks: string[][];
  /** Whether the labels are written top to bottom. */
  vertical: boolean;
  /** Height the labels need above the columns, in px. */
  height: number;
}

/** A full-width bracket turned for vertical writing: （导入） reads ︵导入︶ top to bottom. */
const VERTICAL_FORMS: Record<string, string> = { '（': '︵', '）': '︶' };

/**
 * Labels for columns `columnWidth` px wide: the full names across when every one fits; else, where a
 * column holds three characters or more, each name on one line if it fits, else its short form, else
 * the name or its short form on two balanced lines (cut with '…' if need be); else the short names written vertically (CJK reads naturally top to bottom),
 * cut at VERTICAL_LABEL_CHARS. The full name belongs in each label's tooltip.
 *
 * `marks[i]` (the imported mark, or '') follows name i: on its line where both fit, else on a line of
 * its own (broken in two in a column too narrow for it), else, vertical, a character a line below the
 * name; the name is shortened first, the mark never.
 */
export function columnLabels(names: readonly string[], columnWidth: number, fontSize: number, marks: readonly string[] = []): ColumnLabels {
  const room = columnWidth - 4;
  const fits = (text: string) => textWidth(text, fontSize) <= room;
  const markOf = (i: number) => marks[i] ?? '';
  if (names.every((n, i) => fits(n + markOf(i))))
    return { lines: names.map((n, i) => [n + markOf(i)]), marks: names.map((_, i) => [markOf(i)]), vertical: false, height: fontSize };
  const height = (lines: number) => lines * fontSize * LABEL_LINE_HEIGHT;
  if (room >= 3 * fontSize) {
    const twoLines = (text: string) => {
      const chars = [...text];
      const cut = Math.ceil(chars.length / 2);
      return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    };
    const nameLines = (name: string) => {
      const short = shortPlaceName(name);
      // One line before two: the short form across (察布查尔县) reads better than the full name broken (察布查尔锡 / 伯自治县).
      if (fits(name)) return [name];
      if (fits(short)) return [short];
      for (const text of [name, short]) {
        const split = twoLines(text);
        if (split.every(fits)) return split;
      }
      // Even the short form is longer than two lines: cut it to what two lines hold.
      const chars = [...short];
      const perLine = chars.reduce((n, _, i) => (fits(chars.slice(0, i + 1).join('')) ? i + 1 : n), 1);
      return [chars.slice(0, perLine).join(''), chars.slice(perLine, 2 * perLine - 1).join('') + '…'];
    };
    const labels = names.map((name, i) => {
      const lines = nameLines(name);
      const mark = markOf(i);
      if (!mark) return { lines, marks: lines.map(() => '') };
      const last = lines.length - 1;
      if (fits(lines[last] + mark))
        return { lines: [...lines.slice(0, last), lines[last] + mark], marks: [...lines.map(() => '').slice(0, last), mark] };
      const markLines = fits(mark) ? [mark] : twoLines(mark);
      return { lines: [...lines, ...markLines], marks: [...lines.map(() => ''), ...markLines] };
    });
    return {
      lines: labels.map((l) => l.lines),
      marks: labels.map((l) => l.marks),
      vertical: false,
      height: height(Math.max(...labels.map((l) => l.lines.length))),
    };
  }
  const labels = names.map((n, i) => {
    const chars = [...shortPlaceName(n)];
    const mark = [...markOf(i)].map((c) => VERTICAL_FORMS[c] ?? c);
    // A marked name gives up characters to its mark, down to four (a county's name, 托克逊县, whole),
    // so the header grows by a few lines at most.
    const most = mark.length ? Math.max(4, VERTICAL_LABEL_CHARS + 2 - mark.length) : VERTICAL_LABEL_CHARS;
    const name = chars.length > most ? [...chars.slice(0, most - 1), '…'] : chars;
    return { lines: [...name, ...mark], marks: [...name.map(() => ''), ...mark] };
  });
  return {
    lines: labels.map((l) => l.lines),
    marks: labels.map((l) => l.marks),
    vertical: true,
    height: height(Math.max(1, ...labels.map((l) => l.lines.length))),
  };
}
