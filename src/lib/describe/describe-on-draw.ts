/**
 * Keeps a chart's text description in step with the chart: once the figure's chart is drawn or redrawn
 * (its DOM changes outside `ignore`, which holds the description itself) and has stayed unchanged for
 * SETTLE_MS, `describe` runs when the browser is idle and its text is handed to `write`. A description
 * is read after the chart is seen: it must not slip between a reader's quick changes, so it waits for
 * the chart to settle. A newer draw cancels an older description.
 */
const SETTLE_MS = 250;

export function describeOnDraw(
  figure: HTMLElement,
  ignore: () => Element | undefined,
  describe: () => string | Promise<string>,
  write: (text: string) => void,
): { refresh: () => void; stop: () => void } {
  let pending: number | null = null;
  let settling: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  const run = async (ticket: number) => {
    pending = null;
    try {
      const text = await describe();
      if (ticket === generation) write(text);
    } catch {
      // A table that cannot be read now (its data still loading) is described on the next draw.
    }
  };
  const cancel = () => {
    if (settling !== null) clearTimeout(settling);
    if (pending !== null) cancelIdleCallback(pending);
    settling = pending = null;
  };
  const refresh = () => {
    generation += 1;
    cancel();
    const ticket = generation;
    settling = setTimeout(() => {
      settling = null;
      pending = requestIdleCallback(() => void run(ticket), { timeout: 2000 });
    }, SETTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    const outside = records.some((r) => !ignore()?.contains(r.target));
    if (outside) refresh();
  });
  observer.observe(figure, { childList: true, subtree: true });
  refresh();
  return {
    refresh,
    stop: () => {
      observer.disconnect();
      cancel();
      generation += 1;
    },
  };
}
