/**
 * Exports, slides and print are LIGHT whatever the screen's theme: they are pasted into WPS or
 * PowerPoint on white and printed on paper. An export copies the computed look of the chart on screen
 * (export/styled-clone.ts), so while it reads that look the page is switched to the light values:
 * `data-export-light` on <html> sets `color-scheme: light` (src/app.css), which every `light-dark()`
 * variable follows. Synchronous from set to restore, so the page is never painted light.
 */
export const EXPORT_LIGHT_ATTRIBUTE = 'data-export-light';

export function withLightColours<T>(read: () => T, root: HTMLElement = document.documentElement): T {
  const already = root.hasAttribute(EXPORT_LIGHT_ATTRIBUTE);
  if (!already) root.setAttribute(EXPORT_LIGHT_ATTRIBUTE, '');
  try {
    return read();
  } finally {
    if (!already) root.removeAttribute(EXPORT_LIGHT_ATTRIBUTE);
  }
}
