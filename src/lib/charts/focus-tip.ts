/**
 * A tip for the cell the keyboard is on, in a chart whose pointer tip is Plot's (which follows the
 * pointer only): the same lines, in a box above the cell (below it where there is no room above),
 * kept inside the chart. Text only, set with `textContent`.
 */
import { textWidth } from './text-width';
import { FONT_FAMILY } from '../ui/theme';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT_SIZE = 13;
const LINE_HEIGHT = 17;
const PAD = 8;
/** Between the tip and its cell. */
const GAP = 6;

export interface FocusTip {
  /** Shows `lines` beside `cell` (in the chart's coordinates). */
  show(cell: { x: number; y: number; width: number; height: number }, lines: string[]): void;
  hide(): void;
}

/** Adds a hidden tip (`g.focus-tip`) at the end of `svg`, whose drawing is `width` wide. */
export function focusTip(svg: SVGSVGElement, width: number): FocusTip {
  const doc = svg.ownerDocument;
  const g = doc.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'focus-tip');
  g.setAttribute('display', 'none');
  // The cursor carries the cell's name for a screen reader: this is for the eye.
  g.setAttribute('aria-hidden', 'true');
  g.setAttribute('pointer-events', 'none');
  const box = doc.createElementNS(SVG_NS, 'rect');
  box.setAttribute('rx', '3');
  box.style.setProperty('fill', 'var(--panel)');
  box.style.setProperty('stroke', 'var(--line)');
  const text = doc.createElementNS(SVG_NS, 'text');
  text.setAttribute('font-size', String(FONT_SIZE));
  // Plot's svg centres its text; these lines start at the box's padding, on their baselines.
  text.setAttribute('text-anchor', 'start');
  text.setAttribute('dominant-baseline', 'alphabetic');
  text.style.setProperty('font-family', FONT_FAMILY);
  text.style.setProperty('fill', 'var(--ink)');
  g.append(box, text);
  svg.append(g);
  return {
    show(cell, lines) {
      const tipWidth = Math.max(...lines.map((l) => textWidth(l, FONT_SIZE))) + 2 * PAD;
      const tipHeight = lines.length * LINE_HEIGHT + PAD;
      const x = Math.max(0, Math.min(width - tipWidth, cell.x + cell.width / 2 - tipWidth / 2));
      const above = cell.y - GAP - tipHeight;
      const y = above >= 0 ? above : cell.y + cell.height + GAP;
      box.setAttribute('x', String(x));
      box.setAttribute('y', String(y));
      box.setAttribute('width', String(tipWidth));
      box.setAttribute('height', String(tipHeight));
      text.replaceChildren(
        ...lines.map((line, i) => {
          const tspan = doc.createElementNS(SVG_NS, 'tspan');
          tspan.setAttribute('x', String(x + PAD));
          tspan.setAttribute('y', String(y + PAD / 2 + (i + 0.8) * LINE_HEIGHT));
          tspan.textContent = line;
          return tspan;
        }),
      );
      g.removeAttribute('display');
    },
    hide() {
      g.setAttribute('display', 'none');
    },
  };
}
