/**
 * What the reader sees when a file the site serves is broken: sql.js's wasm, the first data part
 * (the summary), a part fetched when a view first asks (部门网络's network part) and the complete
 * database (导出数据库) — each missing (404), truncated (half its bytes) or answered with an HTML page
 * (what a misconfigured server or a captive portal sends). Each time a clear Chinese message must
 * come within 10 seconds with a way to try again, never a blank page or an endless spinner; and once
 * the fault is gone, trying again shows the dashboard.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

/** How quickly the reader must be told. */
const TOLD_WITHIN = 10_000;

type Fault = '404' | 'truncated' | 'html';
const FAULTS: Fault[] = ['404', 'truncated', 'html'];

/** A server's 404 page or a portal's login page: HTML where bytes were expected. */
const HTML_PAGE = '<!doctype html><html><head><title>登录</title></head><body><p>请先登录</p></body></html>';

async function answer(route: Route, fault: Fault) {
  if (fault === '404') return route.fulfill({ status: 404, contentType: 'text/html', body: HTML_PAGE });
  if (fault === 'html') return route.fulfill({ status: 200, contentType: 'text/html', body: HTML_PAGE });
  const response = await route.fetch();
  const body = await response.body();
  // The file may have been mended (unrouted) while its bytes were fetched: Playwright has then
  // answered the request itself, and there is nothing left to cut short.
  return route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) }).catch((e: unknown) => {
    if (!String(e).includes('Route is already handled')) throw e;
  });
}

/** Serves `pattern` with `fault` until the returned function is called. */
async function breakFile(page: Page, pattern: RegExp, fault: Fault): Promise<() => Promise<void>> {
  const handler = (route: Route) => answer(route, fault);
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

/** How long each case took to tell the reader (ms), for the README's figures. */
const told: number[] = [];

/** The Chinese message and its retry button, within TOLD_WITHIN of `since`. */
async function toldWithRetry(page: Page, since: number, scope = page.locator('body')) {
  const error = scope.locator('[role=alert]').first();
  await error.waitFor({ timeout: TOLD_WITHIN });
  const elapsed = performance.now() - since;
  expect(elapsed).toBeLessThan(TOLD_WITHIN);
  told.push(elapsed);
  const text = (await error.textContent()) ?? '';
  // The message itself in Chinese, not only its title: the technical detail (class "detail") aside.
  const message = (await error.locator('p:not(.detail), li').allTextContents()).join(' ');
  expect(message.replace(/[^\u4e00-\u9fff]/g, '').length).toBeGreaterThan(10);
  await expect(error.getByRole('button', { name: '重试' }).isVisible()).resolves.toBe(true);
  return { error, text, elapsed };
}

describe('a broken file: a Chinese message within 10 s, and 重试 that works once it is mended', () => {
  const b = useBrowser();
  afterAll(() => {
    if (told.length)
      console.log(`failure states: ${told.length} told in ${Math.min(...told).toFixed(0)}–${Math.max(...told).toFixed(0)} ms`);
  });

  for (const [file, pattern, names] of [
    ['the wasm', /\/assets\/sql-wasm[^/]*\.wasm$/, '查询引擎'],
    ['the summary part', /\/data\/atlas\/summary\.sqlite\.gz$/, '数据'],
  ] as const) {
    for (const fault of FAULTS) {
      it(`${file}, ${fault}: the page says so, and 重试 shows the dashboard once the file is back`, async () => {
        b.ignoreErrors(() => true); // the failed fetch and the worker's error are logged; the page is what is checked
        const page = await b.open('', { waitReady: false });
        await page.waitForSelector('main[data-state="ready"]');
        const mend = await breakFile(page, pattern, fault);
        const started = performance.now();
        await page.reload();
        const { text } = await toldWithRetry(page, started);
        expect(text).toContain(names);
        await b.screenshot(page, `failure-${file.replace(/\W+/g, '-')}-${fault}`);
        await mend();
        await page.getByRole('button', { name: '重试' }).click();
        await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
        await page.locator('#view-panel figure.chart-frame[data-drawn]').first().waitFor({ timeout: 20000 });
      });
    }
  }

  for (const fault of FAULTS) {
    it(`a part fetched on demand (部门网络's), ${fault}: the view says so, and 重试 draws it once the file is back`, async () => {
      b.ignoreErrors(() => true);
      const page = await b.open('', { waitReady: false });
      await page.waitForSelector('main[data-state="ready"]');
      // Broken before the page loads, so neither the view nor the background prefetch has it yet.
      const mend = await breakFile(page, /\/data\/atlas\/network\.sqlite\.gz$/, fault);
      await page.reload();
      await page.waitForSelector('main[data-state="ready"]');
      const started = performance.now();
      await page.locator('[role=tab][data-view=network]').click();
      const { text } = await toldWithRetry(page, started, page.locator('#view-panel'));
      await b.screenshot(page, `failure-network-part-${fault}`);
      expect(text).toContain('数据');
      await mend();
      await page.locator('#view-panel').getByRole('button', { name: '重试' }).click();
      await page.locator('#view-panel figure.chart-frame[data-drawn]').first().waitFor({ timeout: 20000 });
    });

    it(`the complete database (导出数据库), ${fault}: the panel says so instead of downloading it, and 重试 downloads it once the file is back`, async () => {
      b.ignoreErrors(() => true);
      const page = await b.open();
      const mend = await breakFile(page, /\/data\/duties\.sqlite$/, fault);
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.getByTestId('data-toggle').click();
      const started = performance.now();
      await page.getByTestId('data-export').click();
      const { text } = await toldWithRetry(page, started, page.getByTestId('data-panel'));
      expect(text).toContain('导出失败');
      expect(text).toContain('duties.sqlite');
      await b.screenshot(page, `failure-export-${fault}`);
      expect(downloads).toBe(0);
      await mend();
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 20000 }),
        page.getByTestId('data-panel').getByRole('button', { name: '重试' }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(/\.sqlite$/);
      await expect(page.getByTestId('data-error').count()).resolves.toBe(0);
    });
  }
});
