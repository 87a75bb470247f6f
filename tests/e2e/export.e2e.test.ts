/**
 * 导出: every chart of every chart view downloads as SVG and PNG, and the tables as CSV and XLSX; each
 * file is read back as the reader's software would read it (the PNG's header, the SVG through an XML
 * parser, the CSV's bytes, the XLSX through exceljs) and compared with the page and the database.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase, SCALE_DB_FILE } from './db';
import { readCsv } from '../unit/export/read-csv';

type Kind = 'svg' | 'png2' | 'png4' | 'csv' | 'xlsx';

/** Clicks 导出 → `kind` in `menu` and returns the file the browser downloads. */
async function download(page: Page, menu: Locator, kind: Kind): Promise<{ name: string; bytes: Buffer }> {
  await menu.locator('.trigger').click();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), menu.locator(`[data-export="${kind}"]`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** A PNG's pixel size, from its IHDR chunk (after checking the signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface ParsedSvg {
  width: number;
  height: number;
  /** The text of the elements the export wrote in `role` (title, filters, source), lines joined. */
  text(role: string): string;
  /** Every text node of the drawing, the chart's own labels included. */
  allText: string;
  /** Groups of class "row" (the distribution's units, the heatmap's duties). */
  rows: number;
}

function parseSvg(bytes: Buffer): ParsedSvg {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(
    bytes.toString('utf8'),
    'image/svg+xml',
  );
  expect(errors).toEqual([]);
  const root = doc.documentElement!;
  expect(root.nodeName).toBe('svg');
  const texts = [...(doc.getElementsByTagName('text') as unknown as Iterable<Element>)];
  return {
    width: Number(root.getAttribute('width')),
    height: Number(root.getAttribute('height')),
    text: (role) =>
      texts
        .filter((t) => t.getAttribute('data-export') === role)
        .map((t) => t.textContent)
        .join(''),
    allText: texts.map((t) => t.textContent).join('\n'),
    rows: [...(doc.getElementsByTagName('g') as unknown as Iterable<Element>)].filter((g) =>
      g.getAttribute('class')?.split(' ').includes('row'),
    ).length,
  };
}

const noSpace = (text: string) => text.replace(/\s+/g, '');

/** Checks the BOM and returns the rows after the header. */
function csvRows(bytes: Buffer): { header: string[]; rows: string[][] } {
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = readCsv(bytes.subarray(3).toString('utf8'));
  return { header, rows };
}

/** The XLSX's title (A1), caption lines and the rows under its header row (the row holding `firstHeader` in A). */
async function readXlsx(bytes: Buffer, firstHeader: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
  let header = 1;
  while (header <= sheet.rowCount && sheet.getCell(header, 1).value !== firstHeader) header++;
  expect(header, `a header row starting with ${firstHeader}`).toBeLessThanOrEqual(sheet.rowCount);
  const rows = [];
  for (let r = header + 1; r <= sheet.rowCount; r++) rows.push(values(r));
  const caption = [];
  for (let r = 2; r < header; r++) caption.push(String(sheet.getCell(r, 1).value ?? ''));
  return { title: String(sheet.getCell('A1').value), caption: caption.join('\n'), header: values(header), rows };
}

describe('导出', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  /** How the source line names a township's list: county and publication date, as the database holds them. */
  const sourceOf = (t: { name: string; county: string; published: string | null }) => {
    const m = t.published ? /^(\d{4})-(\d{1,2})/.exec(t.published) : null;
    const date = !t.published ? '未注明发布时间' : m ? `${m[1]}年${Number(m[2])}月发布` : `${t.published}发布`;
    return `${t.name}（${t.county}，${date}）`;
  };

  const views = ['overview', 'categories', 'network', 'heatmap'] as const;
  for (const view of views) {
    it(`${view}: every chart downloads as SVG and PNG 2× with its title, the filters and the source drawn in`, async () => {
      const townships = db.all<{ id: string; name: string; county: string; published: string | null }>(
        'SELECT id, name, county, published FROM townships ORDER BY id',
      );
      const picked = townships[0];
      const page = await b.open(`?view=${view}&t=${picked.id}`);
      const frames = page.locator('figure.chart-frame');
      await page.waitForSelector('figure.chart-frame[data-drawn]');
      const count = await frames.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const frame = frames.nth(i);
        const title = (await frame.locator('.chart-title').textContent())!;
        const menu = frame.getByTestId('export-menu');
        const svgFile = await download(page, menu, 'svg');
        expect(svgFile.name).toMatch(/\.svg$/);
        const svg = parseSvg(svgFile.bytes);
        expect(noSpace(svg.text('title'))).toBe(noSpace(title));
        expect(svg.text('filters')).toContain(`乡镇：${picked.name}`);
        // Every township in scope is named with its county and date (the bundled lists are few enough to be named one by one).
        if (townships.length <= 6) for (const t of townships) expect(noSpace(svg.text('source'))).toContain(noSpace(sourceOf(t)));
        else expect(svg.text('source')).toContain(`${townships.length} 个乡镇`);
        // The chart itself came along, at least as wide as on screen.
        const chartWidth = await frame.evaluate((f) =>
          Math.max(
            ...[...f.querySelectorAll('svg, canvas')].filter((e) => !e.closest('figcaption')).map((e) => e.getBoundingClientRect().width),
          ),
        );
        expect(svg.width).toBeGreaterThanOrEqual(chartWidth);

        const png = await download(page, menu, 'png2');
        expect(png.name).toMatch(/@2x-.*\.png$/);
        expect(pngSize(png.bytes)).toEqual({ width: Math.round(svg.width * 2), height: Math.round(svg.height * 2) });
      }
      if (view === 'categories') {
        const png = await download(page, frames.first().getByTestId('export-menu'), 'png4');
        const svg = parseSvg((await download(page, frames.first().getByTestId('export-menu'), 'svg')).bytes);
        expect(pngSize(png.bytes)).toEqual({ width: svg.width * 4, height: svg.height * 4 });
      }
    });
  }

  it('the figures behind the charts export as CSV, and agree with the database', async () => {
    const items = db.all<{ name: string; n: number }>(
      'SELECT t.name, count(*) AS n FROM items i JOIN townships t ON t.id = i.township_id GROUP BY t.id',
    );
    let page = await b.open('?view=overview');
    await page.waitForSelector('[data-testid=chart-township-lists][data-drawn]');
    const bars = csvRows((await download(page, page.getByTestId('chart-township-lists').getByTestId('export-menu'), 'csv')).bytes);
    expect(bars.header).toEqual(['乡镇', '基本履职', '配合履职', '上级收回', '合计']);
    expect(Object.fromEntries(bars.rows.map((r) => [r[0], Number(r[4])]))).toEqual(Object.fromEntries(items.map((t) => [t.name, t.n])));

    page = await b.open('?view=categories');
    await page.waitForSelector('[data-testid=category-bars][data-drawn]');
    const categories = csvRows((await download(page, page.getByTestId('category-bars').getByTestId('export-menu'), 'csv')).bytes);
    expect(categories.rows).toHaveLength(db.one<{ n: number }>('SELECT count(DISTINCT category) AS n FROM items').n);
    expect(categories.rows.reduce((sum, r) => sum + Number(r[4]), 0)).toBe(db.one<{ n: number }>('SELECT count(*) AS n FROM items').n);

    page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete]');
    const heat = csvRows((await download(page, page.getByTestId('reclaimed').getByTestId('export-menu'), 'csv')).bytes);
    const groups = db.one<{ n: number }>(
      `SELECT count(DISTINCT duty_group) AS n FROM items WHERE duty_group IN (SELECT duty_group FROM items WHERE list = 'reclaimed')`,
    ).n;
    expect(heat.rows).toHaveLength(groups);
    // One column per township, each cell a status the legend names.
    const townships = items.map((t) => t.name);
    expect(heat.header.filter((h) => townships.includes(h))).toHaveLength(townships.length);
    for (const row of heat.rows)
      for (const cell of row.slice(3, 3 + townships.length)) expect(['已收回', '仍为配合', '仍为基本', '未列入']).toContain(cell);
  });

  it('the reclaimed heatmap exports every row and every cell, as vector marks', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete]');
    const rows = await page.locator('[data-testid=reclaimed-heatmap] g.row').count();
    const svg = (await download(page, page.getByTestId('reclaimed').getByTestId('export-menu'), 'svg')).bytes.toString('utf8');
    const groups = db.one<{ n: number }>(
      `SELECT count(DISTINCT duty_group) AS n FROM items WHERE duty_group IN (SELECT duty_group FROM items WHERE list = 'reclaimed')`,
    ).n;
    expect(rows).toBe(groups);
    expect(svg.match(/<g [^>]*class="row"/g)?.length).toBe(groups);
    // The cells, painted on a canvas on screen, are vector marks in the file: a box per cell, and the
    // status written in it as text (as many 收回 as cells reclaimed).
    const start = svg.indexOf('class="cell-marks"');
    expect(start).toBeGreaterThan(0);
    const cells = svg.slice(start, svg.indexOf('</g>', start));
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n;
    expect(cells.match(/<rect /g)?.length).toBe(groups * townships);
    const reclaimed = db.one<{ n: number }>(
      "SELECT count(*) AS n FROM (SELECT DISTINCT duty_group, township_id FROM items WHERE list = 'reclaimed')",
    ).n;
    expect(cells.match(/>收回</g)?.length).toBe(reclaimed);
    expect(svg).not.toContain('<canvas');
  });

  it('the category heatmap exports its cells as vector marks, each count written in its cell', async () => {
    const page = await b.open('?view=categories');
    await page.waitForSelector('[data-testid=category-heatmap] g.cell-cursor');
    const svg = (await download(page, page.getByTestId('category-heatmap').getByTestId('export-menu'), 'svg')).bytes.toString('utf8');
    const start = svg.indexOf('class="cell-marks"');
    expect(start).toBeGreaterThan(0);
    const cells = svg.slice(start, svg.indexOf('</g>', start));
    // A box per (category, township), and the count of each that has items, as text.
    const pairs = db.all<{ n: number }>('SELECT count(*) AS n FROM items GROUP BY township_id, category');
    const grid = db.one<{ n: number }>('SELECT (SELECT count(DISTINCT category) FROM items) * (SELECT count(*) FROM townships) AS n').n;
    expect(cells.match(/<rect /g)?.length).toBe(grid);
    const written = [...cells.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => Number(m[1]));
    expect(written.sort((x, y) => x - y)).toEqual(pairs.map((p) => p.n).sort((x, y) => x - y));
    expect(svg).not.toContain('<canvas');
  });

  it('事项查询: CSV and XLSX hold every match, with BOM, headers, title and filters', async () => {
    const term = '检疫';
    const page = await b.open(`?view=explorer&q=${encodeURIComponent(term)}`);
    const menu = page.getByTestId('explorer-export');
    await menu.waitFor();
    const n = db.one<{ n: number }>(
      `SELECT count(*) AS n FROM items i WHERE i.name LIKE ? OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE ?)`,
      [`%${term}%`, `%${term}%`],
    ).n;
    expect(n).toBeGreaterThan(0);

    const csv = csvRows((await download(page, menu, 'csv')).bytes);
    expect(csv.header.slice(0, 6)).toEqual(['乡镇', '县市区', '清单', '序号', '事项类别', '事项名称']);
    expect(csv.rows).toHaveLength(n);
    const names = new Set(db.all<{ name: string }>('SELECT name FROM items').map((r) => r.name));
    for (const row of csv.rows) expect(names.has(row[5].replace(/^'/, ''))).toBe(true);
    // A row matches on its name or on the step shown beside it.
    for (const row of csv.rows) expect(row[5].includes(term) || row[7].includes(term)).toBe(true);

    const xlsx = await readXlsx((await download(page, menu, 'xlsx')).bytes, '乡镇');
    expect(xlsx.title).toContain(term);
    expect(xlsx.caption).toContain('筛选：');
    expect(xlsx.rows).toHaveLength(n);
    expect(xlsx.rows.map((r) => r[5])).toEqual(csv.rows.map((r) => r[5].replace(/^'/, '')));
  });

  it('最依赖的部门: CSV and XLSX hold the rows of the table on screen, numbers as numbers', async () => {
    const page = await b.open('?view=network&l=coop');
    await page.waitForSelector('[data-testid=reliance-table] tbody tr');
    const shown = await page
      .locator('[data-testid=reliance-table] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim().replaceAll(',', ''))));
    const kinds = db.one<{ n: number }>(
      `SELECT count(DISTINCT d.kind) AS n FROM item_departments x JOIN items i ON i.id = x.item_id JOIN departments d ON d.id = x.department_id
       WHERE x.role = 'lead' AND i.list = 'coop'`,
    ).n;
    expect(shown).toHaveLength(kinds);
    const menu = page.getByTestId('reliance-export');
    const csv = csvRows((await download(page, menu, 'csv')).bytes);
    expect(csv.rows).toEqual(shown);
    const xlsx = await readXlsx((await download(page, menu, 'xlsx')).bytes, csv.header[0]);
    expect(xlsx.title).toBe('最依赖的部门');
    expect(xlsx.caption).toContain('清单：配合');
    expect(xlsx.rows).toEqual(shown.map(([kind, ...figures]) => [kind, ...figures.map(Number)]));
  });

  it('乡镇支持重于部门牵头: CSV and XLSX hold the ranked edges in the table’s order', async () => {
    const page = await b.open('?view=network&net.side=balance');
    await page.waitForSelector('[data-testid=balance-table] tbody tr');
    // The table draws a hundred rows at a time; the export holds them all: draw them all to compare.
    const more = page.locator('[data-testid=view-network] button.more');
    while (await more.count()) await more.click();
    const shown = await page
      .locator('[data-testid=balance-table] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-department')!,
          r.getAttribute('data-department-steps')!,
          r.getAttribute('data-township-steps')!,
        ]),
      );
    expect(shown.length).toBeGreaterThan(0);
    const menu = page.getByTestId('balance-export');
    const csv = csvRows((await download(page, menu, 'csv')).bytes);
    expect(csv.header.slice(3, 5)).toEqual(['部门步骤（步）', '乡镇步骤（步）']);
    expect(csv.rows.map((r) => [r[0], r[3], r[4]])).toEqual(shown);
    const xlsx = await readXlsx((await download(page, menu, 'xlsx')).bytes, csv.header[0]);
    expect(xlsx.title).toBe('乡镇支持重于部门牵头');
    expect(xlsx.rows.map((r) => [r[0], r[3], r[4]])).toEqual(shown.map(([d, ds, ts]) => [d, Number(ds), Number(ts)]));
  });
});

describe('导出 at scale', () => {
  const b = useBrowser();
  const db = openRealDatabase(SCALE_DB_FILE);

  it('乡镇排名 exports every township of the scope, not only the rows in view', async () => {
    const page = await b.open('?ov.tab=rank', { site: 'scale' });
    const frame = page.getByTestId('chart-ranking');
    await frame.waitFor();
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n;
    const menu = frame.getByTestId('export-menu');
    // A table, not a chart: only the table exports are offered.
    await menu.locator('.trigger').click();
    await expect(menu.locator('[data-export=svg]').count()).resolves.toBe(0);
    await menu.locator('.trigger').click();
    const csv = csvRows((await download(page, menu, 'csv')).bytes);
    expect(csv.rows).toHaveLength(townships);
    const names = db.all<{ name: string }>('SELECT name FROM townships').map((r) => r.name);
    expect(csv.rows.map((r) => r[1]).sort()).toEqual(names.sort());
    const xlsx = await readXlsx((await download(page, menu, 'xlsx')).bytes, '名次');
    expect(xlsx.title).toBe((await frame.locator('.chart-title').textContent())!.trim());
    expect(xlsx.rows).toHaveLength(townships);
    expect(xlsx.caption).toMatch(new RegExp(`${townships} 个乡镇的履职事项清单`));
  });

  it('a chart summed by county names how many lists it draws from, and their dates', async () => {
    const page = await b.open('', { site: 'scale' });
    const frame = page.getByTestId('chart-distribution');
    await page.waitForSelector('[data-testid=chart-distribution][data-drawn]');
    const svg = parseSvg((await download(page, frame.getByTestId('export-menu'), 'svg')).bytes);
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n;
    expect(svg.text('source')).toContain(`${townships} 个乡镇的履职事项清单`);
    // Every unit's row came along, the ones scrolled out of view too.
    const units = await page.locator('[data-testid=unit-distribution] g.row').count();
    expect(units).toBeGreaterThan(1);
    expect(svg.rows).toBe(units);
  });
});
