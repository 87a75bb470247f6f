import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRatio, markdownTable, textTable } from '../../../scripts/bench/format';
import { firstChart, viewStats, worstQuery, worstRedraw } from '../../../scripts/bench/figures';
import { projections, renderMarkdown, summaryRow } from '../../../scripts/bench/report';
import { poolWalks } from '../../../scripts/bench/pool';
import { isFirstPaintPath, neededBy, sizeClass, targetsFor } from '../../../scripts/bench/targets';
import {
  SUMMARY_FILE,
  namesFile,
  namesNeed,
  partFile,
  searchBucketFile,
  stepsFile,
  stepsNeed,
  textNeed,
} from '../../../src/lib/atlas/parts';
import type { BenchResult, Change, PageLoad, SizeResult } from '../../../scripts/bench/types';
import { FIRST_ANSWERS_FILE } from '../../../src/lib/db/first-answers';

const load = (ms: number, gzipBytes: number, extra: Partial<PageLoad> = {}): PageLoad => ({
  ms,
  bytes: gzipBytes * 1.1,
  gzipBytes,
  firstPaintGzipBytes: gzipBytes,
  files: ['index.html', 'assets/index.js', `data/${SUMMARY_FILE}`],
  heapBytes: 5e6,
  buffersBytes: 1e6,
  longTasksMs: 0,
  longestTaskMs: 0,
  needs: [],
  answeredMs: ms * 0.6,
  ...extra,
});

const change = (kind: Change['kind'], ms: number, runMs: number[], waitMs = 0): Change => ({
  kind,
  search: `?view=x&${kind}`,
  ms,
  longTasksMs: 0,
  timedOut: false,
  queries: runMs.map((r) => ({ runMs: r, waitMs, roundTripMs: r + waitMs + 1, needs: [], sql: `SELECT ${r}` })),
});

/** A size whose figures are all given: first chart `ms` against a bare page of 300 ms. */
function size(
  townships: number,
  o: { ms: number; gzip?: number; queryMs?: number; redrawMs?: number; fps?: number; buildMs?: number },
): SizeResult {
  const { ms, gzip = 500_000, queryMs = 5, redrawMs = 50, fps = 60, buildMs = 1_000 } = o;
  return {
    townships,
    build: {
      townships,
      items: townships * 250,
      wallMs: buildMs,
      cpuMs: buildMs * 0.9,
      maxRssBytes: 2e8 + townships * 1e6,
      files: 10,
      bytes: townships * 1e5,
      phases: [['read + parse', buildMs / 2]],
      parts: { complete: { files: 1, bytes: townships * 2e5 }, summary: { files: 1, bytes: 1e5 + townships * 1e3 } },
      measuredAt: '2026-01-01T00:00:00Z',
      fromCache: false,
    },
    load: {
      app: [load(ms, gzip), load(ms + 100, gzip), load(ms - 100, gzip)],
      bare: [load(300, 400_000, { queryMs: 1 }), load(310, 400_000, { queryMs: 1 }), load(290, 400_000, { queryMs: 1 })],
    },
    views: [
      {
        view: 'overview',
        changes: [change('open', 80, [1, 2]), change('filter', redrawMs, [queryMs]), change('drill', redrawMs / 2, [1])],
      },
      { view: 'network', changes: [change('open', 90, [3]), change('filter', 40, [2]), change('drill', 30, [2])] },
    ],
    search: { terms: [{ term: '网格', runMs: 2, waitMs: 1, ms: 30, timedOut: false }], node: [] },
    graph: {
      baselineFps: 60,
      layout: { fps, longestGapMs: 20, settleMs: 200, marks: 50 },
      drag: { fps: 60, longestGapMs: 17, moved: true },
    },
    elapsedMs: 1,
  };
}

describe('targets', () => {
  it('holds a size to the row of its class', () => {
    expect([1, 5, 6, 100, 101, 1_100, 5_000].map(sizeClass)).toEqual([5, 5, 100, 100, 1100, 1100, 1100]);
    expect(targetsFor(1_100).layoutSettleMs).toBe(1_000);
    expect(targetsFor(5).gzipBytes).toBe(800_000);
  });

  it('lets the first paint fetch the app, the summary and the first answers, not the detail', () => {
    expect(['index.html', 'assets/worker-1.js', `data/${SUMMARY_FILE}`, `data/${FIRST_ANSWERS_FILE}`].every(isFirstPaintPath)).toBe(true);
    expect(
      [
        `data/${partFile('facts')}`,
        `data/${namesFile(7)}`,
        `data/${stepsFile(7)}`,
        `data/${searchBucketFile(0)}`,
        'data/duties.sqlite',
      ].some(isFirstPaintPath),
    ).toBe(false);
  });

  it('counts a county’s text file as read by a query that needs its steps, some items’ steps or only its item names', () => {
    for (const file of [namesFile(7), stepsFile(7)]) {
      expect(neededBy(`data/${file}`, [textNeed(7)])).toBe(true);
      expect(neededBy(`data/${file}`, [stepsNeed(7, [70, 71])])).toBe(true);
      expect(neededBy(`data/${file}`, [namesNeed(8), stepsNeed(8, [70]), 'facts'])).toBe(false);
    }
    expect(neededBy(`data/${namesFile(7)}`, [namesNeed(7)])).toBe(true);
    expect(neededBy(`data/${stepsFile(7)}`, [namesNeed(7)])).toBe(false);
    expect(neededBy(`data/${partFile('facts')}`, ['facts'])).toBe(true);
  });
});

describe('figures', () => {
  it('takes medians of the cold loads and lists the detail fetched before the first chart', () => {
    const s = size(1_100, { ms: 900 });
    s.load.app[0].files = [...s.load.app[0].files, `data/${partFile('facts')}`];
    const fc = firstChart(s);
    expect(fc.app.ms).toBe(900);
    expect(fc.bare.ms).toBe(300);
    expect(fc.bare.queryMs).toBe(1);
    expect(fc.detailFiles).toEqual([`data/${partFile('facts')}`]);
  });

  it('finds the slowest view’s query and redraw p95, and counts the search where the targets do', () => {
    const s = size(1_100, { ms: 900, queryMs: 7, redrawMs: 120 });
    s.search.terms[0].runMs = 9;
    // Queries 1, 2 (open), 7 (filter), 1 (drill): the median is the second of four.
    expect(viewStats(s.views[0]).queries).toEqual({ n: 4, p50: 1, p95: 7, max: 7 });
    expect(worstQuery(s, false)).toEqual({ p95: 7, where: 'overview', samples: [1, 2, 7, 1] });
    expect(worstQuery(s, true)).toEqual({ p95: 9, where: 'search', samples: [9] });
    expect(worstRedraw(s, false)).toEqual({ p95: 120, where: 'overview, filter', samples: [120] });
  });
});

describe('summary row', () => {
  it('states each figure with its baseline, the ratio and the target, and marks no miss when all are met', () => {
    const row = summaryRow(size(5, { ms: 500 }), undefined);
    expect(row.misses).toEqual([]);
    const [first, queryRedraw, graph, build] = row.cells;
    expect(first[0]).toBe("500 ms = 1.67× the bare page's 300 ms (≤ 2×) ✓");
    expect(first[1]).toContain('500 KB gzipped before it (bare 400 KB, 1.25×) (≤ 800 KB) ✓');
    expect(queryRedraw[0]).toBe("query 5.0 ms (overview; 0 of 4 over 10 ms); the bare page's one query 1.0 ms, 5.00× (≤ 10 ms) ✓");
    expect(queryRedraw[1]).toContain('redraw 50 ms (overview, filter; 0 of 1 over 100 ms)');
    expect(graph[0]).toBe("layout 60 fps = 1.00× the empty loop's 60 fps (≥ 55) ✓");
    expect(build[0]).toBe('1.00 s (CPU 900 ms) (≤ 2.00 s) ✓');
  });

  it('holds 1,100 townships to the 5-township first chart and reports every miss with its figure', () => {
    const five = size(5, { ms: 500 });
    const region = size(1_100, { ms: 900, queryMs: 150, redrawMs: 400, fps: 12, buildMs: 90_000 });
    const row = summaryRow(region, five);
    expect(row.cells[0][0]).toBe('900 ms = 1.80× the 5-township 500 ms (≤ 1.5×) ✗ **miss**');
    expect(row.misses.map((m) => m.what)).toEqual([
      'first chart',
      'query p95, search included',
      'redraw p95',
      'graph fps while the layout runs',
      'build time',
    ]);
    const query = row.misses.find((m) => m.what.startsWith('query'))!;
    // A slow first chart says whether the data came late or the drawing took long, beside the bare page.
    expect(row.misses[0].evidence).toContain(
      "its worker's first answer reached the page at 540 ms, the chart was painted 360 ms later (the bare page's answer at 180 ms, painted 120 ms later)",
    );
    expect(query).toMatchObject({ townships: 1_100, measured: '150 ms (overview; 1 of 4 over 100 ms)', target: '≤ 100 ms' });
    expect(query.evidence).toContain('SELECT 150');
  });

  it('says a slow first chart drawn from the build’s first answers had its data when they arrived', () => {
    const five = size(5, { ms: 500 });
    const fromAnswers = (l: PageLoad): PageLoad => ({ ...l, answeredMs: 100, fromFirstAnswers: true });
    five.load.app = five.load.app.map(fromAnswers);
    const region = size(1_100, { ms: 900 });
    region.load.app = region.load.app.map(fromAnswers);
    const miss = summaryRow(region, five).misses.find((m) => m.what === 'first chart')!;
    expect(miss.evidence).toContain(
      "the build's first answers (its worker started after the paint) reached the page at 100 ms, the chart was painted 800 ms later",
    );
    region.load.app[0] = { ...region.load.app[0], fromFirstAnswers: false };
    expect(summaryRow(region, five).misses.find((m) => m.what === 'first chart')!.evidence).toContain(
      "its first data (the build's first answers in 2 of 3 runs, else its worker's first answer)",
    );
  });

  it('says how many of the queries past the target were a statement’s first run, beside its other runs and the bare page’s cold query', () => {
    const five = size(5, { ms: 500 });
    five.load.bare = five.load.bare.map((l) => ({ ...l, queryMs: 0.5, coldQueryMs: 30 }));
    const run = (runMs: number, sql = 'SELECT p.key AS unit') => ({ runMs, waitMs: 0, roundTripMs: runMs + 1, needs: [], sql });
    five.views[1].changes = [
      { ...change('open', 90, []), queries: [run(14)] },
      { ...change('filter', 40, []), queries: [run(2)] },
      { ...change('drill', 30, []), queries: [run(6), run(1)] },
    ];
    const evidence = () => summaryRow(five, five).misses.find((m) => m.what.startsWith('query'))!.evidence;
    expect(evidence()).toBe(
      "network: 1 of its 4 queries took over 10 ms, each a statement's first run in the walk; " +
        'its 3 runs that were not a first run: 2.0 ms (median), 6.0 ms at most; ' +
        'slowest 14 ms (a first run): SELECT p.key AS unit; ' +
        "a statement's first run pays for V8 compiling the parts of sql.js's wasm it calls for the first time in the page " +
        "(the bare page's one query: 30 ms cold, 0.5 ms warm)",
    );
    // Slow on a later run too: that one is not put down to compiling.
    five.views[1].changes[2].queries[1] = run(15);
    expect(evidence()).toBe(
      "network: 2 of its 4 queries took over 10 ms, 1 of them a statement's first run in the walk; " +
        'its 3 runs that were not a first run: 6.0 ms (median), 15 ms at most; slowest 15 ms: SELECT p.key AS unit; ' +
        "a statement's first run pays for V8 compiling the parts of sql.js's wasm it calls for the first time in the page " +
        "(the bare page's one query: 30 ms cold, 0.5 ms warm)",
    );
  });

  it('counts a statement’s first run in each page of a pooled walk as a first run', () => {
    const five = size(5, { ms: 500 });
    five.load.bare = five.load.bare.map((l) => ({ ...l, queryMs: 0.5, coldQueryMs: 30 }));
    const run = (runMs: number) => ({ runMs, waitMs: 0, roundTripMs: runMs + 1, needs: [], sql: 'SELECT p.key AS unit' });
    const page = (first: number, later: number) => [
      {
        view: 'network',
        changes: [
          { ...change('open', 90, []), queries: [run(first)] },
          { ...change('filter', 40, []), queries: [run(later)] },
        ],
      },
    ];
    five.views = poolWalks([page(14, 1), page(16, 2), page(12, 3)]);
    five.walks = 3;
    expect(summaryRow(five, five).misses.find((m) => m.what.startsWith('query'))!.evidence).toContain(
      "network: 3 of its 6 queries took over 10 ms, each a statement's first run in its page; " +
        'its 3 runs that were not a first run: 2.0 ms (median), 3.0 ms at most; slowest 16 ms (a first run)',
    );
  });

  it('explains a miss the search causes by its slowest terms, not by a view', () => {
    const region = size(1_100, { ms: 600 });
    region.search.terms = [
      { term: '网格', runMs: 30, waitMs: 40, ms: 130, timedOut: false },
      { term: '宗教', runMs: 5, waitMs: 10, ms: 60, timedOut: false },
    ];
    const row = summaryRow(region, size(5, { ms: 500 }));
    const redraw = row.misses.find((m) => m.what === 'redraw p95')!;
    expect(redraw.measured).toBe('130 ms (search; 1 of 2 over 100 ms)');
    expect(redraw.evidence).toMatch(
      /^slowest searches: `网格` painted in 130 ms \(its queries ran 30 ms, waited up to 40 ms for parts\), `宗教`/,
    );
  });
});

describe('formats and tables', () => {
  it('writes times, sizes and ratios the way the targets are written', () => {
    expect([0.42, 12.4, 999, 1_234, 61_000, 416_000, 13_502_700].map(formatMs)).toEqual([
      '0.4 ms',
      '12 ms',
      '999 ms',
      '1.23 s',
      '61.0 s',
      '6.9 min',
      '3.8 h',
    ]);
    expect([512, 800_000, 12_345_678, 196_000_000, 4e9].map(formatBytes)).toEqual(['512 B', '800 KB', '12.3 MB', '196 MB', '4.00 GB']);
    expect([1.234, 23.4, NaN].map(formatRatio)).toEqual(['1.23×', '23×', '–']);
  });

  it('escapes pipes in Markdown cells and right-aligns figures in the terminal', () => {
    expect(markdownTable(['a', 'b'], [['x|y', '1']], ['l', 'r'])).toBe('| a | b |\n| --- | ---: |\n| x\\|y | 1 |');
    expect(textTable(['视图', 'ms'], [['总览', '12 ms']]).split('\n')).toEqual(['视图  ms', '----  -----', '总览  12 ms']);
  });
});

describe('BENCHMARKS.md', () => {
  const result: BenchResult = {
    machine: { cpu: 'Test CPU', cores: 2, memoryBytes: 8e9, os: 'Linux', node: 'v20', chromium: 'Chromium 1' },
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 600_000,
    loadAverage: { start: 3, end: 0.5 },
    sizes: [size(5, { ms: 500 }), size(100, { ms: 550 }), size(1_100, { ms: 900, buildMs: 90_000 })],
  };

  it('has the issue’s table, the machine, the misses and the projection to 38,000 townships', () => {
    const md = renderMarkdown(result);
    expect(md).toContain('| at | first chart | query / redraw p95 | graph | build |');
    expect(md).toContain('Test CPU, 2 cores');
    expect(md).toContain('the machine was busy');
    // A high load after the run is the run's own: it says nothing of other work.
    expect(renderMarkdown({ ...result, loadAverage: { start: 0.5, end: 3 } })).not.toContain('the machine was busy');
    expect(md).toMatch(/\| 1,100 townships \| build time: ≤ 60\.0 s \| 90\.0 s \|/);
    expect(md).toContain('## 38,000 townships');
  });

  it('says how this run was measured: pooled pages and loads in rounds only where it made them', () => {
    const old = renderMarkdown(result);
    expect(old).toContain('the walk through every view was made in one page');
    expect(old).toContain("Each size's cold loads were made before its walk, size after size");
    const pooled = renderMarkdown({ ...result, loadsInRounds: true, sizes: result.sizes.map((s) => ({ ...s, walks: 5 })) });
    expect(pooled).toContain('is made in several fresh pages');
    expect(pooled).toContain('Walked in 5 fresh pages, their samples pooled.');
    expect(pooled).toContain('The cold loads of every size come first, round by round');
  });

  it('projects from the two largest sizes', () => {
    const build = projections(result).find((p) => p.label === 'complete database')!;
    // 2e5 bytes per township at 100 and 1,100: 7.6 GB at 38,000 either way.
    expect(build.projection!.linear).toBeCloseTo(7.6e9, 0);
    expect(build.projection!.exponent).toBeCloseTo(1, 10);
  });
});
