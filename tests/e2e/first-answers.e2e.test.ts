/**
 * The build's first answers (src/lib/db/first-answers.ts): a page opened without filters draws 总览
 * from them before it starts the data worker, shows the served data's figures, and then answers
 * what the reader asks next from the worker. First answers of another build are not kept on screen.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase, type RealDatabase } from './db';
import { FIRST_CHART_MARK } from '../../src/lib/components/chart-drawn';

const SERVED_ANSWERS = fileURLToPath(new URL('../../dist/data/atlas/first-answers.json.gz', import.meta.url));
const drawn = '[data-testid=view-overview] figure[data-drawn]';

/** Items per township and list, as the served database holds them. */
const segmentCounts = (db: RealDatabase) =>
  db.all<{ township_id: string; list: string; n: number }>('SELECT township_id, list, count(*) AS n FROM items GROUP BY 1, 2');

/** Every bar segment of 总览 shows the served database's count. */
async function expectSegmentsOf(page: Page, db: RealDatabase) {
  for (const c of segmentCounts(db)) {
    const segment = page.locator(`[data-testid=township-bars] [data-township="${c.township_id}"] rect[data-list=${c.list}]`);
    await expect(segment.getAttribute('data-items')).resolves.toBe(String(c.n));
  }
}

/** Records on the page when it makes its workers (ms since navigation start, as the first chart's mark), as `workersMadeAt`. */
const recordWorkers = (page: Page) =>
  page.addInitScript(() => {
    const made: number[] = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        made.push(performance.now());
        super(...args);
      }
    };
    Object.assign(window, { workersMadeAt: made });
  });

const workersMadeAt = (page: Page) => page.evaluate(() => (window as unknown as { workersMadeAt: number[] }).workersMadeAt);
const firstChartAt = (page: Page) => page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null, FIRST_CHART_MARK);

/** The items' total as 总览's key figure shows it. */
const totalShown = (page: Page) => page.locator('[data-figure=total] .value').textContent();

describe('the first answers', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('draw 总览 before the data worker starts, with the served data’s figures; the worker then answers a filter', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector(drawn);
    await recordWorkers(page);
    await page.reload();
    await page.waitForSelector(drawn);

    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    await expect(totalShown(page)).resolves.toContain(total.toLocaleString('zh-CN'));
    await expectSegmentsOf(page, db);

    // The data worker starts once the chart is painted, without anything asked.
    await page.waitForFunction(() => (window as unknown as { workersMadeAt: number[] }).workersMadeAt.length > 0);
    expect((await workersMadeAt(page))[0]).toBeGreaterThanOrEqual((await firstChartAt(page))!);

    // A question the first answers do not hold: the worker answers it.
    const yilahu = db.townshipId('伊拉湖镇');
    await page.locator(`[data-testid=township-bars] [data-township="${yilahu}"] rect[data-list=reclaimed]`).click();
    const reclaimed = db.one<{ n: number }>(`SELECT count(*) AS n FROM items WHERE township_id = ? AND list = 'reclaimed'`, [yilahu]).n;
    await page.waitForFunction(
      (n) => document.querySelector('[data-figure=total] .value')?.textContent?.trim().startsWith(String(n)),
      reclaimed,
    );
  });

  it('of another build are not kept, though every file is the same size: the page opens the data again and shows the served figures', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector(drawn);
    // Another build's answers with this build's file listing and meta (a rebuild that changes figures
    // or names need not change any file's size): every item count doubled.
    const served = JSON.parse(gunzipSync(readFileSync(SERVED_ANSWERS)).toString('utf8'));
    served.answers = served.answers.map((a: { rows: Record<string, unknown>[] }) => ({
      ...a,
      rows: a.rows.map((row) => ('items' in row && typeof row.items === 'number' ? { ...row, items: row.items * 2 } : row)),
    }));
    const stale = gzipSync(JSON.stringify(served));
    const answersRequests: string[] = [];
    await page.route(/\/data\/atlas\/first-answers\.json\.gz$/, (route: Route) => {
      answersRequests.push(route.request().headers()['cache-control'] ?? '');
      return route.fulfill({ status: 200, contentType: 'application/gzip', body: stale });
    });
    // Every count a 总览 bar segment shows, in order.
    await page.addInitScript(() => {
      const seen: string[] = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const elements =
            r.type === 'attributes'
              ? [r.target as Element]
              : [...r.addedNodes].flatMap((n) => (n instanceof Element ? [n, ...n.querySelectorAll('[data-items]')] : []));
          for (const e of elements) {
            const value = e.getAttribute('data-items');
            if (value !== null) seen.push(value);
          }
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-items'], childList: true });
      Object.assign(window, { itemsSeen: seen });
    });
    await page.reload();
    const expected = segmentCounts(db);
    await page.waitForFunction(
      (expected) =>
        expected.every(
          ([township, list, n]) =>
            document
              .querySelector(`[data-testid=township-bars] [data-township="${township}"] rect[data-list=${list}]`)
              ?.getAttribute('data-items') === String(n),
        ),
      expected.map((c) => [c.township_id, c.list, c.n] as const),
      { timeout: 20000 },
    );
    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    await expect(totalShown(page)).resolves.toContain(total.toLocaleString('zh-CN'));
    // The other build's figures were on screen first (the first chart was drawn from them)…
    const firstDrawn = await page.evaluate(() => (window as unknown as { itemsSeen: string[] }).itemsSeen);
    expect(expected.some((c) => firstDrawn.includes(String(c.n * 2)) && !expected.some((d) => d.n === c.n * 2))).toBe(true);
    // …and the file was fetched again past the cache, for the next visit.
    await expect.poll(() => answersRequests.length).toBeGreaterThan(1);
  });

  it('that do not read are not used: the page starts the worker as soon as they fail, and draws as before', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector(drawn);
    await page.route(/\/data\/atlas\/first-answers\.json\.gz$/, (route: Route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>not here</title>' }),
    );
    await recordWorkers(page);
    await page.reload();
    await page.waitForSelector(drawn);
    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    await expect(totalShown(page)).resolves.toContain(total.toLocaleString('zh-CN'));
    // The worker was made before the chart (which it drew), and when the file had failed to read,
    // not 1.5 s later when the page stops waiting for a download that never ends.
    const [made] = await workersMadeAt(page);
    const answersEnded = await page.evaluate(
      () =>
        (performance.getEntriesByType('resource').find((r) => r.name.endsWith('/first-answers.json.gz')) as PerformanceResourceTiming)
          .responseEnd,
    );
    expect(made).toBeLessThan((await firstChartAt(page))!);
    expect(made - answersEnded).toBeLessThan(1000);
  });

  it('whose download hangs do not hold the data back: the worker starts anyway and the page draws', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector(drawn);
    // Never answered while the page is open.
    await page.route(/\/data\/atlas\/first-answers\.json\.gz$/, () => new Promise<void>(() => {}));
    await page.reload();
    await page.waitForSelector(drawn, { timeout: 20000 });
    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    await expect(totalShown(page)).resolves.toContain(total.toLocaleString('zh-CN'));
  });
});
