/**
 * npm run bench:load [-- --runs N]   (after `npm run build`)
 *
 * How long a reader waits: serves dist/ with `vite preview`, opens each view in Debian's Chromium at
 * 1280×720 with a cold cache, and prints the time until the database is loaded and until the view's
 * chart (or table) is drawn, plus the page's JS heap (the main thread's; the sql.js worker holds the database besides). A benchmark prints; it never fails a test.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!existsSync(resolve(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npm run build` first');

/** What "drawn" means per view: its main chart or table is in the page. */
const VIEWS: Record<string, string> = {
  overview: '[data-testid="view-overview"] svg',
  categories: '[data-testid="view-categories"] svg',
  network: '[data-testid="view-network"] svg circle',
  heatmap: '[data-testid="reclaimed-heatmap"]',
  explorer: '[data-testid="results"] [role="row"]',
};

const server = await preview({ root, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, open: false } });
const address = server.httpServer.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dbKiB = statSync(resolve(root, 'dist/data/duties.sqlite')).size / 1024;
console.log(
  `Load benchmark: ${runs} cold runs per view, Chromium headless 1280×720, database ${dbKiB.toFixed(0)} KiB, served from localhost`,
);
console.log('view'.padEnd(12), 'db ready ms'.padStart(12), 'drawn ms'.padStart(10), 'JS heap MiB'.padStart(12));
try {
  for (const [view, drawn] of Object.entries(VIEWS)) {
    const ready: number[] = [];
    const shown: number[] = [];
    const heap: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${base}?view=${view}`);
      await page.waitForSelector('main[data-state="ready"]', { timeout: 30000 });
      ready.push(Date.now() - start);
      await page.waitForSelector(drawn, { timeout: 30000 });
      shown.push(Date.now() - start);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = await cdp.send('Performance.getMetrics');
      const used = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (used) heap.push(used / 2 ** 20);
      await context.close();
    }
    console.log(
      view.padEnd(12),
      String(median(ready)).padStart(12),
      String(median(shown)).padStart(10),
      (heap.length ? median(heap).toFixed(1) : '–').padStart(12),
    );
  }
} finally {
  await browser.close();
  await server.close();
}
