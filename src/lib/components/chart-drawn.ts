/**
 * The "chart drawn" hook, for the benchmark (scripts/bench) and the e2e tests: ChartFrame attaches it
 * to its figure, so every view's charts have it without doing anything.
 *
 * Once the figure holds a chart (an svg or canvas outside its caption) and a frame with it has been
 * painted, the figure gets `data-drawn`; the first chart painted on the page also leaves the
 * performance mark FIRST_CHART_MARK (its startTime is milliseconds since navigation start). "Painted"
 * is the first task after the next animation frame: the browser renders a frame between its
 * requestAnimationFrame callbacks and the tasks queued during them.
 */

import { inNextTask } from '../scheduling/next-task';

export const FIRST_CHART_MARK = 'duty-atlas:first-chart';

/** Calls back once the next frame has been rendered. */
export function afterPaint(callback: () => void): void {
  requestAnimationFrame(() => inNextTask(callback));
}

const holdsChart = (figure: HTMLElement) => [...figure.querySelectorAll('svg, canvas')].some((chart) => !chart.closest('figcaption'));

/** A Svelte attachment: marks `figure` drawn (see above) and keeps the mark true as its chart comes and goes. */
export function chartDrawn(figure: HTMLElement): () => void {
  let scheduled = false;
  const update = () => {
    if (!holdsChart(figure)) {
      delete figure.dataset.drawn;
      return;
    }
    if (scheduled || figure.dataset.drawn !== undefined) return;
    scheduled = true;
    afterPaint(() => {
      scheduled = false;
      if (!figure.isConnected || !holdsChart(figure)) return;
      figure.dataset.drawn = '';
      if (performance.getEntriesByName(FIRST_CHART_MARK).length === 0)
        performance.mark(FIRST_CHART_MARK, { detail: figure.dataset.testid ?? null });
    });
  };
  // Charts drawn imperatively (Plot, d3) arrive after the figure: watch for them.
  const observer = new MutationObserver(update);
  observer.observe(figure, { childList: true, subtree: true });
  update();
  return () => observer.disconnect();
}

/**
 * Calls back once the page's first chart has been painted (at once if it has been), or after
 * `fallbackMs` if none is (a view without a chart, 事项查询, may be the first one opened). Work that
 * must not compete with the first paint (prefetching detail) waits for it.
 */
export function afterFirstChart(callback: () => void, fallbackMs = 3000): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    callback();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName(FIRST_CHART_MARK).length) once();
  });
  observer.observe({ type: 'mark' });
  const timer = setTimeout(once, fallbackMs);
  if (performance.getEntriesByName(FIRST_CHART_MARK).length) once();
}
