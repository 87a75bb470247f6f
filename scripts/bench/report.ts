/**
 * BENCHMARKS.md and the terminal summary from a run's results: the issue's table (at | first chart |
 * query / redraw p95 | graph | build), each figure with its baseline, the ratio and the target; the
 * misses with what was slowest; detail tables; and what 38,000 townships would take.
 */
import { project, type Projection } from './extrapolate';
import {
  firstChart,
  overTarget,
  queryRuns,
  searchStats,
  slowestChange,
  viewStats,
  worstQuery,
  worstRedraw,
  type LoadFigures,
} from './figures';
import { formatBytes, formatCount, formatFps, formatMs, formatRatio, markdownTable, textTable, verdict } from './format';
import { sizeClass, targetsFor, type Targets } from './targets';
import { median } from './stats';
import type { BenchResult, QuerySample, SizeResult } from './types';

/** The national scale the issue asks about. */
export const NATION = 38_000;

export interface Miss {
  townships: number;
  what: string;
  measured: string;
  target: string;
  /** What the measurements say was slow or large. */
  evidence: string;
}

interface Row {
  cells: [firstChart: string[], queryRedraw: string[], graph: string[], build: string[]];
  misses: Miss[];
}

const at = (n: number) => `${formatCount(n)} townships`;
/** The run of a few townships larger ones are held to, as an adjective: "5-township". */
const small = (size: SizeResult) => `${formatCount(size.townships)}-township`;
const ratioOf = (value: number, baseline: number) => formatRatio(value / baseline);

/** One row of the issue's table, and the targets it misses. */
export function summaryRow(size: SizeResult, five: SizeResult | undefined): Row {
  const n = size.townships;
  const t = targetsFor(n);
  const misses: Miss[] = [];
  const check = (ok: boolean, what: string, measured: string, target: string, evidence: () => string) => {
    if (!ok) misses.push({ townships: n, what, measured, target, evidence: evidence() });
    return verdict(ok);
  };
  const fc = firstChart(size);
  const frameMs = 1000 / (size.graph.baselineFps || 60);

  // First chart: against the bare page (5) or the 5-township first chart (100, 1,100).
  const first: string[] = [];
  const vsBare = `${ratioOf(fc.app.ms, fc.bare.ms)} the bare page's ${formatMs(fc.bare.ms)}`;
  if (t.firstChart.baseline === 'bare') {
    const ok = fc.app.ms <= t.firstChart.ratio * fc.bare.ms;
    first.push(
      `${formatMs(fc.app.ms)} = ${vsBare} (≤ ${t.firstChart.ratio}×) ` +
        check(ok, 'first chart', `${formatMs(fc.app.ms)} = ${vsBare}`, `≤ ${t.firstChart.ratio}× the bare page`, () => loadEvidence(fc)),
    );
  } else if (five) {
    const fiveMs = firstChart(five).app.ms;
    const ok = fc.app.ms <= t.firstChart.ratio * fiveMs;
    const measured = `${formatMs(fc.app.ms)} = ${ratioOf(fc.app.ms, fiveMs)} the ${small(five)} ${formatMs(fiveMs)}`;
    first.push(
      `${measured} (≤ ${t.firstChart.ratio}×) ` +
        check(ok, 'first chart', measured, `≤ ${t.firstChart.ratio}× the ${small(five)} first chart`, () => loadEvidence(fc)),
      `${vsBare}`,
    );
  } else first.push(`${formatMs(fc.app.ms)} = ${vsBare} (no run of a few townships to hold it to)`);
  const early = fc.app.gzipBytes - fc.app.firstPaintGzipBytes;
  const gzip =
    `${formatBytes(fc.app.gzipBytes)} gzipped before it (bare ${formatBytes(fc.bare.gzipBytes)}, ${ratioOf(fc.app.gzipBytes, fc.bare.gzipBytes)}` +
    (early > 0 ? `; ${formatBytes(early)} of it parts besides the summary and the first answers)` : ')');
  if (t.gzipBytes !== undefined) {
    const ok = fc.app.gzipBytes <= t.gzipBytes;
    first.push(
      `${gzip} (≤ ${formatBytes(t.gzipBytes)}) ` +
        check(ok, 'bytes before the first chart', formatBytes(fc.app.gzipBytes), `≤ ${formatBytes(t.gzipBytes)} gzipped`, () =>
          [
            `${formatBytes(fc.app.firstPaintGzipBytes)} on the first-paint path (the page, the app, the summary, the first answers)`,
            fc.detailFiles.length ? `the rest parts that arrived before it: ${fc.detailFiles.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        ),
    );
  } else first.push(gzip);
  if (t.detailOffFirstPaint) {
    const ok = fc.detailFiles.length === 0;
    const prefetched = fc.detailFiles.filter((f) => !fc.detailRead.includes(f));
    first.push(
      (ok ? 'no detail before it ' : `detail before it: ${fc.detailFiles.length} files `) +
        check(
          ok,
          'detail off the first-paint path',
          `${fc.detailFiles.length} detail files arrived before the first chart`,
          'only the app and the summary before it',
          () =>
            [
              fc.detailRead.length ? `read by queries sent before it: ${fc.detailRead.join(', ')}` : '',
              prefetched.length ? `prefetched while it was drawn: ${prefetched.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('; '),
        ),
    );
  }
  first.push(
    `JS heap ${formatBytes(fc.app.heapBytes)} (bare ${formatBytes(fc.bare.heapBytes)}, ${ratioOf(fc.app.heapBytes, fc.bare.heapBytes)})`,
  );

  // Query and redraw p95: the slowest view (and the search where it counts).
  const queryRedraw: string[] = [];
  const wq = worstQuery(size, t.searchIncluded);
  if (wq) {
    const { over, n: of } = overTarget(wq, t.queryP95Ms);
    const measured = `${formatMs(wq.p95)} (${wq.where}; ${over} of ${of} over ${t.queryP95Ms} ms)`;
    queryRedraw.push(
      `query ${measured}; the bare page's one query ${formatMs(fc.bare.queryMs)}, ${ratioOf(wq.p95, fc.bare.queryMs)} (≤ ${t.queryP95Ms} ms) ` +
        check(wq.p95 <= t.queryP95Ms, `query p95${t.searchIncluded ? ', search included' : ''}`, measured, `≤ ${t.queryP95Ms} ms`, () =>
          wq.where === 'search' ? searchEvidence(size) : queryEvidence(size, fc, wq.where, t.queryP95Ms),
        ),
    );
  } else queryRedraw.push('query: not measured');
  const wr = worstRedraw(size, t.searchIncluded);
  if (wr) {
    const { over, n: of } = overTarget(wr, t.redrawP95Ms);
    const measured = `${formatMs(wr.p95)} (${wr.where}; ${over} of ${of} over ${t.redrawP95Ms} ms)`;
    queryRedraw.push(
      `redraw ${measured}; ${(wr.p95 / frameMs).toFixed(1)} frames of ${formatMs(frameMs)} (≤ ${t.redrawP95Ms} ms) ` +
        check(wr.p95 <= t.redrawP95Ms, 'redraw p95', measured, `≤ ${t.redrawP95Ms} ms`, () =>
          wr.where === 'search' ? searchEvidence(size) : redrawEvidence(size),
        ),
    );
  } else queryRedraw.push('redraw: not measured');

  // Graph: frames per second against the empty loop; the layout's settling time at a region's size.
  const graph: string[] = [];
  const g = size.graph;
  if (g.layout) {
    const measured = `${formatFps(g.layout.fps)} = ${ratioOf(g.layout.fps, g.baselineFps)} the empty loop's ${formatFps(g.baselineFps)}`;
    graph.push(
      `layout ${measured} (≥ ${t.graphFps}) ` +
        check(g.layout.fps >= t.graphFps, 'graph fps while the layout runs', measured, `≥ ${t.graphFps} fps`, () =>
          graphEvidence(g.layout!),
        ),
    );
  }
  if (g.drag) {
    const measured = `${formatFps(g.drag.fps)} = ${ratioOf(g.drag.fps, g.baselineFps)}`;
    graph.push(
      `drag ${measured}${g.drag.moved ? '' : ' (the mark did not move)'} (≥ ${t.graphFps}) ` +
        check(g.drag.fps >= t.graphFps && g.drag.moved, 'graph fps while dragging', measured, `≥ ${t.graphFps} fps`, () =>
          g.drag!.moved ? `longest frame ${formatMs(g.drag!.longestGapMs)}` : 'the dragged node did not move',
        ),
    );
  }
  if (g.layout && t.layoutSettleMs !== undefined) {
    graph.push(
      `settled in ${formatMs(g.layout.settleMs)} (≤ ${formatMs(t.layoutSettleMs)}) ` +
        check(g.layout.settleMs <= t.layoutSettleMs, 'layout settled', formatMs(g.layout.settleMs), `≤ ${formatMs(t.layoutSettleMs)}`, () =>
          graphEvidence(g.layout!),
        ),
    );
  }
  if (g.error) graph.push(`not measured: ${g.error}`);

  // Build: wall time and peak memory, against the 5-township build.
  const b = size.build;
  const build: string[] = [];
  const growth = five && five !== size ? `, ${ratioOf(b.wallMs, five.build.wallMs)} the ${small(five)} build` : '';
  const cpu = Number.isFinite(b.cpuMs) ? ` (CPU ${formatMs(b.cpuMs)})` : '';
  build.push(
    `${formatMs(b.wallMs)}${cpu}${growth} (≤ ${formatMs(t.buildMs)}) ` +
      check(b.wallMs <= t.buildMs, 'build time', formatMs(b.wallMs), `≤ ${formatMs(t.buildMs)}`, () => phaseEvidence(size)),
  );
  const memory = `${formatBytes(b.maxRssBytes)} peak`;
  build.push(
    t.buildMemoryBytes === undefined
      ? memory
      : `${memory} (≤ ${formatBytes(t.buildMemoryBytes)}) ` +
          check(
            b.maxRssBytes <= t.buildMemoryBytes,
            'build memory',
            formatBytes(b.maxRssBytes),
            `≤ ${formatBytes(t.buildMemoryBytes)}`,
            () => phaseEvidence(size),
          ),
  );
  build.push(`${formatCount(b.files)} files, ${formatBytes(b.bytes)}${b.fromCache ? ` (measured ${b.measuredAt.slice(0, 16)})` : ''}`);

  return { cells: [first, queryRedraw, graph, build], misses };
}

/** What the app's first data was: its worker's first answer, or the build's first answers (src/lib/db/first-answers.ts). */
const dataArrival = (app: LoadFigures): string =>
  app.fromFirstAnswers === app.runs
    ? "the build's first answers (its worker started after the paint)"
    : app.fromFirstAnswers > 0
      ? `its first data (the build's first answers in ${app.fromFirstAnswers} of ${app.runs} runs, else its worker's first answer)`
      : "its worker's first answer";

function loadEvidence(fc: ReturnType<typeof firstChart>): string {
  return (
    `${dataArrival(fc.app)} reached the page at ${formatMs(fc.app.answeredMs)}, the chart was painted ${formatMs(fc.app.drawnAfterMs)} later ` +
    `(the bare page's answer at ${formatMs(fc.bare.answeredMs)}, painted ${formatMs(fc.bare.drawnAfterMs)} later); ` +
    `the main thread was in long tasks for ${formatMs(fc.app.longTasksMs)} before it (the longest ${formatMs(fc.app.longestTaskMs)}; ` +
    `bare page ${formatMs(fc.bare.longTasksMs)}); ${formatBytes(fc.app.bytes)} transferred before it (bare ${formatBytes(fc.bare.bytes)})`
  );
}

/**
 * Why a view's query p95 missed: how many of its queries took longer than the target, how many of
 * those were a statement's first run in its page, and what its other runs took.
 */
function queryEvidence(size: SizeResult, fc: ReturnType<typeof firstChart>, view: string, limitMs: number): string {
  const v = size.views.find((x) => x.view === view);
  if (!v) return 'no query recorded';
  const runs = queryRuns(size, v);
  const over = runs.filter((r) => r.sample.runMs > limitMs);
  const slowest = runs.reduce((a, b) => (b.sample.runMs > a.sample.runMs ? b : a), runs[0]);
  if (!slowest) return 'no query recorded';
  const firstOver = over.filter((r) => r.first).length;
  const rest = runs.filter((r) => !r.first).map((r) => r.sample.runMs);
  const page = (size.walks ?? 1) > 1 ? 'its page' : 'the walk';
  return [
    `${view}: ${over.length} of its ${runs.length} queries took over ${formatMs(limitMs)}` +
      (over.length === 0
        ? ''
        : firstOver === over.length
          ? `, each a statement's first run in ${page}`
          : `, ${firstOver} of them a statement's first run in ${page}`),
    ...(rest.length
      ? [`its ${rest.length} runs that were not a first run: ${formatMs(median(rest))} (median), ${formatMs(Math.max(...rest))} at most`]
      : []),
    `slowest ${formatMs(slowest.sample.runMs)}${slowest.first ? ` (a first run)` : ''}: ${slowest.sample.sql}`,
    ...(firstOver
      ? [
          `a statement's first run pays for V8 compiling the parts of sql.js's wasm it calls for the first time in the page ` +
            `(the bare page's one query: ${formatMs(fc.bare.coldQueryMs)} cold, ${formatMs(fc.bare.queryMs)} warm)`,
        ]
      : []),
  ].join('; ');
}

/** The three slowest searches: results painted, their queries' running time and their wait for parts and index buckets. */
function searchEvidence(size: SizeResult): string {
  const slowest = [...size.search.terms].sort((a, b) => b.ms - a.ms).slice(0, 3);
  if (!slowest.length) return 'no search recorded';
  return `slowest searches: ${slowest
    .map(
      (t) =>
        `\`${t.term}\` painted in ${formatMs(t.ms)} (its queries ran ${formatMs(t.runMs)}, waited up to ${formatMs(t.waitMs)} for parts)`,
    )
    .join(', ')}`;
}

function redrawEvidence(size: SizeResult): string {
  const worst = slowestChange(size, ['filter', 'drill']);
  if (!worst) return 'no change recorded';
  const { change } = worst;
  if (change.timedOut && !Number.isFinite(change.longTasksMs))
    return `slowest: ${worst.view}, ${change.kind} \`${decodeURIComponent(change.search)}\`: no redraw within ${formatMs(change.ms)}, and the page stopped answering (its main thread was blocked)`;
  const waiting = change.queries.reduce((longest, q) => (q.waitMs > (longest?.waitMs ?? 0) ? q : longest), null as QuerySample | null);
  const running = change.queries.reduce((s, q) => s + q.runMs, 0);
  const answered = Math.max(0, ...change.queries.map((q) => q.roundTripMs));
  const timedOut = change.timedOut ? ' (timed out)' : '';
  return [
    `slowest: ${worst.view}, ${change.kind} \`${decodeURIComponent(change.search)}\`: ${formatMs(change.ms)}${timedOut}`,
    `${change.queries.length} queries ran ${formatMs(running)} in all`,
    waiting
      ? `one waited ${formatMs(waiting.waitMs)} ${waiting.needs.length ? `for ${waiting.needs.join(', ')}` : 'behind the worker’s other work'}`
      : 'none waited for parts',
    `the last answer reached the page after ${formatMs(answered)}`,
    `the main thread was in long tasks (drawing, laying out) for ${formatMs(change.longTasksMs)} of it`,
    ...(change.lastChangeIn ? [`the last change painted was in ${change.lastChangeIn}`] : []),
  ].join('; ');
}

function graphEvidence(layout: NonNullable<SizeResult['graph']['layout']>): string {
  return `${layout.marks} marks; the longest frame took ${formatMs(layout.longestGapMs)} (the main thread was busy that long)`;
}

function phaseEvidence(size: SizeResult): string {
  const { wallMs, cpuMs, phases } = size.build;
  const stretched = wallMs > 1.5 * cpuMs ? `it used ${formatMs(cpuMs)} of CPU: other work on the machine stretched the rest; ` : '';
  return stretched + phases.map(([phase, ms]) => `${phase} ${formatMs(ms)}`).join(', ');
}

const HEADER = ['at', 'first chart', 'query / redraw p95', 'graph', 'build'];

/** The smallest run in the first size class (the bundled lists): the baseline of the larger ones' first chart. */
export function fewTownships(result: BenchResult): SizeResult | undefined {
  return result.sizes.filter((s) => sizeClass(s.townships) === 5).sort((a, b) => a.townships - b.townships)[0];
}

export function summaryTable(result: BenchResult): { markdown: string; text: string; misses: Miss[] } {
  const five = fewTownships(result);
  const rows = result.sizes.map((size) => ({ size, row: summaryRow(size, five) }));
  const markdown = markdownTable(
    HEADER,
    rows.map(({ size, row }) => [at(size.townships), ...row.cells.map((lines) => lines.join('<br>'))]),
  );
  const text = rows
    .map(({ size, row }) => [`${at(size.townships)}`, ...row.cells.map((lines, i) => `  ${HEADER[i + 1]}: ${lines.join('; ')}`)].join('\n'))
    .join('\n');
  return { markdown, text, misses: rows.flatMap(({ row }) => row.misses) };
}

function missTable(misses: Miss[]): string {
  if (!misses.length) return 'Every target is met.';
  return markdownTable(
    ['at', 'target', 'measured', 'what the measurements show'],
    misses.map((m) => [at(m.townships), `${m.what}: ${m.target}`, m.measured, m.evidence]),
  );
}

function firstChartTable(result: BenchResult): string {
  return markdownTable(
    [
      'at',
      'runs',
      'first chart',
      'bare page',
      'ratio',
      'data in the page (bare)',
      'then painted in (bare)',
      'long tasks before it (bare)',
      'transferred (bare)',
      'gzipped (bare)',
      'of it on the first-paint path',
      'JS heap (bare)',
      'buffers (bare)',
      'bare query warm / cold',
      'fetched before it',
    ],
    result.sizes.map((s) => {
      const fc = firstChart(s);
      const pair = (a: number, b: number) => `${formatBytes(a)} (${formatBytes(b)})`;
      return [
        at(s.townships),
        String(fc.app.runs),
        formatMs(fc.app.ms),
        formatMs(fc.bare.ms),
        ratioOf(fc.app.ms, fc.bare.ms),
        `${fc.app.fromFirstAnswers ? `first answers${fc.app.fromFirstAnswers < fc.app.runs ? ` in ${fc.app.fromFirstAnswers} of ${fc.app.runs} runs` : ''}: ` : ''}${formatMs(fc.app.answeredMs)} (${formatMs(fc.bare.answeredMs)})`,
        `${formatMs(fc.app.drawnAfterMs)} (${formatMs(fc.bare.drawnAfterMs)})`,
        `${formatMs(fc.app.longTasksMs)} (${formatMs(fc.bare.longTasksMs)})`,
        pair(fc.app.bytes, fc.bare.bytes),
        pair(fc.app.gzipBytes, fc.bare.gzipBytes),
        formatBytes(fc.app.firstPaintGzipBytes),
        pair(fc.app.heapBytes, fc.bare.heapBytes),
        pair(fc.app.buffersBytes, fc.bare.buffersBytes),
        `${formatMs(fc.bare.queryMs)} / ${formatMs(fc.bare.coldQueryMs)}`,
        fc.app.files.join(', '),
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
}

function viewTable(size: SizeResult, t: Targets): string {
  const pair = (s: { p50: number; p95: number; max: number; n: number }) =>
    s.n ? `${formatMs(s.p50)} / ${formatMs(s.p95)} / ${formatMs(s.max)} (${s.n})` : '–';
  const flag = (value: number, limit: number) => (Number.isFinite(value) && value > limit ? ' ✗' : '');
  return markdownTable(
    [
      'view',
      'open',
      'query p50 / p95 / max (n)',
      'waiting for parts p95',
      'redraw after a filter p50 / p95 / max (n)',
      'after a drill-down p50 / p95 / max (n)',
      'timeouts',
    ],
    size.views.map((v) => {
      const s = viewStats(v);
      return [
        s.view + (s.error ? ` (${s.error})` : ''),
        formatMs(s.open),
        pair(s.queries) + flag(s.queries.p95, t.queryP95Ms),
        formatMs(s.waits.p95),
        pair(s.filter) + flag(s.filter.p95, t.redrawP95Ms),
        pair(s.drill) + flag(s.drill.p95, t.redrawP95Ms),
        String(s.timeouts),
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function searchTable(result: BenchResult): string {
  return markdownTable(
    [
      'at',
      'terms',
      'query p50 / p95 (browser)',
      'waiting for buckets p95',
      'results painted p50 / p95',
      'index in Node p95',
      'LIKE over the complete database p95',
      'index ÷ LIKE',
    ],
    result.sizes.map((s) => {
      const st = searchStats(s);
      const node = 'error' in st.node ? null : st.node;
      return [
        at(s.townships),
        String(st.run.n),
        `${formatMs(st.run.p50)} / ${formatMs(st.run.p95)}`,
        formatMs(st.wait.p95),
        `${formatMs(st.redraw.p50)} / ${formatMs(st.redraw.p95)}${st.timeouts ? ` (${st.timeouts} timed out)` : ''}`,
        node ? formatMs(node.index.p95) : `n/a (${'error' in st.node ? st.node.error : ''})`,
        node ? formatMs(node.like.p95) : '–',
        node
          ? ratioOf(node.index.p95, node.like.p95) + (node.mismatches.length ? ` — **differ**: ${node.mismatches.join('; ')}` : '')
          : '–',
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function searchTermTable(size: SizeResult): string {
  const node = 'error' in size.search.node ? [] : size.search.node;
  return markdownTable(
    ['term', 'chars', 'found', 'query (browser)', 'results painted', 'index (Node)', 'LIKE (Node)'],
    size.search.terms.map((t) => {
      const n = node.find((x) => x.term === t.term);
      return [
        t.term,
        String([...t.term].length),
        n ? formatCount(n.found) : '–',
        formatMs(t.runMs),
        formatMs(t.ms) + (t.timedOut ? ' (timed out)' : ''),
        n ? formatMs(n.indexMs) : '–',
        n ? formatMs(n.likeMs) : '–',
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function graphTable(result: BenchResult): string {
  return markdownTable(
    ['at', 'empty loop', 'marks', 'layout fps', 'longest frame', 'settled after', 'drag fps', 'longest frame', 'moved'],
    result.sizes.map((s) => {
      const g = s.graph;
      return [
        at(s.townships),
        formatFps(g.baselineFps),
        g.layout ? formatCount(g.layout.marks) : '–',
        g.layout ? formatFps(g.layout.fps) : (g.error ?? '–'),
        g.layout ? formatMs(g.layout.longestGapMs) : '–',
        g.layout ? formatMs(g.layout.settleMs) : '–',
        g.drag ? formatFps(g.drag.fps) : '–',
        g.drag ? formatMs(g.drag.longestGapMs) : '–',
        g.drag ? (g.drag.moved ? 'yes' : 'no') : '–',
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
}

const PART_ORDER = ['complete', 'summary', 'network', 'rollups', 'heatmap', 'facts', 'text', 'search'];

function buildTable(result: BenchResult): string {
  const rank = (part: string) => (PART_ORDER.includes(part) ? PART_ORDER.indexOf(part) : PART_ORDER.length);
  const parts = [...new Set(result.sizes.flatMap((s) => Object.keys(s.build.parts)))].sort((a, b) => rank(a) - rank(b));
  return markdownTable(
    [
      'at',
      'items',
      'wall time',
      'CPU time',
      'peak memory',
      'files',
      'bytes',
      ...parts.map((p) => (p === 'complete' ? 'complete database' : p)),
      'phases',
      'synthesis (not timed as build)',
    ],
    result.sizes.map((s) => {
      const b = s.build;
      return [
        at(s.townships),
        formatCount(b.items),
        formatMs(b.wallMs),
        formatMs(b.cpuMs),
        formatBytes(b.maxRssBytes),
        formatCount(b.files),
        formatBytes(b.bytes),
        ...parts.map((p) =>
          b.parts[p] ? `${formatBytes(b.parts[p].bytes)}${b.parts[p].files > 1 ? ` in ${formatCount(b.parts[p].files)}` : ''}` : '–',
        ),
        b.phases.map(([phase, ms]) => `${phase} ${formatMs(ms)}`).join(', '),
        b.synthMs === undefined ? '–' : formatMs(b.synthMs),
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', ...parts.map(() => 'r' as const), 'l', 'r'],
  );
}

interface Projected {
  label: string;
  values: [townships: number, value: number][];
  format: (v: number) => string;
  projection: Projection | null;
}

/** The figures 38,000 townships are projected for, from the run's sizes. */
export function projections(result: BenchResult, at = NATION): Projected[] {
  const series = (label: string, format: (v: number) => string, value: (s: SizeResult) => number | undefined): Projected => {
    const values = result.sizes
      .map((s) => [s.townships, value(s)] as [number, number | undefined])
      .filter((p): p is [number, number] => p[1] !== undefined && Number.isFinite(p[1]));
    return { label, values, format, projection: project(values, at) };
  };
  const part = (name: string) => (s: SizeResult) => s.build.parts[name]?.bytes;
  const phases = [...new Set(result.sizes.flatMap((s) => s.build.phases.map(([phase]) => phase)))];
  return [
    series('build: wall time', formatMs, (s) => s.build.wallMs),
    series('build: CPU time', formatMs, (s) => s.build.cpuMs),
    ...phases.map((phase) => series(`build phase: ${phase}`, formatMs, (s) => s.build.phases.find(([p]) => p === phase)?.[1])),
    series('build: peak memory', formatBytes, (s) => s.build.maxRssBytes),
    series('build: bytes written', formatBytes, (s) => s.build.bytes),
    series('complete database', formatBytes, part('complete')),
    series('summary (the first paint reads it)', formatBytes, part('summary')),
    series('facts', formatBytes, part('facts')),
    series('network', formatBytes, part('network')),
    series('rollups', formatBytes, part('rollups')),
    series('heatmap', formatBytes, part('heatmap')),
    series('county text, all counties', formatBytes, part('text')),
    series('search index', formatBytes, part('search')),
    series('gzipped before the first chart', formatBytes, (s) => firstChart(s).app.gzipBytes),
    series('of it on the first-paint path', formatBytes, (s) => firstChart(s).app.firstPaintGzipBytes),
    series('first chart', formatMs, (s) => firstChart(s).app.ms),
    series('main thread in long tasks before it', formatMs, (s) => firstChart(s).app.longTasksMs),
    series('JS heap at the first chart', formatBytes, (s) => firstChart(s).app.heapBytes),
    series('JS heap after every view', formatBytes, (s) => s.heapAfterWalk?.heapBytes),
    series('buffers (wasm memory) after every view', formatBytes, (s) => s.heapAfterWalk?.buffersBytes),
  ];
}

function projectionTable(rows: Projected[], sizes: number[]): string {
  return markdownTable(
    [
      'figure',
      ...sizes.map((n) => formatCount(n)),
      'growth exponent',
      `${formatCount(NATION)}: linear`,
      `${formatCount(NATION)}: power law`,
    ],
    rows.map((r) => [
      r.label,
      ...sizes.map((n) => {
        const v = r.values.find(([m]) => m === n);
        return v ? r.format(v[1]) : '–';
      }),
      r.projection ? r.projection.exponent.toFixed(2) : '–',
      r.projection ? r.format(r.projection.linear) : '–',
      r.projection ? r.format(r.projection.power) : '–',
    ]),
    ['l', ...sizes.map(() => 'r' as const), 'r', 'r', 'r'],
  );
}

/** sql.js's wasm memory can grow to 2 GB (its memory section's maximum): one database, and what is attached to it, must fit. */
export const SQLJS_MEMORY_LIMIT = 2 ** 31;

function scaleSection(result: BenchResult): string {
  const sizes = result.sizes.map((s) => s.townships);
  const rows = projections(result);
  const estimate = (label: string) => rows.find((r) => r.label === label)?.projection?.estimate;
  if (!rows.some((r) => r.projection)) return `Not enough sizes measured to extrapolate (run at least two of 5, 100, 1,100).`;
  const fmt = (label: string, f: (v: number) => string) => {
    const v = estimate(label);
    return v === undefined ? 'n/a' : f(v);
  };
  const complete = estimate('complete database');
  const facts = estimate('facts');
  const buildMemory = estimate('build: peak memory');
  const largest = result.sizes.reduce<SizeResult | undefined>((a, b) => (!a || b.townships > a.townships ? b : a), undefined);
  const phases = largest?.build.phases ?? [];
  const phaseTotal = phases.reduce((sum, [, ms]) => sum + ms, 0);
  const slowestPhase = phases.reduce<[string, number] | null>((a, b) => (!a || b[1] > a[1] ? b : a), null);
  const slowestGrowth = slowestPhase && rows.find((r) => r.label === `build phase: ${slowestPhase[0]}`)?.projection;
  const lines = [
    projectionTable(rows, sizes),
    '',
    `Each projection runs through the two largest sizes measured: linear = the fixed cost plus the cost per township between them; ` +
      `power law = the growth exponent between them carried on. The estimates below take the larger of the two.`,
    '',
    `At ${formatCount(NATION)} townships (the nation) the present design would take about **${fmt('build: CPU time', formatMs)} of CPU** ` +
      `(on two threads: ${fmt('build: wall time', formatMs)} of wall time at this run's pace) and ` +
      `**${fmt('build: peak memory', formatBytes)}** to build, write **${fmt('build: bytes written', formatBytes)}** ` +
      `(complete database ${fmt('complete database', formatBytes)}), send **${fmt('of it on the first-paint path', formatBytes)}** gzipped on the ` +
      `first-paint path and paint the first chart after **${fmt('first chart', formatMs)}** (on this machine, over localhost). What would have to change:`,
    '',
    `- **The build.** It holds the complete database in sql.js's wasm memory, which cannot grow past 2 GiB` +
      (complete !== undefined
        ? ` — the complete database alone would be ${formatBytes(complete)}${complete > SQLJS_MEMORY_LIMIT ? ', so the build could not run at all' : ''}`
        : '') +
      (buildMemory !== undefined ? `; the process would peak near ${formatBytes(buildMemory)}` : '') +
      `. It would have to write the complete database with a native SQLite to disk (streaming rows, not one in-memory file), derive the parts per ` +
      `prefecture in parallel (the derivation is per place already), and rebuild only the counties whose lists changed.` +
      (slowestPhase && largest
        ? ` Its largest phase at ${at(largest.townships)} is ${slowestPhase[0]}, ${Math.round((100 * slowestPhase[1]) / phaseTotal)} % of the build` +
          (slowestGrowth ? `, growing with exponent ${slowestGrowth.exponent.toFixed(2)}.` : '.')
        : ''),
    `- **The first paint.** The summary holds every township (places, townships, the item cube per township): it grows with the townships` +
      ` (${fmt('summary (the first paint reads it)', formatBytes)} at ${formatCount(NATION)}). The first paint would read a national rollup ` +
      `(provinces → prefectures) and fetch one province's or prefecture's summary when the reader drills in, as text is fetched per county today. ` +
      `The place tree needs a province level above the prefecture (places.level, selection.ts's levels), or the top level shows ~300 prefectures.`,
    `- **The browser's memory.** Every part a view needs is attached whole to one sql.js database in the worker (also 2 GiB at most)` +
      (facts !== undefined ? `: the facts part alone would be ${formatBytes(facts)}` : '') +
      `. Facts, network and heatmap cubes would be sharded by province or prefecture and attached for the place shown, with national rollups ` +
      `precomputed for the top levels — or read by HTTP range requests into one file (a virtual file system over sql.js) instead of whole downloads.`,
    `- **Search.** ${searchSentence(result, fmt('search index', formatBytes))}`,
    `- **The views.** They already aggregate past 30 units and drill down; at a nation's size the network graph and heatmap must aggregate by ` +
      `province first, and anything drawn per township (ranked lists, pickers) must page or virtualise.` +
      (largest ? ` ${mainThreadSentence(largest)}` : ''),
  ];
  return lines.join('\n');
}

/** What the search's measurements say about its growth: the most common term's hits and the bucket files. */
function searchSentence(result: BenchResult, projectedIndex: string): string {
  const largest = [...result.sizes].sort((a, b) => b.townships - a.townships)[0];
  const node = largest && !('error' in largest.search.node) ? largest.search.node : [];
  const common = node.reduce<(typeof node)[number] | null>((a, b) => (!a || b.found > a.found ? b : a), null);
  const index = largest?.build.parts.search;
  return (
    `A query fetches the index bucket of each character pair it holds and reads the pair's postings: both grow with the duties that share ` +
    `the pair.` +
    (index ? ` At ${at(largest.townships)} the index is ${formatBytes(index.bytes)} in ${formatCount(index.files)} buckets;` : '') +
    ` it would be ${projectedIndex} at ${formatCount(NATION)}.` +
    (common
      ? ` “${common.term}” is in ${formatCount(common.found)} duties at ${at(largest.townships)} — about ` +
        `${formatCount(Number(((common.found * NATION) / largest.townships).toPrecision(2)))} at ${formatCount(NATION)}, past what one page should fetch and ` +
        `intersect for a two-character query.`
      : '') +
    ` The index would be split by province (a search within a place reads that place's buckets) and answer a national query by counts ` +
    `first, fetching postings only for the page shown.`
  );
}

/** Whether the largest size's first chart waited on the main thread rather than on data. */
function mainThreadSentence(size: SizeResult): string {
  const fc = firstChart(size);
  if (!(fc.app.longTasksMs > fc.app.ms / 2)) return '';
  return (
    `At ${at(size.townships)} the first chart already waits more on the main thread than on data: ${formatMs(fc.app.longTasksMs)} of its ` +
    `${formatMs(fc.app.ms)} were long tasks (the bare page, reading the same summary: ${formatMs(fc.bare.ms)}) — the first view draws too much.`
  );
}

function machineSection(result: BenchResult): string {
  const m = result.machine;
  // The load before the run says what else the machine was doing; the minute before its end is
  // mostly the run's own work (Chromium and the walk keep both cores of a 2-core machine busy).
  // Run alone, it keeps the load near the core count; past that by a whole core, something else ran.
  const busy = result.loadAverage.start > m.cores || result.loadAverage.end > m.cores + 1;
  return [
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${formatBytes(m.memoryBytes)}; ${m.os}` +
      (m.loopNs ? `; a plain JavaScript loop runs at ${m.loopNs.toFixed(1)} ns per iteration (Node)` : ''),
    `- Node ${m.node}; ${m.chromium} (headless, --disable-gpu), driven by playwright-core`,
    `- 1-minute load average ${result.loadAverage.start.toFixed(1)} before the run, ${result.loadAverage.end.toFixed(1)} after it (its own work included)` +
      (busy
        ? ` — **the machine was busy with other work (load above its ${m.cores} cores): every time below is slower than on an idle machine**`
        : ''),
    `- Run started ${result.startedAt}, took ${formatMs(result.durationMs)}`,
  ].join('\n');
}

const METHOD_HEAD = `## How each figure is measured

\`npm run bench\` (scripts/bench.ts, scripts/bench/): for each size it builds (or takes from .bench/, keyed on what the build reads) a site of
synthetic lists (scripts/synth.ts, seed 1; the bundled lists at 5), serves it with \`vite preview\` (which gzips), and drives Debian's Chromium
with playwright-core, a fresh browser context per page load and the HTTP cache disabled (CDP Network.setCacheDisabled).

- **Build**: \`scripts/build-db.ts\` run as a child process (\`node --import tsx\`), from spawn to exit; peak memory is its getrusage
  maxRSS; files and bytes are everything it wrote (the complete database and every part under data/atlas/). Synthesising the lists is not timed.
- **First chart**: navigation start to the first chart painted — the performance mark \`duty-atlas:first-chart\` that ChartFrame sets
  (src/lib/components/chart-drawn.ts) when a chart's svg or canvas is in the DOM and the next frame has been rendered. Median of the runs.`;

const METHOD_MIDDLE = `- **Bare page**: \`bench/bare.html\`, written beside the site: it loads sql.js (the same glue and the same wasm file the app uses), fetches the same
  summary part, opens it and runs one query (items per list), writes the answer into the page and marks the next frame painted.
- **Bytes**: responses that had arrived before the first chart (Resource Timing in the page and in its workers: CDP's page session does not
  see the worker's fetches): transferred = headers and bodies as served; gzipped = each body compressed with gzip level 6.
- **JS heap**: V8's used heap of the page and of its workers at the first chart (CDP Runtime.getHeapUsage); buffers = their ArrayBuffer and
  wasm memory backing stores.
- **Queries**: the worker times each query when the page opts in (\`globalThis.__dutyAtlasBench\`, src/lib/db/worker-client.ts): the time it
  ran, apart from the time it waited before (for the parts it needs, or while the worker opened another part). Per view: every query it ran
  while opened, after filter changes and drill-downs.
- **Redraw**: a change of state applied the way a click applies it (the URL through the history API, as the app's links and back button do),
  until no query of it is pending, nothing in the view is \`aria-busy\` or loading, and the next frame is rendered. Filter changes: a list,
  a category, a department kind, and clearing each; drill-downs: into the largest prefecture, then its largest county.
- **Search**: 20 terms of 2, 3 and 6 characters taken from the lists, set as the explorer's search (its count and first page); the same
  terms in Node against LIKE over the complete database, which must find the same duties.
- **Graph**: a requestAnimationFrame recorder counts the frames painted from the graph's data arriving until the graph has settled (no DOM
  change for 500 ms, or \`data-layout="settled"\` on a chart that lays out progressively) and at least one second; then while a node is
  dragged in a circle for two seconds. The baseline is the same recorder on the bare page.`;

const METHOD_TAIL = `- Percentiles are nearest-rank over the samples (n in the tables): with fewer than 20 samples, p95 is the slowest; max is the slowest.`;

/** How each figure is measured: what this run did (older results re-rendered with --report did less). */
function method(result: BenchResult): string {
  const loads = result.loadsInRounds
    ? `  The cold loads of every size come first, round by round (each size's bare page and app in each round), so sizes compared are
  measured seconds apart.`
    : `  Each size's cold loads were made before its walk, size after size.`;
  const pages = result.sizes.some((size) => (size.walks ?? 1) > 1)
    ? `- **Pages**: the walk through every view (and so each view's queries and redraws) is made in several fresh pages, one after another, and
  their samples pooled: in one page a view has 4 drill-downs, whose p95 would be the slowest. Each page opens the app cold and makes the
  same changes, so the first visits (a view's first filter, a statement's first run in the page) are made in every page, as in one. A
  view's "open" is the median over the pages. The summary gives, beside each p95, how many of its samples were over the target.`
    : `- **Pages**: the walk through every view was made in one page.`;
  return [METHOD_HEAD, loads, METHOD_MIDDLE, pages, METHOD_TAIL].join('\n');
}

/** BENCHMARKS.md. */
export function renderMarkdown(result: BenchResult): string {
  const { markdown, misses } = summaryTable(result);
  const largest = result.sizes.reduce<SizeResult | undefined>((a, s) => (!a || s.townships > a.townships ? s : a), undefined);
  const sections = [
    `# Benchmarks`,
    '',
    `Written by \`npm run bench\`; do not edit by hand. Targets from issue 7; ✗ marks a miss.`,
    '',
    machineSection(result),
    '',
    markdown,
    '',
    `## Misses`,
    '',
    missTable(misses),
    '',
    `## First chart`,
    '',
    firstChartTable(result),
    '',
    `## Views`,
    ...result.sizes.flatMap((s) => [
      '',
      `### ${at(s.townships)}`,
      '',
      ...((s.walks ?? 1) > 1 ? [`Walked in ${s.walks} fresh pages, their samples pooled.`, ''] : []),
      viewTable(s, targetsFor(s.townships)),
    ]),
    '',
    `## Search`,
    '',
    searchTable(result),
    ...(largest ? ['', `The terms at ${at(largest.townships)}:`, '', searchTermTable(largest)] : []),
    '',
    `## Network graph`,
    '',
    graphTable(result),
    '',
    `## Build`,
    '',
    buildTable(result),
    '',
    `## ${formatCount(NATION)} townships`,
    '',
    scaleSection(result),
    '',
    method(result),
    '',
  ];
  return sections.join('\n');
}

/** What the terminal shows at the end of a run. */
export function renderText(result: BenchResult): string {
  const { text, misses } = summaryTable(result);
  const missLines = misses.length
    ? ['', 'misses:', ...misses.map((m) => `  ${at(m.townships)}: ${m.what} ${m.measured} (target ${m.target}) — ${m.evidence}`)]
    : ['', 'every target met'];
  const views = result.sizes.flatMap((s) => [
    '',
    `${at(s.townships)}: views (ms)`,
    textTable(
      ['view', 'open', 'query p50', 'query p95', 'filter p95', 'drill p95', 'timeouts'],
      s.views
        .map(viewStats)
        .map((v) => [
          v.view,
          formatMs(v.open),
          formatMs(v.queries.p50),
          formatMs(v.queries.p95),
          formatMs(v.filter.p95),
          formatMs(v.drill.p95),
          String(v.timeouts),
        ]),
    ),
  ]);
  return [text, ...views, ...missLines].join('\n');
}
