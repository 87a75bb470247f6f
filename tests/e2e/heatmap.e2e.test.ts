import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';

describe('收回事项热力图', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('has one row per duty group reclaimed somewhere, and a title computed from the data', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] g.row');
    const groups = db.one<{ n: number }>("SELECT count(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed'").n;
    await expect(page.locator('[data-testid=reclaimed-heatmap] g.row').count()).resolves.toBe(groups);
    await expect(page.locator('[data-testid=reclaimed-heatmap] g.cell').count()).resolves.toBe(groups * 5);
    // Mixed: reclaimed in one township, basic or coop in another.
    const mixed = db.one<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT duty_group FROM items GROUP BY duty_group
         HAVING sum(list = 'reclaimed') > 0 AND sum(list <> 'reclaimed' AND township_id NOT IN (
           SELECT r.township_id FROM items r WHERE r.duty_group = items.duty_group AND r.list = 'reclaimed')) > 0)`,
    ).n;
    const title = await page.getByTestId('reclaimed').locator('.chart-title').textContent();
    expect(title).toContain(`${mixed} 项事项在部分乡镇已收回`);
    expect(title).toContain(`共 ${groups} 项`);
    // Each township's reclaimed cells: its reclaimed duty groups.
    for (const t of db.all<{ township_id: string; n: number }>(
      "SELECT township_id, count(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed' GROUP BY 1",
    )) {
      await expect(page.locator(`[data-testid=reclaimed-heatmap] g.cell-reclaimed[data-township=${t.township_id}]`).count()).resolves.toBe(
        t.n,
      );
    }
    await b.screenshot(page, 'heatmap');
  });

  it('shows every township’s wording on hover and opens the duty on click', async () => {
    const page = await b.open('?view=heatmap');
    const road = db.all<{ id: number; township_id: string; list: string }>(
      `SELECT id, township_id, list FROM items WHERE duty_group =
         (SELECT duty_group FROM items WHERE name = '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' AND list = 'reclaimed' LIMIT 1)`,
    );
    const liugong = road.find((r) => r.township_id === 'changji-liugong')!;
    expect(liugong.list).toBe('basic');
    const row = page.locator('[data-testid=reclaimed-heatmap] g.row', {
      has: page.locator('text', { hasText: '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' }),
    });
    const cell = row.locator('g.cell[data-township=changji-liugong]');
    await cell.hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip.textContent()).resolves.toContain('六工镇：仍为基本');
    await expect(tooltip.textContent()).resolves.toContain('伊拉湖镇：已收回');
    await b.screenshot(page, 'heatmap-tooltip');
    await cell.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(Number(new URL(page.url()).searchParams.get('item'))).toBe(liugong.id);
  });

  it('an absent cell opens the duty as a township that reclaimed it; Enter works too', async () => {
    const page = await b.open('?view=heatmap');
    const absent = page.locator('[data-testid=reclaimed-heatmap] g.cell-absent').first();
    await absent.waitFor();
    const rowGroup = await absent.evaluate((el) => el.closest('g.row')!.getAttribute('data-duty-group'));
    const firstReclaimed = db.one<{ id: number }>(
      "SELECT id FROM items WHERE duty_group = ? AND list = 'reclaimed' ORDER BY township_id LIMIT 1",
      [Number(rowGroup)],
    ).id;
    await absent.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(Number(new URL(page.url()).searchParams.get('item'))).toBe(firstReclaimed);
  });

  it('groups by receiving department with the toggle in the URL; back restores grouping by category', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] g.row');
    await page.getByRole('button', { name: '按承接部门分组' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('heat.group') === 'receiver');
    await expect(page.locator('[data-testid=reclaimed-heatmap] text.group-label').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('交通运输局')]),
    );
    await b.screenshot(page, 'heatmap-by-receiver');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('heat.group'));
    await expect(page.getByRole('button', { name: '按事项类别分组' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('follows the township filter: one column per chosen township', async () => {
    const page = await b.open('?view=heatmap&t=toksun-yilahu&t=changji-liugong');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] g.row');
    const cells = await page.locator('[data-testid=reclaimed-heatmap] g.row').first().locator('g.cell').count();
    expect(cells).toBe(2);
  });

  it('with one township chosen, shows the duties it still carries that other townships reclaimed', async () => {
    const page = await b.open('?view=heatmap&t=changji-liugong');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] g.row');
    const carried = db.one<{ n: number }>(
      `SELECT count(DISTINCT i.duty_group) AS n FROM items i WHERE i.township_id = 'changji-liugong' AND i.list <> 'reclaimed'
         AND i.duty_group IN (SELECT duty_group FROM items WHERE list = 'reclaimed' AND township_id <> 'changji-liugong')
         AND i.duty_group NOT IN (SELECT duty_group FROM items WHERE list = 'reclaimed' AND township_id = 'changji-liugong')`,
    ).n;
    expect(carried).toBe(4);
    const own = db.one<{ n: number }>(
      "SELECT count(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed' AND township_id = 'changji-liugong'",
    ).n;
    await expect(
      page.locator('[data-testid=reclaimed-heatmap] g.cell-basic, [data-testid=reclaimed-heatmap] g.cell-coop').count(),
    ).resolves.toBe(carried);
    await expect(page.locator('[data-testid=reclaimed-heatmap] g.cell-reclaimed').count()).resolves.toBe(own);
    const title = await page.getByTestId('reclaimed').locator('.chart-title').textContent();
    expect(title).toContain(`六工镇仍承担 ${carried} 项其他乡镇已收回的事项`);
    expect(title).toContain(`已收回 ${own} 项`);
    const road = page.locator('[data-testid=reclaimed-heatmap] g.row', {
      has: page.locator('text', { hasText: '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' }),
    });
    await expect(road.locator('g.cell-basic').count()).resolves.toBe(1);
    await expect(road.locator('text.reclaimed-count').textContent()).resolves.toBe('4/5');
  });
});
