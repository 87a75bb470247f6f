/**
 * Keeps a chart's text description in step with the chart: once the figure's chart is drawn or redrawn
 * (its DOM changes outside `ignore`, which holds the description itself), `describe` runs when the
 * browser is idle — a description is read after the chart is seen, so it never delays the paint the
 * benchmark measures — and its text is handed to `write`. A newer draw cancels an older description.
 */
export function describeOnDraw(
  figure: HTMLElement,
  ignore: () => Element | undefined,
  describe: () => string | Promise<string>,
  write: (text: string) => void,
): { refresh: () => void; stop: () => void } {
  let pending: number | null = null;
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
  const refresh = () => {
    generation += 1;
    if (pending !== null) cancelIdleCallback(pending);
    const ticket = generation;
    pending = requestIdleCallback(() => void run(ticket), { timeout: 1000 });
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
      if (pending !== null) cancelIdleCallback(pending);
      generation += 1;
    },
  };
}
