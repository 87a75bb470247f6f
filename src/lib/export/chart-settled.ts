/**
 * Resolves once a chart has finished drawing, so an export copies the picture the reader will
 * see, not half of it: a layout still running (`data-laying-out="true"`, `data-layout="running"`,
 * the benchmark's hooks) or anything `aria-busy` in the frame. Gives up after `timeoutMs` and
 * exports what is there.
 */
const BUSY = '[data-laying-out="true"], [data-layout="running"], [aria-busy="true"]';

export async function chartSettled(frame: Element, timeoutMs = 15_000): Promise<void> {
  const started = performance.now();
  // The export menu is busy itself while it waits: it is no part of the chart.
  const busy = () => [...frame.querySelectorAll(BUSY)].some((e) => !e.closest('[data-export-ignore]'));
  while (busy() && performance.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 100));
}
