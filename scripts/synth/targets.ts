/**
 * Which real townships the synthetic lists are for: whole counties, taken in a seeded order of
 * prefectures and of counties within each, until N townships — the way users hold lists (a county
 * holds 10–20, a prefecture ~100, the region ~1,100). The 14 prefectures come first; past their 1,082
 * 镇/乡/街道 units come the county-level cities the region administers itself (6590).
 */
import { PREFECTURE_FULL_NAMES } from '../../src/lib/parse/place';
import { countyShortForm } from '../../src/lib/model/department-places';
import { isTownshipName, REGION_DIRECT_CODE, XINJIANG_CODE, type PlaceTable } from '../../src/lib/model/place-table';
import type { Random } from './random';

export interface TargetPlace {
  /** 9-digit township code: the file name, and the id the build finds in the document (where its title lets the table tell the township). */
  code: string;
  township: string;
  county: string;
  countyCode: string;
  /** Full name; for a region-administered city the table's 自治区直辖县级行政区划. */
  prefecture: string;
  prefectureCode: string;
  /** How documents write the prefecture before a county: 巴州 where a short form exists, else the full name. */
  prefectureShort: string;
  /** The county inside a department name (国家统计局和静调查队): 和静; the full name where there is none. */
  countyShort: string;
  /** True for a county-level city the region administers itself: no prefecture to name. */
  regionDirect: boolean;
}

const SHORT_FORM = new Map(Object.entries(PREFECTURE_FULL_NAMES).map(([short, full]) => [full, short]));

export function chooseTargets(table: PlaceTable, count: number, random: Random): TargetPlace[] {
  const prefectures = table.prefectures.filter((p) => p.provinceCode === XINJIANG_CODE);
  const ordered = [
    ...random.shuffle(prefectures.filter((p) => p.code !== REGION_DIRECT_CODE)),
    ...prefectures.filter((p) => p.code === REGION_DIRECT_CODE),
  ];
  const targets: TargetPlace[] = [];
  for (const prefecture of ordered) {
    const counties = random.shuffle(table.counties.filter((c) => c.prefectureCode === prefecture.code));
    for (const county of counties) {
      const townships = table.townships.filter((t) => t.countyCode === county.code && isTownshipName(t.name));
      for (const township of townships) {
        if (targets.length === count) return targets;
        targets.push({
          code: township.code,
          township: township.name,
          county: county.name,
          countyCode: county.code,
          prefecture: prefecture.name,
          prefectureCode: prefecture.code,
          prefectureShort: SHORT_FORM.get(prefecture.name) ?? prefecture.name,
          countyShort: countyShortForm(county.name) ?? county.name,
          regionDirect: prefecture.code === REGION_DIRECT_CODE,
        });
      }
    }
  }
  return targets;
}

/** How many 镇/乡/街道 units Xinjiang's place table holds: the most `chooseTargets` can give. */
export function availableTargets(table: PlaceTable): number {
  return table.townships.filter((t) => t.provinceCode === XINJIANG_CODE && isTownshipName(t.name)).length;
}
