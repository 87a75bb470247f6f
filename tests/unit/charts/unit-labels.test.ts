import { describe, expect, it } from 'vitest';
import { columnLabels, shortPlaceName, VERTICAL_LABEL_CHARS } from '../../../src/lib/charts/unit-labels';

describe('shortPlaceName', () => {
  it('uses the reviewed short forms of autonomous prefectures', () => {
    expect(shortPlaceName('伊犁哈萨克自治州')).toBe('伊犁州');
    expect(shortPlaceName('巴音郭楞蒙古自治州')).toBe('巴州');
    expect(shortPlaceName('克孜勒苏柯尔克孜自治州')).toBe('克州');
  });

  it('keeps an autonomous county’s place name and 县', () => {
    expect(shortPlaceName('察布查尔锡伯自治县')).toBe('察布查尔县');
    expect(shortPlaceName('塔什库尔干塔吉克自治县')).toBe('塔什库尔干县');
    expect(shortPlaceName('焉耆回族自治县')).toBe('焉耆县');
  });

  it('leaves other names alone', () => {
    for (const name of ['伊宁市', '伊宁县', '喀什地区', '吉布库镇', '未知地区']) expect(shortPlaceName(name)).toBe(name);
  });
});

describe('columnLabels', () => {
  it('keeps full names across when every one fits its column', () => {
    expect(columnLabels(['伊拉湖镇', '六工镇'], 80, 12)).toEqual({
      lines: [['伊拉湖镇'], ['六工镇']],
      marks: [[''], ['']],
      vertical: false,
      height: 12,
    });
  });

  it('puts names on two balanced lines in columns three characters wide or more, short forms where the full name is longer', () => {
    const labels = columnLabels(['伊宁市', '艾兰木巴格街道', '克孜勒苏柯尔克孜自治州', '自治区直辖县级行政区划'], 56, 13);
    expect(labels.vertical).toBe(false);
    expect(labels.lines).toEqual([['伊宁市'], ['艾兰木巴', '格街道'], ['克州'], ['自治区', '直辖']]);
    expect(labels.height).toBeCloseTo(2 * 13 * 1.05);
  });

  it('writes short names vertically in narrower columns, cut past six characters', () => {
    const labels = columnLabels(['伊宁市', '察布查尔锡伯自治县', '乌鲁木齐站片区街道'], 30, 12);
    expect(labels.vertical).toBe(true);
    expect(labels.lines.map((l) => l.join(''))).toEqual(['伊宁市', '察布查尔县', '乌鲁木齐站…']);
    expect(labels.height).toBeCloseTo(6 * 12 * 1.05);
  });
});

describe('columnLabels, two lines', () => {
  it('prefers a short form on one line to the full name broken in two', () => {
    expect(columnLabels(['伊宁县', '察布查尔锡伯自治县'], 86, 13).lines).toEqual([['伊宁县'], ['察布查尔县']]);
  });

  it('cuts a name no form of which fits two lines', () => {
    expect(columnLabels(['伊宁县', '乌鲁木齐站片区管委会街道'], 56, 13).lines).toEqual([['伊宁县'], ['乌鲁木齐', '站片区…']]);
  });

  describe('with imported marks', () => {
    const MARK = '（导入）';
    /** Each label as the reader sees it, and the part of it drawn in the mark's colour. */
    const shown = (labels: ReturnType<typeof columnLabels>) =>
      labels.lines.map((lines, i) => ({ text: lines.join(''), mark: labels.marks[i].join('') }));

    it('writes the mark after the name on its line when both fit', () => {
      const labels = columnLabels(['伊拉湖镇', '六工镇'], 120, 12, [MARK, '']);
      expect(shown(labels)).toEqual([
        { text: '伊拉湖镇（导入）', mark: MARK },
        { text: '六工镇', mark: '' },
      ]);
      expect(labels.height).toBe(12);
    });

    it('puts the mark on a line of its own where name and mark do not fit across, keeping it whole', () => {
      const labels = columnLabels(['伊拉湖镇', '六工镇'], 64, 12, [MARK, '']);
      expect(labels.vertical).toBe(false);
      expect(labels.lines[0]).toEqual(['伊拉湖镇', MARK]);
      expect(labels.marks[0]).toEqual(['', MARK]);
      expect(shown(labels)[1]).toEqual({ text: '六工镇', mark: '' });
      expect(labels.height).toBeCloseTo(2 * 12 * 1.05);
    });

    it('breaks the mark over two lines in a column narrower than it, never cutting it', () => {
      const labels = columnLabels(['伊宁市'], 44, 12, [MARK]);
      expect(shown(labels)[0]).toEqual({ text: '伊宁市' + MARK, mark: MARK });
      expect(labels.lines[0].every((line) => line.length <= 3)).toBe(true);
    });

    it('writes the mark vertically below a vertical name, cutting the name to make room for it', () => {
      const labels = columnLabels(['乌鲁木齐站片区街道', '伊宁市'], 30, 12, ['（含导入）', '']);
      expect(labels.vertical).toBe(true);
      expect(labels.marks[0].join('')).toBe('︵含导入︶');
      const name = labels.lines[0].slice(0, labels.lines[0].length - 5).join('');
      expect(name.endsWith('…')).toBe(true);
      // The header grows by a few lines at most for the mark.
      expect(labels.lines[0].length).toBeLessThanOrEqual(VERTICAL_LABEL_CHARS + 3);
      expect(labels.lines[1]).toEqual(['伊', '宁', '市']);
    });
  });
});
