import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { withoutTownships } from './db';

/**
 * The browser's storage failing under an import (#11): IndexedDB missing, its quota exceeded, and a
 * second tab applying lists at the same time. Each time the reader is told, in Chinese; an import is
 * applied whole or not at all; and what was kept before is still there after a reload.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RAW = join(ROOT, 'data/raw');
const SERVED = join(ROOT, 'dist/data/duties.sqlite');

/** The last two bundled lists, and the served database without their townships (what the reader opens first). */
let lists: { file: string; township: string; id: string }[];
let base: Uint8Array;
let all: number;

beforeAll(async () => {
  const SQL = await initSqlJs();
  const served = new Uint8Array(readFileSync(SERVED));
  const db = new SQL.Database(new Uint8Array(served));
  all = Number(db.exec('SELECT count(*) FROM townships')[0].values[0][0]);
  lists = readdirSync(RAW)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(-2)
    .map((file) => {
      const [id, township] = db.exec('SELECT id, name FROM townships WHERE source_file = ?', [file])[0].values[0].map(String);
      return { file, township, id };
    });
  db.close();
  base = withoutTownships(SQL, served, `SELECT id FROM townships WHERE id IN (${lists.map((l) => `'${l.id}'`).join(',')})`);
});

describe('storage faults under an import', () => {
  const b = useBrowser();
  const shown = (page: Page) => page.locator('text=/未筛选（显示全部/').first().textContent();

  async function openBase(page: Page) {
    await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('data-open')
      .setInputFiles({ name: '缺两个乡镇.sqlite', mimeType: 'application/vnd.sqlite3', buffer: Buffer.from(base) });
    await expect.poll(() => shown(page), { timeout: 15000 }).toContain(`全部 ${all - 2} 个乡镇`);
  }

  /** Adds one bundled list through 数据 → 添加乡镇清单 and applies it. */
  async function importList(page: Page, list: (typeof lists)[number]) {
    if (!(await page.getByTestId('import-open').isVisible())) await page.getByTestId('data-toggle').click();
    await page
      .getByTestId('import-open')
      .setInputFiles({ name: `${list.township}履职事项清单.txt`, mimeType: 'text/plain', buffer: readFileSync(join(RAW, list.file)) });
    await page.getByTestId('import-report').waitFor({ timeout: 30000 });
    await page.getByTestId('import-apply').click();
  }

  const reload = async (page: Page) => {
    await page.reload();
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
  };

  it('with the quota exceeded: shown, said not kept, and the database kept before is there after a reload', async () => {
    const page = await b.open('?view=overview');
    await openBase(page);
    // Every write to IndexedDB from now on fails as a full quota does.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await importList(page, lists[0]);
    await expect.poll(() => shown(page), { timeout: 30000 }).toContain(`全部 ${all - 1} 个乡镇`);
    const error = page.getByTestId('data-error');
    await expect(error.textContent()).resolves.toMatch(/未能保存在本浏览器中：刷新页面后将显示之前保存的数据/);
    await expect(error.textContent()).resolves.toContain('QuotaExceededError');
    await reload(page);
    await expect.poll(() => shown(page), { timeout: 15000 }).toContain(`全部 ${all - 2} 个乡镇`);
  });

  it('without IndexedDB: the dashboard opens, an import is shown and said not kept', async () => {
    const page = await b.open('?view=overview', { waitReady: false });
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await reload(page);
    await expect.poll(() => shown(page), { timeout: 15000 }).toContain(`全部 ${all} 个乡镇`);
    await openBase(page);
    await expect(page.getByTestId('data-error').textContent()).resolves.toContain('未能保存在本浏览器中：刷新页面后将显示内置数据');
    await importList(page, lists[0]);
    await expect.poll(() => shown(page), { timeout: 30000 }).toContain(`全部 ${all - 1} 个乡镇`);
    await expect(page.getByTestId('data-error').textContent()).resolves.toContain('未能保存');
  });

  it('two tabs applying lists: the second is refused whole, and the first tab’s list is kept', async () => {
    const first = await b.open('?view=overview');
    await openBase(first);
    const second = await first.context().newPage();
    await second.goto(first.url());
    await second.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    await expect.poll(() => shown(second), { timeout: 15000 }).toContain(`全部 ${all - 2} 个乡镇`);

    await importList(first, lists[0]);
    await expect.poll(() => shown(first), { timeout: 30000 }).toContain(`全部 ${all - 1} 个乡镇`);
    // The second tab still shows the database it read: applying there would drop the first tab's list.
    await importList(second, lists[1]);
    await expect
      .poll(() => second.getByTestId('data-error').textContent(), { timeout: 30000 })
      .toContain('另一个标签页在此期间保存了其他数据');
    await expect(shown(second)).resolves.toContain(`全部 ${all - 2} 个乡镇`);

    // Reloaded, both tabs show the first tab's list; then the second can add its own over it.
    await reload(second);
    await expect.poll(() => shown(second), { timeout: 15000 }).toContain(`全部 ${all - 1} 个乡镇`);
    await importList(second, lists[1]);
    await expect.poll(() => shown(second), { timeout: 30000 }).toContain(`全部 ${all} 个乡镇`);
    await reload(first);
    await expect.poll(() => shown(first), { timeout: 15000 }).toContain(`全部 ${all} 个乡镇`);
  });
});
