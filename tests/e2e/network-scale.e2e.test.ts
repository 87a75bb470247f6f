import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { SCALE_DB_FILE, openRealDatabase } from './db';
import { measureGraph } from './network-graph-check';

/**
 * 部门网络 on the 200 synthetic townships the e2e setup serves: eighteen counties in two
 * prefectures, so the graph links department kinds to counties (each county's strongest links), a
 * county opens to its townships, and the panel merges a department's duties into duty groups. Every
 * figure is checked against the site's complete database.
 */
const LED = `FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
             JOIN townships t ON t.id = i.township_id
             WHERE x.role = 'lead' AND i.list = 'coop'`;
const count = new Intl.NumberFormat('zh-CN');

/** Waits until the graph is drawn and no layout is running. */
async function settled(page: Page) {
  await page.waitForSelector('[data-testid=network-graph] g.node');
  await page.waitForFunction(() => document.querySelector('[data-testid=view-network]')?.getAttribute('aria-busy') === 'false');
}

/** The drawn links: kind (or name), unit key, duties, duties per township. */
const linksOf = (page: Page) =>
  page.locator('[data-testid=network-graph] line.link').evaluateAll((lines) =>
    lines.map((l) => ({
      department: l.getAttribute('data-source')!.slice(2),
      unit: l.getAttribute('data-target')!.slice(2),
      duties: Number(l.getAttribute('data-duties')),
      perTownship: Number(l.getAttribute('data-per-township')),
      extra: l.classList.contains('link-extra'),
    })),
  );

describe('部门网络 at 200 townships', () => {
  const b = useBrowser();
  const { all } = openRealDatabase(SCALE_DB_FILE);

  it('links department kinds to counties: each county’s five strongest per township, figures as the database counts them', async () => {
    const page = await b.open('?view=network', { site: 'scale' });
    await settled(page);
    const graph = page.getByTestId('network-graph');
    await expect(graph.getAttribute('data-level')).resolves.toBe('county');
    await expect(graph.getAttribute('data-per-unit')).resolves.toBe('5');
    const counties = all<{ key: string; townships: number }>(`SELECT county_code AS key, count(*) AS townships FROM townships GROUP BY 1`);
    const units = await page
      .locator('[data-testid=network-graph] g.node-unit')
      .evaluateAll((gs) => gs.map((g) => ({ key: g.getAttribute('data-key')!, townships: Number(g.getAttribute('data-townships')) })));
    expect(new Map(units.map((u) => [u.key, u.townships]))).toEqual(new Map(counties.map((c) => [c.key, c.townships])));

    const led = all<{ kind: string; county: string; duties: number }>(
      `SELECT d.kind AS kind, t.county_code AS county, count(DISTINCT i.id) AS duties ${LED} GROUP BY 1, 2`,
    );
    const duties = new Map(led.map((r) => [`${r.kind}|${r.county}`, r.duties]));
    const townships = new Map(counties.map((c) => [c.key, c.townships]));
    const links = await linksOf(page);
    for (const l of links) {
      expect(l.duties, `${l.department} in ${l.unit}`).toBe(duties.get(`${l.department}|${l.unit}`));
      expect(l.perTownship).toBe(Math.round((l.duties / townships.get(l.unit)!) * 100) / 100);
    }
    // Each county's links are its five strongest per township (ties by name, as the view breaks them).
    for (const c of counties) {
      const strongest = led
        .filter((r) => r.county === c.key)
        .sort((a, b) => b.duties - a.duties || (a.kind < b.kind ? -1 : 1))
        .slice(0, 5)
        .map((r) => r.kind)
        .sort();
      expect(
        links
          .filter((l) => l.unit === c.key)
          .map((l) => l.department)
          .sort(),
        c.key,
      ).toEqual(strongest);
    }
    const subtitle = await page.getByTestId('network').locator('.chart-subtitle').textContent();
    expect(subtitle).toContain('每个县市区只连出牵头事项最多的 5 个部门');
    // Every county and every kind drawn is labelled.
    const hidden = await page.locator('[data-testid=network-graph] g.labels text[visibility=hidden]').count();
    expect(hidden).toBe(0);
    await b.screenshot(page, 'network-scale');

    // Three links per county: fewer kinds drawn, the subtitle says so.
    await page.getByRole('button', { name: '3 个部门' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('net.top') === '3');
    await page.waitForFunction(() => document.querySelector('[data-testid=network-graph]')?.getAttribute('data-per-unit') === '3');
    await settled(page);
    const fewer = await linksOf(page);
    for (const c of counties) expect(fewer.filter((l) => l.unit === c.key)).toHaveLength(3);
  });

  it('hovering a county names its strongest departments; clicking it drills to its townships, where a click filters', async () => {
    const page = await b.open('?view=network', { site: 'scale' });
    await settled(page);
    const county = all<{ key: string; name: string; townships: number }>(
      `SELECT county_code AS key, county AS name, count(*) AS townships FROM townships GROUP BY 1 ORDER BY 3 DESC LIMIT 1`,
    )[0];
    const top = all<{ kind: string }>(
      `SELECT d.kind AS kind, count(DISTINCT i.id) AS duties ${LED} AND t.county_code = ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      [county.key],
    )[0];
    const node = page.locator(`[data-testid=network-graph] g.node-unit[data-key="${county.key}"]`);
    await node.hover();
    const tooltip = await page.getByTestId('tooltip').textContent();
    expect(tooltip).toContain(`${county.name}（${county.townships} 个乡镇）`);
    expect(tooltip).toContain(`依赖最多（每乡镇平均）：· ${top.kind}`);

    await node.click();
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('p') === key, county.key);
    await page.waitForFunction(() => document.querySelector('[data-testid=network-graph]')?.getAttribute('data-level') === 'township');
    await settled(page);
    await expect(page.getByTestId('breadcrumbs').getAttribute('data-level')).resolves.toBe('township');
    const townships = await page
      .locator('[data-testid=network-graph] g.node-township')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-key')));
    const expected = all<{ id: string }>(`SELECT id FROM townships WHERE county_code = ?`, [county.key]).map((t) => t.id);
    expect(townships.sort()).toEqual(expected.sort());
    // Past eight townships, each township's strongest links are drawn, per township = duties.
    const links = await linksOf(page);
    expect(links.length).toBeLessThanOrEqual(5 * expected.length);
    for (const l of links.slice(0, 10)) {
      const { duties } = all<{ duties: number }>(`SELECT count(DISTINCT i.id) AS duties ${LED} AND d.kind = ? AND t.id = ?`, [
        l.department,
        l.unit,
      ])[0];
      expect(l.duties).toBe(duties);
      expect(l.perTownship).toBe(duties);
    }
    await b.screenshot(page, 'network-scale-county');

    // A township node keeps its cross-filter behaviour.
    await page.locator(`[data-testid=network-graph] g.node-township[data-key="${expected[0]}"]`).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.getAll('t').includes(id), expected[0]);
  });

  it('a kind’s panel lists its duties merged into duty groups with their townships; all its links are drawn', async () => {
    const page = await b.open('?view=network', { site: 'scale' });
    await settled(page);
    await page.locator('[data-testid=network-graph] g.node-department[data-key="水利局"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('k') === '水利局');
    const panel = page.getByTestId('department-panel');
    await panel.locator('li[data-duty-group]').first().waitFor();
    await expect(panel.getAttribute('data-aggregated')).resolves.toBe('true');
    const groups = all<{ dutyGroup: number; townships: number }>(
      `SELECT i.duty_group AS dutyGroup, count(DISTINCT i.township_id) AS townships ${LED} AND d.kind = '水利局' GROUP BY 1`,
    );
    const shown = await panel
      .locator('li[data-role=lead]')
      .evaluateAll((lis) => lis.map((li) => [Number(li.getAttribute('data-duty-group')), Number(li.getAttribute('data-townships'))]));
    expect(new Map(shown as [number, number][])).toEqual(new Map(groups.map((g) => [g.dutyGroup, g.townships])));
    await expect(panel.locator('h4').first().textContent()).resolves.toBe(`牵头的配合事项（${groups.length} 项）`);

    // Selected, the kind shows its links to every county, and its title its own figures.
    await settled(page);
    const counties = all<{ n: number }>(`SELECT count(DISTINCT t.county_code) AS n ${LED} AND d.kind = '水利局'`)[0].n;
    expect((await linksOf(page)).filter((l) => l.department === '水利局')).toHaveLength(counties);
    const water = all<{ townships: number; duties: number }>(
      `SELECT count(DISTINCT i.township_id) AS townships, count(DISTINCT i.id) AS duties ${LED} AND d.kind = '水利局'`,
    )[0];
    const title = await page.getByTestId('network').locator('.chart-title').textContent();
    expect(title).toContain(`水利局：覆盖 ${count.format(water.townships)} 个乡镇，牵头 ${count.format(water.duties)} 项配合事项`);
    await b.screenshot(page, 'network-scale-selected');

    await panel.locator('li[data-role=lead] button').first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(Number(new URL(page.url()).searchParams.get('item'))).toBeGreaterThan(0);
  });

  it('fits 1280×720 and 1920×1080 at every level, labels clear of nodes, each other and the legend', async () => {
    const page = await b.open('?view=network', { site: 'scale' });
    const prefecture = all<{ key: string }>(`SELECT prefecture_code AS key FROM townships GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)[0]
      .key;
    const county = all<{ key: string }>(`SELECT county_code AS key FROM townships GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)[0].key;
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      for (const query of ['', `&p=${prefecture}`, `&p=${county}`, '&net.merge=0', `&net.merge=0&p=${county}`, '&net.recv=1']) {
        await page.goto(new URL(`?view=network${query}`, b.scaleURL).href);
        await settled(page);
        const m = await measureGraph(page);
        expect(m.problems, `${width}×${height} ${query}`).toEqual([]);
        expect(m.scroll, `${width}×${height} ${query}: page height`).toBeLessThanOrEqual(height);
        expect(m.graphHeight).toBeGreaterThan(height - 320);
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('ranks 最依赖的部门 over the 200 townships as the database does', async () => {
    const page = await b.open('?view=network', { site: 'scale' });
    await settled(page);
    const expected = all<{ kind: string; townships: number; duties: number }>(
      `SELECT d.kind AS kind, count(DISTINCT i.township_id) AS townships, count(DISTINCT i.id) AS duties ${LED}
       GROUP BY 1 ORDER BY 2 DESC, 3 DESC LIMIT 8`,
    );
    const rows = await page
      .locator('[data-testid=reliance-table] tbody tr')
      .evaluateAll((trs) =>
        trs.slice(0, 8).map((tr) => [tr.getAttribute('data-kind'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
      );
    expect(rows.map((r) => r.slice(0, 3))).toEqual(expected.map((e) => [e.kind, count.format(e.townships), count.format(e.duties)]));
  });

  it('departments as written: each county’s three strongest, figures as the database counts them', async () => {
    const page = await b.open('?view=network&net.merge=0', { site: 'scale' });
    await settled(page);
    await expect(page.getByTestId('network-graph').getAttribute('data-per-unit')).resolves.toBe('3');
    const links = await linksOf(page);
    const byName = new Map(
      all<{ name: string; county: string; duties: number }>(
        `SELECT d.name AS name, t.county_code AS county, count(DISTINCT i.id) AS duties ${LED} GROUP BY 1, 2`,
      ).map((r) => [`${r.name}|${r.county}`, r.duties]),
    );
    const counties = all<{ n: number }>('SELECT count(DISTINCT county_code) AS n FROM townships')[0].n;
    expect(links.length).toBeLessThanOrEqual(3 * counties);
    for (const l of links) expect(l.duties, l.department).toBe(byName.get(`${l.department}|${l.unit}`));
    await b.screenshot(page, 'network-scale-as-written');
  });
});
