/**
 * The live chart of a slide, as SVG: the same function draws it on screen and, rasterised, into the
 * deck's image slides. Drawn for a slide of 1280×720 logical pixels that CSS scales to the screen, so
 * type sizes here are what a 1280×720 projector shows (and 1.5× that at 1920×1080): labels 24 px,
 * values 22 px, far above the views' 12–14 px, because the audience sits at the back of a room.
 *
 * Few marks, values written on them, no axis where the bars carry their numbers.
 */
import { scaleLinear } from 'd3';
import { textWidth, truncate } from '../charts/text-width';
import { FONT_FAMILY } from '../ui/theme';
import { formatAverage, formatCount } from '../ui/strings';
import { CHART_LABELS } from './strings';
import { formatMedian } from './findings';
import type { BarChartSpec, ChartSpec, StripChartSpec } from './types';

const SVG = 'http://www.w3.org/2000/svg';
export const LABEL_SIZE = 24;
export const VALUE_SIZE = 22;
const INK = '#1b1b1b';
const MUTED = '#555555';
const FOCUS = '#D55E00'; // Okabe–Ito vermillion: apart from the three lists' colours
const OTHERS = '#5b7fa6';
/** A white outline under a label that may cross dots or the median line, so it stays legible. */
const HALO = { stroke: '#ffffff', 'stroke-width': 6, 'paint-order': 'stroke', 'stroke-linejoin': 'round' };

export interface ChartSize {
  width: number;
  height: number;
}

type Attrs = Record<string, string | number>;
function el<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, text?: string): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function drawSlideChart(spec: ChartSpec, size: ChartSize, doc: Document = document): SVGSVGElement {
  const svg = el(doc, 'svg', {
    xmlns: SVG,
    width: size.width,
    height: size.height,
    viewBox: `0 0 ${size.width} ${size.height}`,
    'font-family': FONT_FAMILY,
    role: 'img',
    'data-chart': spec.type,
  });
  if (spec.type === 'bar') drawBars(svg, spec, size, doc);
  else drawStrip(svg, spec, size, doc);
  return svg;
}

const formatValue = (v: number, decimals: number) => (decimals ? formatAverage(v) : formatCount(v));

/** Light fills take dark text, the dark blue white text (contrast ≥ 4.5:1 either way). */
const textOn = (colour: string) => (colour.toUpperCase() === '#0072B2' ? '#ffffff' : INK);

/**
 * A label in at most two lines of `width`: the break falls where the first line is full, and a
 * second line too long ends in '…' (the full name stays in the element's title).
 */
export function wrapLabel(text: string, size: number, width: number): string[] {
  if (textWidth(text, size) <= width) return [text];
  let first = '';
  for (const ch of text) {
    if (textWidth(first + ch, size) > width) break;
    first += ch;
  }
  return [first, truncate(text.slice(first.length), size, width)];
}

function drawBars(svg: SVGSVGElement, spec: BarChartSpec, { width, height }: ChartSize, doc: Document) {
  const n = spec.categories.length;
  const legendHeight = spec.series.length > 1 ? 44 : 0;
  if (legendHeight) {
    const legend = el(doc, 'g', { class: 'legend' });
    let x = 0;
    for (const s of spec.series) {
      legend.append(el(doc, 'rect', { x, y: 8, width: 22, height: 22, rx: 3, fill: s.colour }));
      legend.append(el(doc, 'text', { x: x + 30, y: 27, 'font-size': VALUE_SIZE, fill: INK }, s.name));
      x += 30 + textWidth(s.name, VALUE_SIZE) + 36;
    }
    svg.append(legend);
  }
  const totals = spec.categories.map((_, i) => spec.series.reduce((s, x) => s + x.values[i], 0));
  const longest = Math.max(...spec.categories.map((c) => textWidth(c, LABEL_SIZE)));
  const labelWidth = Math.min(longest, width * 0.42);
  const valueRoom = textWidth(formatValue(Math.max(...totals), spec.decimals), VALUE_SIZE) + 16;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([0, width - labelWidth - 16 - valueRoom]);
  const band = (height - legendHeight) / Math.max(n, 1);
  const barHeight = Math.min(band * 0.68, 56);
  const left = labelWidth + 16;
  spec.categories.forEach((category, i) => {
    const y = legendHeight + i * band + (band - barHeight) / 2;
    const g = el(doc, 'g', {
      class: 'bar',
      'data-category': category,
      'data-values': spec.series.map((s) => s.values[i]).join(','),
    });
    g.append(
      el(doc, 'title', {}, `${category}：${spec.series.map((s) => `${s.name} ${formatValue(s.values[i], spec.decimals)}`).join('，')}`),
    );
    const lines = wrapLabel(category, LABEL_SIZE, labelWidth);
    const lineSize = lines.length > 1 ? VALUE_SIZE : LABEL_SIZE;
    const label = el(doc, 'text', { x: labelWidth, 'text-anchor': 'end', 'font-size': lineSize, fill: INK, class: 'label' });
    const wrapped = lines.length > 1 ? wrapLabel(category, lineSize, labelWidth) : lines;
    wrapped.forEach((line, j) => {
      const dy = y + barHeight / 2 + lineSize * 0.35 + (j - (wrapped.length - 1) / 2) * lineSize * 1.15;
      label.append(el(doc, 'tspan', { x: labelWidth, y: dy }, line));
    });
    g.append(label);
    let at = left;
    for (const s of spec.series) {
      const w = x(s.values[i]);
      if (w <= 0) continue;
      g.append(el(doc, 'rect', { x: at, y, width: w, height: barHeight, fill: s.colour, 'data-series': s.name }));
      const text = formatValue(s.values[i], spec.decimals);
      if (spec.series.length > 1 && textWidth(text, VALUE_SIZE) + 10 <= w)
        g.append(
          el(
            doc,
            'text',
            {
              x: at + w / 2,
              y: y + barHeight / 2 + VALUE_SIZE * 0.35,
              'text-anchor': 'middle',
              'font-size': VALUE_SIZE,
              fill: textOn(s.colour),
            },
            text,
          ),
        );
      at += w;
    }
    g.append(
      el(
        doc,
        'text',
        { x: at + 8, y: y + barHeight / 2 + VALUE_SIZE * 0.35, 'font-size': VALUE_SIZE, 'font-weight': 700, fill: INK, class: 'value' },
        formatValue(totals[i], spec.decimals),
      ),
    );
    svg.append(g);
  });
}

/** A fixed spread in [-1, 1] for the i-th dot (golden-ratio steps): the same picture every time. */
const jitter = (i: number) => (((i * 0.618034) % 1) * 2 - 1) * (i % 2 ? 1 : -1);

function drawStrip(svg: SVGSVGElement, spec: StripChartSpec, { width, height }: ChartSize, doc: Document) {
  const margin = { left: 40, right: 40 };
  const axisY = height - 56;
  const centre = (axisY + 110) / 2;
  const spread = spec.points.length > 12 ? (axisY - 110) / 2 - 16 : 0;
  const values = spec.points.map((p) => p.value);
  // Positions, not lengths: the axis spans the townships' values (not from 0), so close values stay apart.
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(1, (high - low) * 0.05);
  const x = scaleLinear()
    .domain([Math.max(0, low - pad), high + pad])
    .nice()
    .range([margin.left, width - margin.right]);
  const r = spec.points.length <= 30 ? 12 : spec.points.length <= 200 ? 7 : 4.5;

  const axis = el(doc, 'g', { class: 'axis' });
  axis.append(el(doc, 'line', { x1: x.range()[0], x2: x.range()[1], y1: axisY, y2: axisY, stroke: MUTED }));
  for (const tick of x.ticks(6)) {
    axis.append(el(doc, 'line', { x1: x(tick), x2: x(tick), y1: axisY, y2: axisY + 8, stroke: MUTED }));
    axis.append(
      el(doc, 'text', { x: x(tick), y: axisY + 34, 'text-anchor': 'middle', 'font-size': VALUE_SIZE, fill: MUTED }, formatCount(tick)),
    );
  }
  svg.append(axis);

  const median = el(doc, 'g', { class: 'median' });
  median.append(
    el(doc, 'line', {
      x1: x(spec.median),
      x2: x(spec.median),
      y1: 64,
      y2: axisY,
      stroke: INK,
      'stroke-width': 3,
      'stroke-dasharray': '8 6',
    }),
  );
  const medianText = CHART_LABELS.median(formatMedian(spec.median));
  const medianX = Math.min(Math.max(x(spec.median), textWidth(medianText, LABEL_SIZE) / 2), width - textWidth(medianText, LABEL_SIZE) / 2);
  median.append(el(doc, 'text', { x: medianX, y: 48, 'text-anchor': 'middle', 'font-size': LABEL_SIZE, fill: INK, ...HALO }, medianText));
  svg.append(median);

  // Few townships: equal values stacked instead of hidden under each other, and each one named
  // below its dot where its name finds room. Many: a fixed jitter spreads them, the focus alone named.
  const few = spec.points.length <= 12;
  const stacked = new Map<number, number>();
  const placed: [number, number][] = [];
  const dots = el(doc, 'g', { class: 'dots' });
  spec.points.forEach((p, i) => {
    const level = stacked.get(p.value) ?? 0;
    stacked.set(p.value, level + 1);
    if (p.key === spec.focus) return;
    const cy = few ? centre + (level % 2 ? 1 : -1) * Math.ceil(level / 2) * (2 * r + 4) : centre + jitter(i) * spread;
    const dot = el(doc, 'circle', { cx: x(p.value), cy, r, fill: OTHERS, 'fill-opacity': 0.55, 'data-township': p.key });
    dot.append(el(doc, 'title', {}, `${p.name}：${formatCount(p.value)}`));
    dots.append(dot);
    if (!few) return;
    const half = textWidth(p.name, VALUE_SIZE) / 2 + 6;
    const at: [number, number] = [x(p.value) - half, x(p.value) + half];
    if (at[0] < 0 || at[1] > width || placed.some(([a, b]) => at[0] < b && a < at[1])) return;
    placed.push(at);
    dots.append(
      el(
        doc,
        'text',
        { x: x(p.value), y: centre + 3 * r + 34, 'text-anchor': 'middle', 'font-size': VALUE_SIZE, fill: MUTED, ...HALO },
        p.name,
      ),
    );
  });
  svg.append(dots);

  const focus = spec.points.find((p) => p.key === spec.focus);
  if (focus) {
    const g = el(doc, 'g', { class: 'focus', 'data-township': focus.key });
    g.append(el(doc, 'circle', { cx: x(focus.value), cy: centre, r: 16, fill: FOCUS, stroke: '#ffffff', 'stroke-width': 3 }));
    const text = `${focus.name} ${formatCount(focus.value)}`;
    const half = textWidth(text, LABEL_SIZE + 4) / 2;
    const tx = Math.min(Math.max(x(focus.value), half), width - half);
    g.append(
      el(
        doc,
        'text',
        { x: tx, y: centre - 32, 'text-anchor': 'middle', 'font-size': LABEL_SIZE + 4, 'font-weight': 700, fill: FOCUS, ...HALO },
        text,
      ),
    );
    svg.append(g);
  }
}
