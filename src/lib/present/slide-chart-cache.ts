/**
 * Slide charts drawn already, by what they show. A filter rebuilds every slide of the deck, most of
 * them the same as before (a slide the filter does not touch) or as a moment ago (the filter cleared
 * again), and a region's strip chart is a thousand dots with their titles: drawing it element by
 * element took most of a filter change in 演示模式. The same chart is a copy of the one drawn
 * (`cloneNode`, native), never the element itself, which may be on the page already.
 */
import { ChartCache } from '../charts/chart-cache';
import { drawSlideChart, type ChartSize } from './slide-chart';
import type { ChartSpec } from './types';

/** Charts kept: a deck's handful of slides under a few filters. */
const KEPT = 24;

export class SlideChartCache {
  /** The drawn originals, least recently used first out (ChartCache); the page gets copies of them. */
  #charts: ChartCache<SVGSVGElement>;
  #draw: (spec: ChartSpec, size: ChartSize) => SVGSVGElement;
  constructor(draw: (spec: ChartSpec, size: ChartSize) => SVGSVGElement = drawSlideChart, kept = KEPT) {
    this.#draw = draw;
    this.#charts = new ChartCache(kept);
  }

  /** What a chart is drawn from, as text: two specs with the same key draw the same picture. */
  static key(spec: ChartSpec, size: ChartSize): string {
    return JSON.stringify([spec, size.width, size.height]);
  }

  /** A new element showing `spec`: drawn the first time, a copy after. */
  chart(spec: ChartSpec, size: ChartSize): SVGSVGElement {
    const { chart } = this.#charts.chart(SlideChartCache.key(spec, size), () => this.#draw(spec, size));
    return chart.cloneNode(true) as SVGSVGElement;
  }
}

/** The page's one cache: every slide view (thumbnails, the deck, the printed report) draws through it. */
export const slideCharts = new SlideChartCache();
