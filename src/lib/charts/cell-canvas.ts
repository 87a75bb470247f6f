/**
 * Thousands of cells on one canvas instead of thousands of SVG elements. A heatmap of a county's
 * townships at region scale holds 2,000–4,000 cells; as SVG each was three elements the browser
 * had to create, style and lay out on every drill (most of a 160–230 ms redraw). Painted, they take a
 * few milliseconds; the chart around them (names, headers, counts) stays SVG text.
 *
 * The canvas sits in the chart's SVG in a `foreignObject`, so the chart stays one element that views,
 * caches and exports handle as before; exports draw the same marks as SVG (`setVectorTwin`).
 */
import { setVectorTwin } from './vector-twin';
import { paintAndRepaint, colourResolver, release, restore, type ColourOf } from './canvas-repaint';
import { FONT_FAMILY } from '../ui/theme';

const SVG_NS = 'http://www.w3.org/2000/svg';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** A filled box, optionally outlined and rounded. Colours may be theme variables (`var(--line)`); `none` fills nothing. */
export interface BoxMark {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke?: string;
  /** The outline's width in px (1). */
  strokeWidth?: number;
  radius?: number;
  /** The fill's opacity (1): a cell outside a selection is drawn faint. */
  opacity?: number;
  /**
   * Painted over every box of a lower layer (0). Boxes of one layer must not overlap: they are
   * painted grouped by how they look, not in order.
   */
  layer?: number;
}

/** Text centred on `x`, its baseline at `y`. */
export interface TextMark {
  x: number;
  y: number;
  text: string;
  fill: string;
  size: number;
  opacity?: number;
}

export interface CellMarks {
  /** Painted first, layer by layer. */
  boxes: BoxMark[];
  /** Painted over every box. */
  texts: TextMark[];
}

/** The area of the chart the canvas covers, in the chart's coordinates. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The most canvas pixels one chart keeps (4 bytes each): a sharp canvas on a high-density screen
 * unless the chart is huge, where it is drawn a little softer rather than taking hundreds of megabytes.
 */
const MAX_PIXELS = 16_000_000;

/**
 * A `foreignObject` over `area` holding a canvas with `marks` painted on it (in chart coordinates),
 * repainted when the theme or the screen's density changes; exports draw the marks as SVG instead.
 */
export function cellCanvas(doc: Document, area: Area, marks: CellMarks): SVGForeignObjectElement {
  const holder = doc.createElementNS(SVG_NS, 'foreignObject') as SVGForeignObjectElement;
  for (const [key, value] of Object.entries(area)) holder.setAttribute(key, String(value));
  holder.setAttribute('class', 'cell-canvas');
  // The smallest text painted, in px at the chart's size: a check of what a projector shows (text
  // under 12 px on screen) reads it here, as it reads the SVG's own text.
  if (marks.texts.length)
    holder.setAttribute('data-text-size', String(marks.texts.reduce((least, t) => Math.min(least, t.size), Infinity)));
  const canvas = doc.createElementNS(HTML_NS, 'canvas') as HTMLCanvasElement;
  canvas.style.width = `${area.width}px`;
  canvas.style.height = `${area.height}px`;
  canvas.style.display = 'block';
  // The cells speak through the chart's keyboard cursor and tooltip: the bitmap says nothing.
  canvas.setAttribute('aria-hidden', 'true');
  holder.append(canvas);
  const context = canvas.getContext('2d');
  if (context)
    paintAndRepaint(canvas, ({ colourOf, density }) => {
      const scale = Math.min(density, Math.sqrt(MAX_PIXELS / Math.max(1, area.width * area.height)));
      const [width, height] = [Math.max(1, Math.round(area.width * scale)), Math.max(1, Math.round(area.height * scale))];
      // Resizing clears the canvas; the same size is cleared by hand.
      if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
      else context.clearRect(0, 0, width, height);
      context.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale);
      paintMarks(context, marks, colourOf);
    });
  setVectorTwin(holder, () => marksAsSvg(doc, marks, colourResolver(doc)));
  return holder;
}

/**
 * Paints the boxes layer by layer and, within a layer, one path per look (colour, opacity, outline):
 * a county's 3,400 cells are a handful of fills, not 3,400 (each fill is a pass of the rasteriser).
 * Then the texts, grouped by colour and size so that the canvas's state is set once a group.
 */
function paintMarks(context: CanvasRenderingContext2D, marks: CellMarks, colourOf: ColourOf): void {
  const layers = new Map<number, Map<string, BoxMark[]>>();
  for (const box of marks.boxes) {
    const layer = box.layer ?? 0;
    const looks = layers.get(layer) ?? layers.set(layer, new Map()).get(layer)!;
    const look = `${box.fill}|${box.opacity ?? 1}|${box.stroke ?? ''}|${box.strokeWidth ?? 1}`;
    const group = looks.get(look);
    if (group) group.push(box);
    else looks.set(look, [box]);
  }
  for (const layer of [...layers.keys()].sort((a, b) => a - b))
    for (const group of layers.get(layer)!.values()) {
      const [{ fill, opacity, stroke, strokeWidth }] = group;
      context.beginPath();
      for (const box of group)
        if (box.radius) context.roundRect(box.x, box.y, box.width, box.height, box.radius);
        else context.rect(box.x, box.y, box.width, box.height);
      if (fill !== 'none') {
        context.globalAlpha = opacity ?? 1;
        context.fillStyle = colourOf(fill);
        context.fill();
        context.globalAlpha = 1;
      }
      if (stroke) {
        context.strokeStyle = colourOf(stroke);
        context.lineWidth = strokeWidth ?? 1;
        context.stroke();
      }
    }
  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  const looks = new Map<string, TextMark[]>();
  for (const text of marks.texts) {
    const look = `${text.fill}|${text.opacity ?? 1}|${text.size}`;
    const group = looks.get(look);
    if (group) group.push(text);
    else looks.set(look, [text]);
  }
  for (const group of looks.values()) {
    const [{ fill, opacity, size }] = group;
    context.font = `${size}px ${FONT_FAMILY}`;
    context.globalAlpha = opacity ?? 1;
    context.fillStyle = colourOf(fill);
    for (const text of group) context.fillText(text.text, text.x, text.y);
  }
  context.globalAlpha = 1;
}

/** The marks as SVG elements, colours written out: what an export shows where the canvas was. */
function marksAsSvg(doc: Document, marks: CellMarks, colourOf: ColourOf): SVGGElement {
  const g = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
  g.setAttribute('class', 'cell-marks');
  // In document order a higher layer is drawn over a lower one, as on the canvas (a stable sort: a
  // layer's boxes keep the order they came in).
  for (const box of [...marks.boxes].sort((a, b) => (a.layer ?? 0) - (b.layer ?? 0))) {
    const rect = doc.createElementNS(SVG_NS, 'rect');
    for (const key of ['x', 'y', 'width', 'height'] as const) rect.setAttribute(key, String(box[key]));
    if (box.radius) rect.setAttribute('rx', String(box.radius));
    rect.setAttribute('fill', colourOf(box.fill));
    if (box.opacity !== undefined && box.opacity !== 1) rect.setAttribute('fill-opacity', String(box.opacity));
    if (box.stroke) rect.setAttribute('stroke', colourOf(box.stroke));
    if (box.strokeWidth !== undefined) rect.setAttribute('stroke-width', String(box.strokeWidth));
    g.append(rect);
  }
  for (const mark of marks.texts) {
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(mark.x));
    text.setAttribute('y', String(mark.y));
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('font-size', String(mark.size));
    text.setAttribute('fill', colourOf(mark.fill));
    if (mark.opacity !== undefined && mark.opacity !== 1) text.setAttribute('fill-opacity', String(mark.opacity));
    text.textContent = mark.text;
    g.append(text);
  }
  return g;
}

const canvasesIn = (chart: Element) => chart.querySelectorAll<HTMLCanvasElement>('foreignObject.cell-canvas > canvas');

/** A chart leaving the page (kept in a cache): its cells' pixels are freed until it comes back. */
export function releaseCells(chart: Element): void {
  canvasesIn(chart).forEach(release);
}

/** A chart put back on the page: its cells are painted again if they were released or missed a change of theme. */
export function restoreCells(chart: Element): void {
  canvasesIn(chart).forEach(restore);
}

/**
 * Puts `chart` in `host` in place of what is there, for a view that keeps its charts in a cache
 * (chart-cache.ts): the charts leaving keep no canvas pixels, and one coming back from the cache
 * (`cached`) is painted again, in the theme shown now (a canvas off the page misses its repaints).
 */
export function showChart(host: Element, chart: Element, cached: boolean): void {
  for (const old of host.children) releaseCells(old);
  if (cached) restoreCells(chart);
  host.replaceChildren(chart);
}
