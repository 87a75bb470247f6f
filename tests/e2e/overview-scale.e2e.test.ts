import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase, SCALE_DB_FILE } from './db';

/**
 * 总览 on the 200-township synthetic site: the distribution per county or prefecture, drilling from
 * it, the township ranking, and the township picker. Figures are checked against the site's complete
 * database with plain SQL, independently of the atlas the page reads.
 */
describe('总览 at 200 townships', () => {
  const b = useBrowser();
  const db = openRealDatabase(SCALE_DB_FILE);

  interface Totals {
    id: string;
    name: string;
    county: string;
    prefecture: string;
    total: number;
    reclaimed: number;
    steps: number;
  }
  const totals = () =>
    db.all<Totals>(`
      SELECT t.id, t.name, t.county, t.prefecture, count(i.id) AS total,
             count(CASE WHEN i.list = 'reclaimed' THEN 1 END) AS reclaimed,
             (SELECT count(*) FROM steps s JOIN items c ON c.id = s.item_id
              WHERE c.township_id = t.id AND c.list = 'coop' AND s.party = 'township') AS steps
      FROM townships t LEFT JOIN items i ON i.township_id = t.id GROUP BY t.id`);
  const median = (values: number[]) => {
    const v = [...values].sort((a, b) => a - b);
    const mid = (v.length - 1) / 2;
    return (v[Math.floor(mid)] + v[Math.ceil(mid)]) / 2;
  };
  /** The distribution's rows as drawn: unit name, townships, median. */
  const drawnRows = (page: Page) =>
    page.locator('[data-testid=unit-distribution] g.row').evaluateAll((rows) =>
      rows.map((r) => ({
        key: r.getAttribute('data-unit')!,
        name: r.querySelector('.unit text')!.textContent!,
        townships: Number(r.getAttribute('data-townships')),
        median: Number(r.getAttribute('data-median')),
      })),
    );

  it('shows one row per county or prefecture with its townships and median items, sorted by median', async () => {
    const page = await b.open('', { site: 'scale' });
    await page.waitForSelector('[data-testid=unit-distribution] circle');
    const level = await page.getByTestId('breadcrumbs').getAttribute('data-level');
    expect(['county', 'prefecture']).toContain(level);
    const all = totals();
    const unitOf = (t: Totals) => (level === 'county' ? `${t.prefecture}/${t.county}` : t.prefecture);
    const expected = new Map<string, number[]>();
    for (const t of all) expected.set(unitOf(t), [...(expected.get(unitOf(t)) ?? []), t.total]);

    const rows = await drawnRows(page);
    expect(rows).toHaveLength(expected.size);
    const byName = new Map([...expected].map(([unit, values]) => [unit.split('/').at(-1)!, values]));
    for (const row of rows) {
      const values = byName.get(row.name)!;
      expect(values, row.name).toBeDefined();
      expect(row.townships).toBe(values.length);
      expect(row.median).toBe(median(values));
    }
    // Sorted by median, largest first, among the units large enough for quartiles.
    const large = rows.filter((r) => r.townships >= 4).map((r) => r.median);
    expect(large).toEqual([...large].sort((a, b) => b - a));
    // Every township is a dot carrying its total.
    const dots = await page
      .locator('[data-testid=unit-distribution] circle[data-township]')
      .evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-township')!, Number(c.getAttribute('data-value'))] as const));
    expect(new Map(dots)).toEqual(new Map(all.map((t) => [t.id, t.total])));
    // The title names the unit whose townships have the highest median, or every unit tied for it.
    const tops = rows.filter((r) => r.townships >= 4 && r.median === rows[0].median).map((r) => r.name);
    await expect(page.getByTestId('chart-distribution').locator('.chart-title').textContent()).resolves.toContain(
      `${tops.join('、')}的乡镇事项最多（中位数${tops.length > 1 ? '均为' : ''} ${rows[0].median} 项）`,
    );
    // The figures above still sum the whole selection.
    const total = all.reduce((s, t) => s + t.total, 0);
    await expect(page.locator('[data-figure=total] .value').textContent()).resolves.toContain(total.toLocaleString('zh-CN'));
    await expect(page.getByTestId('active-filters').textContent()).resolves.toBe(`未筛选（显示全部 ${all.length} 个乡镇的全部事项）`);
    await b.screenshot(page, 'overview-scale');
  });

  it('switches the measure to township steps, in the URL, with each township’s steps', async () => {
    const page = await b.open('', { site: 'scale' });
    await page.getByRole('group', { name: '比较指标' }).getByRole('button', { name: '配合事项中的乡镇步骤' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ov.measure') === 'steps');
    await expect(page.getByTestId('chart-distribution').locator('.chart-title').textContent()).resolves.toContain('步骤最多');
    const dots = await page
      .locator('[data-testid=unit-distribution] circle[data-township]')
      .evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-township')!, Number(c.getAttribute('data-value'))] as const));
    expect(new Map(dots)).toEqual(new Map(totals().map((t) => [t.id, t.steps])));
    // Outliers are named only where a label fits: every label belongs to a dark dot.
    for (const key of await page
      .locator('[data-testid=unit-distribution] [data-label-for]')
      .evaluateAll((ls) => ls.map((l) => l.getAttribute('data-label-for'))))
      await expect(page.locator(`circle[data-township="${key}"]`).getAttribute('data-outlier')).resolves.toMatch(/high|low/);
  });

  it('drills into a unit from its name, down to a county’s townships', async () => {
    const page = await b.open('', { site: 'scale' });
    const crumbs = page.getByTestId('breadcrumbs');
    let clicked: string | null = null;
    for (let depth = 1; depth <= 2; depth++) {
      if ((await crumbs.getAttribute('data-level')) === 'township') break;
      // The rows of this level: drawn, and no longer those of the unit clicked before.
      const current = async () => {
        const rows = await drawnRows(page);
        return rows.length > 0 && !rows.some((r) => r.key === clicked) ? rows : null;
      };
      await expect.poll(current).not.toBeNull();
      const [first] = (await current())!;
      clicked = first.key;
      await page.locator(`[data-testid=unit-distribution] g.row[data-unit="${first.key}"] .unit`).click();
      await page.waitForFunction((key) => new URL(location.href).searchParams.get('p') === key, first.key);
      await expect(crumbs.locator('[aria-current]').textContent()).resolves.toBe(first.name);
      await expect.poll(() => crumbs.getAttribute('data-level')).not.toBe('prefecture');
      if ((await crumbs.getAttribute('data-level')) === 'township') {
        // A county's townships are drawn one by one, as the five bundled ones are.
        const bars = page.locator('[data-testid=township-bars] g[data-township]');
        await expect.poll(() => bars.count()).toBe(first.townships);
      } else {
        await page.waitForSelector('[data-testid=unit-distribution] g.row');
        const rows = await drawnRows(page);
        expect(rows.reduce((s, r) => s + r.townships, 0)).toBe(first.townships);
      }
    }
    await expect(crumbs.getAttribute('data-level')).resolves.toBe('township');
  });

  it('opens the township ranking, sorts it by any column, and picks a township from it', async () => {
    const page = await b.open('', { site: 'scale' });
    await page.getByRole('button', { name: /乡镇排名/ }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ov.tab') === 'rank');
    const table = page.getByTestId('township-ranking');
    const all = totals();
    const firstRow = () =>
      table.locator('[role=row][data-index="0"]').evaluate((r) => ({
        key: r.getAttribute('data-township'),
        rank: r.getAttribute('data-rank'),
        total: Number(r.getAttribute('data-total')),
        reclaimed: Number(r.getAttribute('data-reclaimed')),
      }));
    // By total, largest first.
    const top = Math.max(...all.map((t) => t.total));
    expect(await firstRow()).toMatchObject({ rank: '1', total: top });
    await expect(page.getByTestId('chart-ranking').locator('.chart-title').textContent()).resolves.toContain(`按事项总数排名`);
    // By 收回, then reversed.
    await table.locator('button[data-column=reclaimed]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ov.sort') === 'reclaimed');
    await expect.poll(async () => (await firstRow()).reclaimed).toBe(Math.max(...all.map((t) => t.reclaimed)));
    await table.locator('button[data-column=reclaimed]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ov.asc') === '1');
    await expect.poll(async () => (await firstRow()).reclaimed).toBe(Math.min(...all.map((t) => t.reclaimed)));
    await expect(table.locator('[aria-sort=ascending] button').getAttribute('data-column')).resolves.toBe('reclaimed');
    // Only the rows in view are in the page, however many townships there are.
    expect(await table.locator('[role=row][data-township]').count()).toBeLessThan(all.length);
    // A row picks its township for every view; the ranking keeps listing them all.
    const picked = (await firstRow()).key!;
    await table.locator(`[role=row][data-township="${picked}"]`).click();
    await page.waitForFunction((key) => new URL(location.href).searchParams.getAll('t').includes(key), picked);
    await expect(table.locator(`[role=row][data-township="${picked}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    const total = all.find((t) => t.id === picked)!.total;
    await page.waitForFunction((n) => document.querySelector('[data-figure=total] .value')?.textContent?.includes(String(n)), total);
    // The first tab now compares the picked townships with the bars.
    await page.getByRole('button', { name: '已选 1 个乡镇' }).click();
    await expect.poll(() => page.locator(`[data-testid=township-bars] g[data-township]`).count()).toBe(1);
  });

  it('opens the ranking at a township’s row from its dot, by mouse or keyboard', async () => {
    const page = await b.open('?ov.measure=share', { site: 'scale' });
    await page.waitForSelector('[data-testid=unit-distribution] circle[data-township]');
    // A dot nothing covers (townships of equal value share a place), as a reader would click it.
    const key = await page.locator('[data-testid=unit-distribution] circle[data-township]').evaluateAll((circles) =>
      circles
        .find((c) => {
          const box = c.getBoundingClientRect();
          return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === c;
        })!
        .getAttribute('data-township'),
    );
    const dot = page.locator(`[data-testid=unit-distribution] circle[data-township="${key}"]`);
    await dot.click();
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('ov.at') === k, key!);
    const row = page.locator(`[data-testid=township-ranking] [role=row][data-township="${key}"]`);
    await expect(row.getAttribute('class')).resolves.toContain('found');
    await expect(page.getByTestId('township-ranking').getAttribute('data-sort')).resolves.toBe('share');
    // Its share, as the database has it.
    const t = totals().find((x) => x.id === key)!;
    expect(Number(await row.getAttribute('data-share'))).toBeCloseTo(t.reclaimed / t.total, 12);

    // Keyboard: the dots are one tab stop; arrows move, Enter opens the ranking.
    await page.goBack();
    await page.waitForSelector('[data-testid=unit-distribution] circle[tabindex="0"]');
    const focusable = page.locator('[data-testid=unit-distribution] circle[tabindex="0"]');
    expect(await focusable.count()).toBe(1);
    const start = await focusable.getAttribute('data-township');
    await focusable.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      (first) => document.activeElement?.getAttribute('data-township') && document.activeElement.getAttribute('data-township') !== first,
      start,
    );
    const moved = await page.evaluate(() => document.activeElement!.getAttribute('data-township')!);
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('ov.at') === k, moved);
  });

  it('finds any township in the picker, and picking one outside the scope widens it', async () => {
    const all = totals();
    // Drill into the first unit, then pick a township of another prefecture.
    const page = await b.open('', { site: 'scale' });
    const [first] = await drawnRows(page);
    await page.locator(`[data-testid=unit-distribution] g.row[data-unit="${first.key}"] .unit`).click();
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('p') === key, first.key);
    const scopeName = first.name;
    await expect(page.getByTestId('active-filters').textContent()).resolves.toBe(
      `未筛选（显示${scopeName}全部 ${first.townships} 个乡镇的全部事项）`,
    );
    const outside = all.find((t) => t.prefecture !== scopeName && t.county !== scopeName)!;
    const picker = page.getByTestId('filter-townships');
    await picker.locator('summary').click();
    await picker.getByRole('searchbox').fill(outside.name);
    const option = picker.locator('label', { hasText: outside.name }).filter({ hasText: outside.county }).first();
    await expect(option.textContent()).resolves.toContain('范围外');
    await option.locator('input').check();
    await page.waitForFunction((id) => new URL(location.href).searchParams.getAll('t').includes(id), outside.id);
    const url = new URL(page.url());
    // The scope widened to a place holding both (here: everything, or the shared prefecture).
    expect(url.searchParams.get('p')).not.toBe(first.key);
    // Every view now shows that township alone (with any picked before).
    await page.waitForFunction(
      (n) => document.querySelector('[data-figure=total] .value')?.textContent === `${n}项`,
      outside.total.toLocaleString('zh-CN'),
    );
    await expect(page.getByTestId('breadcrumbs').getAttribute('data-level')).resolves.toBe('township');
  });
});
