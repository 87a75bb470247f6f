/**
 * Cold loads: the app to its first chart painted, the bare page to its answer painted, alternately
 * (so a slow moment of the machine hits both), each in a fresh context with the cache disabled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { heapOf, openSession, resourcesOf, type Resource, type Session } from './browser';
import { isFirstPaintPath } from './targets';
import type { PageLoad } from './types';

const TIMEOUT_MS = 120_000;

/**
 * A response's size gzipped at level 6 (zlib's default, as most servers use), from the site's file
 * (the atlas parts, gzipped by the build, count as they are); a response the site has no file for
 * (the browser's favicon request) counts as it was sent.
 */
const gzippedSize = (bytes: Buffer) => (bytes[0] === 0x1f && bytes[1] === 0x8b ? bytes.length : gzipSync(bytes, { level: 6 }).length);

function gzipSizer(site: string) {
  const sizes = new Map<string, number | null>();
  return ({ path, transferSize }: Resource) => {
    const file = join(site, path === '' || path.endsWith('/') ? `${path}index.html` : path);
    if (!sizes.has(file)) sizes.set(file, existsSync(file) ? gzippedSize(readFileSync(file)) : null);
    return sizes.get(file) ?? transferSize;
  };
}

async function pageLoad(
  browser: Browser,
  siteUrl: string,
  path: string,
  paintedWhen: string,
  gzipOf: (resource: Resource) => number,
): Promise<PageLoad & { errors: string[] }> {
  const session: Session = await openSession(browser);
  try {
    await session.page.goto(siteUrl + path, { waitUntil: 'commit' });
    const handle = await session.page.waitForFunction(paintedWhen, undefined, { timeout: TIMEOUT_MS, polling: 50 });
    type Painted = Pick<
      PageLoad,
      'ms' | 'queryMs' | 'coldQueryMs' | 'longTasksMs' | 'longestTaskMs' | 'needs' | 'answeredMs' | 'fromFirstAnswers'
    > & {
      timeOrigin: number;
    };
    const { timeOrigin, ...painted } = (await handle.jsonValue()) as Painted;
    const { ms } = painted;
    const heap = await heapOf(browser, session);
    const before = (await resourcesOf(session, siteUrl)).filter((r: Resource) => r.endedAt <= timeOrigin + ms);
    return {
      ...painted,
      bytes: before.reduce((n, r) => n + r.transferSize, 0),
      gzipBytes: before.reduce((n, r) => n + gzipOf(r), 0),
      firstPaintGzipBytes: before.filter((r) => isFirstPaintPath(r.path)).reduce((n, r) => n + gzipOf(r), 0),
      files: before.map((r) => r.path || 'index.html'),
      ...heap,
      errors: session.errors,
    };
  } finally {
    await session.close();
  }
}

const APP_PAINTED = `(() => {
  const ms = window.__bench?.firstChart();
  return ms == null ? null : { ms, timeOrigin: performance.timeOrigin, ...window.__bench.before(ms) };
})()`;

const BARE_PAINTED = `(() => {
  if (document.body?.dataset.error) throw new Error(document.body.dataset.error);
  const mark = performance.getEntriesByName('bench:bare-painted')[0];
  // Its answer's time from its own mark: it sends no query through the app's worker.
  return mark ? { ms: mark.startTime, timeOrigin: performance.timeOrigin, ...window.__bench.before(mark.startTime), ...mark.detail } : null;
})()`;

/** A site to load: its URL as served and its folder on disk (for the gzipped sizes). */
export interface LoadSite {
  label: string;
  siteUrl: string;
  site: string;
}

/**
 * Cold loads of every site, round by round (in each round each site's bare page, then its app):
 * the first chart's ratios between sizes then compare loads made seconds apart, not minutes, so a
 * machine whose speed drifts during the run (a shared host) moves both sides alike.
 */
export async function measureLoads(
  browser: Browser,
  sites: readonly LoadSite[],
  runs: number,
  log: (line: string) => void,
): Promise<{ app: PageLoad[]; bare: PageLoad[]; errors: string[] }[]> {
  const measured = sites.map((s) => ({ gzipOf: gzipSizer(s.site), app: [] as PageLoad[], bare: [] as PageLoad[], errors: [] as string[] }));
  const strip = ({ errors: _, ...load }: PageLoad & { errors: string[] }) => load;
  for (let run = 0; run < runs; run++) {
    for (const [i, s] of sites.entries()) {
      const into = measured[i];
      const b = await pageLoad(browser, s.siteUrl, 'bench/bare.html', BARE_PAINTED, into.gzipOf);
      const a = await pageLoad(browser, s.siteUrl, '', APP_PAINTED, into.gzipOf);
      into.errors.push(...a.errors, ...b.errors);
      into.bare.push(strip(b));
      into.app.push(strip(a));
      log(`  load ${run + 1}/${runs}, ${s.label}: first chart ${a.ms.toFixed(0)} ms, bare page ${b.ms.toFixed(0)} ms`);
    }
  }
  return measured.map(({ app, bare, errors }) => ({ app, bare, errors }));
}
