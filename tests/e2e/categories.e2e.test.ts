import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase, SCALE_DB_FILE } from './db';
import type { Page } from 'playwright-core';
import { canvasColourAt, centre, gridCellBox, gridCells } from './heatmap-cells';

const HEATMAP = 'category-heatmap';
/** The heatmap's cell of a category and township (or county, prefecture: the column's unit), on the page. */
const cellBox = (page: Page, unit: string, category: string) => gridCellBox(page, HEATMAP, { unit, category });

describe('事项类别', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('shows per-category counts of the database, sorted, faceted by list', async () => {
    const page = await b.open('?view=categories');
    await page.waitForSelector('[data-testid=category-bars] rect[data-category]');
    const counts = db.all<{ list: string; category: string; n: number }>('SELECT list, category, count(*) AS n FROM items GROUP BY 1, 2');
    for (const c of counts) {
      const bar = page.locator(`[data-testid=category-bars] rect[data-list=${c.list}][data-category="${c.category}"]`);
      await expect(bar.getAttribute('data-count')).resolves.toBe(String(c.n));
    }
    const top = db.one<{ category: string; n: number }>('SELECT category, count(*) AS n FROM items GROUP BY 1 ORDER BY n DESC LIMIT 1');
    const title = await page.getByTestId('category-bars').locator('.chart-title').textContent();
    expect(title).toContain(`“${top.category}”`);
    expect(title).toContain(`${top.n} 项`);
    // The heatmap cell of the busiest (category, township) carries its count.
    const cell = db.one<{ township_id: string; category: string; n: number }>(
      'SELECT township_id, category, count(*) AS n FROM items GROUP BY 1, 2 ORDER BY n DESC LIMIT 1',
    );
    await page.waitForSelector(`[data-testid=${HEATMAP}] g.cell-cursor`);
    const cells = await gridCells(page, HEATMAP);
    // A cell for every category and township, zeros included.
    const categories = db.one<{ n: number }>('SELECT count(DISTINCT category) AS n FROM items').n;
    expect(cells).toHaveLength(categories * db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n);
    const busiest = cells.find((c) => c.township === cell.township_id && c.category === cell.category)!;
    expect(busiest.count).toBe(String(cell.n));
    expect(busiest.label).toContain(`${cell.category}，${cell.n}项`);
    // It is painted in the darkest colour step, and an empty cell in grey.
    const dark = await canvasColourAt(page, centre(await cellBox(page, cell.township_id, cell.category)), HEATMAP);
    expect(dark[0] + dark[1] + dark[2]).toBeLessThan(200);
    const empty = cells.find((c) => c.count === '0');
    if (empty) {
      const grey = await canvasColourAt(page, centre(await cellBox(page, empty.unit, empty.category)), HEATMAP);
      expect(Math.max(...grey) - Math.min(...grey)).toBeLessThan(12);
    }
    // Readable on a projector at 1280×720: no text under 12 px, and no page scrollbar.
    await expect(smallTexts(page)).resolves.toEqual([]);
    await expect(page.evaluate(() => document.documentElement.scrollHeight)).resolves.toBeLessThanOrEqual(720);
    await b.screenshot(page, 'categories');
  });

  it('cross-filters: a bar sets the category, a cell the category and township; the measure toggle is in the URL', async () => {
    const yilahu = db.townshipId('伊拉湖镇');
    const page = await b.open('?view=categories');
    await page.waitForSelector('[data-testid=category-bars] rect[data-category]');
    await page.locator('[data-testid=category-bars] rect[data-list=basic][data-category="乡村振兴"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('c').includes('乡村振兴'));

    await page.mouse.click(...xy(centre(await cellBox(page, yilahu, '党的建设'))));
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('t') === id, yilahu);
    expect(new URL(page.url()).searchParams.getAll('c')).toEqual(['党的建设']);

    await page.getByRole('button', { name: '占比' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cat.measure') === 'share');
    await expect(page.getByTestId('category-bars').textContent()).resolves.toContain('%');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('cat.measure'));
    await expect(page.getByRole('button', { name: '事项数' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('filters when a bar is clicked after hovering it long enough for the tooltip to show', async () => {
    const liugong = db.townshipId('六工镇');
    // A user hovers, reads the tooltip, then clicks: the click must reach the bar, not the tooltip.
    const page = await b.open('?view=categories');
    for (const [list, category] of [
      ['basic', '党的建设'],
      ['basic', '投资促进'],
      ['coop', '自然资源'],
    ]) {
      const bar = page.locator(`[data-testid=category-bars] rect[data-list=${list}][data-category="${category}"]`);
      await bar.waitFor();
      const box = (await bar.boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.waitForSelector('[data-testid=category-bars] [aria-label=tip]');
      await page.waitForTimeout(500);
      await page.mouse.click(x, y);
      await page.waitForFunction((c) => new URL(location.href).searchParams.getAll('c').includes(c), category, {
        timeout: 5000,
      });
      await page.mouse.click(x, y); // the same bar again clears the filter
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('c'), null, { timeout: 5000 });
    }
    // The same for a heatmap cell: hover until its tip shows, then click.
    const point = centre(await cellBox(page, liugong, '党的建设'));
    await page.mouse.move(...xy(point));
    const tip = page.locator('[data-testid=category-heatmap] [aria-label=tip]');
    await expect.poll(() => tip.textContent()).toContain('党的建设');
    await page.waitForTimeout(500);
    await page.mouse.click(...xy(point));
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('t') === id, liugong, { timeout: 5000 });
  });

  it('lets the keyboard walk the heatmap from one tab stop and select a cell with Enter', async () => {
    const page = await b.open('?view=categories');
    const cursor = page.locator(`[data-testid=${HEATMAP}] g.cell-cursor`);
    await cursor.waitFor();
    await cursor.focus();
    const first = await cursor.getAttribute('data-category');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const [category, township] = [await cursor.getAttribute('data-category'), await cursor.getAttribute('data-township')];
    expect(category).not.toBe(first);
    await expect(cursor.getAttribute('aria-label')).resolves.toContain(category!);
    const count = Number(await cursor.getAttribute('data-count'));
    await page.keyboard.press('Enter');
    if (count > 0) {
      await page.waitForFunction((t) => new URL(location.href).searchParams.get('t') === t, township);
      expect(new URL(page.url()).searchParams.getAll('c')).toEqual([category]);
    } else {
      // An empty cell selects nothing.
      await page.waitForTimeout(300);
      expect(new URL(page.url()).searchParams.has('t')).toBe(false);
    }
  });

  it('puts the heatmap back from its cache painted in the theme shown now', async () => {
    const page = await b.open('?view=categories');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForSelector(`[data-testid=${HEATMAP}] g.cell-cursor`);
    const empty = (await gridCells(page, HEATMAP)).find((c) => c.count === '0')!;
    /** The empty cell's paint, and the grey the theme gives cells without items now. */
    const colours = async () => {
      const painted = await canvasColourAt(page, centre(await cellBox(page, empty.unit, empty.category)), HEATMAP);
      const grey = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--absent)';
        document.body.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      });
      return { painted: `rgb(${painted.join(', ')})`, grey };
    };
    const light = await colours();
    expect(light.painted).toBe(light.grey);
    // A category chosen draws another heatmap; this one waits in the view's cache while the theme turns dark.
    await page.locator('[data-testid=category-bars] rect[data-list=basic][data-category="党的建设"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('c'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('c'));
    const dark = await colours();
    expect(dark.grey).not.toBe(light.grey);
    expect(dark.painted).toBe(dark.grey);
  });

  it('lets the keyboard reach a bar and select it with Enter', async () => {
    const page = await b.open('?view=categories');
    const bar = page.locator('[data-testid=category-bars] rect[data-list=coop][data-category="自然资源"]');
    await bar.waitFor();
    await expect(bar.getAttribute('aria-label')).resolves.toContain('自然资源');
    await bar.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('c').includes('自然资源'));
  });
});

const xy = (p: { x: number; y: number }) => [p.x, p.y] as const;

/**
 * Every text of the view at its size on screen under 12 px (the SVG may be scaled to fit): its SVG
 * text, and the numbers painted in the heatmap's cells (the canvas says its smallest).
 */
const smallTexts = (page: Page) =>
  page.evaluate(() => {
    const scaleOf = (svg: SVGSVGElement) => svg.getBoundingClientRect().width / svg.width.baseVal.value;
    const texts = [...document.querySelectorAll<SVGTextElement>('[data-testid=view-categories] text')].map((t) => ({
      text: t.textContent,
      px: parseFloat(getComputedStyle(t).fontSize) * scaleOf(t.ownerSVGElement!),
    }));
    const painted = [
      ...document.querySelectorAll<SVGForeignObjectElement>('[data-testid=view-categories] foreignObject[data-text-size]'),
    ].map((f) => ({ text: 'painted cell numbers', px: Number(f.getAttribute('data-text-size')) * scaleOf(f.ownerSVGElement!) }));
    return [...texts, ...painted].filter((t) => t.px < 11.9).map((t) => `${t.text} ${t.px.toFixed(1)}px`);
  });

interface HeatCell {
  unit: string;
  category: string;
  count: number;
  townships: number;
  perTownship: number;
}
/** The heatmap's cells that hold items (every cell but the grey). */
const heatCells = async (page: Page): Promise<HeatCell[]> =>
  (await gridCells(page, HEATMAP))
    .map((c) => ({
      unit: c.unit,
      category: c.category,
      count: Number(c.count),
      townships: Number(c.townships),
      perTownship: Number(c.perTownship),
    }))
    .filter((c) => c.count > 0);

describe('事项类别 at 200 townships', () => {
  const b = useBrowser();
  const db = openRealDatabase(SCALE_DB_FILE);

  it('compares counties by items per township, not by counts that grow with their townships', async () => {
    const page = await b.open('?view=categories', { site: 'scale' });
    await page.waitForSelector('[data-testid=category-heatmap] [data-level=county] g.cell-cursor');
    // The bars still sum every township.
    for (const c of db.all<{ list: string; category: string; n: number }>(
      'SELECT list, category, count(*) AS n FROM items GROUP BY 1, 2',
    )) {
      const bar = page.locator(`[data-testid=category-bars] rect[data-list=${c.list}][data-category="${c.category}"]`);
      await expect(bar.getAttribute('data-count')).resolves.toBe(String(c.n));
    }
    // Each cell: the county's items in the category, its townships, and their quotient.
    const expected = db.all<{ unit: string; category: string; n: number; townships: number }>(
      `SELECT t.county_code AS unit, i.category, count(*) AS n,
              (SELECT count(*) FROM townships u WHERE u.county_code = t.county_code) AS townships
       FROM items i JOIN townships t ON t.id = i.township_id GROUP BY 1, 2`,
    );
    const cells = await heatCells(page);
    expect(cells).toHaveLength(expected.length);
    for (const e of expected) {
      const cell = cells.find((c) => c.unit === e.unit && c.category === e.category)!;
      expect([cell.count, cell.townships]).toEqual([e.n, e.townships]);
      expect(cell.perTownship).toBeCloseTo(e.n / e.townships, 3);
    }
    // The title names the fullest cell by its average, one decimal as shown.
    const top = [...expected].sort((a, b) => b.n / b.townships - a.n / a.townships)[0];
    const title = await page.getByTestId('category-heatmap').locator('.chart-title').textContent();
    expect(title).toContain(`“${top.category}”（`);
    expect(title).toContain(`${(top.n / top.townships).toFixed(1)} 项`);
    // A column label per county, with its townships.
    const counties = db.all<{ unit: string; townships: number }>(
      'SELECT county_code AS unit, count(*) AS townships FROM townships GROUP BY 1',
    );
    const labels = await page.$$eval('[data-testid=category-heatmap] text.unit-label', (ts) =>
      ts.map((t) => ({ unit: t.getAttribute('data-unit'), townships: Number(t.getAttribute('data-townships')) })),
    );
    expect(labels.sort((a, b) => a.unit!.localeCompare(b.unit!))).toEqual(counties.sort((a, b) => a.unit.localeCompare(b.unit)));
    // Readable on the projector: 12 px text or more, and no page scrollbar.
    await expect(smallTexts(page)).resolves.toEqual([]);
    await expect(page.evaluate(() => document.documentElement.scrollHeight)).resolves.toBeLessThanOrEqual(720);
    await b.screenshot(page, 'categories-scale');

    // A click on a cell opens the county: its townships, each with its own count.
    const county = counties.find((c) => c.townships > 1)!;
    await page.mouse.click(...xy(centre(await cellBox(page, county.unit, top.category))));
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('p') === key, county.unit);
    await page.waitForSelector('[data-testid=category-heatmap] [data-level=township] g.cell-cursor');
    const townships = db.all<{ id: string; n: number }>(
      `SELECT t.id, count(i.id) AS n FROM townships t LEFT JOIN items i ON i.township_id = t.id AND i.category = ?
       WHERE t.county_code = ? GROUP BY 1`,
      [top.category, county.unit],
    );
    const inCounty = (await heatCells(page)).filter((c) => c.category === top.category);
    expect(inCounty.map((c) => [c.unit, c.count]).sort()).toEqual(
      townships
        .filter((t) => t.n > 0)
        .map((t) => [t.id, t.n])
        .sort(),
    );
    const countyName = db.one<{ county: string }>('SELECT county FROM townships WHERE county_code = ?', [county.unit]).county;
    await expect(page.getByTestId('category-bars').locator('.chart-title').textContent()).resolves.toContain(`占${countyName}全部事项的`);
    await expect(smallTexts(page)).resolves.toEqual([]);
    await expect(page.evaluate(() => document.documentElement.scrollHeight)).resolves.toBeLessThanOrEqual(720);
  });

  it('drilled into a prefecture, opens a county from its column label with the keyboard', async () => {
    const prefecture = db.one<{ code: string; n: number }>(
      'SELECT prefecture_code AS code, count(DISTINCT county_code) AS n FROM townships GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
    );
    const page = await b.open(`?view=categories&p=${prefecture.code}`, { site: 'scale' });
    await page.waitForSelector('[data-testid=category-heatmap] [data-level=county] text.unit-label');
    const labels = page.locator('[data-testid=category-heatmap] text.unit-label');
    await expect(labels.count()).resolves.toBe(prefecture.n);
    const first = labels.first();
    const key = await first.getAttribute('data-unit');
    await expect(first.getAttribute('aria-label')).resolves.toMatch(/（\d+ 个乡镇）：查看下一级$/);
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('p') === k, key);
    await page.waitForSelector('[data-testid=category-heatmap] [data-level=township] g.cell-cursor');
    await expect(page.getByTestId('breadcrumbs').getAttribute('data-level')).resolves.toBe('township');
  });
});
