import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';

describe('总览', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('shows the key figures and per-township bars of the database', async () => {
    const page = await b.open();
    await page.waitForSelector('[data-testid=key-figures]');
    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    await expect(page.locator('[data-figure=total] .value').textContent()).resolves.toContain(total.toLocaleString('zh-CN'));
    const kinds = db.one<{ n: number }>(
      'SELECT count(DISTINCT d.kind) AS n FROM item_departments idp JOIN departments d ON d.id = idp.department_id',
    ).n;
    await expect(page.locator('[data-figure=departments] .value').textContent()).resolves.toContain(String(kinds));
    const reclaimed = db.one<{ n: number }>("SELECT count(*) AS n FROM items WHERE list = 'reclaimed'").n;
    await expect(page.locator('[data-figure=reclaimed-share] .note').textContent()).resolves.toContain(String(reclaimed));

    const counts = db.all<{ township_id: string; list: string; n: number }>(
      'SELECT township_id, list, count(*) AS n FROM items GROUP BY 1, 2',
    );
    for (const c of counts) {
      const segment = page.locator(`[data-testid=township-bars] [data-township="${c.township_id}"] rect[data-list=${c.list}]`);
      await expect(segment.getAttribute('data-items')).resolves.toBe(String(c.n));
    }
    const steps = db.all<{ township_id: string; n: number }>(
      `SELECT i.township_id, count(*) AS n FROM steps s JOIN items i ON i.id = s.item_id
       WHERE s.party = 'township' AND i.list = 'coop' GROUP BY 1`,
    );
    for (const s of steps) {
      await expect(
        page.locator(`[data-testid=coop-steps-bars] [data-township="${s.township_id}"]`).getAttribute('data-steps'),
      ).resolves.toBe(String(s.n));
    }
    // The title states the point, computed from the data.
    const top = db.one<{ name: string; n: number }>(
      'SELECT t.name, count(*) AS n FROM items i JOIN townships t ON t.id = i.township_id GROUP BY t.id ORDER BY n DESC LIMIT 1',
    );
    await expect(page.getByTestId('chart-township-lists').locator('.chart-title').textContent()).resolves.toContain(
      `${top.name}事项最多（${top.n}项）`,
    );
    // Ties are named: every township with the most reclaimed items (凉州户镇 and 吉布库镇, 37 each).
    const reclaimedTop = db.all<{ name: string; n: number }>(
      `WITH c AS (SELECT t.id, t.name, count(*) AS n FROM items i JOIN townships t ON t.id = i.township_id
                  WHERE list = 'reclaimed' GROUP BY t.id)
       SELECT name, n FROM c WHERE n = (SELECT max(n) FROM c) ORDER BY id`,
    );
    expect(reclaimedTop.length).toBeGreaterThan(1);
    const title = await page.getByTestId('chart-township-lists').locator('.chart-title').textContent();
    for (const t of reclaimedTop) expect(title).toContain(t.name);
    expect(title).toContain(`收回最多（各${reclaimedTop[0].n}项）`);
    await b.screenshot(page, 'overview');
  });

  it('cross-filters by clicking a bar segment, and clicking again clears it', async () => {
    const yilahu = db.townshipId('伊拉湖镇');
    const page = await b.open();
    const segment = page.locator(`[data-testid=township-bars] [data-township="${yilahu}"] rect[data-list=reclaimed]`);
    await segment.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('l') === 'reclaimed');
    const url = new URL(page.url());
    expect(url.searchParams.getAll('t')).toEqual([yilahu]);
    const reclaimed = db.one<{ n: number }>(
      "SELECT count(*) AS n FROM items WHERE township_id = (SELECT id FROM townships WHERE name = '伊拉湖镇') AND list = 'reclaimed'",
    ).n;
    await page.waitForFunction((n) => document.querySelector('[data-figure=total] .value')?.textContent?.includes(String(n)), reclaimed);
    // Within the 收回 filter the share is of all three lists of 伊拉湖镇, not a tautological 100%.
    const all = db.one<{ n: number }>(
      "SELECT count(*) AS n FROM items WHERE township_id = (SELECT id FROM townships WHERE name = '伊拉湖镇')",
    ).n;
    await expect(page.locator('[data-figure=reclaimed-share] .value').textContent()).resolves.toBe(
      `${Math.round((reclaimed / all) * 1000) / 10}%`,
    );
    await expect(page.locator('[data-figure=reclaimed-share] .note').textContent()).resolves.toContain(`共 ${all} 项`);
    await b.screenshot(page, 'overview-filtered');

    // Keyboard: the focused segment toggles with Enter.
    await segment.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('l'));
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('l') === 'reclaimed');
    await expect(page.locator(`[data-township="${yilahu}"][aria-pressed]`).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('applies a category filter to the figures', async () => {
    const page = await b.open('?c=党的建设');
    const n = db.one<{ n: number }>("SELECT count(*) AS n FROM items WHERE category = '党的建设'").n;
    await page.waitForFunction((n) => document.querySelector('[data-figure=total] .value')?.textContent?.includes(String(n)), n);
    await expect(page.getByTestId('active-filters').textContent()).resolves.toContain('党的建设');
  });
});
