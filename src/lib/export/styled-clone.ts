/**
 * A copy of an on-screen SVG chart that looks the same anywhere: the page's style sheets (Svelte's
 * scoped classes, Plot's <style>, :global rules) stay behind when the SVG is saved, so every
 * element's computed look is written onto the copy as presentation attributes (fill="…"), which
 * PowerPoint, WPS and Inkscape honour more reliably than CSS. An inherited property is written only
 * where it differs from the parent's, so a heatmap of thousands of cells stays small.
 *
 * Font families are not copied: the composed image sets one stack of CJK fonts at its root
 * (chart-image.ts), so the copy names no font the reader's machine may lack.
 */

import { vectorTwinOf } from '../charts/vector-twin';

/** Properties children inherit: written where they differ from the parent's computed value. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'paint-order',
  'writing-mode',
] as const;

/** Properties that do not inherit: written where they are not the initial value. */
const OWN: Record<string, string> = { opacity: '1', 'alignment-baseline': 'auto', 'baseline-shift': '0px' };

/** What the root of the copy starts from: SVG's initial values, so the root writes what differs. */
const INITIAL: Partial<Record<(typeof INHERITED)[number], string>> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'font-style': 'normal',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  'letter-spacing': 'normal',
  visibility: 'visible',
  'paint-order': 'normal',
  'writing-mode': 'horizontal-tb',
};

/**
 * A deep copy of `svg` with every element's computed style written as attributes, style sheets and
 * hidden elements left out; `root` values are written on the copy's root whatever the parent.
 */
export function styledClone(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(false) as SVGSVGElement;
  copyStyle(svg, copy, null);
  copyChildren(svg, copy);
  for (const attribute of ['style', 'class', 'tabindex', 'role', 'aria-label', 'aria-hidden']) copy.removeAttribute(attribute);
  return copy;
}

function copyChildren(from: Element, to: Element): void {
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      to.append(child.cloneNode());
      continue;
    }
    if (!(child instanceof SVGElement) || child.tagName === 'style' || child.tagName === 'script') continue;
    if (child.tagName === 'foreignObject') {
      // HTML in a chart is left out; a canvas of cells is written as its vector twin (its colours written out).
      const twin = vectorTwinOf(child);
      if (twin) to.append(twin);
      continue;
    }
    const style = getComputedStyle(child);
    // Hidden marks (a tooltip not shown, a layer switched off) are left out rather than carried hidden.
    if (style.display === 'none') continue;
    const copy = child.cloneNode(false) as SVGElement;
    copyStyle(child, copy, getComputedStyle(from), style);
    copyChildren(child, copy);
    to.append(copy);
  }
}

function copyStyle(element: Element, copy: Element, parent: CSSStyleDeclaration | null, style = getComputedStyle(element)): void {
  copy.removeAttribute('style');
  copy.removeAttribute('tabindex');
  copy.removeAttribute('font-family');
  for (const property of INHERITED) {
    const value = style.getPropertyValue(property);
    const base = parent ? parent.getPropertyValue(property) : INITIAL[property];
    // An attribute the element carries may be overridden by a style sheet (or say currentColor):
    // the computed value replaces it whatever the parent's.
    if (value && (value !== base || copy.hasAttribute(property))) copy.setAttribute(property, value);
    else if (!value || !parent) copy.removeAttribute(property);
  }
  for (const [property, initial] of Object.entries(OWN)) {
    const value = style.getPropertyValue(property);
    if (value && value !== initial) copy.setAttribute(property, value);
  }
}
