import { describe, expect, it } from 'vitest';
import { placeRenamer } from '../../../scripts/synth/rename';
import type { TargetPlace } from '../../../scripts/synth/targets';

/** A real row's place names, moved to another real township. */
const JIBUKU = { township: '吉布库镇', county: '奇台县', prefecture: '昌吉回族自治州' };
const YILAHU = { township: '伊拉湖镇', county: '托克逊县', prefecture: '吐鲁番市' };
const place = (
  township: string,
  county: string,
  countyShort: string,
  prefecture: string,
  prefectureShort: string,
  code = '652827',
): TargetPlace => ({
  code: `${code}100`,
  township,
  county,
  countyCode: code,
  prefecture,
  prefectureCode: code.slice(0, 4),
  prefectureShort,
  countyShort,
  regionDirect: code.startsWith('6590'),
});
const HEJING = place('巴润哈尔莫敦镇', '和静县', '和静', '巴音郭楞蒙古自治州', '巴州');
const AKSU_XIANG = place('依干其乡', '阿克苏市', '阿克苏', '阿克苏地区', '阿克苏地区', '652901');
const SHIHEZI = place('北泉镇', '石河子市', '石河子', '自治区直辖县级行政区划', '自治区直辖县级行政区划', '659001');

describe('placeRenamer', () => {
  const toHejing = placeRenamer(JIBUKU, HEJING);
  it('renames county departments and the prefecture’s branch in the county', () => {
    expect(toHejing('奇台县农业农村局、昌吉州生态环境局奇台县分局')).toBe('和静县农业农村局、巴州生态环境局和静县分局');
    expect(toHejing('国家统计局奇台调查队')).toBe('国家统计局和静调查队');
  });
  it('keeps headings written for the county at hand', () => {
    expect(toHejing('县农业农村局：负责审核。')).toBe('县农业农村局：负责审核。');
  });
  it('puts the target township where the source named its own', () => {
    expect(toHejing('制作残疾人证并发放至吉布库镇；本镇负责')).toBe('制作残疾人证并发放至巴润哈尔莫敦镇；本镇负责');
  });
  it('turns a 镇’s own words into a 乡’s, but not words that only contain them', () => {
    const toXiang = placeRenamer(JIBUKU, AKSU_XIANG);
    expect(toXiang('本镇、镇党委、镇人民政府、乡镇党委、城乡政府')).toBe('本乡、乡党委、乡人民政府、乡镇党委、城乡政府');
    expect(toXiang('昌吉州生态环境局奇台县分局')).toBe('阿克苏地区生态环境局阿克苏市分局');
  });
  it('writes a prefecture-level city’s heading for a 州 as the 州’s', () => {
    expect(placeRenamer(YILAHU, HEJING)('市生态环境局托克逊县分局：吐鲁番市生态环境局托克逊县分局')).toBe(
      '州生态环境局和静县分局：巴音郭楞蒙古自治州生态环境局和静县分局',
    );
  });
  it('gives a city the region administers itself its own bureau', () => {
    expect(placeRenamer(JIBUKU, SHIHEZI)('昌吉州生态环境局奇台县分局、奇台县民政局')).toBe('石河子市生态环境局、石河子市民政局');
  });
  it('replaces in one pass: a replacement is never replaced again', () => {
    const toChangji = placeRenamer(YILAHU, place('六工镇', '昌吉市', '昌吉', '昌吉回族自治州', '昌吉州', '652301'));
    expect(toChangji('托克逊县民政局、伊拉湖镇')).toBe('昌吉市民政局、六工镇');
  });
});
