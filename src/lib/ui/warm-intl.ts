/**
 * Chromium sets up its number formatting (ICU) when a page makes its first `Intl.NumberFormat`:
 * 12–25 ms of the main thread on a 2-core machine, whatever the locale. The first chart's render
 * made that first one, with its stat cards and bar labels. src/start-data.ts, the page's first
 * script, makes one in a task of its own instead, while the app's larger scripts are still arriving.
 * (An idle callback, as before, ran too late: the first chart is now drawn from the build's answers
 * without waiting for the data worker, and the main thread is no longer idle before it.)
 */

/** Makes a zh-CN number format in the next task, so the charts' own formats are made with ICU ready. */
export function warmNumberFormats(): void {
  setTimeout(() => void new Intl.NumberFormat('zh-CN').format(0), 0);
}
