// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { drawSlideChart, type ChartSize } from '../../../src/lib/present/slide-chart';
import { SlideChartCache } from '../../../src/lib/present/slide-chart-cache';
import type { ChartSpec, StripChartSpec } from '../../../src/lib/present/types';

const SIZE = { width: 1180, height: 440 };

const strip = (n: number, focus = 't3'): StripChartSpec => ({
  type: 'strip',
  points: Array.from({ length: n }, (_, i) => ({ key: `t${i}`, name: `乡镇${i}`, value: (i * 7) % 23 })),
  median: 11,
  focus,
  axisLabel: '事项数',
});

/** The cache over drawSlideChart, counting what it really draws. */
function counted(kept?: number) {
  const drawn: ChartSpec[] = [];
  const cache = new SlideChartCache((spec: ChartSpec, size: ChartSize) => {
    drawn.push(spec);
    return drawSlideChart(spec, size);
  }, kept);
  return { cache, drawn };
}

describe('the slide chart cache', () => {
  it('draws a chart once and answers the same chart again with a copy of the same picture', () => {
    const { cache, drawn } = counted();
    const first = cache.chart(strip(40), SIZE);
    // Built anew from the same figures, as a filter cleared again rebuilds the deck.
    const again = cache.chart(strip(40), SIZE);
    expect(drawn).toHaveLength(1);
    expect(again).not.toBe(first);
    expect(again.outerHTML).toBe(first.outerHTML);
    expect(again.querySelectorAll('.dots circle')).toHaveLength(39);
    expect(again.outerHTML).toBe(drawSlideChart(strip(40), SIZE).outerHTML);
  });

  it('draws another chart for other figures, and forgets the oldest past what it keeps', () => {
    const { cache, drawn } = counted(2);
    cache.chart(strip(40), SIZE);
    const other = cache.chart(strip(40, 't5'), SIZE);
    expect(drawn).toHaveLength(2);
    expect(other.querySelector('.focus')!.getAttribute('data-township')).toBe('t5');
    cache.chart(strip(12), SIZE);
    cache.chart(strip(40), SIZE);
    expect(drawn).toHaveLength(4);
  });
});
