/**
 * Chromium sets up its number formatting (ICU) when a page makes its first `Intl.NumberFormat`:
 * 15–25 ms of the main thread on a 2-core machine, whatever the locale (measured; later ones take
 * 0.1 ms). The first chart's render made that first one, with its stat cards and bar labels. The page
 * waits for the data worker with the main thread idle: it makes it then instead.
 */
import { formatCount } from './strings';

/** Makes the page's first number format when the main thread is next idle (at once where the browser has no idle callbacks). */
export function warmNumberFormats(): void {
  const warm = () => void formatCount(0);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1000 });
  else setTimeout(warm, 0);
}
