import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { SCALE_DB_FILE, openRealDatabase, type RealDatabase } from './db';

/**
 * 部门网络's edges: a link opens the duties it stands for, the department's steps beside the
 * township's; the ranking 乡镇支持重于部门牵头 opens the same detail. Figures are checked against plain
 * SQL over the site's complete database (`steps`).
 */

/** The edge's duties and each side's steps, by plain SQL: the township's steps, and the department's own (named for it, or for none). */
function edgeFromDatabase(db: RealDatabase, kind: string, townships: string[]) {
  const items = db.all<{ id: number; township: number; department: number }>(
    `SELECT i.id,
            (SELECT count(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'township') AS township,
            (SELECT count(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'department'
               AND (s.department_id IS NULL OR s.department_id IN (SELECT id FROM departments WHERE kind = ?))) AS department
     FROM items i
     WHERE i.township_id IN (${townships.map(() => '?').join(',')})
       AND i.id IN (SELECT x.item_id FROM item_departments x JOIN departments d ON d.id = x.department_id
                    WHERE d.kind = ? AND x.role = 'lead')
     ORDER BY i.township_id, i.list, i.seq`,
    [kind, ...townships, kind],
  );
  const sum = (k: 'township' | 'department') => items.reduce((s, i) => s + i[k], 0);
  return { items, duties: items.length, townshipSteps: sum('township'), departmentSteps: sum('department') };
}

/** Waits until the graph is drawn and no query or layout is pending. */
async function settled(page: Page) {
  await page.waitForSelector('[data-testid=network-graph] g.node');
  await page.waitForFunction(() => document.querySelector('[data-testid=view-network]')?.getAttribute('aria-busy') === 'false');
}

/**
 * Clicks a link with the mouse: at a point on it where the page's link targets lie under the pointer
 * (no node covers it) and every other link passes further off (links may run within a pixel of each other), so the link nearest the pointer —
 * the one a click opens — is this one.
 */
async function clickLink(page: Page, link: Locator) {
  const point = await link.evaluate((line) => {
    const ends = (l: Element) => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(l.getAttribute(a)));
    const [x1, y1, x2, y2] = ends(line);
    const others = [...line.parentElement!.querySelectorAll('line')].filter((l) => l !== line).map(ends);
    const distance = (x: number, y: number, [ax, ay, bx, by]: number[]) => {
      const [dx, dy] = [bx - ax, by - ay];
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(x - ax - t * dx, y - ay - t * dy);
    };
    const matrix = (line as SVGGraphicsElement).getScreenCTM()!;
    for (let t = 0.5; t > 0.05; t -= 0.02)
      for (const u of [t, 1 - t]) {
        const [x, y] = [x1 + (x2 - x1) * u, y1 + (y2 - y1) * u];
        const p = new DOMPoint(x, y).matrixTransform(matrix);
        if (!document.elementFromPoint(p.x, p.y)?.matches('line.link-hit')) continue;
        if (others.every((o) => distance(x, y, o) > 0.25)) return { x: p.x, y: p.y };
      }
    return null;
  });
  expect(point, 'a point where the link alone lies under the pointer').not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

/** The duties the panel lists, with each side's step count as shown (the steps listed) and as stated. */
const panelDuties = (page: Page) =>
  page.locator('[data-testid=edge-duty]').evaluateAll((lis) =>
    lis.map((li) => ({
      item: Number(li.getAttribute('data-item')),
      department: Number(li.getAttribute('data-department-steps')),
      township: Number(li.getAttribute('data-township-steps')),
      departmentListed: li.querySelectorAll('[data-party=department] li').length,
      townshipListed: li.querySelectorAll('[data-party=township] li').length,
    })),
  );

describe('部门网络: an edge’s detail', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('clicking a link shows its duties with both sides’ steps; the URL holds the edge and a reload restores it', async () => {
    const page = await b.open('?view=network');
    await settled(page);
    const township = db.townshipId('伊拉湖镇');
    const link = page.locator(`[data-testid=network-graph] line.link-hit[data-department="农业农村局"][data-unit="${township}"]`);
    await clickLink(page, link);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('net.edge') !== null);
    expect(new URL(page.url()).searchParams.get('net.edge')).toBe(`lead|${township}|农业农村局`);

    const expected = edgeFromDatabase(db, '农业农村局', [township]);
    const check = async () => {
      const panel = page.getByTestId('edge-panel');
      await panel.waitFor();
      await expect(panel.locator('h3').textContent()).resolves.toBe('农业农村局 — 伊拉湖镇');
      const figures = panel.getByTestId('edge-figures');
      await expect(figures.getAttribute('data-duties')).resolves.toBe(String(expected.duties));
      await expect(figures.getAttribute('data-department-steps')).resolves.toBe(String(expected.departmentSteps));
      await expect(figures.getAttribute('data-township-steps')).resolves.toBe(String(expected.townshipSteps));
      await expect(figures.textContent()).resolves.toContain(`部门 ${expected.departmentSteps} 步，乡镇 ${expected.townshipSteps} 步`);
      // One sentence says which side carries more.
      const verdict = await panel.getByTestId('edge-verdict').textContent();
      expect(verdict).toContain(
        expected.townshipSteps > expected.departmentSteps ? '乡镇承担的步骤多于牵头部门' : '牵头部门承担的步骤多于乡镇',
      );
      await expect.poll(() => panel.getByTestId('edge-duty').count()).toBe(expected.duties);
      const duties = await panelDuties(page);
      expect(duties.map((d) => [d.item, d.department, d.township])).toEqual(expected.items.map((i) => [i.id, i.department, i.township]));
      // Both columns list the steps they count.
      for (const d of duties) expect([d.departmentListed, d.townshipListed]).toEqual([d.department, d.township]);
      // The link is drawn as the open one.
      // Polled: after a reload the panel can be read before the graph's layout has drawn the links.
      await expect.poll(() => page.locator(`[data-testid=network-graph] line.link.selected[data-target="t:${township}"]`).count()).toBe(1);
    };
    await check();

    await page.reload();
    await page.waitForSelector('main[data-state="ready"]');
    await check();

    // A duty opens in 事项查询.
    const first = page.getByTestId('edge-duty').first();
    const item = await first.getAttribute('data-item');
    await first.locator('.duty-head button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'explorer');
    expect(new URL(page.url()).searchParams.get('item')).toBe(item);
  });

  it('opens a link from the keyboard: Tab from a selected department reaches its links, Enter opens one', async () => {
    const page = await b.open('?view=network&k=水利局');
    await settled(page);
    await page.locator('[data-testid=network-graph] g.node[data-label="水利局"]').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement!;
      return { link: el.matches('line.link-key'), department: el.getAttribute('data-department'), unit: el.getAttribute('data-unit') };
    });
    expect(focused.link).toBe(true);
    expect(focused.department).toBe('水利局');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('net.edge') !== null);
    expect(new URL(page.url()).searchParams.get('net.edge')).toBe(`lead|${focused.unit}|水利局`);
    const expected = edgeFromDatabase(db, '水利局', [focused.unit!]);
    await expect.poll(() => page.getByTestId('edge-duty').count()).toBe(expected.duties);
    // The graph was drawn anew with the edge open: the keyboard's focus is where it was.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-unit'))).resolves.toBe(focused.unit);
  });

  it('乡镇支持重于部门牵头 ranks the edges where the township carries more; a row opens its edge', async () => {
    const page = await b.open('?view=network&net.side=balance');
    await settled(page);
    const rows = page.locator('[data-testid=balance-table] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const ranked = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        department: tr.getAttribute('data-department')!,
        unit: tr.getAttribute('data-unit')!,
        departmentSteps: Number(tr.getAttribute('data-department-steps')),
        townshipSteps: Number(tr.getAttribute('data-township-steps')),
      })),
    );
    // Each township holds one unit: the surplus per township is the difference, ranked highest first.
    for (const r of ranked) expect(r.townshipSteps).toBeGreaterThan(r.departmentSteps);
    const surplus = ranked.map((r) => r.townshipSteps - r.departmentSteps);
    expect(surplus).toEqual([...surplus].sort((x, y) => y - x));
    // Its figures are the database's.
    for (const r of ranked.slice(0, 5)) {
      const e = edgeFromDatabase(db, r.department, [r.unit]);
      expect([r.departmentSteps, r.townshipSteps]).toEqual([e.departmentSteps, e.townshipSteps]);
    }

    const second = rows.nth(1);
    await second.locator('button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('net.edge') !== null);
    expect(new URL(page.url()).searchParams.get('net.edge')).toBe(`lead|${ranked[1].unit}|${ranked[1].department}`);
    const panel = page.getByTestId('edge-panel');
    await expect(panel.getByTestId('edge-figures').getAttribute('data-township-steps')).resolves.toBe(String(ranked[1].townshipSteps));
    await expect(panel.getByTestId('edge-verdict').textContent()).resolves.toContain('乡镇承担的步骤多于牵头部门');
    await expect(page.locator('[data-testid=balance-table] tbody tr.selected').getAttribute('data-unit')).resolves.toBe(ranked[1].unit);
    await expect.poll(() => page.getByTestId('edge-duty').count()).toBeGreaterThan(0);

    // Screenshots for the README at the projector's size and at full HD.
    await b.screenshot(page, 'network-edge');
    await page.setViewportSize({ width: 1920, height: 1080 });
    // Opened afresh at that size (the graph is laid out for it), the page brings the open edge's panel into view.
    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByTestId('edge-duty').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('edge-panel').evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    await b.screenshot(page, 'network-edge-1920');
  });
});

describe('部门网络 at 200 townships: a county’s edge', () => {
  const b = useBrowser();
  const scale = openRealDatabase(SCALE_DB_FILE);

  it('opens a county’s edge: its townships sum to it, and a township opens to its duties with both sides’ steps', async () => {
    const page = await b.open('?view=network', { site: 'scale' });
    await settled(page);
    await expect(page.getByTestId('network-graph').getAttribute('data-level')).resolves.toBe('county');
    const link = page.locator('[data-testid=network-graph] line.link-hit[data-role=lead]').first();
    const department = (await link.getAttribute('data-department'))!;
    const county = (await link.getAttribute('data-unit'))!;
    await clickLink(
      page,
      page.locator(`[data-testid=network-graph] line.link-hit[data-role=lead][data-department="${department}"][data-unit="${county}"]`),
    );
    await page.waitForFunction(() => new URL(location.href).searchParams.get('net.edge') !== null);
    const edge = new URL(page.url()).searchParams.get('net.edge')!;
    const [, unit, kind] = edge.split('|');
    const panel = page.getByTestId('edge-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-level')).resolves.toBe('county');

    const townships = scale.all<{ id: string }>('SELECT id FROM townships WHERE county_code = ? ORDER BY id', [unit]).map((t) => t.id);
    const expected = edgeFromDatabase(scale, kind, townships);
    const figures = panel.getByTestId('edge-figures');
    await expect(figures.getAttribute('data-duties')).resolves.toBe(String(expected.duties));
    await expect(figures.getAttribute('data-department-steps')).resolves.toBe(String(expected.departmentSteps));
    await expect(figures.getAttribute('data-township-steps')).resolves.toBe(String(expected.townshipSteps));

    // The townships listed sum to the edge; no township's duties are read before it is opened.
    const rows = panel.locator('[data-testid=edge-townships] tbody tr[data-township]');
    await rows.first().waitFor();
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-township')!,
        duties: Number(tr.getAttribute('data-duties')),
        township: Number(tr.getAttribute('data-township-steps')),
      })),
    );
    expect(await page.getByTestId('edge-duties').count()).toBe(0);
    const all = await page.locator('[data-testid=edge-townships]').count();
    expect(all).toBe(1);
    if (listed.length < 20) {
      expect(listed.reduce((s, t) => s + t.duties, 0)).toBe(expected.duties);
      expect(listed.reduce((s, t) => s + t.township, 0)).toBe(expected.townshipSteps);
    }
    const first = listed[0];
    await rows.first().locator('button').click();
    const own = edgeFromDatabase(scale, kind, [first.id]);
    await expect.poll(() => panel.getByTestId('edge-duty').count()).toBe(own.duties);
    const duties = await panelDuties(page);
    expect(duties.map((d) => [d.item, d.department, d.township])).toEqual(own.items.map((i) => [i.id, i.department, i.township]));
    for (const d of duties) expect([d.departmentListed, d.townshipListed]).toEqual([d.department, d.township]);
    await b.screenshot(page, 'network-edge-county');
  });
});
