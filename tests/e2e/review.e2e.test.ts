import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { loadPlaceTable } from '../../scripts/lib/load-place-table';
import aliasFile from '../../data/department-aliases.json';
import overrideFile from '../../data/duty-group-overrides.json';
import { previewImport } from '../../src/lib/import/add-lists';
import { readCompleteDatabase } from '../../src/lib/import/read-database';
import { withPlaceTable } from '../../src/lib/model/department-places';
import type { DepartmentAliases } from '../../src/lib/model/departments';
import { overridesWithDecisions, type ReviewDecision } from '../../src/lib/review/decisions';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { heatmapCells } from './heatmap-cells';
import { openRealDatabase } from './db';

/**
 * 匹配审核: a reviewer decides that a duty one township reclaimed is the same as a duty other
 * townships list, and the heatmap shows it at once — one row where there were two, the township's
 * cell reclaimed in it; the decision survives a reload, exports in the override file's format, and
 * an undo brings the two rows back. "不是" takes a candidate off the queue.
 */
describe('匹配审核', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  /** The heatmap's row label of a duty group: the most common wording among its reclaimed items (ties: the first). */
  const heatName = (group: number) =>
    db.one<{ name: string }>(
      `SELECT name FROM items WHERE duty_group = ? AND list = 'reclaimed' GROUP BY name ORDER BY count(*) DESC, min(id) LIMIT 1`,
      [group],
    ).name;
  /** The most common wording of a group: how the queue names a candidate. */
  const groupName = (group: number) =>
    db.one<{ name: string }>(`SELECT name FROM items WHERE duty_group = ? GROUP BY name ORDER BY count(*) DESC, min(id) LIMIT 1`, [group])
      .name;

  async function heatmapRows(page: Page): Promise<{ label: string; cells: Record<string, string> }[]> {
    await page.getByRole('tab', { name: '收回事项热力图' }).click();
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete] g.row');
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=reclaimed-heatmap] g.row')].map((row) => ({
        group: Number(row.getAttribute('data-duty-group')),
        label: row.querySelector(':scope > text.name > title')?.textContent ?? '',
      })),
    );
    const cells = await heatmapCells(page);
    return rows.map((row) => ({
      label: row.label,
      cells: Object.fromEntries(cells.filter((c) => c.dutyGroup === row.group).map((c) => [c.unit, c.status!])),
    }));
  }

  async function openReview(page: Page) {
    await page.getByRole('tab', { name: '匹配审核' }).click();
    await page.getByTestId('review-count').waitFor();
  }

  it('a decision changes the heatmap at once, is kept across a reload, exports, and can be undone', async () => {
    // The queued reclaimed duty most likely to match a duty reclaimed elsewhere: both are heatmap rows.
    const entry = db.one<{ item: number; name: string; township_id: string; own: number; group: number }>(
      `SELECT c.item_id AS item, i.name, i.township_id, i.duty_group AS own, c.candidate_group AS "group"
       FROM duty_group_candidates c JOIN items i ON i.id = c.item_id
       WHERE i.list = 'reclaimed' AND EXISTS (SELECT 1 FROM items o WHERE o.duty_group = c.candidate_group AND o.list = 'reclaimed')
       ORDER BY c.score DESC, c.item_id LIMIT 1`,
    );
    const labels = [heatName(entry.own), heatName(entry.group)];
    const page = await b.open('?view=heatmap');
    const before = await heatmapRows(page);
    const pair = () => heatmapRows(page).then((rows) => rows.filter((r) => labels.includes(r.label)));
    expect((await pair()).map((r) => r.cells[entry.township_id]).sort()).toEqual(['absent', 'reclaimed']);

    await openReview(page);
    const card = page.locator(`[data-testid=review-item][data-item-id="${entry.item}"]`);
    await expect(card.locator('h3').textContent()).resolves.toBe(entry.name);
    const candidate = card.locator(`[data-testid=review-candidate][data-group="${entry.group}"]`);
    await expect(candidate.textContent()).resolves.toContain(groupName(entry.group));
    await b.screenshot(page, 'review');
    await candidate.getByRole('button', { name: '是同一事项' }).click();
    await page.getByTestId('review-decision').waitFor({ timeout: 60_000 });
    // Off the queue: its duty is linked now.
    await page.getByTestId('review-count').waitFor();
    await expect(page.locator(`[data-testid=review-item][data-item-id="${entry.item}"]`).count()).resolves.toBe(0);

    const merged = await pair();
    expect(merged).toHaveLength(1);
    expect(merged[0].cells[entry.township_id]).toBe('reclaimed');
    expect(await heatmapRows(page)).toHaveLength(before.length - 1);

    // Kept with the data: a reload shows the same.
    await page.reload();
    await page.waitForSelector('main[data-state="ready"]');
    expect(await pair()).toHaveLength(1);

    // Exported in the override file's format.
    await openReview(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审核结果' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.merge.map((m: { names: string[] }) => m.names)).toEqual([[entry.name, groupName(entry.group)]]);
    expect(exported.split).toEqual([]);

    // Undone: the two rows again.
    await page.getByTestId('review-decision').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('review-decision').count(), { timeout: 60_000 }).toBe(0);
    expect((await pair()).map((r) => r.cells[entry.township_id]).sort()).toEqual(['absent', 'reclaimed']);
    expect(await heatmapRows(page)).toHaveLength(before.length);
  });

  it('a list from another county, added after a decision, is grouped with it; its uncertain duties join the queue', async () => {
    const entry = db.one<{ item: number; name: string; group: number }>(
      `SELECT c.item_id AS item, i.name, c.candidate_group AS "group" FROM duty_group_candidates c JOIN items i ON i.id = c.item_id
       WHERE c.rank = 1 ORDER BY c.score DESC, c.item_id LIMIT 1`,
    );
    const page = await b.open('?view=review');
    await page.getByTestId('review-count').waitFor();
    await page
      .locator(`[data-testid=review-item][data-item-id="${entry.item}"] [data-testid=review-candidate][data-group="${entry.group}"]`)
      .getByRole('button', { name: '是同一事项' })
      .click();
    await page.getByTestId('review-decision').waitFor({ timeout: 60_000 });

    // The tuning list of the matching's held-out lists: another county's wording of a bundled list.
    const file = resolve(import.meta.dirname, '../fixtures/heldout/tuning-hejing-keergute.txt');
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('import-open')
      .setInputFiles({ name: '和静县克尔古提乡履职事项清单.txt', mimeType: 'text/plain', buffer: readFileSync(file) });
    const row = page.getByTestId('import-report').getByTestId('import-row').first();
    await row.waitFor({ timeout: 60_000 });
    const township = (await row.getAttribute('data-township'))!;
    await page.getByTestId('import-apply').click();
    await page.locator(`[data-testid=filter-bar] [data-township="${township}"][data-imported]`).waitFor({ timeout: 60_000 });

    // The decision is still listed, and still applied: its duty is not back in the queue.
    await expect(page.getByTestId('review-decision').count()).resolves.toBe(1);
    await page.getByTestId('review-count').waitFor();
    await expect(page.locator(`[data-testid=review-item][data-item-id="${entry.item}"]`).count()).resolves.toBe(0);

    // The imported township's queue, as the build's grouping with the same decision gives it.
    const SQL = await initSqlJs();
    const places = loadPlaceTable();
    const decision: ReviewDecision = { item: entry.name, candidate: groupName(entry.group), same: true, township: '', decidedAt: '' };
    const preview = previewImport(
      [{ name: 'list.txt', bytes: new Uint8Array(readFileSync(file)) }],
      readCompleteDatabase(SQL, new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../dist/data/duties.sqlite'))), ''),
      {
        places,
        aliases: withPlaceTable(aliasFile as unknown as DepartmentAliases, places),
        overrides: overridesWithDecisions(overrideFile, [decision]),
      },
    );
    const rows = preview.merged!.rows;
    const ofTownship = new Set(rows.items.filter((i) => i.township_id === township).map((i) => i.id));
    const queued = new Set(rows.dutyGroupCandidates!.filter((c) => ofTownship.has(c.item_id)).map((c) => c.item_id));
    expect(queued.size).toBeGreaterThan(0);
    await page.goto(new URL(`?view=review&t=${township}`, page.url()).href);
    await page.getByTestId('review-count').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('review-count').textContent()).resolves.toContain(`待审核 ${queued.size} 项`);
    for (const where of await page.locator('[data-testid=review-item] .where').allTextContents())
      expect(where).toMatch(/克尔古提乡（导入）/);
    await b.screenshot(page, 'review-imported');
  });

  it('"不是" takes the candidate off the item, and the item off the queue when none is left', async () => {
    const entry = db.one<{ item: number; candidates: number; n: number }>(
      `SELECT item_id AS item, count(*) AS candidates, (SELECT count(DISTINCT item_id) FROM duty_group_candidates) AS n
       FROM duty_group_candidates GROUP BY item_id HAVING count(*) = 1 ORDER BY max(score) DESC, item_id LIMIT 1`,
    );
    const page = await b.open('?view=review');
    await page.getByTestId('review-count').waitFor();
    await expect(page.getByTestId('review-count').textContent()).resolves.toContain(`待审核 ${entry.n} 项`);
    const card = page.locator(`[data-testid=review-item][data-item-id="${entry.item}"]`);
    await card.getByRole('button', { name: '不是' }).click();
    await page.locator('[data-testid=review-decision][data-same=false]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('review-count').textContent()).toContain(`待审核 ${entry.n - 1} 项`);
    await expect(page.locator(`[data-testid=review-item][data-item-id="${entry.item}"]`).count()).resolves.toBe(0);
  });
});
