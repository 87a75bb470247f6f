/**
 * Canvas drawing that follows the page's theme. SVG marks take theme colours as `var(--x)` and the
 * browser repaints them when the theme changes; a canvas is painted once with resolved colours, so
 * it is painted again here whenever the colours may have changed: the reader's theme choice
 * (`data-theme` on <html>), the system's light or dark, and printing (always light, src/lib/print).
 */
import { withLightColours } from '../theme/force-light';

/** Resolves colours as the page shows them now: a theme variable (`var(--line)`) becomes rgb(…). */
export type ColourOf = (colour: string) => string;

type Paint = (colourOf: ColourOf) => void;

/** Painters by a weak reference to what they paint: a chart dropped from every cache is not kept alive. */
const painters = new Set<WeakRef<{ paint: Paint }>>();
let watching = false;
let probe: HTMLElement | null = null;

/**
 * A resolver for one painting. Custom properties compute to the text they were given
 * (`light-dark(#fff, #1c1f24)`), so a colour is resolved as an element's `color` would be: a probe
 * in the page, which resolves whatever the canvas's own place (a chart being drawn is not in the page yet).
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

/** Paints now and again whenever the theme may have changed, for as long as `owner` lives. */
export function paintWithTheme(owner: object, paint: Paint): void {
  paint(colourResolver());
  const entry = { paint };
  // The entry lives as long as its owner (the canvas), no longer: the set holds it weakly.
  ownerEntries.set(owner, entry);
  painters.add(new WeakRef(entry));
  watchTheme();
}

const ownerEntries = new WeakMap<object, { paint: Paint }>();

function repaintAll(): void {
  const colourOf = colourResolver();
  for (const ref of painters) {
    const entry = ref.deref();
    if (entry) entry.paint(colourOf);
    else painters.delete(ref);
  }
}

function watchTheme(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  // Not data-export-light: an export switches the page light and back within one task, and reads the
  // canvas's vector twin, not its pixels.
  new MutationObserver(repaintAll).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', repaintAll);
  // Print is light whatever the screen (print.css); Chromium fires beforeprint before laying the page out for it.
  window.addEventListener('beforeprint', () => withLightColours(repaintAll));
  window.addEventListener('afterprint', repaintAll);
}
