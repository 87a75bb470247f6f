import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { SCALE_DB_FILE, openRealDatabase, type RealDatabase } from './db';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';

/**
 * Every chart, as a reader without a mouse or without sight meets it (#11): on every view, with the
 * bundled lists and at 200 townships, each chart frame
 * - has a text description a screen reader reads with it (aria-describedby): its headline, then figures;
 * - can be reached with Tab alone, starting from the frame's own caption;
 * - shows where the focus is (the focused mark's pixels change when it takes the focus);
 * - does something when Enter is pressed on its focused mark (the URL, a pressed or expanded state, or
 *   the text on the page changes).
 * A chart drawn as a picture of something operated elsewhere (a slide's thumbnail, aria-hidden) is
 * described but not operated.
 */
const views = Object.keys(VIEW_LABELS) as ViewId[];
const MAX_TABS = 80;

interface Frame {
  index: number;
  testid: string;
  /** The visible title and the figure's accessible name: the description starts with one of them. */
  headline: [string, string];
  description: string;
  operable: boolean;
}

/** The frames of the view that hold a drawn chart, once their descriptions are written. */
async function drawnFrames(page: Page): Promise<Frame[]> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 20_000 }).catch(() => {});
  const frames = page.locator('figure.chart-frame[data-drawn]');
  if ((await frames.count()) === 0) {
    // A view may draw after its data arrives: give it the time a reader would.
    await page.waitForSelector('figure.chart-frame[data-drawn]', { timeout: 5_000 }).catch(() => {});
  }
  // Descriptions are written when the page is idle after a draw.
  await page
    .waitForFunction(
      () => [...document.querySelectorAll('figure.chart-frame[data-drawn]')].every((f) => f.getAttribute('aria-describedby')),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => {});
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.chart-frame[data-drawn]')].map((figure, index) => {
      const id = figure.getAttribute('aria-describedby');
      const chart = [...figure.querySelectorAll('svg, canvas')].find((c) => !c.closest('figcaption'));
      return {
        index,
        testid: figure.dataset.testid ?? `frame ${index}`,
        // The title states the point; where it is a label (a slide's thumbnail), the figure's name is the headline.
        headline: [figure.querySelector('.chart-title')?.textContent?.trim() ?? '', figure.getAttribute('aria-label') ?? ''],
        description: id ? (document.getElementById(id)?.textContent ?? '') : '',
        operable: !!chart && !chart.closest('[aria-hidden="true"]'),
      };
    }),
  );
}

/** What a reader would see change when a mark is activated. */
const pageState = (page: Page) =>
  page.evaluate(
    () =>
      `${location.href}|${document.querySelectorAll('[aria-pressed="true"],[aria-expanded="true"],[aria-selected="true"],[aria-current]').length}|${document.body.innerText.length}`,
  );

/** Tabs from the frame's caption to the first mark of its chart that can be operated; its box, or null if Tab never gets there. */
async function tabIntoChart(page: Page, frameIndex: number): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const started = await page.evaluate((i) => {
    const figure = document.querySelectorAll<HTMLElement>('figure.chart-frame[data-drawn]')[i];
    const controls = [
      ...figure.querySelectorAll<HTMLElement>('figcaption button, figcaption input, figcaption select, figcaption [tabindex="0"]'),
    ];
    const start = controls.at(-1);
    start?.focus();
    return !!start;
  }, frameIndex);
  if (!started) return null;
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const box = await page.evaluate((index) => {
      const figure = document.querySelectorAll<HTMLElement>('figure.chart-frame[data-drawn]')[index];
      const active = document.activeElement;
      if (!active || !figure.contains(active) || active.closest('figcaption')) return null;
      // A mark that does something: the chart's own scroll area is a tab stop too, but not one to operate.
      const operable =
        ['button', 'link', 'checkbox', 'option', 'tab', 'gridcell'].includes(active.getAttribute('role') ?? '') ||
        active.matches('button, a[href], input, select');
      if (!operable) return null;
      const r = active.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, frameIndex);
    if (box) return box;
  }
  return null;
}

describe('charts for keyboard and screen-reader users', () => {
  const b = useBrowser();
  const db = openRealDatabase();
  const scaleDb = openRealDatabase(SCALE_DB_FILE);

  /** Every view as it opens, and 乡镇对比 with three townships picked (it draws nothing before). */
  const urls = (database: RealDatabase) => [
    ...views.map((view) => `?view=${view}`),
    `?view=compare&${database
      .all<{ id: string }>('SELECT id FROM townships ORDER BY id LIMIT 3')
      .map((t) => `t=${t.id}`)
      .join('&')}`,
  ];

  async function walk(site: 'bundled' | 'scale'): Promise<{ problems: string[]; checked: number }> {
    const problems: string[] = [];
    let checked = 0;
    for (const url of urls(site === 'bundled' ? db : scaleDb)) {
      const view = url.slice(1);
      let page = await b.open(url, { site });
      const frames = await drawnFrames(page);
      for (const frame of frames) {
        const where = `${site} ${view} ${frame.testid}`;
        checked += 1;
        if (!frame.description) problems.push(`${where}: no description`);
        else {
          const headline = frame.headline.map((h) => h.replace(/[。.]+$/, '')).find((h) => h && frame.description.startsWith(h));
          if (headline === undefined)
            problems.push(`${where}: description does not start with the headline: ${frame.description.slice(0, 60)}`);
          else if (!/\d/.test(frame.description.slice(headline.length))) problems.push(`${where}: description states no figure`);
        }
        if (!frame.operable) continue;

        await page.setViewportSize({ width: 1280, height: 720 });
        const box = await tabIntoChart(page, frame.index);
        if (!box) {
          problems.push(`${where}: Tab never reaches the chart`);
          continue;
        }
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.scrollIntoView({ block: 'center' }));
        const focusedBox = await page.evaluate(() => {
          const r = document.activeElement!.getBoundingClientRect();
          return { x: Math.max(0, r.x - 4), y: Math.max(0, r.y - 4), width: r.width + 8, height: r.height + 8 };
        });
        const focused = await page.screenshot({ clip: focusedBox });
        await page.evaluate(() => (document.activeElement as HTMLElement).blur());
        const unfocused = await page.screenshot({ clip: focusedBox });
        if (focused.equals(unfocused)) problems.push(`${where}: the focused mark looks the same as when not focused`);

        // Back to the mark by keyboard, then Enter.
        const again = await tabIntoChart(page, frame.index);
        if (!again) {
          problems.push(`${where}: Tab does not reach the chart a second time`);
          continue;
        }
        const before = await pageState(page);
        await page.keyboard.press('Enter');
        let changed = false;
        for (const started = Date.now(); !changed && Date.now() - started < 3_000; await page.waitForTimeout(100))
          changed = (await pageState(page)) !== before;
        if (!changed) problems.push(`${where}: Enter on the focused mark changes nothing`);
        // Each frame from the view as it opened.
        await page.close();
        page = await b.open(url, { site });
        await drawnFrames(page);
      }
      await page.close();
    }
    return { problems, checked };
  }

  it('describes, reaches and operates every chart with the bundled lists', async () => {
    const { problems, checked } = await walk('bundled');
    console.info(`bundled: ${checked} charts checked`);
    expect(checked).toBeGreaterThan(views.length);
    expect(problems).toEqual([]);
  }, 600_000);

  it('does the same at 200 townships', async () => {
    const { problems, checked } = await walk('scale');
    console.info(`scale: ${checked} charts checked`);
    expect(problems).toEqual([]);
  }, 600_000);

  it("reads the township bars' figures as the database holds them", async () => {
    const page = await b.open();
    await drawnFrames(page);
    const description = await page.evaluate(() => {
      const figure = document.querySelector('[data-testid=chart-township-lists]')!;
      return document.getElementById(figure.getAttribute('aria-describedby')!)!.textContent!;
    });
    const totals = db.all<{ name: string; n: number }>(
      'SELECT t.name, count(*) AS n FROM items i JOIN townships t ON t.id = i.township_id GROUP BY t.id ORDER BY n DESC, t.id',
    );
    const top = totals.filter((t) => t.n === totals[0].n);
    const bottom = totals.filter((t) => t.n === totals.at(-1)!.n);
    expect(description).toContain(`图中共 ${totals.length} 行`);
    expect(description).toContain(`最高为${top.map((t) => t.name).join('、')}（${top[0].n.toLocaleString('zh-CN')}）`);
    expect(description).toContain(`最低为${bottom.map((t) => t.name).join('、')}（${bottom[0].n.toLocaleString('zh-CN')}）`);
  });
});
