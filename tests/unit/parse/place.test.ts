import { describe, expect, it } from 'vitest';
import { readPlace } from '../../../src/lib/parse/place';
import { fixture, refusal } from './helpers';

const place = (...candidates: string[]) => readPlace(candidates);

describe('readPlace: the title forms documents use', () => {
  it('reads prefecture, county and township, with the region or without, full or short prefecture', () => {
    expect(place('新疆维吾尔自治区昌吉回族自治州奇台县吉布库镇履职事项清单')).toEqual({
      region: '新疆维吾尔自治区',
      prefecture: '昌吉回族自治州',
      county: '奇台县',
      township: '吉布库镇',
    });
    expect(place('昌吉州玛纳斯县凉州户镇基本履职事项清单')).toEqual({
      region: null,
      prefecture: '昌吉回族自治州',
      county: '玛纳斯县',
      township: '凉州户镇',
    });
    expect(place('# 巴州和静县巴润哈尔莫敦镇上级部门收回事项清单')).toMatchObject({ prefecture: '巴音郭楞蒙古自治州', county: '和静县' });
  });

  it('reads county and township without a prefecture', () => {
    expect(place('奇台县吉布库镇履职事项清单')).toEqual({ region: null, prefecture: null, county: '奇台县', township: '吉布库镇' });
    expect(place('新疆维吾尔自治区昌吉市六工镇履职事项清单')).toEqual({
      region: '新疆维吾尔自治区',
      prefecture: null,
      county: '昌吉市',
      township: '六工镇',
    });
  });

  it('reads a county-level city the region administers itself, which has no prefecture', () => {
    expect(place('新疆维吾尔自治区石河子市北泉镇履职事项清单')).toEqual({
      region: '新疆维吾尔自治区',
      prefecture: null,
      county: '石河子市',
      township: '北泉镇',
    });
  });

  it('reads the township alone, with or without the region', () => {
    expect(place('吉布库镇履职事项清单')).toEqual({ region: null, prefecture: null, county: null, township: '吉布库镇' });
    expect(place('新疆维吾尔自治区吉布库镇履职事项清单')).toMatchObject({ region: '新疆维吾尔自治区', county: null, township: '吉布库镇' });
    expect(place('吉布库镇配合履职事项清单')).toMatchObject({ county: null, township: '吉布库镇' });
  });

  it('reads prefecture and township without a county', () => {
    expect(place('昌吉州吉布库镇履职事项清单')).toEqual({ region: null, prefecture: '昌吉回族自治州', county: null, township: '吉布库镇' });
  });

  it('splits districts and names that contain administrative characters where they really split', () => {
    expect(place('乌鲁木齐市新市区北京路街道履职事项清单')).toMatchObject({
      prefecture: '乌鲁木齐市',
      county: '新市区',
      township: '北京路街道',
    });
    expect(place('伊犁州特克斯县阔克铁热克柯尔克孜民族乡履职事项清单')).toMatchObject({
      prefecture: '伊犁哈萨克自治州',
      county: '特克斯县',
      township: '阔克铁热克柯尔克孜民族乡',
    });
    expect(place('塔城地区和布克赛尔蒙古自治县和布克赛尔镇')).toMatchObject({ county: '和布克赛尔蒙古自治县', township: '和布克赛尔镇' });
  });

  it('prefers the candidate naming the most levels: a bare title page yields to section titles', () => {
    expect(place('吉布库镇履职事项清单', '昌吉州奇台县吉布库镇基本履职事项清单')).toMatchObject({
      prefecture: '昌吉回族自治州',
      county: '奇台县',
    });
    expect(place('昌吉州奇台县吉布库镇基本履职事项清单', '奇台县吉布库镇配合履职事项清单')).toMatchObject({ prefecture: '昌吉回族自治州' });
  });

  it('does not take a sentence of the 说明 or a township that is not named for a title', () => {
    expect(place('伊拉湖镇履职事项清单工作开展以来，伊拉湖镇按照乡镇主体')).toBeNull();
    expect(place('本镇履职事项清单')).toBeNull();
    expect(place('履职事项清单', '2025年7月', '目录')).toBeNull();
  });
});

describe('a document naming no township', () => {
  it('is refused at line 1, naming the file', () => {
    const text = fixture('no-title-page.txt').replace(/昌吉州玛纳斯县无题镇/g, '');
    expect(refusal(text, 'f.txt')).toBe(
      'f.txt:1: cannot tell which township this is: no title page or section title names a 镇, 乡 or 街道',
    );
  });
  it('is read when only the township names the sections', () => {
    const text = fixture('no-title-page.txt').replace(/昌吉州玛纳斯县无题镇/g, '无题镇');
    expect(refusal(text)).toBe('');
  });
});
