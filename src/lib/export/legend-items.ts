/**
 * A chart's legend as the export draws it. Some legends are HTML beside the chart (a list of
 * swatches in ChartFrame's legend slot), which an SVG file cannot hold: each entry is read here as
 * its swatches (the colours of its small coloured boxes, or a small inline SVG glyph) and its text.
 * Controls in the same slot (toggles, check boxes) are left out: they are not part of the picture,
 * and what they choose is in the title and subtitle.
 */
export interface LegendItem {
  text: string;
  /** Colours of the entry's swatch boxes, left to right (a strip has several). */
  colours: string[];
  /** A small SVG glyph drawn instead of boxes (the distribution's box, median and dot). */
  glyph: SVGSVGElement | null;
  /** A heading among the entries (bold, no swatch). */
  heading: boolean;
}

const CONTROLS = 'button, input, select, label, [role="radiogroup"], [role="group"]';

/** Within the legend only: the figure around it is a group too. */
function insideControl(entry: Element, legend: Element): boolean {
  const control = entry.closest(CONTROLS);
  return control !== null && legend.contains(control);
}

export function legendItems(legend: Element | null): LegendItem[] {
  if (!legend) return [];
  const entries = [...legend.querySelectorAll('li, p')].filter(
    (e) => !insideControl(e, legend) && !e.querySelector(CONTROLS) && !e.querySelector('li, p') && e.textContent?.trim(),
  );
  return entries.map((entry) => {
    const glyph = entry.querySelector('svg');
    const colours = glyph
      ? []
      : [...entry.querySelectorAll<HTMLElement>('span, i, div')]
          .filter((e) => !e.children.length && e.getBoundingClientRect().width <= 40)
          .map((e) => getComputedStyle(e).backgroundColor)
          .filter((c) => c && c !== 'transparent' && c !== 'rgba(0, 0, 0, 0)');
    return {
      text: entry.textContent!.replace(/\s+/g, ' ').trim(),
      colours,
      glyph,
      heading: Number(getComputedStyle(entry).fontWeight) >= 600 && !colours.length && !glyph,
    };
  });
}
