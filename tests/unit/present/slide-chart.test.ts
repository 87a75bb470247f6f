// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawSlideChart, wrapLabel, VALUE_SIZE } from '../../../src/lib/present/slide-chart';
import { textWidth } from '../../../src/lib/charts/text-width';
import type { BarChartSpec, StripChartSpec } from '../../../src/lib/present/types';

const SIZE = { width: 1180, height: 440 };

describe('slide charts', () => {
  it('draws one bar per category with its values and total, labels in at most two lines that fit their column', () => {
    const long = '对擅自凿井、修建地下水取水工程、损毁地下水取水工程、未按规定关停承压水取水工程等活动的处罚';
    const spec: BarChartSpec = {
      type: 'bar',
      categories: [long, '医疗救助待遇审批'],
      series: [
        { name: '已收回', colour: '#CC79A7', values: [3, 5] },
        { name: '仍为基本', colour: '#0072B2', values: [1, 0] },
      ],
      decimals: 0,
    };
    const svg = drawSlideChart(spec, SIZE);
    const bars = [...svg.querySelectorAll('g.bar')];
    expect(bars.map((b) => b.getAttribute('data-category'))).toEqual(spec.categories);
    expect(bars.map((b) => b.getAttribute('data-values'))).toEqual(['3,1', '5,0']);
    expect(bars.map((b) => b.querySelector('text.value')!.textContent)).toEqual(['4', '5']);
    // A zero segment draws nothing.
    expect(bars[1].querySelectorAll('rect')).toHaveLength(1);
    const lines = [...bars[0].querySelectorAll('text.label tspan')].map((t) => t.textContent!);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    // Two lines are set a size smaller, and each fits the label column.
    for (const line of lines) expect(textWidth(line, VALUE_SIZE)).toBeLessThanOrEqual(SIZE.width * 0.42);
  });

  it('wraps a label only when it does not fit, and never past two lines', () => {
    expect(wrapLabel('民政局', 24, 200)).toEqual(['民政局']);
    const wrapped = wrapLabel('一二三四五六七八九十一二三四五六七八九十一二三四五', 24, 240);
    expect(wrapped).toHaveLength(2);
    expect(wrapped[0]).toHaveLength(10);
  });

  it('draws a dot per township, the focus apart and named with its value, and the median', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ key: `t${i}`, name: `乡镇${i}`, value: 200 + i }));
    const spec: StripChartSpec = { type: 'strip', points, focus: 't7', median: 219.5, axisLabel: '事项数' };
    const svg = drawSlideChart(spec, SIZE);
    expect(svg.querySelectorAll('.dots circle')).toHaveLength(points.length - 1);
    expect(svg.querySelector('.focus')!.getAttribute('data-township')).toBe('t7');
    expect(svg.querySelector('.focus text')!.textContent).toBe('乡镇7 207');
    expect(svg.querySelector('.median text')!.textContent).toContain('219.5');
  });
});
