import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../unit/export/read-csv';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';

/**
 * 口径差异: the duties the townships handle differently, read off the complete database — a duty
 * reclaimed in some townships and kept in others is listed with those counts, each township's wording
 * opens beside it, and the heatmap is one click away.
 */
describe('口径差异', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  /** Duty groups reclaimed in some townships and still basic or coop in others, with both counts. */
  const reclaimedAndKept = () =>
    db.all<{ duty_group: number; reclaimed: number; kept: number }>(
      `SELECT duty_group, count(DISTINCT CASE WHEN list = 'reclaimed' THEN township_id END) AS reclaimed,
              count(DISTINCT CASE WHEN list <> 'reclaimed' THEN township_id END) AS kept
       FROM items GROUP BY duty_group HAVING reclaimed > 0 AND kept > 0 ORDER BY min(reclaimed, kept) DESC, duty_group`,
    );

  it("lists every duty reclaimed in some townships and kept in others, with the counts, and opens each township's wording", async () => {
    const expected = reclaimedAndKept();
    expect(expected.length).toBeGreaterThan(0);
    const page = await b.open('?view=variance');
    const view = page.getByTestId('view-variance');
    await view.getByTestId('variance-count').waitFor();
    await b.screenshot(page, 'variance');

    await view.getByRole('button', { name: /^收回与否不一/ }).click();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('var.kind'))).toBe('list');
    const rows = view.getByTestId('variance-group');
    await expect.poll(() => rows.count()).toBe(expected.length);
    for (const e of expected) {
      const row = view.locator(`[data-testid=variance-group][data-group="${e.duty_group}"]`);
      await expect(row.locator('[data-kind=list]').textContent()).resolves.toBe(
        `${e.reclaimed} 个乡镇已由上级收回，${e.kept} 个乡镇仍列为${keptIn(e.duty_group)}事项`,
      );
    }

    // Each township's wording of the first, as its list prints it.
    const first = expected[0];
    const row = view.locator(`[data-testid=variance-group][data-group="${first.duty_group}"]`);
    await row.getByRole('button', { name: '查看各乡镇的写法' }).click();
    const wordings = row.locator('td.wording');
    const names = db
      .all<{ name: string }>('SELECT name FROM items WHERE duty_group = ? ORDER BY name', [first.duty_group])
      .map((r) => r.name);
    await expect.poll(() => wordings.count()).toBe(names.length);
    expect((await wordings.allTextContents()).sort()).toEqual([...names].sort());

    // The heatmap, filtered to the duty's category, holds it.
    await row.getByRole('button', { name: '在热力图中查看' }).click();
    await page.getByTestId('view-heatmap').waitFor();
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('view'))).toBe('heatmap');
  });

  it('compares only the townships picked: a duty all of them list the same way is no longer flagged', async () => {
    const townships = db.all<{ id: string; name: string }>('SELECT id, name FROM townships ORDER BY id');
    const [a, c] = [townships[0], townships[1]];
    // Groups both list, the same way (same list and category): flagged among all townships only for others' sake.
    const same = db.all<{ duty_group: number }>(
      `SELECT duty_group FROM items WHERE township_id IN (?, ?) GROUP BY duty_group
       HAVING count(DISTINCT township_id) = 2 AND count(DISTINCT list) = 1 AND count(DISTINCT category) = 1`,
      [a.id, c.id],
    );
    expect(same.length).toBeGreaterThan(0);
    const page = await b.open(`?view=variance&t=${a.id}&t=${c.id}`);
    const view = page.getByTestId('view-variance');
    await view.getByTestId('variance-count').or(view.locator('.empty')).first().waitFor();
    const flagged = new Set(
      await view.getByTestId('variance-group').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.group))),
    );
    const kinds = db.all<{ duty_group: number }>(
      `SELECT i.duty_group FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
       WHERE i.township_id IN (?, ?) GROUP BY i.duty_group HAVING count(DISTINCT d.kind) > 1`,
      [a.id, c.id],
    );
    const differentKinds = new Set(kinds.map((k) => k.duty_group));
    for (const s of same) if (!differentKinds.has(s.duty_group)) expect(flagged.has(s.duty_group), `group ${s.duty_group}`).toBe(false);
    // And what the two list differently (another list or category) is flagged.
    const differ = db.all<{ duty_group: number }>(
      `SELECT duty_group FROM items WHERE township_id IN (?, ?) GROUP BY duty_group
       HAVING count(DISTINCT township_id) = 2 AND (count(DISTINCT list = 'reclaimed') = 2 OR count(DISTINCT category) = 2)`,
      [a.id, c.id],
    );
    expect(differ.length).toBeGreaterThan(0);
    for (const d of differ) expect(flagged.has(d.duty_group), `group ${d.duty_group}`).toBe(true);
  });

  it('exports the whole list shown, every flagged duty with its reasons, as a CSV Excel reads', async () => {
    const expected = reclaimedAndKept();
    const page = await b.open('?view=variance&var.kind=list');
    const menu = page.getByTestId('variance-export');
    await menu.locator('.trigger').click();
    const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-export="csv"]').click()]);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsv(bytes.subarray(3).toString('utf8'));
    expect(header[1]).toBe('事项');
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) expect(row.at(-1)).toMatch(/个乡镇已由上级收回/);
  });

  function keptIn(group: number): string {
    const lists = db.all<{ list: string }>(
      `SELECT DISTINCT list FROM items WHERE duty_group = ? AND list <> 'reclaimed' ORDER BY CASE list WHEN 'basic' THEN 0 ELSE 1 END`,
      [group],
    );
    return lists.map((l) => (l.list === 'basic' ? '基本' : '配合')).join('或');
  }
});
