import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';

describe('事项查询', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('lists every item, virtualised, and the count equals the database', async () => {
    const page = await b.open('?view=explorer');
    const total = db.one<{ n: number }>('SELECT count(*) AS n FROM items').n;
    // The count comes with the first screenful of rows and their names, once the facts and that text are in.
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=result-count]')?.textContent?.includes(n),
      total.toLocaleString('zh-CN'),
    );
    const rendered = await page.locator('[data-testid=results] [data-item]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60); // only the rows in view are in the DOM
    await b.screenshot(page, 'explorer');
  });

  it('searches names and steps; the search is in the URL and back restores it', async () => {
    const page = await b.open('?view=explorer');
    await page.getByTestId('search-input').fill('屠宰检疫');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '屠宰检疫');
    const n = db.one<{ n: number }>(
      `SELECT count(*) AS n FROM items i WHERE i.name LIKE '%屠宰检疫%'
       OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE '%屠宰检疫%')`,
    ).n;
    await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent?.includes(`共 ${n} 项`), n);
    await expect(page.locator('[data-testid=results] mark').first().textContent()).resolves.toBe('屠宰检疫');

    // A word that only occurs in steps shows the matching step.
    await page.getByTestId('search-input').fill('网格');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '网格');
    await page.waitForSelector('[data-testid=results] .step mark');

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    await expect(page.getByTestId('search-input').inputValue()).resolves.toBe('');
  });

  it('a search typed as soon as the list is shown marks the term in every row in view, in its name or in the step it matched', async () => {
    const page = await b.open('?view=explorer');
    await page.waitForSelector('[data-testid=results] [data-item]');
    // At once: the first county's steps are still being loaded beside the search's own parts.
    await page.getByTestId('search-input').fill('网格');
    await page.getByTestId('search-input').press('Enter');
    const n = db.one<{ n: number }>(
      `SELECT count(*) AS n FROM items i WHERE i.name LIKE '%网格%'
       OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE '%网格%')`,
    ).n;
    await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent?.includes(`共 ${n} 项`), n);
    const rows = page.locator('[data-testid=results] [data-item]');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Every row is drawn with its text, and shows where the term is: no row waits for its steps.
    await expect
      .poll(async () =>
        (await rows.evaluateAll((els) => els.map((el) => [...el.querySelectorAll('.name mark')].map((m) => m.textContent).join('')))).every(
          (marked) => marked.includes('网格'),
        ),
      )
      .toBe(true);
    await expect(page.locator('[data-testid=results] .step mark').count()).resolves.toBeGreaterThan(0);
  });

  it('combines search with the shared filters', async () => {
    const liugong = db.townshipId('六工镇');
    const page = await b.open('?view=explorer&q=处罚');
    await page.locator(`[data-testid=filter-bar] [data-township="${liugong}"]`).click();
    const n = db.one<{ n: number }>(
      `SELECT count(*) AS n FROM items i WHERE i.township_id = (SELECT id FROM townships WHERE name = '六工镇') AND (i.name LIKE '%处罚%'
       OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE '%处罚%'))`,
    ).n;
    await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent?.includes(`共 ${n} 项`), n);
    // Every row shown is 六工镇's.
    await expect
      .poll(async () => new Set(await page.locator('[data-testid=results] [data-item] .township').allTextContents()))
      .toEqual(new Set(['六工镇']));
  });

  it('opens an item: department and township steps side by side, the same duty in every township', async () => {
    const item = db.one<{ id: number; duty_group: number }>(
      `SELECT id, duty_group FROM items WHERE township_id = (SELECT id FROM townships WHERE name = '六工镇') AND name = '农村户籍分户、落户工作'`,
    );
    const page = await b.open(`?view=explorer&q=${encodeURIComponent('分户')}`);
    await page.locator(`[data-testid=results] [data-item="${item.id}"]`).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('item') === String(id), item.id);
    await page.waitForSelector('[data-testid=township-steps] li');
    await expect(page.getByTestId('detail-name').textContent()).resolves.toBe('农村户籍分户、落户工作');
    const steps = db.all<{ party: string; n: number }>('SELECT party, count(*) AS n FROM steps WHERE item_id = ? GROUP BY party', [
      item.id,
    ]);
    for (const s of steps) {
      await expect(page.locator(`[data-testid=${s.party}-steps] li`).count()).resolves.toBe(s.n);
    }
    await expect(page.locator('[data-testid=same-duty] tr').count()).resolves.toBe(5);
    await b.screenshot(page, 'explorer-detail');
  });

  it('shows a reclaimed duty still basic in 六工镇, and opens it from there', async () => {
    const yilahu = db.townshipId('伊拉湖镇');
    const liugong = db.townshipId('六工镇');
    const rows = db.all<{ id: number; township_id: string; list: string }>(
      `SELECT id, township_id, list FROM items WHERE name = '对造成公路路面损坏、污染或者影响公路畅通行为的处罚'`,
    );
    const reclaimed = rows.find((r) => r.township_id === yilahu)!;
    const basic = rows.find((r) => r.township_id === liugong)!;
    expect(basic.list).toBe('basic');
    const page = await b.open(`?view=explorer&item=${reclaimed.id}`);
    await page.waitForSelector(`[data-testid=same-duty] tr[data-township="${liugong}"][data-status=basic]`);
    await expect(page.locator('[data-testid=same-duty] tr[data-status=reclaimed]').count()).resolves.toBe(4);
    await b.screenshot(page, 'explorer-reclaimed');
    await page.locator(`[data-testid=same-duty] tr[data-township="${liugong}"] button`).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('item') === String(id), basic.id);
    await page.waitForSelector(`[data-testid=same-duty] tr.current[data-township="${liugong}"]`);
    await page.goBack();
    await page.waitForSelector(`[data-testid=same-duty] tr.current[data-township="${yilahu}"]`);
  });

  it('shows text that looks like markup as text (乡<镇>村)', async () => {
    const page = await b.open(`?view=explorer&q=${encodeURIComponent('乡<镇>村')}`);
    // A row's text arrives with its county's text part, just after the row itself.
    const row = page.locator('[data-testid=results] [data-item][data-text]').first();
    await expect(row.locator('.title').textContent()).resolves.toContain('乡<镇>村公共设施');
    await expect(page.locator('[data-testid=results] 镇').count()).resolves.toBe(0);
    await row.click();
    await expect(page.getByTestId('detail-name').textContent()).resolves.toContain('<不涉及农用地>');
  });
});
