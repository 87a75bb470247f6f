/**
 * npm run bench [-- --sizes bundled,100,1100] [--fresh] [--runs N] [--walks N] [--rounds N] [--timeout S] [--out FILE]
 *
 * The dashboard's figures at 5 (the bundled lists), 100 and 1,100 synthetic townships (seed 1), each
 * against a baseline measured in the same run, and the targets (issue 7): the build, the
 * first chart in Chromium with the cache off against a bare sql.js page, every view's queries and
 * redraws, the search, the network graph's frames per second. Prints the table and writes it to
 * BENCHMARKS.md with the machine described and what 38,000 townships would take; the raw figures go
 * to .bench/results.json. Not part of `npm test`: it takes minutes (see scripts/bench/ for how).
 *
 *   --sizes   bundled (the lists in data/raw) and/or numbers of synthetic townships
 *   --fresh   rebuild every site even if .bench/ holds a current one (the build is measured again)
 *   --runs    cold loads per size (default 7); --rounds  passes of filter changes and drill-downs per view (default 2)
 *   --walks   fresh pages the walk through every view is made in, its figures pooled (default 5): enough samples
 *             for a p95 that is not simply the slowest one
 *   --timeout seconds a page may take to redraw before it counts as timed out (default 30)
 *   --budget  seconds one view's walk, or the search, may take before its remaining changes are skipped (default 60)
 *   --report  measure nothing: write BENCHMARKS.md again from the last run's .bench/results.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { VIEW_LABELS } from '../src/lib/ui/strings';
import { launch, serve, CHROMIUM } from './bench/browser';
import { describeMachine, loadAverage } from './bench/machine';
import { measureGraph } from './bench/measure-graph';
import { measureLoads } from './bench/measure-load';
import { searchInNode } from './bench/measure-search-node';
import { searchTerms, walkViews } from './bench/measure-views';
import { SEARCH_TERMS, walkPlan } from './bench/plan';
import { poolWalks } from './bench/pool';
import { renderMarkdown, renderText } from './bench/report';
import { CACHE, ROOT, prepareSite, type PreparedSite, type SiteSize } from './bench/sites';
import type { BenchResult, SizeResult } from './bench/types';

/** The run must fit this on a 2-core machine (issue 7): it says so when it does not. */
const BUDGET_MS = 15 * 60_000;

function parseArgs(argv: string[]) {
  const args = {
    sizes: ['bundled', 100, 1100] as SiteSize[],
    fresh: false,
    runs: 7,
    walks: 5,
    rounds: 2,
    timeoutMs: 30_000,
    budgetMs: 60_000,
    reportOnly: false,
    out: join(ROOT, 'BENCHMARKS.md'),
  };
  const number = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number, not ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fresh') args.fresh = true;
    else if (a === '--report') args.reportOnly = true;
    else if (a === '--sizes')
      args.sizes = (argv[++i] ?? '').split(',').map((s) => (s === 'bundled' ? 'bundled' : Math.round(number('--sizes', s))));
    else if (a === '--runs') args.runs = Math.round(number(a, argv[++i]));
    else if (a === '--walks') args.walks = Math.max(1, Math.round(number(a, argv[++i])));
    else if (a === '--rounds') args.rounds = Math.round(number(a, argv[++i]));
    else if (a === '--timeout') args.timeoutMs = number(a, argv[++i]) * 1000;
    else if (a === '--budget') args.budgetMs = number(a, argv[++i]) * 1000;
    else if (a === '--out') args.out = resolve(argv[++i] ?? '');
    else throw new Error(`unknown argument ${a} (see the top of scripts/bench.ts)`);
  }
  return args;
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const log = (line: string) => console.error(`[${elapsed()}] ${line}`);

type Loads = Awaited<ReturnType<typeof measureLoads>>[number];

/** Everything but the cold loads (measured beforehand for every size, see main) at one size. */
async function measureSize(
  browser: Awaited<ReturnType<typeof launch>>,
  prepared: PreparedSite,
  serverUrl: string,
  load: Loads,
  args: ReturnType<typeof parseArgs>,
) {
  const sizeStarted = performance.now();
  const { site, build, townships } = prepared;
  const errors: string[] = [...load.errors];
  const plan = await walkPlan(site, Object.keys(VIEW_LABELS), args);
  const walks: Awaited<ReturnType<typeof walkViews>>[] = [];
  for (let page = 1; page <= args.walks; page++) {
    log(`${townships} townships: walking every view (page ${page}/${args.walks})`);
    const walk = await walkViews(browser, serverUrl, plan, log);
    errors.push(...walk.errors);
    walks.push(walk);
  }
  log(`${townships} townships: ${SEARCH_TERMS.length} searches in the browser, then in Node`);
  const search = await searchTerms(browser, serverUrl, SEARCH_TERMS, args);
  errors.push(...search.errors);
  let node: SizeResult['search']['node'];
  try {
    node = await searchInNode(join(site, 'data'), SEARCH_TERMS);
  } catch (e) {
    node = { error: e instanceof Error ? e.message : String(e) };
  }
  log(`${townships} townships: the network graph's frames per second`);
  const graph = await measureGraph(browser, serverUrl, args.timeoutMs);
  if (errors.length) log(`${townships} townships: the page reported errors:\n  ${[...new Set(errors)].join('\n  ')}`);
  const result: SizeResult = {
    townships,
    build,
    load: { app: load.app, bare: load.bare },
    views: poolWalks(walks.map((w) => w.views)),
    walks: walks.length,
    search: { terms: search.terms, node },
    graph,
    // The first page's: every page walks the same views, and the later ones would repeat it.
    heapAfterWalk: walks[0]?.heapAfterWalk,
    elapsedMs: performance.now() - sizeStarted,
  };
  return result;
}

function write(result: BenchResult, out: string) {
  writeFileSync(out, renderMarkdown(result));
  console.log(renderText(result));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const resultsFile = join(CACHE, 'results.json');
  if (args.reportOnly) {
    write(JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResult, args.out);
    console.log(`\nWrote ${relative(ROOT, args.out)} from ${relative(ROOT, resultsFile)}.`);
    return;
  }
  const startedAt = new Date().toISOString();
  const loadStart = loadAverage();
  log(`sites: ${args.sizes.join(', ')}${args.fresh ? ' (fresh)' : ''}`);
  // Every build before the browser starts: the two would share the cores.
  const prepared: PreparedSite[] = [];
  for (const size of args.sizes) prepared.push(await prepareSite(size, { seed: 1, fresh: args.fresh, log }));
  const browser = await launch();
  const machine = { ...describeMachine(CHROMIUM), chromium: `Chromium ${browser.version()}` };
  const sizes: SizeResult[] = [];
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  try {
    for (const p of prepared) servers.push(await serve(p.site));
    log(`cold loads: ${args.runs} rounds of every size's app and bare page`);
    const loads = await measureLoads(
      browser,
      prepared.map((p, i) => ({ label: `${p.townships} townships`, siteUrl: servers[i].url, site: p.site })),
      args.runs,
      log,
    );
    for (const [i, p] of prepared.entries()) sizes.push(await measureSize(browser, p, servers[i].url, loads[i], args));
  } finally {
    await Promise.allSettled(servers.map((server) => server.close()));
    await browser.close();
  }
  const result: BenchResult = {
    machine,
    startedAt,
    durationMs: performance.now() - started,
    loadAverage: { start: loadStart, end: loadAverage() },
    loadsInRounds: true,
    sizes: sizes.sort((a, b) => a.townships - b.townships),
  };
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(result, null, 1));
  write(result, args.out);
  console.log(`\nWrote ${relative(ROOT, args.out)} and ${relative(ROOT, resultsFile)} in ${elapsed().trim()}.`);
  if (result.durationMs > BUDGET_MS)
    console.log(`This run took longer than ${BUDGET_MS / 60_000} minutes, the budget on a 2-core machine.`);
}

await main();
