import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';
import { measureGraph } from './network-graph-check';

const LED = `FROM item_departments x JOIN items i ON i.id = x.item_id JOIN departments d ON d.id = x.department_id
             WHERE x.role = 'lead' AND i.list = 'coop'`;

describe('部门网络', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('draws every department kind and township, and ranks 最依赖的部门 as the database does', async () => {
    const page = await b.open('?view=network');
    await page.waitForSelector('[data-testid=network-graph] g.node');
    const kinds = db.one<{ n: number }>(`SELECT count(DISTINCT d.kind) AS n ${LED}`).n;
    await expect(page.locator('[data-testid=network-graph] g.node-department').count()).resolves.toBe(kinds);
    await expect(page.locator('[data-testid=network-graph] g.node-township').count()).resolves.toBe(5);

    const agri = db.one<{ townships: number; duties: number }>(
      `SELECT count(DISTINCT i.township_id) AS townships, count(DISTINCT i.id) AS duties ${LED} AND d.kind = '农业农村局'`,
    );
    expect(agri.townships).toBe(5);
    const row = page.locator('[data-testid=reliance-table] tbody tr').first();
    await expect(row.getAttribute('data-kind')).resolves.toBe('农业农村局');
    await expect(row.locator('td').allTextContents()).resolves.toEqual(
      expect.arrayContaining([String(agri.townships), String(agri.duties)]),
    );
    const title = await page.getByTestId('network').locator('.chart-title').textContent();
    expect(title).toContain(`农业农村局：覆盖 5 个乡镇，牵头 ${agri.duties} 项配合事项`);
    // The heaviest department is always labelled.
    await expect(page.locator('[data-testid=network-graph] text.label[data-id="d:农业农村局"]').getAttribute('visibility')).resolves.toBe(
      'visible',
    );
    await b.screenshot(page, 'network');
  });

  it('clicking a department opens its panel and filters on its kind; hover highlights its neighbours', async () => {
    const page = await b.open('?view=network');
    const node = page.locator('[data-testid=network-graph] g.node[data-label="农业农村局"]');
    await node.waitFor();
    await node.hover();
    await expect(page.getByTestId('tooltip').textContent()).resolves.toContain('农业农村局');
    const faded = await page.locator('[data-testid=network-graph] g.node[opacity="0.15"]').count();
    expect(faded).toBeGreaterThan(0);

    await node.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('k') === '农业农村局');
    const panel = page.getByTestId('department-panel');
    await panel.waitFor();
    const duties = db.one<{ n: number }>(`SELECT count(DISTINCT i.id) AS n ${LED} AND d.kind = '农业农村局'`).n;
    // The panel shows before its duties are read: wait for them (a loaded machine takes a while).
    await expect.poll(() => panel.locator('li[data-role=lead]').count()).toBe(duties);
    await b.screenshot(page, 'network-selected');

    // Clicking a duty in the panel opens it in 事项查询.
    await panel.locator('li button').first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(Number(new URL(page.url()).searchParams.get('item'))).toBeGreaterThan(0);
  });

  it('with a department kind chosen, the title, the panel and the graph are about that kind', async () => {
    const page = await b.open('?view=network&k=水利局');
    const node = page.locator('[data-testid=network-graph] g.node[data-label="水利局"]');
    await node.waitFor();
    const water = db.one<{ townships: number; duties: number }>(
      `SELECT count(DISTINCT i.township_id) AS townships, count(DISTINCT i.id) AS duties ${LED} AND d.kind = '水利局'`,
    );
    const title = await page.getByTestId('network').locator('.chart-title').textContent();
    expect(title).toContain(`水利局：覆盖 ${water.townships} 个乡镇，牵头 ${water.duties} 项配合事项`);
    // At rest (no hover) the selected node's edges stand out and unrelated nodes are faded.
    await page.mouse.move(1, 1);
    const id = await node.getAttribute('data-id');
    const own = page.locator(
      `[data-testid=network-graph] line.link[data-source="${id}"], [data-testid=network-graph] line.link[data-target="${id}"]`,
    );
    expect(await own.count()).toBe(water.townships);
    for (const opacity of await own.evaluateAll((ls) => ls.map((l) => l.getAttribute('stroke-opacity')))) expect(opacity).toBe('0.9');
    expect(await page.locator('[data-testid=network-graph] g.node[opacity="0.15"]').count()).toBeGreaterThan(0);

    // 水利局 leads nothing in 交通运输: the title and the panel say so instead of naming another department.
    await page.goto(new URL('?view=network&k=水利局&c=交通运输', b.baseURL).href);
    await page.getByTestId('department-panel-empty').waitFor();
    await expect(page.getByTestId('department-panel-empty').textContent()).resolves.toContain('水利局 没有牵头的配合事项');
    await expect(page.getByTestId('network').locator('.chart-title').textContent()).resolves.toBe('水利局在所选事项中没有牵头的配合事项');
  });

  it('fits the viewport at 1280×720 and 1920×1080, labels clear of nodes and the legend, nodes off the edge', async () => {
    const measure = () => measureGraph(page);
    const page = await b.open('?view=network');
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      for (const query of ['?view=network', '?view=network&net.merge=0']) {
        await page.goto(new URL(query, b.baseURL).href);
        await page.waitForSelector('[data-testid=network-graph] g.node');
        await page.waitForTimeout(300);
        const m = await measure();
        expect(m.problems, `${width}×${height} ${query}`).toEqual([]);
        expect(m.scroll, `${width}×${height} ${query}: page height`).toBeLessThanOrEqual(height);
        // The graph and the table use the height there is.
        expect(m.graphHeight).toBeGreaterThan(height - 300);
        expect(m.sideHeight).toBeGreaterThan(height - 200);
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('in the department panel, a long duty name wraps beside its bullet', async () => {
    const page = await b.open('?view=network&k=农业农村局');
    await page.getByTestId('department-panel').locator('li').first().waitFor();
    const misplaced = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=department-panel] li')]
        .filter((li) => li.querySelector('button')!.getBoundingClientRect().top - li.getBoundingClientRect().top > 3)
        .map((li) => li.textContent),
    );
    const wrapped = await page.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid=department-panel] li button')].filter((b) => b.getClientRects()[0].height > 30).length,
    );
    expect(wrapped).toBeGreaterThan(0); // some names do take two lines
    expect(misplaced).toEqual([]);
  });

  it('keeps both toggles in the URL: receivers add dashed edges, as-written names add nodes', async () => {
    const page = await b.open('?view=network');
    await page.waitForSelector('[data-testid=network-graph] g.node');
    await expect(page.locator('line.link-receiver').count()).resolves.toBe(0);
    await page.getByTestId('toggle-receivers').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('net.recv') === '1');
    await page.waitForSelector('line.link-receiver');
    await expect(page.locator('line.link-receiver').first().getAttribute('stroke-dasharray')).resolves.toBeTruthy();

    await page.getByRole('button', { name: '按原文部门名称' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('net.merge') === '0');
    const names = db.one<{ n: number }>(
      `SELECT count(DISTINCT d.name) AS n FROM item_departments x JOIN items i ON i.id = x.item_id
       JOIN departments d ON d.id = x.department_id
       WHERE (x.role = 'lead' AND i.list = 'coop') OR (x.role = 'receiver' AND i.list = 'reclaimed')`,
    ).n;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=network-graph] g.node-department').length === n, names);
    await b.screenshot(page, 'network-as-written');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('net.merge'));
  });

  it('drags a node (its links follow) and zooms with the wheel', async () => {
    const page = await b.open('?view=network');
    const circle = page.locator('[data-testid=network-graph] g.node[data-label="水利局"] circle');
    await circle.waitFor();
    const before = Number(await circle.getAttribute('cx'));
    const box = (await circle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 20, { steps: 5 });
    await page.mouse.up();
    const after = Number(await circle.getAttribute('cx'));
    expect(after - before).toBeGreaterThan(40);
    const link = page.locator('[data-testid=network-graph] line.link[data-source="d:水利局"]').first();
    await expect(link.getAttribute('x1')).resolves.toBe(String(after));
    // A drag is not a click: no filter was set.
    expect(new URL(page.url()).searchParams.has('k')).toBe(false);

    await page.mouse.move(400, 450);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() =>
      /scale/.test(document.querySelector('[data-testid=network-graph] g.stage')?.getAttribute('transform') ?? ''),
    );
  });

  it('a department node is reachable by keyboard and Enter selects it', async () => {
    const page = await b.open('?view=network');
    const node = page.locator('[data-testid=network-graph] g.node[data-label="公安局"]');
    await node.waitFor();
    await expect(node.getAttribute('aria-label')).resolves.toContain('公安局');
    await node.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('k') === '公安局');
  });
});
