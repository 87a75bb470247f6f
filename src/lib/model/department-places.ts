/**
 * Every Xinjiang county and prefecture from the place table, as places the department model strips
 * from a department name (see departments.ts): so 和静县农业农村局, 巴州生态环境局和静县分局 and
 * 国家统计局和静调查队 get the kind and level that 奇台县's departments get, without listing 和静县 by
 * hand in data/department-aliases.json. Pure: the table is passed in.
 */
import { PREFECTURE_FULL_NAMES } from '../parse/place';
import type { DepartmentAliases } from './departments';
import { REGION_DIRECT_CODE, XINJIANG_CODE, type PlaceTable } from './place-table';

/** The ethnic part of an autonomous county's name, dropped with 自治县 for its short form (巴里坤哈萨克自治县 → 巴里坤). */
const AUTONOMOUS_COUNTY = /(?:哈萨克|回族|锡伯|蒙古|塔吉克|柯尔克孜)?自治县$/;

/**
 * How a county is written inside a department name (国家统计局奇台调查队, …局吉木萨尔分局): without 县 or
 * 市. Districts (区) get none: 天山, 新市 are too common inside other words.
 */
export function countyShortForm(name: string): string | null {
  const short = name.replace(AUTONOMOUS_COUNTY, '').replace(/[县市]$/, '');
  return short !== name && short.length >= 2 && !name.endsWith('区') ? short : null;
}

/** Short forms written in the lists for each prefecture's full name (昌吉回族自治州 → 昌吉州). */
function shortFormsOf(fullName: string): string[] {
  return Object.entries(PREFECTURE_FULL_NAMES)
    .filter(([, full]) => full === fullName)
    .map(([short]) => short);
}

/**
 * The alias file with Xinjiang's counties and prefectures added to its places. The reviewed entries
 * of the file win where both name a place; short forms are merged.
 */
export function withPlaceTable(aliases: DepartmentAliases, table: PlaceTable): DepartmentAliases {
  const prefectureOf = new Map(table.prefectures.map((p) => [p.code, p.name]));
  const counties: DepartmentAliases['places']['counties'] = {};
  for (const county of table.counties) {
    if (county.provinceCode !== XINJIANG_CODE) continue;
    const short = countyShortForm(county.name);
    counties[county.name] = { prefecture: prefectureOf.get(county.prefectureCode) ?? '', short: short ? [short] : [] };
  }
  const prefectures: DepartmentAliases['places']['prefectures'] = {};
  for (const prefecture of table.prefectures) {
    // 自治区直辖县级行政区划 is the table's slot for the region's own cities, never written before a department.
    if (prefecture.provinceCode !== XINJIANG_CODE || prefecture.code === REGION_DIRECT_CODE) continue;
    prefectures[prefecture.name] = { short: shortFormsOf(prefecture.name) };
  }
  for (const [name, entry] of Object.entries(aliases.places.prefectures)) {
    const fromTable = prefectures[name];
    if (typeof entry === 'string' || !fromTable || typeof fromTable === 'string') prefectures[name] = entry;
    else prefectures[name] = { ...entry, short: [...new Set([...(entry.short ?? []), ...(fromTable.short ?? [])])] };
  }
  return {
    ...aliases,
    places: { ...aliases.places, counties: { ...counties, ...aliases.places.counties }, prefectures },
  };
}
