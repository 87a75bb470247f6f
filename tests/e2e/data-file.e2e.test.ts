import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { withoutTownships } from './db';

/**
 * A complete database of the reader's own, opened in the page: shown in every view, kept across a
 * reload, exported as it was opened, refused with its reasons when broken; and the built-in data back.
 */
const SERVED = resolve(import.meta.dirname, '../../dist/data/duties.sqlite');

let SQL: SqlJsStatic;
/** The served database cut down to its first two townships: a database as `npm run build:db` would write for them. */
let subset: Uint8Array;
let subsetTownships: number;
let subsetItems: number;
let servedTownships: number;

const count = (bytes: Uint8Array, table: string) => {
  const db = new SQL.Database(new Uint8Array(bytes));
  try {
    return Number(db.exec(`SELECT count(*) FROM ${table}`)[0].values[0][0]);
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  SQL = await initSqlJs();
  const served = new Uint8Array(readFileSync(SERVED));
  servedTownships = count(served, 'townships');
  subset = withoutTownships(SQL, served, 'SELECT id FROM townships WHERE id NOT IN (SELECT id FROM townships ORDER BY id LIMIT 2)');
  subsetTownships = count(subset, 'townships');
  subsetItems = count(subset, 'items');
});

describe('数据: a database of the reader’s own', () => {
  const b = useBrowser();

  /** Opens `bytes` as the file `name` from the data panel. */
  async function openFile(page: Page, name: string, bytes: Uint8Array) {
    await page.getByTestId('data-toggle').click();
    await page.getByTestId('data-open').setInputFiles({ name, mimeType: 'application/vnd.sqlite3', buffer: Buffer.from(bytes) });
  }
  const note = (page: Page) => page.locator('text=/未筛选（显示全部/').first();

  it('shows an opened database in every view, keeps it across a reload, exports it as opened, and goes back', async () => {
    expect(subsetTownships).toBeLessThan(servedTownships);
    const page = await b.open('?view=explorer');
    await openFile(page, '两个乡镇的清单.sqlite', subset);
    await expect.poll(() => page.getByTestId('data-banner').textContent()).toContain(`两个乡镇的清单.sqlite`);
    await expect.poll(() => note(page).textContent()).toContain(`全部 ${subsetTownships} 个乡镇`);
    // 事项查询 counts the opened database's items.
    await expect
      .poll(() => page.getByTestId('result-count').textContent(), { timeout: 15000 })
      .toContain(subsetItems.toLocaleString('zh-CN'));
    for (const view of ['overview', 'categories', 'network', 'heatmap']) {
      await page
        .getByRole('tab')
        .and(page.locator(`[data-view=${view}]`))
        .click();
      await page.waitForSelector(`[data-testid=view-${view}] figure[data-drawn]`, { timeout: 15000 });
    }
    await b.screenshot(page, 'data-file-opened');

    await page.reload();
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    await expect.poll(() => page.getByTestId('data-banner').textContent()).toContain(`${subsetTownships} 个乡镇`);

    await page.getByTestId('data-toggle').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export').click()]);
    expect(download.suggestedFilename()).toBe('两个乡镇的清单.sqlite');
    const exported = new Uint8Array(readFileSync((await download.path())!));
    expect(count(exported, 'townships')).toBe(subsetTownships);
    expect(count(exported, 'items')).toBe(subsetItems);

    await page.getByTestId('data-restore').click();
    await expect.poll(() => page.getByTestId('data-banner').count()).toBe(0);
    await expect.poll(() => note(page).textContent()).toContain(`全部 ${servedTownships} 个乡镇`);
    await page.reload();
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    await expect(page.getByTestId('data-banner').count()).resolves.toBe(0);
  });

  it('refuses a broken file with its reasons, and changes nothing', async () => {
    const page = await b.open('?view=overview');
    await openFile(page, '坏文件.sqlite', new TextEncoder().encode('这不是数据库'));
    const error = page.getByTestId('data-error');
    await expect.poll(() => error.textContent()).toContain('坏文件.sqlite');
    await expect(error.textContent()).resolves.toContain('不是 SQLite 数据库文件');
    // A database missing a table of the contract: named.
    const db = new SQL.Database(new Uint8Array(subset));
    db.run('DROP TABLE steps');
    const missing = db.export();
    db.close();
    await page
      .getByTestId('data-open')
      .setInputFiles({ name: '缺表.sqlite', mimeType: 'application/vnd.sqlite3', buffer: Buffer.from(missing) });
    await expect.poll(() => error.textContent()).toContain('缺少数据表 steps');
    await expect(page.getByTestId('data-banner').count()).resolves.toBe(0);
    await expect.poll(() => note(page).textContent()).toContain(`全部 ${servedTownships} 个乡镇`);
    await page.reload();
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    await expect(page.getByTestId('data-banner').count()).resolves.toBe(0);
  });

  it('exports the built-in database when nothing is opened', async () => {
    const page = await b.open();
    await page.getByTestId('data-toggle').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.sqlite$/);
    expect(count(new Uint8Array(readFileSync((await download.path())!)), 'townships')).toBe(servedTownships);
  });
});
