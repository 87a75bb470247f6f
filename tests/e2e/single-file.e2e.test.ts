import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import initSqlJs from 'sql.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORT } from './browser';
import { openRealDatabase } from './db';
import { SUMMARY_FILE } from '../../src/lib/atlas/parts';

/**
 * The single file (`npm run build:single`, built by the e2e setup from dist/'s data) opened as a
 * reader double-clicks it on a laptop with no network: from file://, the browser offline and every
 * request that is not for a local file refused. Every view draws, a search answers as the complete
 * database does, 导出数据库 hands over the complete database, a township list is read and applied —
 * and nothing asks the network for anything, nothing logs an error.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RAW = join(ROOT, 'data/raw');
const singleFile = inject('singleFile');

/** The single file with its summary gzipped at level 1: the same data in other bytes. */
function withSummaryRegzipped(html: string): string {
  const tag = new RegExp(`(data-embedded="${SUMMARY_FILE}">)([^<]*)<`);
  const [, open, base64] = tag.exec(html)!;
  const other = gzipSync(gunzipSync(Buffer.from(base64, 'base64')), { level: 1 }).toString('base64');
  expect(other).not.toBe(base64);
  return html.replace(tag, `${open}${other}<`);
}

/** Where a request may go: the file itself, and what the page made in memory (a worker's blob, a data: URL). */
const LOCAL = new Set(['file:', 'blob:', 'data:']);

describe('the single file, from file:// with no network', () => {
  const db = openRealDatabase();
  let browser: Browser;
  let context: BrowserContext | undefined;
  /** Requests that would have left the machine (refused), and console or page errors. */
  let network: string[];
  let errors: string[];
  /** The page's own reports of its policy refusing something (scripts/csp/: the single file's hashes, blob: workers). */
  let violations: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(network, 'requests that left file://').toEqual([]);
    expect(errors, 'console errors or page errors').toEqual([]);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  });

  /** Opens `file` (the single file, or a copy) in this test's browser context, which keeps one browser store. */
  async function open(file = singleFile): Promise<Page> {
    context ??= await offlineContext();
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      addEventListener('securitypolicyviolation', (event) => {
        const e = event as SecurityPolicyViolationEvent;
        (window as unknown as { __reportViolation(v: string): void }).__reportViolation(`${e.effectiveDirective} ${e.blockedURI}`);
      }),
    );
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    return page;
  }

  async function offlineContext(): Promise<BrowserContext> {
    network = [];
    errors = [];
    violations = [];
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', offline: true });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (LOCAL.has(new URL(url).protocol)) return route.continue();
      network.push(url);
      return route.abort('internetdisconnected');
    });
    // Requests the route may not see (a worker's own) are recorded here too.
    context.on('request', (request) => {
      if (!LOCAL.has(new URL(request.url()).protocol)) network.push(request.url());
    });
    return context;
  }

  /** Items whose name or steps contain `term`: what 事项查询 must count. */
  const matching = (term: string) =>
    db.one<{ n: number }>(
      `SELECT count(*) AS n FROM items i WHERE i.name LIKE '%' || ? || '%'
       OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE '%' || ? || '%')`,
      [term, term],
    ).n;

  it('draws every view, searches, and exports the complete database', async () => {
    const page = await open();
    expect(new URL(page.url()).protocol).toBe('file:');
    const views = await page.locator('[role=tab]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-view')!));
    expect(views).toEqual(expect.arrayContaining(['overview', 'categories', 'network', 'heatmap', 'explorer', 'review']));

    const items = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    for (const view of views) {
      await page.locator(`[role=tab][data-view=${view}]`).click();
      // Something of the view on screen (the panel also holds what only print shows).
      await page.locator(`main[data-view=${view}] #view-panel > *:visible`).first().waitFor();
      if (view === 'explorer') {
        await expect
          .poll(() => page.getByTestId('result-count').textContent(), { timeout: 15000 })
          .toContain(items.toLocaleString('zh-CN'));
      } else if (view === 'review') {
        await page.getByTestId('review-count').waitFor({ timeout: 15000 });
      } else if (await page.locator(`[data-testid=view-${view}] figure.chart-frame`).count()) {
        // Drawn: every chart of the view (ChartFrame), not only the first (the network's graph comes from its worker).
        const figures = page.locator(`[data-testid=view-${view}] figure.chart-frame`);
        await expect.poll(() => figures.evaluateAll((f) => f.every((e) => e.hasAttribute('data-drawn'))), { timeout: 20000 }).toBe(true);
      }
      await expect(page.locator('#view-panel [role=alert]').count()).resolves.toBe(0);
    }
    await expect(page.getByTestId('error').count()).resolves.toBe(0);

    // A search: the first four characters of the first duty's name, counted as the complete database counts them.
    const term = db.one<{ term: string }>('SELECT substr(name, 1, 4) AS term FROM items ORDER BY id LIMIT 1').term;
    await page.locator('[role=tab][data-view=explorer]').click();
    await page.getByTestId('search-input').fill(term);
    await expect
      .poll(() => page.getByTestId('result-count').textContent(), { timeout: 15000 })
      .toContain(`共 ${matching(term).toLocaleString('zh-CN')} 项`);
    await expect(page.locator('[data-testid=results] mark').first().textContent()).resolves.toBe(term);

    await page.getByTestId('data-toggle').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export').click()]);
    const SQL = await initSqlJs();
    const exported = new SQL.Database(readFileSync((await download.path())!));
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n;
    expect(exported.exec('SELECT count(*) FROM townships')[0].values[0][0]).toBe(townships);
    expect(exported.exec('SELECT count(*) FROM items')[0].values[0][0]).toBe(items);
    exported.close();
  });

  it('reads a township list into a report and applies it, with the place table and the wasm it carries; only a file of the same data shows it again', async () => {
    const file = readdirSync(RAW)
      .filter((f) => f.endsWith('.txt'))
      .sort()[0];
    const township = db.one<{ id: string; name: string }>('SELECT id, name FROM townships WHERE source_file = ?', [file]);
    const page = await open();
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('import-open')
      .setInputFiles({ name: `${township.name}履职事项清单.txt`, mimeType: 'text/plain', buffer: readFileSync(join(RAW, file)) });
    const row = page.getByTestId('import-report').getByTestId('import-row');
    await row.waitFor({ timeout: 30000 });
    // Its township found through the place table the page carries, as the build found it.
    await expect(row.getAttribute('data-township')).resolves.toBe(township.id);
    await expect(row.getAttribute('data-ok')).resolves.toBe('true');

    await page.getByTestId('import-apply').click();
    await expect
      .poll(() => page.locator(`[data-testid=filter-bar] [data-township="${township.id}"][data-imported]`).count(), { timeout: 30000 })
      .toBe(1);
    await expect(page.getByTestId('data-error').count()).resolves.toBe(0);
    await page.locator('[role=tab][data-view=categories]').click();
    await page.waitForSelector('[data-testid=view-categories] figure[data-drawn]', { timeout: 15000 });

    // The browser keeps one store for every file:// page. A copy of the file elsewhere on the stick
    // carries the same data and shows the list added; a file of other data (here: its summary
    // gzipped otherwise, so the page's bytes differ) opens its own data.
    const marked = (p: Page) => p.locator(`[data-testid=filter-bar] [data-township="${township.id}"][data-imported]`).count();
    const html = readFileSync(singleFile, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'single-file-'));
    try {
      writeFileSync(join(dir, 'copy.html'), html);
      const copy = await open(join(dir, 'copy.html'));
      await expect.poll(() => marked(copy), { timeout: 15000 }).toBe(1);
      writeFileSync(join(dir, 'other.html'), withSummaryRegzipped(html));
      const other = await open(join(dir, 'other.html'));
      await expect(other.getByTestId('data-banner').count()).resolves.toBe(0);
      await expect(marked(other)).resolves.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
