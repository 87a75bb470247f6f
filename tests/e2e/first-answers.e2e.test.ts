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
const workerScript = /\/assets\/worker-[^/]*\.js$/;
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

/** The items' total as 总览's key figure shows it. */
const totalShown = (page: Page) => page.locator('[data-figure=total] .value').textContent();

describe('the first answers', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('draw 总览 before the data worker starts, with the served data’s figures; the worker then answers a filter', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector(drawn);
    // When the page makes its workers (ms since navigation start, as the first chart's mark).
    await page.addInitScript(() => {
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
    await page.reload();
    await page.waitForSelector(drawn);

    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    await expect(totalShown(page)).resolves.toContain(total.toLocaleString('zh-CN'));
    await expectSegmentsOf(page, db);

    // The data worker starts once the chart is painted, without anything asked.
    await page.waitForFunction(() => (window as unknown as { workersMadeAt: number[] }).workersMadeAt.length > 0);
    const [firstChart, workersMadeAt] = await page.evaluate((mark) => {
      const made = (window as unknown as { workersMadeAt: number[] }).workersMadeAt;
      return [performance.getEntriesByName(mark)[0].startTime, made] as const;
    }, FIRST_CHART_MARK);
    expect(workersMadeAt[0]).toBeGreaterThanOrEqual(firstChart);

    // A question the first answers do not hold: the worker answers it.
    const yilahu = db.townshipId('伊拉湖镇');
    await page.locator(`[data-testid=township-bars] [data-township="${yilahu}"] rect[data-list=reclaimed]`).click();
    const reclaimed = db.one<{ n: number }>(`SELECT count(*) AS n FROM items WHERE township_id = ? AND list = 'reclaimed'`, [yilahu]).n;
    await page.waitForFunction(
      (n) => document.querySelector('[data-figure=total] .value')?.textContent?.trim().startsWith(String(n)),
      reclaimed,
    );
  });

  it('of another build are not kept: the page opens the data again and shows the served figures', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector(drawn);
    // Another build's answers: its data had other figures (every item count doubled) and its summary
    // other meta, so the worker's report on the data it opens does not match them.
    const served = JSON.parse(gunzipSync(readFileSync(SERVED_ANSWERS)).toString('utf8'));
    served.info.meta = { ...served.info.meta, built_from: 'an-earlier-build' };
    served.answers = served.answers.map(([key, rows]: [string, Record<string, unknown>[]]) => [
      key,
      rows.map((row) => ('items' in row && typeof row.items === 'number' ? { ...row, items: row.items * 2 } : row)),
    ]);
    const stale = gzipSync(JSON.stringify(served));
    await page.route(/\/data\/atlas\/first-answers\.json\.gz$/, (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/gzip', body: stale }),
    );
    await page.reload();
    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n;
    // Drawn first from the other build's answers (twice the counts), then from the served data.
    await page.waitForFunction(
      (expected) =>
        expected.every(
          ([township, list, n]) =>
            document
              .querySelector(`[data-testid=township-bars] [data-township="${township}"] rect[data-list=${list}]`)
              ?.getAttribute('data-items') === String(n),
        ),
      segmentCounts(db).map((c) => [c.township_id, c.list, c.n] as const),
      { timeout: 20000 },
    );
    await expect(totalShown(page)).resolves.toContain(total.toLocaleString('zh-CN'));
    await expect(page.getByTestId('active-filters').textContent()).resolves.toContain(String(townships));
  });

  it('that do not read are not used: the page starts the worker at once and draws as before', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector(drawn);
    await page.route(/\/data\/atlas\/first-answers\.json\.gz$/, (route: Route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>not here</title>' }),
    );
    let workerAsked = false;
    page.on('request', (request) => {
      if (workerScript.test(request.url())) workerAsked = true;
    });
    const workerBeforeChart = page.waitForSelector(drawn).then(() => workerAsked);
    await page.reload();
    expect(await workerBeforeChart).toBe(true);
    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    await expect(totalShown(page)).resolves.toContain(total.toLocaleString('zh-CN'));
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
