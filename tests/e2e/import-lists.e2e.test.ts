import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { withoutTownships } from './db';
import { listToDocx } from '../unit/import/docx-fixture';

/**
 * Township lists added in the page: a Word list and a text list under a Chinese name, on top of a
 * database without their townships. Both are read into a report, applied, shown in every view linked
 * to the duty groups already there, kept across a reload, exported, and removed again; a broken file
 * is refused with its reasons and changes nothing.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RAW = join(ROOT, 'data/raw');
const SERVED = join(ROOT, 'dist/data/duties.sqlite');

let SQL: SqlJsStatic;
/** The two lists added (the last two bundled files), and the served database without their townships. */
let added: { file: string; township: string; id: string; items: number }[];
let base: Uint8Array;
let totals: { townships: number; items: number };

const one = (bytes: Uint8Array, text: string) => {
  const db = new SQL.Database(new Uint8Array(bytes));
  try {
    return db.exec(text)[0].values[0][0];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  SQL = await initSqlJs();
  const served = new Uint8Array(readFileSync(SERVED));
  totals = { townships: Number(one(served, 'SELECT count(*) FROM townships')), items: Number(one(served, 'SELECT count(*) FROM items')) };
  const files = readdirSync(RAW)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(-2);
  const db = new SQL.Database(new Uint8Array(served));
  added = files.map((file) => {
    const [id, township] = db.exec('SELECT id, name FROM townships WHERE source_file = ?', [file])[0].values[0].map(String);
    const items = Number(db.exec('SELECT count(*) FROM items WHERE township_id = ?', [id])[0].values[0][0]);
    return { file, township, id, items };
  });
  db.close();
  base = withoutTownships(SQL, served, `SELECT id FROM townships WHERE id IN (${added.map((a) => `'${a.id}'`).join(',')})`);
});

describe('数据: adding township lists in the page', () => {
  const b = useBrowser();
  const note = (page: Page) => page.locator('text=/未筛选（显示全部/').first();
  const count = (page: Page) => page.getByTestId('result-count').textContent();

  it('reads a Word list and a text list into a report, applies them to every view, keeps them across a reload, and removes one', async () => {
    const page = await b.open('?view=explorer');
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('data-open')
      .setInputFiles({ name: '缺两个乡镇.sqlite', mimeType: 'application/vnd.sqlite3', buffer: Buffer.from(base) });
    await expect.poll(() => note(page).textContent(), { timeout: 15000 }).toContain(`全部 ${totals.townships - 2} 个乡镇`);

    const [word, text] = added;
    const docx = await listToDocx(readFileSync(join(RAW, word.file), 'utf8'));
    await page.getByTestId('data-toggle').click();
    await page.getByTestId('import-open').setInputFiles([
      {
        name: `${word.township}履职事项清单.docx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(docx),
      },
      { name: `${text.township} 履职事项清单.txt`, mimeType: 'text/plain', buffer: readFileSync(join(RAW, text.file)) },
      { name: '坏文件.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('不是 Word 文件') },
    ]);
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 30000 });
    const rows = report.getByTestId('import-row');
    await expect(rows.count()).resolves.toBe(3);
    for (const [i, list] of added.entries()) {
      const row = rows.nth(i);
      await expect(row.getAttribute('data-ok')).resolves.toBe('true');
      await expect(row.getAttribute('data-township')).resolves.toBe(list.id);
      await expect(row.textContent()).resolves.toContain(list.township);
      // Linked to the duty groups of the townships already shown; each duty counted once, as linked,
      // left for review (uncertain) or new.
      const duties = (await row.getByTestId('import-duties').textContent())!;
      const [, linked, uncertain, fresh] = /(\d+) 项关联到已有事项，(\d+) 项待审核.*，(\d+) 项为新事项/.exec(duties)!.map(Number);
      expect(linked).toBeGreaterThan(0);
      expect(linked + uncertain + fresh).toBe(list.items);
    }
    await expect(rows.nth(2).getAttribute('data-ok')).resolves.toBe('false');
    // Said in Chinese: what the file is, and what to do.
    await expect(rows.nth(2).getByTestId('import-problems').textContent()).resolves.toMatch(/内容却不是 Word 文档.*另存为 \.docx/);
    await b.screenshot(page, 'import-report');

    await page.getByTestId('import-apply').click();
    await expect.poll(() => note(page).textContent(), { timeout: 30000 }).toContain(`全部 ${totals.townships} 个乡镇`);
    await expect.poll(() => count(page), { timeout: 15000 }).toContain(`共 ${totals.items.toLocaleString('zh-CN')} 项`);
    // The shared filter bar, on every view, marks the townships added.
    for (const list of added)
      await expect(page.locator(`[data-testid=filter-bar] [data-township="${list.id}"][data-imported]`).textContent()).resolves.toContain(
        '导入',
      );
    await expect(page.locator('[data-testid=filter-bar] [data-imported]').count()).resolves.toBe(added.length);
    for (const view of ['overview', 'categories', 'network', 'heatmap']) {
      await page.locator(`[role=tab][data-view=${view}]`).click();
      await page.waitForSelector(`[data-testid=view-${view}] figure[data-drawn]`, { timeout: 15000 });
      await expect(page.getByTestId(`view-${view}`).textContent()).resolves.toContain(text.township);
    }

    await page.reload();
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    await expect.poll(() => note(page).textContent(), { timeout: 15000 }).toContain(`全部 ${totals.townships} 个乡镇`);
    await page.getByTestId('data-toggle').click();
    const imported = page.getByTestId('imported-lists');
    await expect(imported.locator('li').count()).resolves.toBe(2);

    // Exported, the database holds every township and says which lists were added.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export').click()]);
    const exported = new Uint8Array(readFileSync((await download.path())!));
    expect(Number(one(exported, 'SELECT count(*) FROM townships'))).toBe(totals.townships);
    expect(String(one(exported, "SELECT value FROM meta WHERE key = 'imported'"))).toContain(word.id);

    await imported.locator(`li[data-township="${word.id}"] button`).click();
    await expect.poll(() => note(page).textContent(), { timeout: 30000 }).toContain(`全部 ${totals.townships - 1} 个乡镇`);
    await page.locator('[role=tab][data-view=explorer]').click();
    await expect.poll(() => count(page), { timeout: 15000 }).toContain(`共 ${(totals.items - word.items).toLocaleString('zh-CN')} 项`);
  });

  it('applies nothing when every file is refused', async () => {
    const page = await b.open('?view=overview');
    await page.getByTestId('data-toggle').click();
    await page.getByTestId('import-open').setInputFiles({ name: '空.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
    await page.getByTestId('import-report').waitFor({ timeout: 30000 });
    await expect(page.getByTestId('import-problems').textContent()).resolves.toContain('文件是空的');
    await expect(page.getByTestId('import-apply').count()).resolves.toBe(0);
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('data-banner').count()).resolves.toBe(0);
    await expect.poll(() => note(page).textContent()).toContain(`全部 ${totals.townships} 个乡镇`);
  });

  it('says in Chinese why no list can be read when the site lacks its place table', async () => {
    const page = await b.open('?view=overview');
    // A site copied without atlas/places.json.gz: the import worker's own fetch fails, not a list.
    await page.context().route('**/atlas/places.json.gz', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('import-open')
      .setInputFiles({ name: '清单.txt', mimeType: 'text/plain', buffer: readFileSync(join(RAW, added[0].file)) });
    const error = page.getByTestId('data-error');
    await error.waitFor({ timeout: 30000 });
    await expect(error.locator('p').textContent()).resolves.toBe('添加清单失败：');
    const reasons = await error.locator('li').allTextContents();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('HTTP 404');
    expect(reasons[0]).toMatch(/[\u4e00-\u9fff]{4}/);
    // Chinese throughout: nothing Latin but the file's path, the status and the build command it names.
    expect(reasons[0].replace(/atlas\/places\.json\.gz|HTTP 404|npm run build/g, '')).not.toMatch(/[A-Za-z]/);
    await page.context().unroute('**/atlas/places.json.gz');
    await expect(page.getByTestId('data-banner').count()).resolves.toBe(0);
  });

  it('asks whether a township already shown is replaced: kept, its file is not applied', async () => {
    const [list] = added;
    const page = await b.open('?view=overview');
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('import-open')
      .setInputFiles({ name: `${list.township}（更正版）.txt`, mimeType: 'text/plain', buffer: readFileSync(join(RAW, list.file)) });
    const replace = page.getByTestId('import-replaces').locator('input[type=checkbox]');
    await replace.waitFor({ timeout: 30000 });
    await expect(replace.isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('import-apply').textContent()).resolves.toContain('应用 1 个清单');

    // Kept: read again, reported, and nothing to apply.
    await replace.uncheck();
    await page.getByTestId('import-kept').waitFor({ timeout: 30000 });
    await b.screenshot(page, 'import-kept');
    await expect(page.getByTestId('import-apply').count()).resolves.toBe(0);
    // Replaced after all: applied, and marked as the reader's own.
    await page.getByTestId('import-replaces').locator('input[type=checkbox]').check();
    await page.getByTestId('import-apply').waitFor({ timeout: 30000 });
    await page.getByTestId('import-apply').click();
    await page.locator(`[data-testid=filter-bar] [data-township="${list.id}"][data-imported]`).waitFor({ timeout: 30000 });
    await expect.poll(() => note(page).textContent()).toContain(`全部 ${totals.townships} 个乡镇`);
  });

  it('reading lists into an opened database and cancelling leaves that database whole: it still exports', async () => {
    const page = await b.open('?view=overview');
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('data-open')
      .setInputFiles({ name: '缺两个乡镇.sqlite', mimeType: 'application/vnd.sqlite3', buffer: Buffer.from(base) });
    await expect.poll(() => note(page).textContent(), { timeout: 15000 }).toContain(`全部 ${totals.townships - 2} 个乡镇`);
    await page.getByTestId('data-toggle').click();
    await page.getByTestId('import-open').setInputFiles({ name: '空.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
    await page.getByTestId('import-report').waitFor({ timeout: 30000 });
    await page.getByTestId('import-cancel').click();
    if (!(await page.getByTestId('data-export').isVisible())) await page.getByTestId('data-toggle').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export').click()]);
    const exported = new Uint8Array(readFileSync((await download.path())!));
    expect(Number(one(exported, 'SELECT count(*) FROM townships'))).toBe(totals.townships - 2);
  });
});
