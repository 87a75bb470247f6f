import type { Place } from './types';
import { squeezeHanSpaces } from './text';

/**
 * Where a list comes from, read from its title page ("新疆维吾尔自治区昌吉回族自治州 / 奇台县吉布库镇")
 * or, when it has none, from a section title ("昌吉州玛纳斯县凉州户镇基本履职事项清单").
 *
 * Documents name their place in several ways, all accepted, with or without 新疆维吾尔自治区 before:
 *   昌吉州奇台县吉布库镇…      prefecture, county and township
 *   奇台县吉布库镇…            county and township (石河子市北泉镇: a city the region administers itself)
 *   昌吉州吉布库镇…            prefecture and township
 *   吉布库镇…                  the township alone
 * The parser only reads names; checking them against the place table and filling the levels a
 * document leaves out is the model's job (src/lib/model/places.ts).
 */

/**
 * Prefectures are written short in the lists; the place table and the database know only the full
 * name. The one reviewed list of short forms: the department model and the synthetic lists read it
 * from here too.
 */
export const PREFECTURE_FULL_NAMES: Readonly<Record<string, string>> = {
  昌吉州: '昌吉回族自治州',
  伊犁州: '伊犁哈萨克自治州',
  博州: '博尔塔拉蒙古自治州',
  巴州: '巴音郭楞蒙古自治州',
  克州: '克孜勒苏柯尔克孜自治州',
};

const HAN = '[\\u4e00-\\u9fff]';
// No name starts with an administrative suffix: this is what splits 新市区北京路街道 as 新市区 + 北京路街道,
// not 新市 + 区北京路街道, while the lazy quantifiers keep each name as short as the text allows.
const START = '(?![县市区州镇乡街])';
// The short forms first: 巴州, 博州 and 克州 are shorter than any full name.
const SHORT_FORMS = Object.keys(PREFECTURE_FULL_NAMES).join('|');
const PREFECTURE = `(?:${SHORT_FORMS}|${START}${HAN}{2,12}?(?:自治州|地区|州|市))`;
// Before a township directly, only a 州 or 地区 is a prefecture: "X市Y镇" is a county-level city's township.
const PREFECTURE_NOT_CITY = `(?:${SHORT_FORMS}|${START}${HAN}{2,12}?(?:州|地区))`;
const COUNTY = `${START}${HAN}{1,14}?(?:自治县|县|市|区)`;
const TOWNSHIP = `${START}${HAN}{1,16}?(?:镇|乡|街道)`;
// What may follow the place: the title of the whole list or of one of its parts, or nothing.
const TITLE_END = '(?:(?:基本|配合)?履职事项清单|(?:上级部门)?收回事项清单)?$';

/** Title forms, most complete first; each names the levels it carries. */
const FORMS = [
  new RegExp(`^(?<prefecture>${PREFECTURE})(?<county>${COUNTY})(?<township>${TOWNSHIP})${TITLE_END}`),
  new RegExp(`^(?<county>${COUNTY})(?<township>${TOWNSHIP})${TITLE_END}`),
  new RegExp(`^(?<prefecture>${PREFECTURE_NOT_CITY})(?<township>${TOWNSHIP})${TITLE_END}`),
  new RegExp(`^(?<township>${TOWNSHIP})${TITLE_END}`),
];

const REGION = /^(?:新疆维吾尔自治区|自治区)/;
/** "本镇履职事项清单" refers to the township without naming it. */
const NO_NAME = /^[本全该各我此](?:镇|乡|街道)$/;

function readOne(candidate: string): Place | null {
  const text = squeezeHanSpaces(candidate.replace(/^#+\s*/, '')).replace(/\s+/g, '');
  const region = REGION.exec(text)?.[0] ?? null;
  const rest = region ? text.slice(region.length) : text;
  for (const form of FORMS) {
    const groups = form.exec(rest)?.groups;
    if (!groups || NO_NAME.test(groups.township)) continue;
    return {
      region: region ? '新疆维吾尔自治区' : null,
      prefecture: groups.prefecture ? (PREFECTURE_FULL_NAMES[groups.prefecture] ?? groups.prefecture) : null,
      county: groups.county ?? null,
      township: groups.township,
    };
  }
  return null;
}

const levels = (place: Place) => 1 + (place.prefecture ? 1 : 0) + (place.county ? 1 : 0);

/**
 * Reads the place from the given candidate texts (title-page lines, then section titles): the one
 * naming the most levels wins, the first among equals. A title page that gives only the township
 * thus yields to section titles naming its county.
 */
export function readPlace(candidates: string[]): Place | null {
  let best: Place | null = null;
  for (const candidate of candidates) {
    const place = readOne(candidate);
    if (place && (!best || levels(place) > levels(best))) best = place;
    if (best && levels(best) === 3) break;
  }
  return best;
}

/** '2025年7月', '2025 年 7 月' → '2025-07'. */
export function readPublished(line: string): string | null {
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(line.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}` : null;
}
