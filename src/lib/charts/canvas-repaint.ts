/**
 * Canvas drawing that follows the page. SVG marks take theme colours as `var(--x)` and are redrawn
 * by the browser at any zoom; a canvas is painted once, with resolved colours, at one density. So it
 * is painted again whenever either may have changed: the reader's theme choice (`data-theme` on
 * <html>), the system's light or dark, the screen's density (browser zoom, a window moved to another
 * screen), printing (always light, src/lib/print; at least twice the density, for paper), and a
 * canvas whose pixels the browser dropped (a 2D context lost in a background tab).
 *
 * A canvas off the page (a chart kept in a view's cache) is not painted: it is `release`d — its
 * pixels freed — and painted again when `restore`d to the page.
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

interface Painter {
  canvas: HTMLCanvasElement;
  paint: Paint;
  /** Not painted since the last change, or released: painted when restored. */
  stale: boolean;
}

/** Density on paper: a printer resolves far more than a screen. */
const PRINT_DENSITY = 2;

/** Every painter, each as long as its canvas lives (the canvas holds it; this set holds it weakly). */
const painters = new Set<WeakRef<Painter>>();
const painterOf = new WeakMap<HTMLCanvasElement, Painter>();
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
const painting = (density = screenDensity()): Painting => ({ colourOf: colourResolver(), density });

/** Paints `canvas` now, and again whenever the theme or the density may have changed while it is on the page. */
export function paintAndRepaint(canvas: HTMLCanvasElement, paint: Paint): void {
  const painter: Painter = { canvas, paint, stale: false };
  paint(painting());
  painterOf.set(canvas, painter);
  painters.add(new WeakRef(painter));
  canvas.addEventListener('contextrestored', () => paintNow(painter, painting()));
  watch();
}

/** Frees a canvas's pixels while it is off the page; `restore` paints it again. */
export function release(canvas: HTMLCanvasElement): void {
  const painter = painterOf.get(canvas);
  if (!painter) return;
  painter.stale = true;
  canvas.width = canvas.height = 0;
}

/** Paints a canvas that was released, or missed a change of theme or density while off the page. */
export function restore(canvas: HTMLCanvasElement): void {
  const painter = painterOf.get(canvas);
  if (painter?.stale) paintNow(painter, painting());
}

function paintNow(painter: Painter, now: Painting): void {
  painter.stale = false;
  try {
    painter.paint(now);
  } catch (error) {
    // One chart that cannot paint leaves the others painted.
    painter.stale = true;
    console.error(error);
  }
}

function repaintAll(density = screenDensity()): void {
  const now = painting(density);
  for (const ref of painters) {
    const painter = ref.deref();
    if (!painter) painters.delete(ref);
    else if (!painter.canvas.isConnected) painter.stale = true;
    else paintNow(painter, now);
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
  let query: MediaQueryList | undefined;
  const check = () => {
    if (screenDensity() === seen) return;
    seen = screenDensity();
    repaintAll();
    listen();
  };
  const listen = () => {
    query?.removeEventListener?.('change', check);
    query = window.matchMedia?.(`(resolution: ${seen}dppx)`);
    query?.addEventListener?.('change', check);
  };
  listen();
  window.addEventListener('resize', check);
}
