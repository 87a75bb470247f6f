import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowser } from './browser';
import { heatmapCells, cellBox, centre, tooltipCell } from './heatmap-cells';

/**
 * A township list added in the page is marked as the reader's own in every view: （导入） after the
 * township's name wherever a view writes it (bars, heatmap columns, network nodes, the explorer's rows
 * and detail), and （含导入） after a county or prefecture holding it where the views sum townships.
 * Removing the list takes the mark away. Screenshots of every view after the import, at 1280×720 and
 * 1920×1080, are written to tests/e2e/screenshots/imported-*.png for a reader to look at.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RAW = join(ROOT, 'data/raw');
const SERVED = join(ROOT, 'dist/data/duties.sqlite');
const MARK = '（导入）';
const CONTAINS = '（含导入）';

/** The list imported: the last bundled text list, with its township as the served database has it. */
let list: { file: string; name: string; id: string; county: string; prefecture: string };

beforeAll(async () => {
  const SQL = await initSqlJs();
  const db = new SQL.Database(new Uint8Array(readFileSync(SERVED)));
  const file = readdirSync(RAW)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .at(-1)!;
  const [id, name, county, prefecture] = db
    .exec(
      "SELECT id, name, coalesce(county_code, prefecture || '/' || county), coalesce(prefecture_code, prefecture) FROM townships WHERE source_file = ?",
      [file],
    )[0]
    .values[0].map(String);
  db.close();
  list = { file, name, id, county, prefecture };
});

/** What a reader sees of an SVG or HTML label: its text without the tooltip (<title>) inside it. */
const seen = (label: Locator) =>
  label.evaluate((el) => {
    const walk = (node: Node): string =>
      node.nodeName.toLowerCase() === 'title'
        ? ''
        : node.nodeType === 3
          ? (node.textContent ?? '')
          : [...node.childNodes].map(walk).join('');
    return walk(el).trim();
  });

/** The mark as a label writes it: across, or top to bottom with its brackets turned (︵导入︶). */
const markIn = (text: string, mark: string) => [mark, mark.replace('（', '︵').replace('）', '︶')].find((m) => text.endsWith(m));

/** A label shows the name (or its start, where a narrow column cut it) followed by the whole mark. */
function expectMarked(text: string, name: string, mark = MARK) {
  const written = markIn(text, mark);
  expect(written, `${text} ends with ${mark}`).toBeDefined();
  const shown = text.slice(0, -written!.length).replace(/…$/, '');
  expect(shown.length, text).toBeGreaterThan(0);
  expect(name.startsWith(shown), `${text} names ${name}`).toBe(true);
}

async function importList(page: Page) {
  await page.getByTestId('data-toggle').click();
  await page.getByTestId('import-open').setInputFiles({
    name: `${list.name}履职事项清单.txt`,
    mimeType: 'text/plain',
    buffer: readFileSync(join(RAW, list.file)),
  });
  await page.getByTestId('import-report').waitFor({ timeout: 60000 });
  await page.getByTestId('import-apply').click();
  // Applied: the filter bar (shown on every view) marks the township.
  await page.waitForSelector('main[data-state="ready"]', { timeout: 60000 });
  await expect.poll(() => page.getByTestId('data-banner').count(), { timeout: 60000 }).toBe(1);
}

async function showView(page: Page, view: string) {
  await page.locator(`[role=tab][data-view=${view}]`).click();
  if (view === 'explorer') await page.getByTestId('results').waitFor({ timeout: 15000 });
  else await page.waitForSelector(`[data-testid=view-${view}] figure[data-drawn]`, { timeout: 20000 });
  if (view === 'network')
    await page.waitForSelector('[data-testid=network-graph] g.labels text.label:not(.hover-only)', { timeout: 20000 });
}

/** Every label of the chart views and the explorer that carries a mark, as the reader reads it. */
const markedTexts = (page: Page) =>
  page.locator('[id=view-panel]').evaluate((panel) => [...panel.querySelectorAll('.imported-mark')].map((m) => m.textContent));

describe('imported townships are marked in every view', () => {
  const b = useBrowser();

  it('marks the township of an applied list in every view, and no longer once the list is removed', async () => {
    const page = await b.open('?view=overview');
    await importList(page);
    await expect(page.locator(`[data-testid=filter-bar] [data-township="${list.id}"][data-imported]`).count()).resolves.toBe(1);

    // 总览: the township's label in both bar charts, and no other township's.
    await showView(page, 'overview');
    for (const chart of ['township-bars', 'coop-steps-bars']) {
      const labels = page.locator(`[data-testid=${chart}] g[data-township] text.township`);
      const own = page.locator(`[data-testid=${chart}] g[data-township="${list.id}"] text.township`);
      await expect(seen(own)).resolves.toBe(list.name + MARK);
      const all = await labels.evaluateAll((ls) => ls.map((l) => l.textContent ?? ''));
      expect(all.filter((t) => t.includes(MARK))).toHaveLength(1);
    }
    // Pointing at its bar, the tooltip names it with the mark.
    await page.locator(`[data-testid=township-bars] g[data-township="${list.id}"] rect.segment`).first().hover();
    await expect.poll(() => page.getByTestId('tooltip').first().textContent()).toContain(list.name + MARK);
    await page.mouse.move(0, 0);
    await b.screenshot(page, 'imported-overview-1280');

    // 事项类别: the township's column of the heatmap, and nothing else marked.
    await showView(page, 'categories');
    const column = page.locator(`[data-testid=view-categories] text.unit-label[data-unit="${list.id}"]`);
    expectMarked(await seen(column), list.name);
    await expect(page.locator('[data-testid=view-categories] text.unit-label[data-imported]').count()).resolves.toBe(1);
    await b.screenshot(page, 'imported-categories-1280');

    // 部门网络: the township's node is drawn as imported and its label carries the mark.
    await showView(page, 'network');
    const node = page.locator(`[data-testid=network-graph] g.node[data-key="${list.id}"]`);
    await expect(node.getAttribute('data-imported')).resolves.toBe('');
    const nodeId = await node.getAttribute('data-id');
    await expect(seen(page.locator(`[data-testid=network-graph] g.labels text[data-id="${nodeId}"]`))).resolves.toBe(list.name + MARK);
    await expect(page.locator('[data-testid=network-graph] g.node[data-imported]').count()).resolves.toBe(1);
    await b.screenshot(page, 'imported-network-1280');

    // 收回事项热力图: the township's column header.
    await showView(page, 'heatmap');
    expectMarked(await seen(page.locator(`[data-testid=view-heatmap] text.unit-label[data-unit="${list.id}"]`)), list.name);
    await expect(page.locator('[data-testid=view-heatmap] text.unit-label[data-imported]').count()).resolves.toBe(1);
    // Its cells' tooltip names it with the mark.
    const own = (await heatmapCells(page)).find((c) => c.unit === list.id)!;
    const point = centre(await cellBox(page, own.dutyGroup, own.unit));
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => tooltipCell(page).textContent()).toContain(list.name + MARK);
    await page.mouse.move(0, 0);
    await b.screenshot(page, 'imported-heatmap-1280');

    // 事项查询: the township's rows, and its item's detail (its name and the same duty elsewhere).
    await showView(page, 'explorer');
    await page.locator(`[data-testid=filter-bar] [data-township="${list.id}"]`).click();
    const first = page.locator('[data-testid=results] [data-item]').first();
    await first.waitFor();
    const cells = await page.locator('[data-testid=results] [data-item] .township').evaluateAll((cs) => cs.map((c) => c.textContent ?? ''));
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toBe(list.name + MARK);
    await first.click();
    await expect.poll(() => page.getByTestId('detail-township').textContent(), { timeout: 15000 }).toBe(list.name + MARK);
    const same = page.locator(`[data-testid=same-duty] tr[data-township="${list.id}"] th`).first();
    await expect(same.textContent()).resolves.toBe(list.name + MARK);
    const others = await page
      .locator(`[data-testid=same-duty] tr[data-township]:not([data-township="${list.id}"]) th`)
      .evaluateAll((ths) => ths.map((th) => th.textContent ?? ''));
    for (const other of others) expect(other).not.toContain(MARK);
    await b.screenshot(page, 'imported-explorer-1280');

    // The same views on a larger screen, for a reader to look at.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await b.screenshot(page, 'imported-explorer-1920');
    await page.locator(`[data-testid=filter-bar] [data-township="${list.id}"]`).click();
    for (const view of ['overview', 'categories', 'network', 'heatmap']) {
      await showView(page, view);
      expect(await markedTexts(page)).not.toHaveLength(0);
      await b.screenshot(page, `imported-${view}-1920`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });

    // Removed again: no view marks anything.
    await page.getByTestId('data-toggle').click();
    await page.locator(`[data-testid=imported-lists] li[data-township="${list.id}"] button`).click();
    await expect.poll(() => page.locator('[data-testid=filter-bar] [data-imported]').count(), { timeout: 60000 }).toBe(0);
    await page.getByTestId('data-toggle').click();
    for (const view of ['overview', 'categories', 'network', 'heatmap', 'explorer']) {
      await showView(page, view);
      await expect(markedTexts(page)).resolves.toEqual([]);
      await expect(page.locator('[id=view-panel]').textContent()).resolves.not.toContain(MARK);
    }
  });

  it('marks the county or prefecture holding it where the views sum townships', async () => {
    const page = await b.open('?view=overview', { site: 'scale' });
    await importList(page);
    const units = [list.county, list.prefecture];

    // 总览: the distribution's row of the unit holding the township.
    await showView(page, 'overview');
    const rows = page.locator('[data-testid=unit-distribution] g.row');
    const marked = await rows.evaluateAll((rs) =>
      rs.filter((r) => r.querySelector('.unit text')?.textContent?.includes('（含导入）')).map((r) => r.getAttribute('data-unit')),
    );
    expect(marked).toHaveLength(1);
    expect(units).toContain(marked[0]);
    // The rows scroll: bring the marked one into view for the screenshot.
    await page.locator(`[data-testid=unit-distribution] g.row[data-unit="${marked[0]}"]`).scrollIntoViewIfNeeded();
    await b.screenshot(page, 'imported-overview-scale-1280');
    // Its dot, drawn as imported, opens the ranking at its row, which names it with the mark.
    await page.locator(`[data-testid=unit-distribution] circle[data-imported][data-township="${list.id}"]`).click();
    const ranked = page.locator(`[data-testid=township-ranking] [data-township="${list.id}"] .name`);
    await ranked.waitFor({ timeout: 15000 });
    await expect(seen(ranked)).resolves.toBe(list.name + MARK);
    await b.screenshot(page, 'imported-ranking-scale-1280');

    for (const view of ['categories', 'heatmap']) {
      await showView(page, view);
      const labels = page.locator(`[data-testid=view-${view}] text.unit-label[data-imported]`);
      await expect(labels.count()).resolves.toBe(1);
      expect(units).toContain(await labels.getAttribute('data-unit'));
      expect(markIn(await seen(labels), CONTAINS), await seen(labels)).toBeDefined();
      await b.screenshot(page, `imported-${view}-scale-1280`);
    }

    await showView(page, 'network');
    const node = page.locator('[data-testid=network-graph] g.node[data-imported]');
    await expect(node.count()).resolves.toBe(1);
    expect(units).toContain(await node.getAttribute('data-key'));
    const nodeId = await node.getAttribute('data-id');
    const label = await seen(page.locator(`[data-testid=network-graph] g.labels text[data-id="${nodeId}"]`));
    expect(label.endsWith(CONTAINS), label).toBe(true);
    await b.screenshot(page, 'imported-network-scale-1280');
  });
});
