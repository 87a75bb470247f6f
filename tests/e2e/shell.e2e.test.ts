import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';

const VIEWS = {
  overview: '总览',
  categories: '事项类别',
  network: '部门网络',
  heatmap: '收回事项热力图',
  explorer: '事项查询',
  review: '匹配审核',
  variance: '口径差异',
  compare: '乡镇对比',
  audit: '数据核对',
  present: '演示模式',
};

describe('app shell', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('loads the database and shows the title, tabs and filters', async () => {
    const page = await b.open();
    await expect(page.locator('h1').textContent()).resolves.toBe('履职事项清单看板');
    await expect(page.locator('[role=tab]').allTextContents()).resolves.toEqual(Object.values(VIEWS));
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n;
    await expect(page.locator('[data-testid=filter-bar] [data-township]').count()).resolves.toBe(townships);
  });

  it('opens every tab, and each tab is in the URL', async () => {
    const page = await b.open();
    for (const [view, label] of Object.entries(VIEWS)) {
      await page.getByRole('tab', { name: label }).click();
      await page.waitForSelector(`main[data-view=${view}] #view-panel > *`);
      await b.screenshot(page, `tab-${view}`);
      await expect(page.getByRole('tab', { name: label }).getAttribute('aria-selected')).resolves.toBe('true');
      expect(new URL(page.url()).searchParams.get('view') ?? 'overview').toBe(view);
    }
  });

  it('keeps filters in the URL; back and forward restore them', async () => {
    const yilahu = db.townshipId('伊拉湖镇');
    const page = await b.open();
    await page.locator(`[data-testid=filter-bar] [data-township="${yilahu}"]`).click();
    await page.locator('[data-testid=filter-bar] [data-list=reclaimed]').click();
    expect(new URL(page.url()).searchParams.getAll('t')).toEqual([yilahu]);
    expect(new URL(page.url()).searchParams.getAll('l')).toEqual(['reclaimed']);
    await expect(page.getByTestId('active-filters').textContent()).resolves.toContain('伊拉湖镇');

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('l'));
    await expect(page.locator('[data-testid=filter-bar] [data-list=reclaimed]').getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.locator(`[data-testid=filter-bar] [data-township="${yilahu}"]`).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('l'));
    await expect(page.locator('[data-testid=filter-bar] [data-list=reclaimed]').getAttribute('aria-pressed')).resolves.toBe('true');

    // A bookmarked URL restores the same state in a fresh page.
    const again = await b.open(new URL(page.url()).search);
    await expect(again.locator(`[data-testid=filter-bar] [data-township="${yilahu}"]`).getAttribute('aria-pressed')).resolves.toBe('true');
    await again.getByRole('button', { name: '清除全部筛选' }).click();
    expect(new URL(again.url()).search).toBe('');
  });

  it('drops from a link the places these lists do not hold, and shows what the rest of it asks for', async () => {
    const yilahu = db.townshipId('伊拉湖镇');
    // A link made on other lists: a county and a township these lists lack, beside a list filter.
    const page = await b.open(`?p=not-a-place&t=gone&t=${encodeURIComponent(yilahu)}&l=reclaimed`);
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('p'));
    const params = new URL(page.url()).searchParams;
    expect(params.getAll('t')).toEqual([yilahu]);
    expect(params.getAll('l')).toEqual(['reclaimed']);
    // The key figures count that township's 收回 items, as the database does.
    const reclaimed = db.one<{ n: number }>(`SELECT count(*) AS n FROM items WHERE list = 'reclaimed' AND township_id = ?`, [yilahu]).n;
    expect(reclaimed).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelector('[data-figure=total] .value')?.textContent?.startsWith(String(n)), reclaimed);
    await expect(page.getByTestId('active-filters').textContent()).resolves.not.toContain('gone');
  });

  it('shows a Chinese error with a retry button when the database cannot be loaded', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector('main[data-state="ready"]');
    // Reload with the database request failing.
    await page.route('**/data/atlas/summary.sqlite.gz', (route) => route.fulfill({ status: 404, body: 'not found' }));
    b.ignoreErrors((m) => m.includes('404'));
    await page.reload();
    await page.waitForSelector('[data-testid=error]');
    await expect(page.getByTestId('error').textContent()).resolves.toContain('无法加载数据文件');
    await b.screenshot(page, 'shell-error');
    await page.unroute('**/data/atlas/summary.sqlite.gz');
    await page.getByRole('button', { name: '重试' }).click();
    await page.waitForSelector('main[data-state="ready"]');
  });

  it('names the query engine when the wasm cannot be loaded', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector('main[data-state="ready"]');
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    b.ignoreErrors(() => true); // the worker logs the failed wasm fetch; the assertion is on the page below
    await page.reload();
    await page.waitForSelector('[data-testid=error]');
    await expect(page.getByTestId('error').textContent()).resolves.toContain('查询引擎');
    await expect(page.getByRole('button', { name: '重试' }).isVisible()).resolves.toBe(true);
  });

  it('shows progress while the database downloads, where nothing is drawn before it', async () => {
    const page = await b.open('', { waitReady: false });
    await page.waitForSelector('main[data-state="ready"]');
    // The build's first answers would draw the page without the summary (first-answers.e2e.test.ts):
    // a site without them (here, a file that does not read) waits for it.
    await page.route('**/data/atlas/first-answers.json.gz', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>not here</title>' }),
    );
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/data/atlas/summary.sqlite.gz', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await page.waitForSelector('[data-testid=loading]');
    await expect(page.getByTestId('loading').textContent()).resolves.toMatch(/正在/);
    await b.screenshot(page, 'shell-loading');
    release();
    await page.waitForSelector('main[data-state="ready"]');
  });

  it('filters by a category and a department kind from the dropdowns', async () => {
    const page = await b.open();
    await page.locator('[data-testid=filter-categories] summary').click();
    await page.locator('[data-testid=filter-categories] label', { hasText: '党的建设' }).locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('c') === '党的建设');
    await page.locator('[data-testid=filter-department-kinds] summary').click();
    await page.locator('[data-testid=filter-department-kinds] input[type=search]').fill('组织部');
    await page.locator('[data-testid=filter-department-kinds] label').first().locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('k'));
    await expect(page.getByTestId('active-filters').textContent()).resolves.toContain('部门类型');
    await b.screenshot(page, 'shell-dropdown');
    await page.getByRole('button', { name: /移除筛选 党的建设/ }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('c'));
  });
});
