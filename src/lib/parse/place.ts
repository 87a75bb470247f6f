import type { Place } from './types';
import { squeezeHanSpaces } from './text';

/**
 * Where a list comes from, read from its title page ("新疆维吾尔自治区昌吉回族自治州 / 奇台县吉布库镇")
 * or, when it has none, from a section title ("昌吉州玛纳斯县凉州户镇基本履职事项清单").
 */

/** Prefectures are written short in section titles; the database keeps the full name. */
const PREFECTURE_FULL_NAMES: Record<string, string> = {
  昌吉州: '昌吉回族自治州',
  伊犁州: '伊犁哈萨克自治州',
  博州: '博尔塔拉蒙古自治州',
  巴州: '巴音郭楞蒙古自治州',
  克州: '克孜勒苏柯尔克孜自治州',
};

const PLACE =
  /^(?<region>新疆维吾尔自治区|自治区)?(?<prefecture>[\u4e00-\u9fff]{2,12}?(?:自治州|地区|州|市))(?<county>[\u4e00-\u9fff]{1,10}?(?:自治县|县|市|区))(?<township>[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道))(?=履职事项清单|基本履职|配合履职|上级部门|$)/;

/** Reads the place from the given candidate texts, first match wins. */
export function readPlace(candidates: string[]): Place | null {
  for (const candidate of candidates) {
    const text = squeezeHanSpaces(candidate.replace(/^#+\s*/, '')).replace(/\s+/g, '');
    const m = PLACE.exec(text);
    if (!m?.groups) continue;
    const { region, prefecture, county, township } = m.groups;
    return {
      region: region ? '新疆维吾尔自治区' : null,
      prefecture: PREFECTURE_FULL_NAMES[prefecture] ?? prefecture,
      county,
      township,
    };
  }
  return null;
}

/** '2025年7月', '2025 年 7 月' → '2025-07'. */
export function readPublished(line: string): string | null {
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(line.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}` : null;
}
