/**
 * A chart part drawn on a canvas on screen has a vector twin for exports: the same marks as SVG
 * elements, with their colours written out. An export copies the chart's SVG (export/styled-clone.ts)
 * and writes the twin where the canvas was, so a picture pasted into WPS or PowerPoint stays sharp and
 * its text stays text.
 */
const twins = new WeakMap<Element, () => SVGElement>();

/** Registers how to draw `element` (a `foreignObject` holding a canvas) as SVG. */
export function setVectorTwin(element: Element, draw: () => SVGElement): void {
  twins.set(element, draw);
}

/** The SVG drawing of `element`'s canvas, or null when it has none. */
export function vectorTwinOf(element: Element): SVGElement | null {
  return twins.get(element)?.() ?? null;
}
