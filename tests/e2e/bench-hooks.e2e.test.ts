import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { FIRST_CHART_MARK } from '../../src/lib/components/chart-drawn';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';

/**
 * The hooks `npm run bench` measures with (scripts/bench/): a chart frame says when its chart is
 * painted, the page marks its first chart, and the worker times queries when the page opts in.
 */
describe('the benchmark’s hooks', () => {
  const b = useBrowser();

  it('marks each view’s charts once painted, and the page’s first chart once', async () => {
    const page = await b.open('');
    const firstFrame = page.locator('[data-testid=view-overview] figure[data-drawn]').first();
    await firstFrame.waitFor();
    const marks = () =>
      page.evaluate(
        (name) => performance.getEntriesByName(name).map((m) => ({ at: m.startTime, chart: (m as PerformanceMark).detail as string })),
        FIRST_CHART_MARK,
      );
    const [first, ...more] = await marks();
    expect(more).toEqual([]);
    // The mark names the chart it was set for, after the database was opened and before now.
    expect(first.chart).toBe(await firstFrame.getAttribute('data-testid'));
    expect(first.at).toBeGreaterThan(0);
    expect(first.at).toBeLessThan(await page.evaluate(() => performance.now()));
    for (const view of Object.keys(VIEW_LABELS) as ViewId[]) {
      await page.getByRole('tab', { name: VIEW_LABELS[view] }).click();
      await page.waitForSelector(`[data-testid=view-${view}]`);
      // Every frame that holds a chart gets the mark; a frame is never marked without one.
      await expect
        .poll(() =>
          page.evaluate(
            (v) =>
              [...document.querySelectorAll<HTMLElement>(`[data-testid=view-${v}] figure.chart-frame`)].map(
                (f) => (f.dataset.drawn !== undefined) === [...f.querySelectorAll('svg, canvas')].some((c) => !c.closest('figcaption')),
              ),
            view,
          ),
        )
        .not.toContain(false);
    }
    expect(await marks()).toHaveLength(1);
  });

  it('times every query in the worker, waiting for parts apart from running, only when the page opts in', async () => {
    const page = await b.open('?view=network');
    await page.waitForSelector('figure[data-drawn]');
    expect(await page.evaluate(() => globalThis.__dutyAtlasBench)).toBeUndefined();
    await page.addInitScript(() => {
      globalThis.__dutyAtlasBench = { queries: [] };
    });
    await page.reload();
    await page.waitForSelector('figure[data-drawn]');
    await page.waitForFunction(() => globalThis.__dutyAtlasBench!.queries.every((q) => q.receivedAt !== undefined));
    const queries = await page.evaluate(() => globalThis.__dutyAtlasBench!.queries);
    // 部门网络's own (the shell's come from the build's first answers, src/lib/db/first-answers.ts).
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect(q.failed).toBeUndefined();
      // The worker's own times fit in the round trip the page saw.
      expect(q.runMs).toBeGreaterThanOrEqual(0);
      expect(q.waitMs).toBeGreaterThanOrEqual(0);
      expect(q.runMs! + q.waitMs!).toBeLessThanOrEqual(q.receivedAt! - q.sentAt + 1);
    }
    // 部门网络 reads the network part, which a cold page must fetch first.
    expect(queries.filter((q) => q.needs.includes('network')).some((q) => q.waitMs! > 0)).toBe(true);
  });
});
