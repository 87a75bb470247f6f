/**
 * Canvas drawing that follows the page. SVG marks take theme colours as `var(--x)` and are redrawn
 * by the browser at any zoom; a canvas is painted once, with resolved colours, at one density. So it
 * is painted again whenever either may have changed: the reader's theme choice (`data-theme` on
 * <html>), the system's light or dark, the screen's density (browser zoom, a window moved to another
 * screen), and printing (always light, src/lib/print; at least twice the density, for paper).
 */
import { withLightColours } from '../theme/force-light';

/** Resolves colours as the page shows them now: a theme variable (`var(--line)`) becomes rgb(…). */
export type ColourOf = (colour: string) => string;

export interface Painting {
  colourOf: ColourOf;
  /** Canvas pixels per CSS pixel wanted. */
  density: number;
}

type Paint = (painting: Painting) => void;

/** Density on paper: a printer resolves far more than a screen. */
const PRINT_DENSITY = 2;

/** The painters, each as long as its owner (the canvas) lives: the set holds them weakly. */
const painters = new Set<WeakRef<Paint>>();
const byOwner = new WeakMap<object, Paint>();
let watching = false;
let probe: HTMLElement | null = null;

/**
 * A resolver for one painting. Custom properties compute to the text they were given
 * (`light-dark(#fff, #1c1f24)`), so a colour is resolved as an element's `color` would be: by a probe
 * in the page, whatever the canvas's own place (a chart being drawn is not in the page yet).
 */
export function colourResolver(doc: Document = document): ColourOf {
  const known = new Map<string, string>();
  return (colour) => {
    if (!colour.startsWith('var(')) return colour;
    let value = known.get(colour);
    if (value === undefined) {
      if (!probe || probe.ownerDocument !== doc || !probe.isConnected) {
        probe = doc.createElement('span');
        probe.hidden = true;
        probe.setAttribute('aria-hidden', 'true');
        doc.body.append(probe);
      }
      probe.style.color = colour;
      value = getComputedStyle(probe).color || colour;
      known.set(colour, value);
    }
    return value;
  };
}

const screenDensity = () => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

/** Paints now, and again whenever the theme or the density may have changed, for as long as `owner` lives. */
export function paintAndRepaint(owner: object, paint: Paint): void {
  paint({ colourOf: colourResolver(), density: screenDensity() });
  byOwner.set(owner, paint);
  painters.add(new WeakRef(paint));
  watch();
}

function repaintAll(density = screenDensity()): void {
  const painting = { colourOf: colourResolver(), density };
  for (const ref of painters) {
    const paint = ref.deref();
    if (paint) paint(painting);
    else painters.delete(ref);
  }
}

function watch(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  // Not data-export-light: an export switches the page light and back within one task, and reads the
  // canvas's vector twin, not its pixels.
  new MutationObserver(() => repaintAll()).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => repaintAll());
  watchDensity();
  // Chromium fires beforeprint before it lays the page out for print.
  window.addEventListener('beforeprint', () => withLightColours(() => repaintAll(Math.max(PRINT_DENSITY, screenDensity()))));
  window.addEventListener('afterprint', () => repaintAll());
}

/**
 * Repaints when the density changes: a media query true at the current density only (made anew each
 * time) says so, and so does a resize (zooming changes the window's width in CSS pixels) where the
 * density differs from the last seen.
 */
function watchDensity(): void {
  let seen = screenDensity();
  const check = () => {
    if (screenDensity() === seen) return;
    seen = screenDensity();
    repaintAll();
    listen();
  };
  let query: MediaQueryList | undefined;
  const listen = () => {
    query?.removeEventListener?.('change', check);
    query = window.matchMedia?.(`(resolution: ${seen}dppx)`);
    query?.addEventListener?.('change', check);
  };
  listen();
  window.addEventListener('resize', check);
}
