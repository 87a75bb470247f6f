import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';

/**
 * The dashboard on 200 synthetic townships: more than a chart shows one by one, so every view
 * aggregates by county or prefecture and the reader drills down through the breadcrumbs' levels.
 */
describe('at 200 townships', () => {
  const b = useBrowser();
  const views = Object.keys(VIEW_LABELS) as ViewId[];

  it('aggregates every view, then drills from a prefecture to its counties to a county’s townships', async () => {
    const page = await b.open('', { site: 'scale' });
    const crumbs = page.getByTestId('breadcrumbs');
    await expect(crumbs.getAttribute('data-level')).resolves.not.toBe('township');
    await expect(crumbs.textContent()).resolves.toMatch(/共 200 个乡镇/);
    for (const view of views) {
      await page.getByRole('tab', { name: VIEW_LABELS[view] }).click();
      await page.waitForSelector(`[data-testid=view-${view}]`);
    }
    // Drill by clicking a column of the category heatmap, until the columns are townships.
    await page.getByRole('tab', { name: VIEW_LABELS.categories }).click();
    const levels: string[] = [(await crumbs.getAttribute('data-level'))!];
    while (levels[levels.length - 1] !== 'township') {
      const before = page.url();
      await page.locator('[data-testid=category-heatmap] rect[data-township]').first().click();
      await page.waitForFunction((url) => location.href !== url, before);
      await page.waitForSelector('[data-testid=category-heatmap] rect[data-township]');
      levels.push((await crumbs.getAttribute('data-level'))!);
      expect(levels.length).toBeLessThanOrEqual(3);
    }
    expect(levels.slice(-2)).toEqual(['county', 'township']);
    // The breadcrumbs name 全部地区, the prefecture and the county, and lead back up a level at a time.
    expect(await crumbs.locator('li').count()).toBe(3);
    await crumbs.getByRole('button').last().click();
    await expect.poll(() => crumbs.getAttribute('data-level')).toBe('county');
    expect(await crumbs.locator('li').count()).toBe(2);
  });
});
