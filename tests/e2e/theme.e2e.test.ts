/**
 * 深色主题: the page follows the system's colour scheme until the reader picks 浅色 or 深色 in the
 * header; the pick survives a reload and stays out of the URL. Every view's text is measured against
 * the colour actually behind it, in both themes; exports and print stay light on a dark screen.
 * Screenshots: tests/e2e/screenshots/<view>-dark.png (the README's 深色主题 section shows some).
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { openRealDatabase } from './db';
import { heatmapCells, cellBox, canvasColourAt } from './heatmap-cells';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';
import { THEME_STORAGE_KEY } from '../../src/lib/theme/theme-choice';

type Rgb = [number, number, number];
const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** The page's background colour (<html>'s, as the reader sees it behind everything). */
const pageBackground = (page: Page) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement)
      .backgroundColor.match(/[\d.]+/g)!
      .map(Number);
    return [r, g, b] as [number, number, number];
  });

async function chooseTheme(page: Page, label: string) {
  await page.getByTestId('theme-switch').click();
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** Waits until every chart of the view is drawn (chart-drawn.ts), or the view's own content is shown. */
async function settle(page: Page) {
  await page.waitForFunction(
    () => {
      const frames = [...document.querySelectorAll<HTMLElement>('figure.chart-frame')];
      return frames.every((f) => f.dataset.drawn !== undefined) && !document.querySelector('.view-panel [aria-busy="true"]');
    },
    undefined,
    { timeout: 30000 },
  );
  await page.waitForTimeout(800);
}

interface Measured {
  text: string;
  tag: string;
  ratio: number;
}

/**
 * Contrast of text with what is behind it, for the headings, table cells, paragraphs, buttons and chart
 * labels in view (disabled buttons aside, which are meant to recede):
 * the text's colour (its alpha blended) against the first painted thing under its centre — a filled
 * SVG shape or an element's background, translucent layers composited over what is below them.
 */
function measureText(page: Page): Promise<Measured[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba | null => {
      const m = c.match(/[\d.]+/g);
      if (!m || c === 'none' || c.startsWith('url')) return null;
      const [r, g, b, a = 1] = m.map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, below: Rgba): Rgba => [
      top[0] * top[3] + below[0] * (1 - top[3]),
      top[1] * top[3] + below[1] * (1 - top[3]),
      top[2] * top[3] + below[2] * (1 - top[3]),
      1,
    ];
    const page = parse(getComputedStyle(document.documentElement).backgroundColor)!;
    const SHAPES = new Set(['rect', 'circle', 'path', 'polygon', 'ellipse']);
    /** What is painted under a point, below `self`: composited from the top down to the first opaque layer. */
    function behind(self: Element, x: number, y: number): Rgba {
      const layers: Rgba[] = [];
      for (const e of document.elementsFromPoint(x, y)) {
        // An SVG text is painted over what lies under it; an HTML element over its own background too.
        if (self instanceof SVGElement ? self.contains(e) : e !== self && self.contains(e)) continue;
        const style = getComputedStyle(e);
        let colour: Rgba | null = null;
        if (e instanceof SVGElement && SHAPES.has(e.tagName)) {
          colour = parse(style.fill);
          if (colour) colour[3] *= Number(style.fillOpacity) * Number(style.opacity);
        } else if (!(e instanceof SVGElement)) colour = parse(style.backgroundColor);
        if (!colour || colour[3] === 0) continue;
        layers.push(colour);
        if (colour[3] >= 0.99) break;
      }
      return layers.reduceRight<Rgba>((below, top) => over(top, below), page);
    }
    const out: { text: string; tag: string; ratio: number }[] = [];
    const lum = ([r, g, b]: Rgba) => {
      const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const candidates = [
      ...document.querySelectorAll<Element>(
        'h1, h2, h3, h4, th, td, [role=cell], p, li, label, button:enabled, span, strong, main svg text',
      ),
    ].filter((e) => {
      const box = e.getBoundingClientRect();
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      // A screen reader's text (.visually-hidden, a 1-pixel box) is not read by the eye: no contrast to keep.
      return own && box.width > 1 && box.height > 1 && box.top >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    });
    for (const e of candidates.slice(0, 400)) {
      const style = getComputedStyle(e);
      const ink = parse(e instanceof SVGElement ? style.fill : style.color);
      if (!ink || style.visibility === 'hidden') continue;
      const box = e.getBoundingClientRect();
      const back = behind(e, box.left + box.width / 2, box.top + box.height / 2);
      const opacity = Number(style.opacity) * (e instanceof SVGElement ? Number(style.fillOpacity) : 1);
      const seen = over([ink[0], ink[1], ink[2], ink[3] * opacity], back);
      const [hi, lo] = [lum(seen), lum(back)].sort((a, b) => b - a);
      out.push({ text: e.textContent!.trim().slice(0, 24), tag: e.tagName, ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 });
    }
    return out;
  });
}

describe('深色主题', () => {
  const b = useBrowser();
  const db = openRealDatabase();

  it('follows the system until the reader picks a theme, keeps the pick across a reload, out of the URL', async () => {
    const page = await b.open('?view=overview');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    const dark = await pageBackground(page);
    expect(luminance(dark)).toBeLessThan(0.05);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await pageBackground(page);
    expect(luminance(light)).toBeGreaterThan(0.8);

    // 深色 on a light system: dark, stored, and still dark after a reload.
    await chooseTheme(page, '深色');
    expect(await pageBackground(page)).toEqual(dark);
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBe('dark');
    await page.reload();
    await page.waitForSelector('main[data-state="ready"]');
    expect(await pageBackground(page)).toEqual(dark);
    await expect(page.getByTestId('theme-switch').getAttribute('data-choice')).resolves.toBe('dark');
    expect(page.url()).not.toMatch(/theme|dark/);

    // Printed, the page is light whatever the screen's theme.
    await page.emulateMedia({ media: 'print' });
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.9);
    await page.emulateMedia({ media: 'screen' });

    // 浅色 on a dark system, then 跟随系统 again.
    await page.emulateMedia({ colorScheme: 'dark' });
    await chooseTheme(page, '浅色');
    expect(await pageBackground(page)).toEqual(light);
    await chooseTheme(page, '跟随系统');
    expect(await pageBackground(page)).toEqual(dark);
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBeNull();
  });

  it('repaints the heatmap’s painted cells when the system or the reader switches the theme', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete]');
    const absent = (await heatmapCells(page)).find((c) => c.status === 'absent')!;
    /** The absent cell's paint and the legend's swatch for it, as the page shows them now. */
    const colours = async () => {
      const box = await cellBox(page, absent.dutyGroup, absent.unit);
      const painted = await canvasColourAt(page, { x: box.x + 3, y: box.y + 3 });
      const legend = await page
        .locator('[data-testid=view-heatmap] .legend li', { hasText: '未列入' })
        .locator('.swatch')
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      return { painted: `rgb(${painted.join(', ')})`, legend };
    };
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await colours();
    expect(light.painted).toBe(light.legend);
    await page.emulateMedia({ colorScheme: 'dark' });
    // Dark: the swatch changes colour, and the painted cell with it.
    await expect.poll(async () => (await colours()).legend).not.toBe(light.legend);
    await expect.poll(colours).toEqual(expect.objectContaining({ painted: (await colours()).legend }));
    await chooseTheme(page, '浅色');
    await expect.poll(colours).toEqual(light);
  });

  it('exports the heatmap’s painted cells from a dark screen in the light theme’s colours', async () => {
    const page = await b.open('?view=heatmap');
    await page.waitForSelector('[data-testid=reclaimed-heatmap] svg[data-complete]');
    /** The absent cells' colour and the cells' text colour in a theme, as the page computes them. */
    const look = () =>
      page.evaluate(() => {
        const probe = document.body.appendChild(document.createElement('span'));
        const colour = (v: string) => ((probe.style.color = v), getComputedStyle(probe).color);
        const found = { absent: colour('var(--absent)'), muted: colour('var(--muted)') };
        probe.remove();
        return found;
      });
    const light = await look();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await look();
    expect(dark.absent).not.toBe(light.absent);
    const frame = page.getByTestId('reclaimed');
    await frame.locator('.trigger').click();
    const [file] = await Promise.all([page.waitForEvent('download'), frame.locator('[data-export="svg"]').click()]);
    const svg = new DOMParser().parseFromString(readFileSync(await file.path()).toString('utf8'), 'image/svg+xml');
    const marks = [...(svg.getElementsByTagName('g') as unknown as Iterable<Element>)].find(
      (g) => g.getAttribute('class') === 'cell-marks',
    )!;
    const fills = (tag: string) =>
      new Set([...(marks.getElementsByTagName(tag) as unknown as Iterable<Element>)].map((e) => e.getAttribute('fill')));
    // Absent cells in the light grey with light text (the dashes), none in the dark theme's.
    expect(fills('rect')).toContain(light.absent);
    expect(fills('rect')).not.toContain(dark.absent);
    expect(fills('text')).toContain(light.muted);
    expect(fills('text')).not.toContain(dark.muted);
  });

  it('exports a chart drawn on a dark screen in light colours', async () => {
    // 事项类别's bars: every text of the chart is ink (no number sits inside a bar).
    const page = await b.open('?view=categories');
    await page.emulateMedia({ colorScheme: 'dark' });
    await settle(page);
    const frame = page.locator('figure.chart-frame').first();
    const download = async (kind: 'svg' | 'png2') => {
      await frame.locator('.trigger').click();
      const [file] = await Promise.all([page.waitForEvent('download'), frame.locator(`[data-export="${kind}"]`).click()]);
      return readFileSync(await file.path());
    };

    // The SVG: each text of the chart's copy (the nested <svg>) in a dark ink, as on a light screen.
    const svg = new DOMParser().parseFromString((await download('svg')).toString('utf8'), 'image/svg+xml');
    const chart = svg.getElementsByTagName('svg')[1];
    const inks = [...(chart.getElementsByTagName('text') as unknown as Iterable<Element>)].map((text) => {
      let e: Element | null = text;
      while (e && !e.getAttribute('fill')) e = e.parentNode as Element | null;
      return e?.getAttribute('fill') ?? 'rgb(0, 0, 0)';
    });
    expect(inks.length).toBeGreaterThan(10);
    const rgbOf = (c: string) => c.match(/\d+/g)!.slice(0, 3).map(Number) as Rgb;
    for (const ink of new Set(inks)) expect(luminance(rgbOf(ink)), ink).toBeLessThan(0.1);

    // The PNG: white behind, and no pixel of the dark theme's panel or page.
    const base64 = (await download('png2')).toString('base64');
    const { corner, darkSurface } = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const surfaces = [
        getComputedStyle(document.documentElement).backgroundColor,
        getComputedStyle(document.querySelector('figure.chart-frame')!).backgroundColor,
      ].map((c) => c.match(/\d+/g)!.slice(0, 3).map(Number));
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (surfaces.some(([r, g, b]) => Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 6)) dark++;
      return { corner: [pixels[0], pixels[1], pixels[2]], darkSurface: dark };
    }, base64);
    expect(corner).toEqual([255, 255, 255]);
    expect(darkSurface).toBe(0);
    // The page itself is still dark.
    expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
  });

  const views = Object.keys(VIEW_LABELS) as ViewId[];
  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps every view's text at 4.5:1 or more against its background (${scheme})`, async () => {
      const picked = db
        .all<{ id: string }>('SELECT id FROM townships ORDER BY id LIMIT 3')
        .map((t) => `t=${t.id}`)
        .join('&');
      const failures: string[] = [];
      let page: Page | null = null;
      for (const view of views) {
        const search = view === 'compare' ? `?view=compare&${picked}` : `?view=${view}`;
        page ??= await b.open(search);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(new URL(search, b.baseURL).href);
        await page.waitForSelector('main[data-state="ready"]');
        await settle(page);
        const measured = await measureText(page);
        expect(measured.length, `${view}: text measured`).toBeGreaterThan(5);
        for (const m of measured) if (m.ratio < 4.5) failures.push(`${VIEW_LABELS[view]} ${m.tag} “${m.text}” ${m.ratio}:1`);
        if (scheme === 'dark') await b.screenshot(page, `${view}-dark`);
      }
      expect(failures).toEqual([]);
    });
  }
});
