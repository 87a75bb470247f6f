import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../unit/export/read-csv';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';
import { WEAK_SCORE } from '../../src/lib/audit/kinds';

/**
 * 数据核对: per township the counts the 说明 states against the items parsed, and the findings to
 * check against the documents — read off the complete database; a finding opens its item; the export
 * holds every finding of the kind chosen; a database opened with a row missing shows the gap at the
 * line of the row after it.
 */
describe('数据核对', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  /** Duty groups whose weakest join scored below the threshold: what 归并依据较弱 lists. */
  const weakGroups = () =>
    db.all<{ duty_group: number }>(
      `SELECT i.duty_group FROM duty_group_links l JOIN items i ON i.id = l.item_id
       WHERE l.pass IN ('fuzzy', 'context', 'settle') AND l.score < ? GROUP BY i.duty_group`,
      [WEAK_SCORE],
    );

  it('shows each township with its parsed and stated counts, fits the tab bar at 1280 px, and is screenshotted at both sizes', async () => {
    const page = await b.open('?view=audit');
    const view = page.getByTestId('view-audit');
    await view.getByTestId('audit-count').waitFor();
    const townships = db.all<{ id: string; name: string }>('SELECT id, name FROM townships');
    const rows = view.locator('[data-testid=audit-counts] tbody tr');
    await expect.poll(() => rows.count()).toBe(townships.length);
    // A township whose 说明 states its totals: parsed / stated, and the check.
    const stated = db.all<{ name: string; list: string; count: number; parsed: number }>(
      `SELECT t.name, s.list, s.count, (SELECT count(*) FROM items i WHERE i.township_id = s.township_id AND i.list = s.list) AS parsed
       FROM stated_counts s JOIN townships t ON t.id = s.township_id
       WHERE s.measure = 'items' AND s.category IS NULL ORDER BY t.name, CASE s.list WHEN 'basic' THEN 0 WHEN 'coop' THEN 1 ELSE 2 END`,
    );
    expect(stated.length).toBeGreaterThan(0);
    const row = rows.filter({ has: page.locator('th', { hasText: stated[0].name }) });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(2, 5)).toEqual(stated.filter((s) => s.name === stated[0].name).map((s) => `${s.parsed} / ${s.count}`));
    expect(cells[5]).toBe(stated.every((s) => s.parsed === s.count) ? '✓ 相符' : expect.stringMatching(/^✗/));

    // The tabs end before the data menu, and the page does not scroll sideways.
    const tabs = await page.locator('[role=tablist]').boundingBox();
    const menu = await page.locator('.data-menu').boundingBox();
    expect(tabs!.x + tabs!.width).toBeLessThanOrEqual(menu!.x);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(1280);

    await b.screenshot(page, 'audit');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await b.screenshot(page, 'audit-1920');
  });

  it('filters the findings by kind, pages them, and opens a finding’s item in 事项查询', async () => {
    const expected = weakGroups();
    expect(expected.length).toBeGreaterThan(0);
    const page = await b.open('?view=audit');
    const view = page.getByTestId('view-audit');
    await view.getByRole('button', { name: /^归并依据较弱（/ }).click();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('audit.kind'))).toBe('weak-match');
    const findings = view.getByTestId('audit-finding');
    await expect.poll(() => findings.count()).toBe(Math.min(50, expected.length));
    expect(new Set(await findings.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind)))).toEqual(new Set(['weak-match']));
    if (expected.length > 50) {
      await view.getByRole('button', { name: /^再显示/ }).click();
      await expect.poll(() => findings.count()).toBe(Math.min(100, expected.length));
    }

    // Each finding names the file and line of its row.
    const first = findings.first();
    const item = Number(await first.getAttribute('data-item'));
    const { name, source_file, source_line, township } = db.one<{
      name: string;
      source_file: string;
      source_line: number;
      township: string;
    }>(
      `SELECT i.name, t.source_file, i.source_line, t.name AS township FROM items i JOIN townships t ON t.id = i.township_id WHERE i.id = ?`,
      [item],
    );
    await expect(first.locator('td').first().textContent()).resolves.toBe(`${source_file}:${source_line}`);
    await first.getByRole('button', { name: '打开事项' }).click();
    await page.getByTestId('item-detail').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('explorer');
    await expect.poll(() => page.getByTestId('detail-name').textContent()).toBe(name);
    await expect(page.getByTestId('detail-township').textContent()).resolves.toContain(township);
  });

  it('keeps to the township chosen in the filter bar', async () => {
    const [{ id, name }] = db.all<{ id: string; name: string }>('SELECT id, name FROM townships ORDER BY id LIMIT 1');
    const page = await b.open(`?view=audit&t=${id}&audit.kind=weak-match`);
    const view = page.getByTestId('view-audit');
    await view.getByTestId('audit-count').waitFor();
    await expect.poll(() => view.locator('[data-testid=audit-counts] tbody th').allTextContents()).toEqual([name]);
    const inGroups = db.all<{ duty_group: number }>('SELECT DISTINCT duty_group FROM items WHERE township_id = ?', [id]);
    const groups = new Set(inGroups.map((g) => g.duty_group));
    const expected = weakGroups().filter((g) => groups.has(g.duty_group)).length;
    await expect.poll(() => view.getByTestId('audit-finding').count()).toBe(Math.min(50, expected));
  });

  it('exports every finding of the kind chosen, each with its file and line, as a CSV', async () => {
    const expected = weakGroups();
    const page = await b.open('?view=audit&audit.kind=weak-match');
    const menu = page.getByTestId('audit-export');
    await menu.locator('.trigger').click();
    const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-export="csv"]').click()]);
    const bytes = readFileSync((await file.path())!);
    const [header, ...rows] = readCsv(bytes.subarray(3).toString('utf8'));
    expect(header.slice(0, 5)).toEqual(['类型', '乡镇', '县市', '文件', '行号']);
    expect(rows).toHaveLength(expected.length);
    const lines = new Set(
      db
        .all<{ at: string }>(`SELECT t.source_file || ':' || i.source_line AS at FROM items i JOIN townships t ON t.id = i.township_id`)
        .map((r) => r.at),
    );
    for (const row of rows) {
      expect(row[0]).toBe('归并依据较弱');
      expect(lines.has(`${row[3]}:${row[4]}`), `${row[3]}:${row[4]}`).toBe(true);
    }
  });

  it('shows a 序号 gap in a database opened with a row missing, at the line of the row after it', async () => {
    const SQL = await initSqlJs();
    const edited = new SQL.Database(readFileSync(resolve(import.meta.dirname, '../../dist/data/duties.sqlite')));
    const [gone] = db.all<{ id: number; township_id: string; seq: number }>(
      `SELECT id, township_id, seq FROM items WHERE list = 'coop' AND seq = 5 ORDER BY township_id LIMIT 1`,
    );
    const after = db.one<{ source_line: number; source_file: string }>(
      `SELECT i.source_line, t.source_file FROM items i JOIN townships t ON t.id = i.township_id
       WHERE i.township_id = ? AND i.list = 'coop' AND i.seq = ?`,
      [gone.township_id, gone.seq + 1],
    );
    edited.run(`DELETE FROM steps WHERE item_id = ${gone.id}; DELETE FROM item_departments WHERE item_id = ${gone.id};
                DELETE FROM items WHERE id = ${gone.id};`);
    const bytes = edited.export();
    edited.close();
    const page = await b.open('?view=audit&audit.kind=seq-gap');
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('data-open')
      .setInputFiles({ name: '缺一行.sqlite', mimeType: 'application/vnd.sqlite3', buffer: Buffer.from(bytes) });
    await expect.poll(() => page.getByTestId('data-banner').textContent()).toContain('缺一行.sqlite');
    await page.getByRole('tab', { name: '数据核对' }).click();
    await page.getByRole('button', { name: /^序号缺号（/ }).click();
    const finding = page.getByTestId('audit-finding');
    await expect.poll(() => finding.count(), { timeout: 20_000 }).toBe(1);
    await expect(finding.locator('td').first().textContent()).resolves.toBe(`${after.source_file}:${after.source_line}`);
    await expect(finding.locator('td.detail').textContent()).resolves.toContain(`缺 ${gone.seq}`);
  });
});
