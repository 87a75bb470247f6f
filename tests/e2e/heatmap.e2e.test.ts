import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase, SCALE_DB_FILE } from './db';
import { heatmapCells, cellBox, centre, canvasColourAt, tooltipCell } from './heatmap-cells';
import { LIST_COLOURS } from '../../src/lib/ui/theme';

describe('收回事项热力图', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('has one row per duty group reclaimed somewhere, and a title computed from the data', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete] g.row');
    await b.screenshot(page, 'heatmap');
    const groups = db.one<{ n: number }>("SELECT count(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed'").n;
    await expect(page.locator('[data-testid=reclaimed-heatmap] g.row').count()).resolves.toBe(groups);
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships').n;
    const cells = await heatmapCells(page);
    expect(cells).toHaveLength(groups * townships);
    // The chart is one stop in the tab order, not one per cell.
    await expect(page.locator('[data-testid=reclaimed-heatmap] [tabindex="0"]').count()).resolves.toBe(1);
    // Mixed: reclaimed in one township, basic or coop in another.
    const mixed = db.one<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT duty_group FROM items GROUP BY duty_group
         HAVING sum(list = 'reclaimed') > 0 AND sum(list <> 'reclaimed' AND township_id NOT IN (
           SELECT r.township_id FROM items r WHERE r.duty_group = items.duty_group AND r.list = 'reclaimed')) > 0)`,
    ).n;
    const title = await page.getByTestId('reclaimed').locator('.chart-title').textContent();
    expect(title).toContain(`${mixed} 项事项在部分乡镇已收回`);
    expect(title).toContain(`共 ${groups} 项`);
    // Each township's reclaimed cells: its reclaimed duty groups.
    for (const t of db.all<{ township_id: string; n: number }>(
      "SELECT township_id, count(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed' GROUP BY 1",
    )) {
      expect(cells.filter((c) => c.unit === t.township_id && c.status === 'reclaimed')).toHaveLength(t.n);
    }
    // Each status is painted in its legend's colour (sampled inside a cell's corner, clear of its text).
    for (const status of ['reclaimed', 'basic', 'absent']) {
      const cell = cells.find((c) => c.status === status)!;
      const label = { reclaimed: '已收回', basic: '仍为基本', absent: '未列入' }[status]!;
      const legend = await page
        .locator('[data-testid=view-heatmap] .legend li', { hasText: label })
        .locator('.swatch')
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      const box = await cellBox(page, cell.dutyGroup, cell.unit);
      const painted = await canvasColourAt(page, { x: box.x + 3, y: box.y + 3 });
      expect(`rgb(${painted.join(', ')})`, status).toBe(legend);
    }
  });

  it('shows every township’s wording on hover and opens the duty on click', async () => {
    const page = await b.open('?view=heatmap');
    const road = db.all<{ id: number; township_id: string; list: string }>(
      `SELECT id, township_id, list FROM items WHERE duty_group =
         (SELECT duty_group FROM items WHERE name = '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' AND list = 'reclaimed' LIMIT 1)`,
    );
    const liugong = db.townshipId('六工镇');
    const liugongItem = road.find((r) => r.township_id === liugong)!;
    expect(liugongItem.list).toBe('basic');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete]');
    const group = db.one<{ g: number }>('SELECT duty_group AS g FROM items WHERE id = ?', [liugongItem.id]).g;
    const cell = centre(await cellBox(page, group, liugong));
    await page.mouse.move(cell.x, cell.y);
    // The tooltip names the cell pointed at first, then every township's holding of the duty.
    await expect(tooltipCell(page).textContent()).resolves.toContain('六工镇：仍为基本');
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('伊拉湖镇：已收回');
    await b.screenshot(page, 'heatmap-tooltip');
    await page.mouse.click(cell.x, cell.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(Number(new URL(page.url()).searchParams.get('item'))).toBe(liugongItem.id);
  });

  it('an absent cell opens the duty as a township that reclaimed it; Enter works too', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete]');
    const absent = (await heatmapCells(page)).find((c) => c.status === 'absent')!;
    const firstReclaimed = db.one<{ id: number }>(
      "SELECT id FROM items WHERE duty_group = ? AND list = 'reclaimed' ORDER BY township_id LIMIT 1",
      [absent.dutyGroup],
    ).id;
    // From the first cell, the arrow keys take the cursor down to the cell's row and across to its column.
    const cells = await heatmapCells(page);
    const columns = new Set(cells.map((c) => c.unit)).size;
    const index = cells.findIndex((c) => c.dutyGroup === absent.dutyGroup && c.unit === absent.unit);
    await page.locator('[data-testid=reclaimed-heatmap] g.cell-cursor').focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < Math.floor(index / columns); i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < index % columns; i++) await page.keyboard.press('ArrowRight');
    await expect(tooltipCell(page).textContent()).resolves.toContain('未列入');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(Number(new URL(page.url()).searchParams.get('item'))).toBe(firstReclaimed);
  });

  it('paints its cells as sharp as the screen: again when the density changes (zoom, another screen)', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete]');
    /** Canvas pixels per CSS pixel of the cells. */
    const sharpness = () =>
      page.$eval(
        '[data-testid=reclaimed-heatmap] foreignObject.cell-canvas canvas',
        (c) => (c as HTMLCanvasElement).width / c.getBoundingClientRect().width,
      );
    expect(await sharpness()).toBeCloseTo(1, 2);
    // The density doubles, the chart's width stays (so the chart is not drawn anew), the window resizes.
    const cdp = await page.context().newCDPSession(page);
    const { width, height } = page.viewportSize()!;
    await cdp.send('Emulation.setDeviceMetricsOverride', { width, height: height - 20, deviceScaleFactor: 2, mobile: false });
    try {
      await expect.poll(sharpness).toBeCloseTo(2, 2);
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
    }
  });

  it('groups by receiving department with the toggle in the URL; back restores grouping by category', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete] g.row');
    await page.getByRole('button', { name: '按承接部门分组' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('heat.group') === 'receiver');
    await expect(page.locator('[data-testid=reclaimed-heatmap] text.group-label').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('交通运输局')]),
    );
    await b.screenshot(page, 'heatmap-by-receiver');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('heat.group'));
    await expect(page.getByRole('button', { name: '按事项类别分组' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('follows the township filter: one column per chosen township', async () => {
    const yilahu = db.townshipId('伊拉湖镇');
    const liugong = db.townshipId('六工镇');
    const page = await b.open(`?view=heatmap&t=${yilahu}&t=${liugong}`);
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete] g.row');
    const cells = await heatmapCells(page);
    expect(cells.filter((c) => c.dutyGroup === cells[0].dutyGroup).map((c) => c.unit)).toEqual([yilahu, liugong].sort());
  });

  it('with one township chosen, shows the duties it still carries that other townships reclaimed', async () => {
    const liugong = db.townshipId('六工镇');
    const page = await b.open(`?view=heatmap&t=${liugong}`);
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete] g.row');
    const carried = db.one<{ n: number }>(
      `SELECT count(DISTINCT i.duty_group) AS n FROM items i WHERE i.township_id = (SELECT id FROM townships WHERE name = '六工镇') AND i.list <> 'reclaimed'
         AND i.duty_group IN (SELECT duty_group FROM items WHERE list = 'reclaimed' AND township_id <> (SELECT id FROM townships WHERE name = '六工镇'))
         AND i.duty_group NOT IN (SELECT duty_group FROM items WHERE list = 'reclaimed' AND township_id = (SELECT id FROM townships WHERE name = '六工镇'))`,
    ).n;
    expect(carried).toBe(4);
    const own = db.one<{ n: number }>(
      "SELECT count(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed' AND township_id = (SELECT id FROM townships WHERE name = '六工镇')",
    ).n;
    const cells = await heatmapCells(page);
    expect(cells.filter((c) => c.status === 'basic' || c.status === 'coop')).toHaveLength(carried);
    expect(cells.filter((c) => c.status === 'reclaimed')).toHaveLength(own);
    const title = await page.getByTestId('reclaimed').locator('.chart-title').textContent();
    expect(title).toContain(`六工镇仍承担 ${carried} 项其他乡镇已收回的事项`);
    expect(title).toContain(`已收回 ${own} 项`);
    const road = page.locator('[data-testid=reclaimed-heatmap] g.row', {
      has: page.locator('text', { hasText: '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' }),
    });
    const roadGroup = Number(await road.getAttribute('data-duty-group'));
    expect(cells.filter((c) => c.dutyGroup === roadGroup).map((c) => c.status)).toEqual(['basic']);
    await expect(road.locator('text.reclaimed-count').textContent()).resolves.toBe('4/5');
  });
});

describe('收回事项热力图 at 200 townships', () => {
  const b = useBrowser();
  const db = openRealDatabase(SCALE_DB_FILE);
  /** How each township holds each duty reclaimed somewhere: 2 reclaimed, 1 coop, 0 basic. */
  const HOLDINGS = `
    SELECT i.township_id, t.county_code, i.duty_group,
           max(CASE i.list WHEN 'reclaimed' THEN 2 WHEN 'coop' THEN 1 ELSE 0 END) AS status
    FROM items i JOIN townships t ON t.id = i.township_id
    WHERE i.duty_group IN (SELECT duty_group FROM items WHERE list = 'reclaimed') GROUP BY 1, 3`;
  interface ShareCell {
    group: number;
    unit: string;
    reclaimed: number;
    coop: number;
    basic: number;
    townships: number;
    share: number;
  }
  /** The count column's figures, group by group (category headings split them), top to bottom. */
  const rankedGroups = (page: import('playwright-core').Page) =>
    page.$eval('[data-testid=reclaimed-heatmap] svg', (svg) => {
      const groups: number[][] = [];
      for (const child of svg.children) {
        if (child.matches('text.group-label')) groups.push([]);
        else if (child.matches('g.row'))
          groups[groups.length - 1].push(Number(child.querySelector('text.reclaimed-count')!.textContent!.split('/')[0]));
      }
      return groups;
    });
  const shareCells = async (page: import('playwright-core').Page): Promise<ShareCell[]> =>
    (await heatmapCells(page)).map((c) => ({
      group: c.dutyGroup,
      unit: c.unit,
      reclaimed: c.reclaimed!,
      coop: c.coop!,
      basic: c.basic!,
      townships: c.townships!,
      share: c.share!,
    }));

  it('shows per county the share of its townships that reclaimed each duty, and what the others do', async () => {
    const page = await b.open('?view=heatmap', { site: 'scale' });
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=county] svg[data-complete] g.cell-cursor[data-share]');
    const expected = db.all<{ group: number; unit: string; reclaimed: number; coop: number; basic: number; townships: number }>(
      `SELECT h.duty_group AS "group", h.county_code AS unit, sum(h.status = 2) AS reclaimed, sum(h.status = 1) AS coop,
              sum(h.status = 0) AS basic, (SELECT count(*) FROM townships u WHERE u.county_code = h.county_code) AS townships
       FROM (${HOLDINGS}) h GROUP BY 1, 2`,
    );
    const cells = await shareCells(page);
    const groups = db.one<{ n: number }>("SELECT count(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed'").n;
    const counties = db.one<{ n: number }>('SELECT count(DISTINCT county_code) AS n FROM townships').n;
    expect(cells).toHaveLength(groups * counties);
    const listed = cells.filter((c) => c.reclaimed + c.coop + c.basic > 0);
    expect(listed).toHaveLength(expected.length);
    for (const e of expected) {
      const cell = listed.find((c) => c.group === e.group && c.unit === e.unit)!;
      expect([cell.reclaimed, cell.coop, cell.basic, cell.townships]).toEqual([e.reclaimed, e.coop, e.basic, e.townships]);
      expect(cell.share).toBeCloseTo(e.reclaimed / e.townships, 3);
    }
    // Ranked within each category by the townships that reclaimed them, as the count column says.
    for (const group of await rankedGroups(page)) expect(group).toEqual([...group].sort((a, b) => b - a));
    const counts = await page.locator('[data-testid=reclaimed-heatmap] text.reclaimed-count').allTextContents();
    const reclaimedIn = db.all<{ group: number; n: number }>(
      'SELECT duty_group AS "group", count(DISTINCT township_id) AS n FROM items WHERE list = \'reclaimed\' GROUP BY 1',
    );
    expect(counts.map((c) => Number(c.split('/')[0])).sort((a, b) => b - a)).toEqual(reclaimedIn.map((r) => r.n).sort((a, b) => b - a));
    expect(counts.every((c) => c.endsWith('/200'))).toBe(true);
    // The title: duties split across townships, and the counties whose own townships disagree.
    const mixed = new Set(
      db
        .all<{ group: number }>(`SELECT duty_group AS "group" FROM (${HOLDINGS}) GROUP BY 1 HAVING max(status) = 2 AND min(status) < 2`)
        .map((r) => r.group),
    );
    const splitByCounty = db.all<{ unit: string; n: number }>(
      `SELECT unit, count(*) AS n FROM (SELECT county_code AS unit, duty_group FROM (${HOLDINGS})
         GROUP BY 1, 2 HAVING max(status) = 2 AND min(status) < 2) GROUP BY 1 ORDER BY n DESC`,
    );
    const title = (await page.getByTestId('reclaimed').locator('.chart-title').textContent())!;
    expect(title).toContain(`${mixed.size} 项事项在部分乡镇已收回、在其他乡镇仍由乡镇承担（共 ${groups} 项）`);
    expect(title).toContain(
      splitByCounty.length === counties ? `全部 ${counties} 个县市区` : `${splitByCounty.length}/${counties} 个县市区`,
    );
    const most = splitByCounty.filter((c) => c.n === splitByCounty[0].n);
    const mostNames = most.map((c) => db.one<{ county: string }>('SELECT county FROM townships WHERE county_code = ?', [c.unit]).county);
    expect(title).toContain(most.length > 1 ? `（各 ${most[0].n} 项）` : `最多的是${mostNames[0]}（${most[0].n} 项）`);
    for (const name of mostNames.slice(0, 3)) expect(title).toContain(name);

    // The tooltip of a split cell counts its townships in each way.
    const split = listed.find((c) => c.reclaimed > 0 && c.coop + c.basic > 0)!;
    const name = db.one<{ county: string }>('SELECT county FROM townships WHERE county_code = ?', [split.unit]).county;
    const point = centre(await cellBox(page, split.group, split.unit));
    await page.mouse.move(point.x, point.y);
    const tip = (await page.getByRole('tooltip').textContent())!;
    expect(tip).toContain(`${name}（共 ${split.townships} 个乡镇）`);
    expect(tip).toContain(`已收回 ${split.reclaimed} 个（${Math.round(split.share * 100)}%）`);
    expect(tip).toContain(`仍为配合 ${split.coop} 个`);
    expect(tip).toContain(`仍为基本 ${split.basic} 个`);
    // The strip at a cell's foot is painted over the cell: the townships still carrying it, as 配合
    // then 基本, in their colours (the cell with the largest such share, its larger part sampled).
    const carried = [...listed].sort((x, y) => (y.coop + y.basic) / y.townships - (x.coop + x.basic) / x.townships)[0];
    expect(carried.coop + carried.basic).toBeGreaterThan(0);
    const box = await cellBox(page, carried.group, carried.unit);
    const part = (n: number) => ((box.width - 2) * n) / carried.townships;
    const [list, left] = carried.coop >= carried.basic ? (['coop', 0] as const) : (['basic', part(carried.coop)] as const);
    const strip = await canvasColourAt(page, { x: box.x + 1 + left + part(carried[list]) / 2, y: box.y + box.height - 3.5 });
    const colour = [1, 3, 5].map((i) => parseInt(LIST_COLOURS[list].slice(i, i + 2), 16));
    expect(
      strip.map((c, i) => Math.abs(c - colour[i])).every((d) => d <= 12),
      `strip ${strip}, ${list} ${colour}`,
    ).toBe(true);
    await b.screenshot(page, 'heatmap-scale');
  });

  it('drills from a cell into a county, whose townships show as with five: status, wording, count', async () => {
    const page = await b.open('?view=heatmap', { site: 'scale' });
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=county] svg[data-complete] g.cell-cursor[data-share]');
    const split = (await shareCells(page)).find((c) => c.reclaimed > 0 && c.coop + c.basic > 0)!;
    const unit = split.unit;
    const point = centre(await cellBox(page, split.group, unit));
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('p') === key, unit);
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=township] svg[data-complete] g.cell-cursor[data-township]');
    const townships = db.all<{ id: string; n: number }>(
      `SELECT t.id, count(DISTINCT i.duty_group) AS n FROM townships t
       LEFT JOIN items i ON i.township_id = t.id AND i.list = 'reclaimed' WHERE t.county_code = ? GROUP BY 1`,
      [unit],
    );
    const rows = await page.locator('[data-testid=reclaimed-heatmap] g.row').count();
    const cells = await heatmapCells(page);
    expect(cells).toHaveLength(rows * townships.length);
    for (const t of townships) expect(cells.filter((c) => c.unit === t.id && c.status === 'reclaimed')).toHaveLength(t.n);
    // A township still carrying a duty others reclaimed: its own wording in the tooltip, and a click opens it.
    const basic = cells.find((c) => c.status === 'basic')!;
    const township = basic.unit;
    const group = basic.dutyGroup;
    const item = db.one<{ id: number; name: string; township: string }>(
      `SELECT i.id, i.name, t.name AS township FROM items i JOIN townships t ON t.id = i.township_id
       WHERE i.township_id = ? AND i.duty_group = ? AND i.list = 'basic'`,
      [township, group],
    );
    const at = centre(await cellBox(page, group, township));
    await page.mouse.move(at.x, at.y);
    await expect(tooltipCell(page).textContent()).resolves.toContain(`${item.township}：仍为基本`);
    await b.screenshot(page, 'heatmap-scale-county');
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(Number(new URL(page.url()).searchParams.get('item'))).toBe(item.id);
  });

  it('puts a chart back from its cache painted as it was, after a drill and back', async () => {
    const page = await b.open('?view=heatmap', { site: 'scale' });
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=county] svg[data-complete] g.cell-cursor[data-share]');
    const [first] = await heatmapCells(page);
    const corner = async () => {
      const box = await cellBox(page, first.dutyGroup, first.unit);
      return canvasColourAt(page, { x: box.x + 3, y: box.y + 3 });
    };
    const before = await corner();
    // Painted: not the transparent black of an empty canvas.
    expect(before).not.toEqual([0, 0, 0]);
    await page.locator(`[data-testid=reclaimed-heatmap] text.unit-label[data-unit="${first.unit}"]`).click();
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=township] svg[data-complete]');
    await page.goBack();
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=county] svg[data-complete]');
    expect(await corner()).toEqual(before);
  });

  it('drilled into a prefecture, opens a county from its name with the keyboard', async () => {
    const prefecture = db.one<{ code: string; n: number }>(
      'SELECT prefecture_code AS code, count(DISTINCT county_code) AS n FROM townships GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
    );
    const page = await b.open(`?view=heatmap&p=${prefecture.code}`, { site: 'scale' });
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=county] svg[data-complete] text.unit-label');
    const labels = page.locator('[data-testid=reclaimed-heatmap] text.unit-label');
    await expect(labels.count()).resolves.toBe(prefecture.n);
    // Ranked by the prefecture's own townships: the count column reads reclaimed / its townships.
    const townships = db.one<{ n: number }>('SELECT count(*) AS n FROM townships WHERE prefecture_code = ?', [prefecture.code]).n;
    const counts = await page.locator('[data-testid=reclaimed-heatmap] text.reclaimed-count').allTextContents();
    expect(counts.every((c) => c.endsWith(`/${townships}`))).toBe(true);
    for (const group of await rankedGroups(page)) expect(group).toEqual([...group].sort((a, b) => b - a));
    const last = labels.last();
    const key = await last.getAttribute('data-unit');
    await last.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('p') === k, key);
    await page.waitForSelector('[data-testid=reclaimed-heatmap][data-level=township] svg[data-complete] g.cell-cursor[data-township]');
  });
});
