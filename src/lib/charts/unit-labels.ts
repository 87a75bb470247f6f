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
  /** Whether the labels are written top to bottom. */
  vertical: boolean;
  /** Height the labels need above the columns, in px. */
  height: number;
}

/**
 * Labels for columns `columnWidth` px wide: the full names across when every one fits; else, where a
 * column holds three characters or more, each name on one line if it fits, else its short form, else
 * the name or its short form on two balanced lines (cut with '…' if need be); else the short names written vertically (CJK reads naturally top to bottom),
 * cut at VERTICAL_LABEL_CHARS. The full name belongs in each label's tooltip.
 */
export function columnLabels(names: readonly string[], columnWidth: number, fontSize: number): ColumnLabels {
  const room = columnWidth - 4;
  const fits = (text: string) => textWidth(text, fontSize) <= room;
  if (names.every(fits)) return { lines: names.map((n) => [n]), vertical: false, height: fontSize };
  const height = (lines: number) => lines * fontSize * LABEL_LINE_HEIGHT;
  if (room >= 3 * fontSize) {
    const twoLines = (text: string) => {
      const chars = [...text];
      const cut = Math.ceil(chars.length / 2);
      return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    };
    const lines = names.map((name) => {
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
    });
    return { lines, vertical: false, height: height(Math.max(...lines.map((l) => l.length))) };
  }
  const lines = names.map((n) => {
    const chars = [...shortPlaceName(n)];
    return chars.length > VERTICAL_LABEL_CHARS ? [...chars.slice(0, VERTICAL_LABEL_CHARS - 1), '…'] : chars;
  });
  return { lines, vertical: true, height: height(Math.max(1, ...lines.map((l) => l.length))) };
}
