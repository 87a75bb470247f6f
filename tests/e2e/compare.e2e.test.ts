import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../unit/export/read-csv';
import { useBrowser } from './browser';
import { SCALE_DB_FILE, openRealDatabase } from './db';

/**
 * 乡镇对比: three townships picked in the filter bar; the UpSet chart's columns are the duties exactly
 * those townships list, as the complete database groups them; a category's count lists its duties
 * with the list each township holds them in.
 */
describe('乡镇对比', () => {
  const b = useBrowser();
  const db = openRealDatabase();
  const scale = openRealDatabase(SCALE_DB_FILE);

  it('counts the duties all, some and each alone list, and lists the duties behind a count', async () => {
    const ids = db.all<{ id: string }>('SELECT id FROM townships ORDER BY id LIMIT 3').map((t) => t.id);
    const marks = (id: string) => `'${id}'`;
    const inPicked = `township_id IN (${ids.map(marks).join(',')})`;
    /** Per duty group, which of the picked townships list it: the intersection it belongs to. */
    const groups = db.all<{ duty_group: number; townships: string }>(
      `SELECT duty_group, group_concat(DISTINCT township_id) AS townships FROM items WHERE ${inPicked} GROUP BY duty_group`,
    );
    const maskOf = (townships: string) => townships.split(',').reduce((m, t) => m | (1 << ids.indexOf(t)), 0);
    const expected = new Map<number, number>();
    for (const g of groups) expected.set(maskOf(g.townships), (expected.get(maskOf(g.townships)) ?? 0) + 1);

    const page = await b.open(`?view=compare&${ids.map((id) => `t=${id}`).join('&')}`);
    const upset = page.getByTestId('upset');
    await upset.locator('svg').waitFor();
    const columns = await upset
      .locator('g.column')
      .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-mask')), Number(e.getAttribute('data-count'))] as const));
    expect(new Map(columns)).toEqual(expected);
    await b.screenshot(page, 'compare');

    // All three list it: click the column, the duties are listed with each township's list.
    const all = (1 << ids.length) - 1;
    await upset.locator(`g.column[data-mask="${all}"]`).click();
    const rows = page.getByTestId('compare-duties').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(Math.min(200, expected.get(all)!));
    const first = Number(await rows.first().getAttribute('data-group'));
    const lists = await rows.first().locator('td.list').allTextContents();
    const short: Record<string, string> = { basic: '基本', coop: '配合', reclaimed: '收回' };
    expect(lists).toEqual(
      ids.map((id) =>
        db
          .all<{ list: string }>(
            `SELECT DISTINCT list FROM items WHERE duty_group = ? AND township_id = ? ORDER BY CASE list WHEN 'basic' THEN 0 WHEN 'coop' THEN 1 ELSE 2 END`,
            [first, id],
          )
          .map((l) => short[l.list])
          .join('、'),
      ),
    );

    // Exported, every duty behind the count with each township's list (a CSV Excel reads).
    const menu = page.getByTestId('compare-duties-export');
    await menu.locator('.trigger').click();
    const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-export="csv"]').click()]);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...csv] = readCsv(bytes.subarray(3).toString('utf8'));
    expect(header.slice(2)).toEqual(
      await page
        .getByTestId('compare-duties')
        .locator('thead th')
        .evaluateAll((ths) => ths.slice(2).map((t) => t.textContent!.trim())),
    );
    expect(csv).toHaveLength(expected.get(all)!);

    // A category's count of duties one township lists alone.
    const cell = page.getByTestId('compare-categories').locator('tbody tr').first().locator('button.count').last();
    const n = Number(await cell.textContent());
    await cell.click();
    await expect.poll(() => rows.count()).toBe(Math.min(200, n));
  });

  it('asks for two to four townships, and offers the townships in scope', async () => {
    const page = await b.open('?view=compare');
    const view = page.getByTestId('view-compare');
    await expect(view.locator('.note').textContent()).resolves.toContain('选择 2 至 4 个乡镇');
    const offered = view.locator('.offer button');
    await offered.nth(0).click();
    await offered.nth(0).click();
    await view.getByTestId('upset').locator('svg').waitFor();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.getAll('t').length)).toBe(2);
  });

  it('compares counties at scale: a county lists what half its townships list, with the share beside each duty', async () => {
    // The two counties with the most townships (ties by name), as the place table names them.
    const counties = scale.all<{ county: string; n: number }>(
      'SELECT county, count(*) AS n FROM townships GROUP BY prefecture, county ORDER BY n DESC, county LIMIT 2',
    );
    expect(counties[1].n).toBeGreaterThan(1);
    const own = counties.map(
      ({ county, n }) =>
        new Set(
          scale
            .all<{ duty_group: number }>(
              `SELECT duty_group FROM items i JOIN townships t ON t.id = i.township_id WHERE t.county = ?
               GROUP BY duty_group HAVING 2 * count(DISTINCT t.id) >= ?`,
              [county, n],
            )
            .map((g) => g.duty_group),
        ),
    );
    const both = [...own[0]].filter((g) => own[1].has(g)).length;

    // At the region's level nothing is picked: 乡镇对比 offers counties, found by name.
    const page = await b.open('?view=compare', { site: 'scale' });
    const view = page.getByTestId('view-compare');
    await expect.poll(() => view.getAttribute('data-compare-by')).toBe('county');
    const picker = view.getByTestId('compare-county-picker');
    for (const { county } of counties) {
      await picker.getByRole('searchbox').fill(county);
      await picker.getByRole('button', { name: `加入对比：${county}`, exact: true }).click();
    }
    const upset = view.getByTestId('upset');
    await upset.locator('svg').waitFor();
    const count = (mask: number) => upset.locator(`g.column[data-mask="${mask}"]`).getAttribute('data-count');
    await expect.poll(() => count(3)).toBe(String(both));
    await expect(count(1)).resolves.toBe(String(own[0].size - both));
    await b.screenshot(page, 'compare-counties');

    // The duties both list, each cell with how many of the county's townships list it.
    await upset.locator('g.column[data-mask="3"]').click();
    const cells = view.getByTestId('compare-duties').locator('tbody tr').first().locator('td.list');
    const shares = await cells.allTextContents();
    shares.forEach((text, i) => expect(text).toMatch(new RegExp(`（\\d+/${counties[i].n} 个乡镇）$`)));
    expect(new URL(page.url()).searchParams.get('cmp.by') ?? 'county').toBe('county');

    // To townships and back: the township picker, then the same counties compared again.
    await view.getByRole('button', { name: '乡镇', exact: true }).click();
    await view.locator('.offer button').first().waitFor();
    await expect.poll(() => view.getAttribute('data-compare-by')).toBe('township');
    await view.getByRole('button', { name: '县市', exact: true }).click();
    await expect.poll(() => count(3)).toBe(String(both));
  });
});
