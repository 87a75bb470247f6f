import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';

describe('事项类别', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('shows per-category counts of the database, sorted, faceted by list', async () => {
    const page = await b.open('?view=categories');
    await page.waitForSelector('[data-testid=category-bars] rect[data-category]');
    const counts = db.all<{ list: string; category: string; n: number }>('SELECT list, category, count(*) AS n FROM items GROUP BY 1, 2');
    for (const c of counts) {
      const bar = page.locator(`[data-testid=category-bars] rect[data-list=${c.list}][data-category="${c.category}"]`);
      await expect(bar.getAttribute('data-count')).resolves.toBe(String(c.n));
    }
    const top = db.one<{ category: string; n: number }>('SELECT category, count(*) AS n FROM items GROUP BY 1 ORDER BY n DESC LIMIT 1');
    const title = await page.getByTestId('category-bars').locator('.chart-title').textContent();
    expect(title).toContain(`“${top.category}”`);
    expect(title).toContain(`${top.n} 项`);
    // The heatmap cell of the busiest (category, township) carries its count.
    const cell = db.one<{ township_id: string; category: string; n: number }>(
      'SELECT township_id, category, count(*) AS n FROM items GROUP BY 1, 2 ORDER BY n DESC LIMIT 1',
    );
    await expect(
      page
        .locator(`[data-testid=category-heatmap] rect[data-township=${cell.township_id}][data-category="${cell.category}"]`)
        .getAttribute('data-count'),
    ).resolves.toBe(String(cell.n));
    // Readable on a projector at 1280×720: no text under 12 px, and no page scrollbar.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<SVGTextElement>('[data-testid=view-categories] text')]
        .map((t) => {
          // The size on screen: the computed size times how much the SVG is scaled to fit.
          const svg = t.ownerSVGElement!;
          const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
          return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
        })
        .filter((t) => t.px < 11.9)
        .map((t) => `${t.text} ${t.px.toFixed(1)}px`),
    );
    expect(small).toEqual([]);
    await expect(page.evaluate(() => document.documentElement.scrollHeight)).resolves.toBeLessThanOrEqual(720);
    await b.screenshot(page, 'categories');
  });

  it('cross-filters: a bar sets the category, a cell the category and township; the measure toggle is in the URL', async () => {
    const page = await b.open('?view=categories');
    await page.waitForSelector('[data-testid=category-bars] rect[data-category]');
    await page.locator('[data-testid=category-bars] rect[data-list=basic][data-category="乡村振兴"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('c').includes('乡村振兴'));

    await page.locator('[data-testid=category-heatmap] rect[data-township=toksun-yilahu][data-category="党的建设"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('t') === 'toksun-yilahu');
    expect(new URL(page.url()).searchParams.getAll('c')).toEqual(['党的建设']);

    await page.getByRole('button', { name: '占比' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cat.measure') === 'share');
    await expect(page.getByTestId('category-bars').textContent()).resolves.toContain('%');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('cat.measure'));
    await expect(page.getByRole('button', { name: '事项数' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('filters when a bar is clicked after hovering it long enough for the tooltip to show', async () => {
    // A user hovers, reads the tooltip, then clicks: the click must reach the bar, not the tooltip.
    const page = await b.open('?view=categories');
    for (const [list, category] of [
      ['basic', '党的建设'],
      ['basic', '投资促进'],
      ['coop', '自然资源'],
    ]) {
      const bar = page.locator(`[data-testid=category-bars] rect[data-list=${list}][data-category="${category}"]`);
      await bar.waitFor();
      const box = (await bar.boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.waitForSelector('[data-testid=category-bars] [aria-label=tip]');
      await page.waitForTimeout(500);
      await page.mouse.click(x, y);
      await page.waitForFunction((c) => new URL(location.href).searchParams.getAll('c').includes(c), category, {
        timeout: 5000,
      });
      await page.mouse.click(x, y); // the same bar again clears the filter
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('c'), null, { timeout: 5000 });
    }
    // The same for a heatmap cell: hover until its tip shows, then click.
    const cell = page.locator('[data-testid=category-heatmap] rect[data-township=changji-liugong][data-category="党的建设"]');
    const box = (await cell.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('[data-testid=category-heatmap] [aria-label=tip]');
    await page.waitForTimeout(500);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('t') === 'changji-liugong', null, { timeout: 5000 });
  });

  it('lets the keyboard reach a bar and select it with Enter', async () => {
    const page = await b.open('?view=categories');
    const bar = page.locator('[data-testid=category-bars] rect[data-list=coop][data-category="自然资源"]');
    await bar.waitFor();
    await expect(bar.getAttribute('aria-label')).resolves.toContain('自然资源');
    await bar.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('c').includes('自然资源'));
  });
});
