import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';

/**
 * Printing a view: A4 landscape without the navigation, a header naming the view, the filters in
 * force and the date, and each chart on a page of its own carrying the same in short.
 */
describe('print', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('prints each chart of a view on its own A4 page under the filters in force and the date', async () => {
    const { id, name } = db.one<{ id: string; name: string }>('SELECT id, name FROM townships ORDER BY id LIMIT 1');
    const page = await b.open(`?view=overview&t=${id}`);
    await page.waitForSelector('figure[data-drawn]');
    const header = page.getByTestId('print-header');
    await expect.poll(() => header.textContent()).toContain(`乡镇：${name}`);
    // The reader's date where the page runs (the browser's time zone, Asia/Shanghai here), not the
    // test's UTC one: the two differ for eight hours of every day.
    const today = await page.evaluate(() => {
      const d = new Date();
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    });
    expect(await header.textContent()).toContain(today);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('filter-bar').isVisible()).toBe(false);
    expect(await header.isVisible()).toBe(true);
    const figures = await page
      .locator('.view-panel figure.chart-frame')
      .evaluateAll((els) =>
        els.map((e) => ({ breakAfter: getComputedStyle(e).breakAfter, caption: getComputedStyle(e, '::before').content })),
      );
    expect(figures.length).toBeGreaterThan(1);
    // Every chart but the last ends its page; every chart after the first carries the filters and date.
    for (const f of figures.slice(0, -1)) expect(f.breakAfter).toBe('page');
    for (const f of figures.slice(1)) {
      expect(f.caption).toContain(`乡镇：${name}`);
      expect(f.caption).toContain(today);
    }
    await b.screenshot(page, 'print-overview');

    const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(figures.length);
  });

  it('prints the deck of the selection as a report, one finding per page, when 打印报告 is pressed', async () => {
    const page = await b.open('?view=present');
    await page.getByTestId('present-start').waitFor();
    const thumbs = page.locator('[data-testid=view-present] .thumbs [data-testid=slide-headline]');
    await expect.poll(() => thumbs.count()).toBeGreaterThan(0);
    const headlines = await thumbs.allTextContents();
    // The button opens the browser's print dialog (recorded here, as headless Chromium would print at once).
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', '');
    });
    await page.getByTestId('present-print').click();
    expect(await page.locator('body[data-printed]').count()).toBe(1);
    // The report is drawn for printing only, when the browser announces it.
    expect(await page.getByTestId('print-report').count()).toBe(0);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const report = page.getByTestId('print-report');
    expect(await report.isVisible()).toBe(true);
    expect(await page.locator('[data-testid=view-present] .thumbs').isVisible()).toBe(false);
    expect(await report.locator('[data-testid=slide-headline]').allTextContents()).toEqual(headlines);
    await b.screenshot(page, 'print-report');
    const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(headlines.length);
  });
});
