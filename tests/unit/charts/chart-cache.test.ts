// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { ChartCache } from '../../../src/lib/charts/chart-cache';

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');

describe('ChartCache', () => {
  it('hands back the chart drawn for a key instead of drawing it again', () => {
    const cache = new ChartCache<SVGSVGElement>(4);
    const draw = vi.fn(svg);
    const first = cache.chart('a', draw);
    const again = cache.chart('a', draw);
    expect(first.cached).toBe(false);
    expect(again).toEqual({ chart: first.chart, cached: true });
    expect(draw).toHaveBeenCalledTimes(1);
    expect(cache.chart('b', draw).chart).not.toBe(first.chart);
  });

  it('keeps the most recently used charts up to its capacity', () => {
    const cache = new ChartCache<SVGSVGElement>(2);
    const a = cache.chart('a', svg).chart;
    cache.chart('b', svg);
    cache.chart('a', svg); // a used last: b is the oldest
    cache.chart('c', svg);
    expect(cache.size).toBe(2);
    expect(cache.chart('a', svg).chart).toBe(a);
    expect(cache.chart('b', svg).cached).toBe(false);
  });

  it('empties itself when its scope (the data, the marks) changes', () => {
    const cache = new ChartCache<SVGSVGElement>(4);
    const data = {};
    cache.scope(data, 'marks');
    const a = cache.chart('a', svg).chart;
    cache.scope(data, 'marks');
    expect(cache.chart('a', svg).chart).toBe(a);
    cache.scope({}, 'marks');
    expect(cache.size).toBe(0);
    expect(cache.chart('a', svg).chart).not.toBe(a);
  });
});
