/**
 * Where a township sits: the place a document names, checked against the place table.
 *
 * Pure (no Node, no DOM); the build passes the table in (scripts/lib/load-place-table.ts).
 *
 * - A known place gets its official codes and the table's full names.
 * - A level the document leaves out (奇台县吉布库镇, or 吉布库镇 alone) is filled from the table where
 *   the township is unambiguous there; otherwise it reads 未知地区 (新地乡 exists in 吉木萨尔县 and 裕民县).
 * - A place the table does not know keeps the document's names: never refused, never dropped.
 * - A prefecture that contradicts the table for a known county keeps the document's names and is
 *   reported by the build, not refused: the document may be right and the table old.
 * - A name that exists in several provinces means the Xinjiang one where there is one.
 */
import type { Place } from '../parse/types';
import { UNKNOWN_PLACE } from '../ui/strings';
import {
  placeIndex,
  REGION_DIRECT_CODE,
  XINJIANG_CODE,
  type CountyDivision,
  type PlaceIndex,
  type PlaceTable,
  type TownshipDivision,
} from './place-table';

/**
 * Where a township's county and prefecture names come from (the `townships.place_source` column):
 * - 'matched': the document names them and the table agrees;
 * - 'filled': the document leaves the county or prefecture out and the table supplies it;
 * - 'document': as the document writes them, which the table does not confirm (a place it does not
 *   know, or a prefecture contradicting it);
 * - 'unknown': the document leaves a level out and the table cannot tell it: that level is 未知地区.
 */
export type PlaceSource = 'matched' | 'filled' | 'document' | 'unknown';
export const PLACE_SOURCES: readonly PlaceSource[] = ['matched', 'filled', 'document', 'unknown'];

export interface ResolvedPlace {
  township: string;
  /** 未知地区 where neither the document nor the table tells. */
  county: string;
  /** Full name; 自治区直辖县级行政区划 for a county-level city the region administers itself; 未知地区 where unknown. */
  prefecture: string;
  /** 9-digit township code; null when the table does not know the township. */
  code: string | null;
  /** 6-digit county code; null when the county is unknown. */
  countyCode: string | null;
  /** 4-digit prefecture code ('6590' for the region's own county-level cities); null when unknown or contradicted. */
  prefectureCode: string | null;
  source: PlaceSource;
  /** The table's prefecture where the document names another for a known county. */
  contradiction: { written: string; table: string } | null;
  /** What the build report says about a place that is not plainly matched or filled. */
  note: string | null;
}

/** Candidates in Xinjiang when there are any (or when the document names the region), else all. */
function preferXinjiang<T extends { provinceCode: string }>(candidates: T[], place: Place): T[] {
  const xinjiang = candidates.filter((c) => c.provinceCode === XINJIANG_CODE);
  return xinjiang.length > 0 || place.region ? xinjiang : candidates;
}

const prefectureName = (index: PlaceIndex, code: string) => index.prefecture.get(code)?.name ?? UNKNOWN_PLACE;
const countyName = (index: PlaceIndex, code: string) => index.county.get(code)?.name ?? UNKNOWN_PLACE;

const whereIs = (index: PlaceIndex, t: TownshipDivision) =>
  `${countyName(index, t.countyCode)}（${prefectureName(index, t.prefectureCode)}）`;

/** The known township, with the table's names and codes. */
function fromTable(index: PlaceIndex, t: TownshipDivision, source: PlaceSource): ResolvedPlace {
  return {
    township: t.name,
    county: countyName(index, t.countyCode),
    prefecture: prefectureName(index, t.prefectureCode),
    code: t.code,
    countyCode: t.countyCode,
    prefectureCode: t.prefectureCode,
    source,
    contradiction: null,
    note: null,
  };
}

/** The prefecture code of a prefecture named in a document, when the table knows it unambiguously. */
function prefectureCodeOf(index: PlaceIndex, name: string | null, place: Place): string | null {
  if (!name) return null;
  const found = preferXinjiang(index.prefecturesByName.get(name) ?? [], place);
  return found.length === 1 ? found[0].code : null;
}

/** A document naming the township, perhaps its prefecture, but no county. */
function resolveWithoutCounty(place: Place, index: PlaceIndex, name = place.township): ResolvedPlace {
  let candidates = preferXinjiang(index.townshipsByName.get(name) ?? [], place);
  if (place.prefecture) candidates = candidates.filter((t) => prefectureName(index, t.prefectureCode) === place.prefecture);
  if (candidates.length === 1) return fromTable(index, candidates[0], 'filled');
  return {
    township: place.township,
    county: UNKNOWN_PLACE,
    prefecture: place.prefecture ?? UNKNOWN_PLACE,
    code: null,
    countyCode: null,
    prefectureCode: prefectureCodeOf(index, place.prefecture, place),
    source: 'unknown',
    contradiction: null,
    note:
      candidates.length > 1
        ? `${place.township} is ambiguous without its county: the place table has it in ${candidates.map((t) => whereIs(index, t)).join('、')}`
        : `${place.township} is not in the place table${place.prefecture ? ` under ${place.prefecture}` : ''}`,
  };
}

/** The township under one of the counties, written as the document does or with the county name inside it (沙雅县哈德墩镇). */
function townshipUnder(index: PlaceIndex, counties: CountyDivision[], county: string, township: string): TownshipDivision[] {
  return counties.flatMap((c) => {
    const t = index.townshipInCounty.get(`${c.code}/${township}`) ?? index.townshipInCounty.get(`${c.code}/${county}${township}`);
    return t ? [t] : [];
  });
}

/** A document naming the township's county, perhaps its prefecture. */
function resolveWithCounty(place: Place & { county: string }, index: PlaceIndex): ResolvedPlace {
  let counties = preferXinjiang(index.countiesByName.get(place.county) ?? [], place);
  if (place.prefecture) {
    const inPrefecture = counties.filter((c) => prefectureName(index, c.prefectureCode) === place.prefecture);
    if (inPrefecture.length > 0) counties = inPrefecture;
  }
  const townships = townshipUnder(index, counties, place.county, place.township);
  const township = townships.length === 1 ? townships[0] : null;
  const county = township ? index.county.get(township.countyCode)! : counties.length === 1 ? counties[0] : null;

  if (!county) {
    // The table does not know this county (or cannot tell which): the document's names, as written.
    // "石河子市北泉镇" with an unknown county may still be a township written with its county inside it.
    if (!place.prefecture) {
      const alone = resolveWithoutCounty(place, index, `${place.county}${place.township}`);
      if (alone.code) return alone;
    }
    return {
      township: place.township,
      county: place.county,
      prefecture: place.prefecture ?? UNKNOWN_PLACE,
      code: null,
      countyCode: null,
      prefectureCode: prefectureCodeOf(index, place.prefecture, place),
      source: place.prefecture ? 'document' : 'unknown',
      contradiction: null,
      note: `${place.county} is ${counties.length > 1 ? 'ambiguous' : 'not'} in the place table${place.prefecture ? '' : '; its prefecture is unknown'}`,
    };
  }

  const tablePrefecture = prefectureName(index, county.prefectureCode);
  if (place.prefecture && place.prefecture !== tablePrefecture) {
    return {
      township: place.township,
      county: place.county,
      prefecture: place.prefecture,
      code: township?.code ?? null,
      countyCode: county.code,
      prefectureCode: null,
      source: 'document',
      contradiction: { written: place.prefecture, table: tablePrefecture },
      note: `the document puts ${place.county} in ${place.prefecture}; the place table has it in ${tablePrefecture}`,
    };
  }
  // A county-level city the region administers itself has no prefecture for a document to name.
  const namesEveryLevel = place.prefecture !== null || county.prefectureCode === REGION_DIRECT_CODE;
  if (township) return fromTable(index, township, namesEveryLevel ? 'matched' : 'filled');
  return {
    township: place.township,
    county: county.name,
    prefecture: tablePrefecture,
    code: null,
    countyCode: county.code,
    prefectureCode: county.prefectureCode,
    source: namesEveryLevel ? 'document' : 'filled',
    contradiction: null,
    note: `${place.township} is not in the place table under ${county.name}`,
  };
}

/** Checks a document's place against the table and fills what it leaves out, where the table can tell. */
export function resolvePlace(place: Place, table: PlaceTable): ResolvedPlace {
  const index = placeIndex(table);
  return place.county ? resolveWithCounty({ ...place, county: place.county }, index) : resolveWithoutCounty(place, index);
}
