import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { SCALE_DB_FILE, openRealDatabase } from './db';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';
import { gridCellBox, gridCells } from './heatmap-cells';

/**
 * The dashboard on 200 synthetic townships: more than a chart shows one by one, so every view
 * aggregates by county or prefecture and the reader drills down through the breadcrumbs' levels.
 */
describe('at 200 townships', () => {
  const b = useBrowser();
  const db = openRealDatabase(SCALE_DB_FILE);
  const views = Object.keys(VIEW_LABELS) as ViewId[];
  const itemsWhere = (where: string, params: string[]) =>
    db.one<{ n: number }>(`SELECT count(*) AS n FROM items i JOIN townships t ON t.id = i.township_id WHERE ${where}`, params).n;

  /** Opens every view in turn; each must draw its charts (事项查询: count the items in scope). */
  async function walkViews(page: Page, items: number): Promise<void> {
    for (const view of views) {
      await page.getByRole('tab', { name: VIEW_LABELS[view] }).click();
      const section = page.getByTestId(`view-${view}`);
      await section.waitFor();
      if (view === 'explorer') {
        await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`共 ${items.toLocaleString('en-US')} 项`);
      } else if (view === 'compare') {
        // Nothing picked: it asks for two to four townships and offers some.
        await section.locator('.offer button').first().waitFor({ timeout: 20_000 });
      } else if (view === 'review' || view === 'variance' || view === 'audit') {
        // A list, not a chart: what is in scope, or the note that nothing there needs reading.
        await section.locator(`[data-testid=${view}-count], p.empty`).first().waitFor({ timeout: 20_000 });
      } else {
        await section.locator('figure[data-drawn]').first().waitFor({ timeout: 20_000 });
        expect(await section.locator('figure').count()).toBeGreaterThan(0);
      }
    }
  }

  /** Picks a place in the breadcrumbs' next-level chooser; returns its name. */
  async function drillNext(page: Page): Promise<string> {
    const chooser = page.getByTestId('next-place');
    const option = chooser.locator('option').nth(1);
    const [key, label] = [(await option.getAttribute('value'))!, (await option.textContent())!];
    await chooser.selectOption(key);
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('p') === k, key);
    return label.replace(/（.*$/, '');
  }

  it('walks every view at every level, drilling from a prefecture to a county to one township', async () => {
    const page = await b.open('', { site: 'scale' });
    const crumbs = page.getByTestId('breadcrumbs');
    const total = itemsWhere('1 = 1', []);
    await expect(crumbs.textContent()).resolves.toMatch(/共 200 个乡镇/);
    expect(await crumbs.getAttribute('data-level')).not.toBe('township');
    await walkViews(page, total);

    // A prefecture: the views sum per county; only its items remain.
    const prefecture = await drillNext(page);
    await expect.poll(() => crumbs.getAttribute('data-level')).toBe('county');
    const inPrefecture = itemsWhere('t.prefecture = ?', [prefecture]);
    expect(inPrefecture).toBeGreaterThan(0);
    expect(inPrefecture).toBeLessThan(total);
    await walkViews(page, inPrefecture);

    // One of its counties: township by township, the breadcrumbs naming 全部地区, the prefecture and the county.
    const county = await drillNext(page);
    await expect.poll(() => crumbs.getAttribute('data-level')).toBe('township');
    expect(await crumbs.locator('li').allTextContents()).toEqual(['全部地区', prefecture, county]);
    await expect(page.getByTestId('next-place').count()).resolves.toBe(0);
    await walkViews(page, itemsWhere('t.prefecture = ? AND t.county = ?', [prefecture, county]));

    // One township and category, picked in the category heatmap: every view narrows to them.
    await page.getByRole('tab', { name: VIEW_LABELS.categories }).click();
    await page.waitForSelector('[data-testid=category-heatmap] [data-level=township] g.cell-cursor');
    // A cell with items some of which were reclaimed, so that 收回事项热力图 has rows to draw too.
    const reclaimed = (township: string, category: string) =>
      itemsWhere(`t.id = ? AND i.category = ? AND i.list = 'reclaimed'`, [township, category]) > 0;
    const { township, category } = (await gridCells(page, 'category-heatmap')).find(
      (c) => c.count !== '0' && reclaimed(c.township, c.category),
    )!;
    const box = await gridCellBox(page, 'category-heatmap', { township, category });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((id) => new URL(location.href).searchParams.getAll('t').includes(id), township);
    const categories = new URL(page.url()).searchParams.getAll('c');
    const inCategories = categories.length ? ` AND i.category IN (${categories.map(() => '?').join(', ')})` : '';
    await walkViews(page, itemsWhere(`t.id = ?${inCategories}`, [township, ...categories]));

    // The breadcrumbs lead back up a level at a time.
    await crumbs.getByRole('button').last().click();
    await expect.poll(() => crumbs.getAttribute('data-level')).toBe('county');
    expect(await crumbs.locator('li').count()).toBe(2);
  });
});
