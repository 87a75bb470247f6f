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

export interface ColumnLabels {
  /** Whether the labels are written top to bottom (each a column of characters). */
  vertical: boolean;
  /** The text of each label, in column order. */
  labels: string[];
  /** Height the labels need above the columns, in px. */
  height: number;
}

/**
 * Labels for columns `columnWidth` px wide: the full names across when every one fits, else the short
 * names written vertically (CJK reads naturally top to bottom), cut at VERTICAL_LABEL_CHARS.
 */
export function columnLabels(names: readonly string[], columnWidth: number, fontSize: number): ColumnLabels {
  if (names.every((n) => textWidth(n, fontSize) <= columnWidth - 4)) return { vertical: false, labels: [...names], height: fontSize };
  const labels = names.map((n) => {
    const short = shortPlaceName(n);
    return [...short].length > VERTICAL_LABEL_CHARS ? [...short].slice(0, VERTICAL_LABEL_CHARS - 1).join('') + '…' : short;
  });
  const chars = Math.max(1, ...labels.map((l) => [...l].length));
  return { vertical: true, labels, height: chars * fontSize * 1.05 };
}
