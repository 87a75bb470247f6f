/**
 * One chart as a picture to paste into a report or a slide: its title, subtitle and legend, the
 * chart as drawn on screen (every SVG and canvas in its frame, a scrolled chart whole), then the
 * filters in force, the source (townships, publication dates) and the export's date, all as SVG
 * text in one stack of CJK fonts, on white. Text is set with textContent, never parsed as markup:
 * titles and names come from documents and a reader's own files.
 *
 * Light whatever the screen's theme: the chart's look is read with the page switched to its light
 * colours for that moment (theme/force-light.ts), so a chart drawn dark is exported as if drawn light.
 */
import { styledClone } from './styled-clone';
import { legendItems, type LegendItem } from './legend-items';
import { wrapText } from './wrap-text';
import type { TableCaption } from './table';
import { withLightColours } from '../theme/force-light';

/**
 * Fonts that hold Chinese on the machines the exports are opened on: Debian's and Android's Noto
 * CJK, Windows' 微软雅黑, macOS's 苹方, then the older Windows and macOS defaults.
 */
export const EXPORT_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', '微软雅黑', 'PingFang SC', 'Hiragino Sans GB', 'SimHei', 'WenQuanYi Micro Hei', sans-serif";

export interface ChartPicture {
  /** The frame around the chart: its SVG and canvas elements outside `exclude` are the chart. */
  chart: HTMLElement;
  /** Parts of the frame that are not the chart (its caption, the export menu). */
  exclude: Element[];
  legend: Element | null;
  title: string;
  subtitle?: string;
  caption: TableCaption;
}

export interface ComposedSvg {
  /** The SVG file's text. */
  text: string;
  /** Its size in CSS pixels (1×). */
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 20;
const MIN_WIDTH = 520;
const INK = '#1b1b1b';
const MUTED = '#555555';

interface TextStyle {
  size: number;
  weight?: number;
  colour: string;
  lineHeight: number;
}
const TITLE: TextStyle = { size: 18, weight: 700, colour: INK, lineHeight: 25 };
const SUBTITLE: TextStyle = { size: 13, colour: MUTED, lineHeight: 19 };
const LEGEND: TextStyle = { size: 12, colour: INK, lineHeight: 20 };
const FILTERS: TextStyle = { size: 12, colour: '#333333', lineHeight: 17 };
const SOURCE: TextStyle = { size: 11, colour: MUTED, lineHeight: 16 };
const FOOTER: TextStyle = { size: 10, colour: '#777777', lineHeight: 15 };

/** The chart's own elements: SVG and canvas at the top of their tree, drawn, not in the caption or the menu. */
function chartElements(picture: ChartPicture): (SVGSVGElement | HTMLCanvasElement)[] {
  return [...picture.chart.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')].filter((e) => {
    if (picture.exclude.some((x) => x.contains(e)) || e.closest('[data-export-ignore]')) return false;
    if (e.parentElement?.closest('svg')) return false;
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  });
}

/** Measures text in the export's fonts, as the browser will draw it. */
function textMeasurer(): (text: string, style: TextStyle) => number {
  const context = document.createElement('canvas').getContext('2d')!;
  return (text, style) => {
    context.font = `${style.weight ?? 400} ${style.size}px ${EXPORT_FONTS}`;
    return context.measureText(text).width;
  };
}

export function composeChartSvg(picture: ChartPicture): ComposedSvg {
  return withLightColours(() => compose(picture));
}

function compose(picture: ChartPicture): ComposedSvg {
  const measure = textMeasurer();
  const elements = chartElements(picture);
  const boxes = elements.map((e) => e.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  // Stacked in page order at their own left offsets: a chart split into a scrolled body and a fixed
  // axis below it comes out whole, the body at its full height.
  let stacked = 0;
  const placed = elements.map((element, i) => {
    const at = { element, x: boxes[i].left - left, y: stacked, width: boxes[i].width, height: boxes[i].height };
    stacked += boxes[i].height;
    return at;
  });
  const chartWidth = Math.max(0, ...placed.map((p) => p.x + p.width));
  const width = Math.ceil(Math.max(MIN_WIDTH, chartWidth + 2 * PADDING));
  const inner = width - 2 * PADDING;

  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('font-family', EXPORT_FONTS);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = picture.title;
  svg.append(title);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  svg.append(background);

  let y = PADDING;
  const paragraph = (text: string, style: TextStyle, role: string) => {
    const lines = wrapText(text, inner, (t) => measure(t, style));
    for (const line of lines) {
      svg.append(textElement(line, PADDING, y + style.size, style, role));
      y += style.lineHeight;
    }
  };
  paragraph(picture.title, TITLE, 'title');
  if (picture.subtitle) paragraph(picture.subtitle, SUBTITLE, 'subtitle');
  y = drawLegend(svg, legendItems(picture.legend), y + 4, inner, measure);
  y += 8;

  for (const p of placed) {
    svg.append(
      p.element instanceof HTMLCanvasElement ? canvasImage(p.element, p.width, p.height) : chartCopy(p.element, p.width, p.height),
    );
    const last = svg.lastElementChild!;
    last.setAttribute('x', String(PADDING + p.x));
    last.setAttribute('y', String(y + p.y));
  }
  y += stacked + 12;

  paragraph(picture.caption.filters, FILTERS, 'filters');
  if (picture.caption.source) paragraph(picture.caption.source, SOURCE, 'source');
  paragraph(picture.caption.footer, FOOTER, 'footer');
  const height = Math.ceil(y + PADDING - 4);

  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  return { text, width, height };
}

function textElement(content: string, x: number, baseline: number, style: TextStyle, role: string): SVGTextElement {
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(baseline));
  text.setAttribute('font-size', String(style.size));
  if (style.weight) text.setAttribute('font-weight', String(style.weight));
  text.setAttribute('fill', style.colour);
  text.setAttribute('data-export', role);
  text.textContent = content;
  return text;
}

/** The on-screen SVG copied with its look (styled-clone.ts), at the size it is drawn. */
function chartCopy(svg: SVGSVGElement, width: number, height: number): SVGSVGElement {
  const copy = styledClone(svg);
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return copy;
}

/** A canvas chart as an embedded PNG: its pixels as they are (a canvas holds no vectors to keep). */
function canvasImage(canvas: HTMLCanvasElement, width: number, height: number): SVGImageElement {
  const image = document.createElementNS(SVG_NS, 'image');
  image.setAttribute('width', String(width));
  image.setAttribute('height', String(height));
  image.setAttribute('href', canvas.toDataURL('image/png'));
  return image;
}

/** Legend entries in rows: swatch boxes or glyph, then the text; returns the y below them. */
function drawLegend(
  svg: SVGSVGElement,
  items: LegendItem[],
  top: number,
  inner: number,
  measure: (text: string, style: TextStyle) => number,
): number {
  if (!items.length) return top;
  let x = 0;
  let y = top;
  for (const item of items) {
    const style = item.heading ? { ...LEGEND, weight: 700 } : LEGEND;
    const glyphWidth = item.glyph ? Math.min(24, item.glyph.getBoundingClientRect().width || 14) : 0;
    const swatchWidth = item.glyph ? glyphWidth + 5 : item.colours.length ? (item.colours.length > 1 ? 28 : 12) + 5 : 0;
    const itemWidth = swatchWidth + measure(item.text, style) + 16;
    if (x > 0 && x + itemWidth > inner) {
      x = 0;
      y += LEGEND.lineHeight;
    }
    const left = PADDING + x;
    const middle = y + LEGEND.lineHeight / 2;
    if (item.glyph) {
      const glyph = styledClone(item.glyph);
      const box = item.glyph.getBoundingClientRect();
      const height = Math.min(14, box.height || 14);
      if (!glyph.hasAttribute('viewBox')) glyph.setAttribute('viewBox', `0 0 ${box.width || glyphWidth} ${box.height || height}`);
      glyph.setAttribute('x', String(left));
      glyph.setAttribute('y', String(middle - height / 2));
      glyph.setAttribute('width', String(glyphWidth));
      glyph.setAttribute('height', String(height));
      svg.append(glyph);
    } else if (item.colours.length) {
      const strip = item.colours.length > 1;
      item.colours.forEach((colour, i) => {
        const rect = document.createElementNS(SVG_NS, 'rect');
        const w = strip ? 28 / item.colours.length : 12;
        rect.setAttribute('x', String(left + i * w));
        rect.setAttribute('y', String(strip ? middle - 3 : middle - 6));
        rect.setAttribute('width', String(w));
        rect.setAttribute('height', String(strip ? 6 : 12));
        rect.setAttribute('fill', colour);
        rect.setAttribute('stroke', '#bbbbbb');
        rect.setAttribute('stroke-width', '0.5');
        svg.append(rect);
      });
    }
    svg.append(textElement(item.text, left + swatchWidth, middle + style.size * 0.36, style, 'legend'));
    x += itemWidth;
  }
  return y + LEGEND.lineHeight;
}
