/**
 * npm run screenshots [-- --sizes 100,1100] [--fresh]
 *
 * The README's screenshots at scale: every view of a synthetic site (seed 1, the benchmark's sites in
 * .bench/, built there if missing) at region level, one prefecture drilled into, and one county, in
 * Debian's Chromium at 1280×720 and 1920×1080. Writes docs/screenshots/<size>-<shot>-<width>.png.
 * Not part of `npm test` (building 1,100 townships takes about a minute); the five bundled townships'
 * screenshots are refreshed by the e2e tests instead.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import type { Page } from 'playwright-core';
import { launch, serve } from './bench/browser';
import { ROOT, prepareSite } from './bench/sites';
import { gunzipSync } from 'node:zlib';
import { SUMMARY_FILE } from '../src/lib/atlas/parts';

const OUT = join(ROOT, 'docs/screenshots');
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const VIEWS = ['overview', 'categories', 'network', 'heatmap', 'explorer'] as const;

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (flag('--sizes') ?? '100,1100').split(',').map(Number);
const fresh = args.includes('--fresh');

/** The prefecture with the most townships and its largest county: the places the shots drill into (URL keys). */
async function drillTargets(site: string): Promise<{ prefecture: string; county: string }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(gunzipSync(readFileSync(join(site, 'data', SUMMARY_FILE))));
  const first = (sql: string, params: (string | number)[] = []) => {
    const statement = db.prepare(sql);
    statement.bind(params);
    statement.step();
    const row = statement.getAsObject() as { id: number; key: string };
    statement.free();
    return row;
  };
  const prefecture = first(`SELECT id, key FROM places WHERE level = 'prefecture' ORDER BY townships DESC, ord LIMIT 1`);
  const county = first(`SELECT id, key FROM places WHERE parent = ? ORDER BY townships DESC, ord LIMIT 1`, [prefecture.id]);
  db.close();
  return { prefecture: prefecture.key, county: county.key };
}

async function settle(page: Page): Promise<void> {
  // Every chart frame of the view marked drawn (src/lib/components/chart-drawn.ts), or 事项查询's
  // result count, then a moment for the network's layout to settle in its worker.
  await page.waitForFunction(
    () => {
      const frames = [...document.querySelectorAll<HTMLElement>('figure.chart-frame')];
      if (frames.length) return frames.every((f) => f.dataset.drawn !== undefined);
      return Boolean(document.querySelector('[data-testid=result-count]')?.textContent?.trim());
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(1500);
}

mkdirSync(OUT, { recursive: true });
const browser = await launch();
try {
  for (const size of sizes) {
    const { site } = await prepareSite(size, { seed: 1, fresh, log: (m) => console.log(m) });
    const { prefecture, county } = await drillTargets(site);
    const server = await serve(site);
    try {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
        const page = await context.newPage();
        const shots: [string, string][] = [
          ...VIEWS.map((view): [string, string] => [view, `?view=${view}`]),
          ...VIEWS.filter((v) => v !== 'explorer').map((view): [string, string] => [
            `${view}-prefecture`,
            `?view=${view}&p=${encodeURIComponent(prefecture)}`,
          ]),
          ['network-county', `?view=network&p=${encodeURIComponent(county)}`],
          ['heatmap-county', `?view=heatmap&p=${encodeURIComponent(county)}`],
        ];
        for (const [name, search] of shots) {
          await page.goto(server.url + search);
          await settle(page);
          const file = join(OUT, `${size}-${name}-${viewport.width}.png`);
          await page.screenshot({ path: file });
          console.log(file);
        }
        await context.close();
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
