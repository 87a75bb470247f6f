import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { openRealDatabase, SCALE_DB_FILE } from './db';
import { expectedHeadlines } from './present-expected';
import { FINDING_IDS, type FindingId } from '../../src/lib/present/types';
import { LABEL_LINE } from '../../src/lib/present/pptx';
import { HEADLINES, PRESENT } from '../../src/lib/present/strings';

/** The deck's slide on screen (thumbnails on the setup page are slides too). */
const current = (page: Page) => page.locator('[data-testid=deck] [data-testid=slide]');

async function slideState(page: Page) {
  const slide = current(page);
  return {
    finding: (await slide.getAttribute('data-finding')) as FindingId,
    headline: await slide.getByTestId('slide-headline').textContent(),
    counter: await slide.getByTestId('slide-counter').textContent(),
    url: new URL(page.url()).searchParams.get('pr.slide'),
  };
}

/** What a reader at the back of the room would notice: a headline cut off, or a chart spilling out of its slide. */
async function layoutProblems(page: Page): Promise<string[]> {
  return current(page).evaluate((slide) => {
    const problems: string[] = [];
    const headline = slide.querySelector('[data-testid=slide-headline]') as HTMLElement;
    if (headline.scrollHeight > headline.clientHeight + 1) problems.push(`headline overflows: ${headline.textContent}`);
    const box = slide.getBoundingClientRect();
    for (const text of slide.querySelectorAll('svg text')) {
      const r = text.getBoundingClientRect();
      if (r.width && (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1))
        problems.push(`label outside the slide: ${text.textContent}`);
    }
    const labels = [...slide.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect()).filter((r) => r.width);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i];
        const b = labels[j];
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
        if (overlap)
          problems.push(
            `labels overlap: ${slide.querySelectorAll('svg text')[i].textContent} / ${slide.querySelectorAll('svg text')[j].textContent}`,
          );
      }
    return problems;
  });
}

/** The text of each slide's title placeholder in a .pptx, in slide order, and the file's parts. */
function readPptx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const slideNames = Object.keys(files)
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  const titles = slideNames.map((name) => {
    const doc = new DOMParser().parseFromString(strFromU8(files[name]), 'text/xml');
    const shapes = [...doc.getElementsByTagName('p:sp')];
    const title = shapes.find((sp) => [...sp.getElementsByTagName('p:ph')].some((ph) => ph.getAttribute('type') === 'title'));
    return title ? [...title.getElementsByTagName('a:t')].map((t) => t.textContent).join('') : null;
  });
  const charts = Object.keys(files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
  const media = Object.keys(files).filter((f) => f.startsWith('ppt/media/'));
  return { files, slideNames, titles, charts, media };
}

describe('演示模式', () => {
  const b = useBrowser();
  const db = openRealDatabase();
  const scaleDb = openRealDatabase(SCALE_DB_FILE);

  it('walks the deck with the keyboard; every headline is the database’s figures', async () => {
    const page = await b.open('?view=present');
    await page.getByTestId('present-start').waitFor();
    // The comparison is about the township the presenter picks: the last one offered.
    const options = await page
      .getByTestId('present-township')
      .locator('option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const focus = options[options.length - 1];
    await page.getByTestId('present-township').selectOption(focus);
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('pr.town') === key, focus);
    const expected = expectedHeadlines(db, focus);

    await page.getByTestId('present-start').click();
    await current(page).waitFor();
    const keys = ['ArrowRight', ' ', 'PageDown', 'ArrowDown'];
    const seen: FindingId[] = [];
    for (let i = 1; i <= FINDING_IDS.length; i++) {
      const state = await slideState(page);
      expect(state.counter).toBe(`${i} / ${FINDING_IDS.length}`);
      expect(state.url).toBe(String(i));
      expect(state.headline).toBe(expected[state.finding]);
      expect(await layoutProblems(page)).toEqual([]);
      seen.push(state.finding);
      if (i < FINDING_IDS.length) {
        await page.keyboard.press(keys[(i - 1) % keys.length]);
        await page.waitForFunction((n) => new URL(location.href).searchParams.get('pr.slide') === String(n), i + 1);
      }
    }
    expect(seen).toEqual([...FINDING_IDS]);
    // Past the last slide the deck stays there; Home, End, PageUp and ← move as a clicker expects.
    await page.keyboard.press('ArrowRight');
    expect((await slideState(page)).counter).toBe(`${FINDING_IDS.length} / ${FINDING_IDS.length}`);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('pr.slide') === '1');
    await page.keyboard.press('End');
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('pr.slide') === String(n), FINDING_IDS.length);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('pr.slide') === String(n), FINDING_IDS.length - 2);
    await b.screenshot(page, 'present-slide');
    // The slide is in the URL: a reload opens the same slide.
    const url = page.url();
    const again = await b.open(new URL(url).search);
    await current(again).waitFor();
    expect(await slideState(again)).toMatchObject({ counter: `${FINDING_IDS.length - 2} / ${FINDING_IDS.length}` });
    // F puts the deck full screen and takes it out again.
    await again.keyboard.press('f');
    await again.waitForFunction(() => document.fullscreenElement?.getAttribute('data-testid') === 'deck');
    await again.keyboard.press('f');
    await again.waitForFunction(() => document.fullscreenElement === null);
    // Esc leaves the deck for the setup page.
    await again.keyboard.press('Escape');
    await again.getByTestId('present-start').waitFor();
    expect(new URL(again.url()).searchParams.get('pr.slide')).toBeNull();
  });

  it('keeps the slides the presenter chose, at 1920×1080 as at 1280×720', async () => {
    const page = await b.open('?view=present');
    await page.getByTestId('present-start').waitFor();
    await page.locator('input[data-finding=reclaimed]').uncheck();
    await page.locator('input[data-finding=township]').uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('pr.skip') === 'reclaimed,township');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('present-start').click();
    const kept = FINDING_IDS.filter((id) => id !== 'reclaimed' && id !== 'township');
    for (let i = 1; i <= kept.length; i++) {
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('pr.slide') === String(n), i);
      const state = await slideState(page);
      expect(state).toMatchObject({ finding: kept[i - 1], counter: `${i} / ${kept.length}` });
      // The slide fills the screen's width: scaled, not reflowed.
      const box = await current(page).boundingBox();
      expect(box!.width).toBeCloseTo(1920, 0);
      expect(await layoutProblems(page)).toEqual([]);
      await page.keyboard.press('ArrowRight');
    }
  });

  it('a link to a slide of a prefecture opens that slide, counting that prefecture’s townships', async () => {
    const place = db.one<{ key: string; name: string; townships: number }>(
      `SELECT prefecture_code AS key, prefecture AS name, count(*) AS townships FROM townships
       GROUP BY prefecture_code ORDER BY townships DESC, key LIMIT 1`,
    );
    const lists = db.one<{ total: number; basic: number; coop: number; reclaimed: number }>(
      `SELECT count(*) AS total, sum(list = 'basic') AS basic, sum(list = 'coop') AS coop, sum(list = 'reclaimed') AS reclaimed
       FROM items WHERE township_id IN (SELECT id FROM townships WHERE prefecture_code = ?)`,
      [place.key],
    );
    const page = await b.open(`?view=present&p=${encodeURIComponent(place.key)}&pr.slide=1`);
    await current(page).waitFor();
    expect((await slideState(page)).headline).toBe(HEADLINES.lists(place.townships, lists.total, lists.basic, lists.coop, lists.reclaimed));
    await expect(current(page).locator('footer .source').textContent()).resolves.toBe(PRESENT.source(place.name, place.townships));
  });

  it('导出 PPT writes one slide per finding kept, titled with its headline, bar charts as native charts', async () => {
    const page = await b.open('?view=present');
    await page.getByTestId('present-start').waitFor();
    // The slides kept, as their thumbnails show them (the page also holds them for 打印报告, print-only).
    const headlines = await page.locator('.thumbs [data-testid=slide]').evaluateAll((slides) =>
      slides.map((s) => ({
        finding: s.getAttribute('data-finding'),
        headline: s.querySelector('[data-testid=slide-headline]')!.textContent,
        chart: s.querySelector('svg')?.getAttribute('data-chart') ?? null,
        categories: [...s.querySelectorAll('svg .bar')].map((g) => g.getAttribute('data-category')),
      })),
    );
    const downloading = page.waitForEvent('download');
    await page.getByTestId('present-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pptx$/);
    const path = resolve(tmpdir(), 'duty-atlas-deck.pptx');
    await download.saveAs(path);
    const bytes = new Uint8Array((await import('node:fs')).readFileSync(path));
    writeFileSync(path, bytes);
    const deck = readPptx(bytes);

    expect(deck.slideNames).toHaveLength(headlines.length);
    expect(deck.titles).toEqual(headlines.map((h) => h.headline));
    const bars = headlines.filter((h) => h.chart === 'bar');
    expect(deck.charts).toHaveLength(bars.length);
    // Each bar slide's chart part names its slide's categories (in whichever chart part it landed).
    // (A long duty name is given in two lines, its first line whole: LibreOffice wraps no label itself.)
    const chartXml = deck.charts.map((c) => strFromU8(deck.files[c]));
    for (const h of bars)
      expect(chartXml.some((xml) => h.categories.every((c) => xml.includes([...c!].slice(0, LABEL_LINE).join(''))))).toBe(true);
    // Other charts are pictures.
    const pictures = headlines.filter((h) => h.chart && h.chart !== 'bar');
    expect(deck.media.filter((m) => m.endsWith('.png')).length).toBeGreaterThanOrEqual(pictures.length);
    await expect(page.getByTestId('present-export-message').textContent()).resolves.toContain(String(headlines.length));
  });

  it('at 200 townships the deck sums by county or prefecture and still states the database’s figures', async () => {
    const page = await b.open('?view=present', { site: 'scale' });
    await page.getByTestId('present-start').waitFor({ timeout: 30000 });
    const focus = await page.getByTestId('present-township').inputValue();
    const expected = expectedHeadlines(scaleDb, focus);
    await page.getByTestId('present-start').click();
    for (let i = 1; i <= FINDING_IDS.length; i++) {
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('pr.slide') === String(n), i);
      const state = await slideState(page);
      expect(state.headline).toBe(expected[state.finding]);
      expect(await layoutProblems(page)).toEqual([]);
      // Few marks: at most ten bars, whatever the number of townships.
      expect(await current(page).locator('svg .bar').count()).toBeLessThanOrEqual(10);
      await page.keyboard.press('PageDown');
    }
  });
});
