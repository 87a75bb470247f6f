// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { drawDistributionDots } from '../../../src/lib/charts/distribution-dots';
import type { DotLayout, RowLayout } from '../../../src/lib/charts/unit-distribution';

const SVG = 'http://www.w3.org/2000/svg';

const dot = (key: string, value: number, cy: number, outlier: DotLayout<null>['outlier'] = null): DotLayout<null> => ({
  key,
  row: null,
  value,
  cx: value * 2,
  cy,
  r: 3,
  outlier,
});

/** Only what drawDistributionDots reads of a row: its dots in draw order. */
const row = (dots: DotLayout<null>[]) => ({ drawOrder: dots }) as unknown as RowLayout<null>;

function layers() {
  const svg = document.createElementNS(SVG, 'svg');
  const dots = document.createElementNS(SVG, 'g') as SVGGElement;
  const outliers = document.createElementNS(SVG, 'g') as SVGGElement;
  svg.append(dots, outliers);
  return { dots, outliers };
}

const options = { label: (d: DotLayout<null>) => `${d.key}：${d.value}`, activeKey: 'b' };
const keys = (layer: SVGGElement) => [...layer.children].map((c) => c.getAttribute('data-township'));

describe('drawDistributionDots', () => {
  it('draws a dot per township, in township order, outliers in their own layer', () => {
    const l = layers();
    drawDistributionDots(l, [row([dot('c', 5, 10), dot('a', 7, 10, 'high')]), row([dot('b', 6, 30)])], options);
    expect(keys(l.dots)).toEqual(['b', 'c']);
    expect(keys(l.outliers)).toEqual(['a']);
    const b = l.dots.querySelector('[data-township="b"]')!;
    expect(b.getAttribute('tabindex')).toBe('0');
    expect(b.getAttribute('aria-label')).toBe('b：6');
    expect(b.getAttribute('cx')).toBe('12');
    expect(b.getAttribute('data-outlier')).toBeNull();
    expect(l.outliers.querySelector('[data-township="a"]')!.getAttribute('data-outlier')).toBe('high');
  });

  it('keeps each township’s dot when the rows reorder or a dot becomes an outlier, and writes what changed', () => {
    const l = layers();
    drawDistributionDots(l, [row([dot('a', 1, 10), dot('c', 3, 10)]), row([dot('b', 2, 30)])], options);
    const before = new Map([...l.dots.children].map((c) => [c.getAttribute('data-township'), c]));
    // The second row first now, and c an outlier; d is new, a is gone.
    drawDistributionDots(l, [row([dot('b', 4, 10), dot('d', 5, 10)]), row([dot('c', 9, 30, 'low')])], options);
    expect(keys(l.dots)).toEqual(['b', 'd']);
    expect(keys(l.outliers)).toEqual(['c']);
    expect(l.dots.querySelector('[data-township="b"]')).toBe(before.get('b'));
    expect(l.outliers.querySelector('[data-township="c"]')).toBe(before.get('c'));
    const c = l.outliers.querySelector('[data-township="c"]')!;
    expect(c.getAttribute('class')).toBe('dot outlier');
    expect([c.getAttribute('cx'), c.getAttribute('cy'), c.getAttribute('data-value')]).toEqual(['18', '30', '9']);
    expect(l.dots.querySelector('[data-township="a"]')).toBeNull();
  });
});
