/**
 * The figures the report states, computed from the raw measurements (medians of runs, percentiles
 * of samples, the worst view) — kept apart from the rendering so they can be tested.
 */
import { isFirstPaintPath, neededBy } from './targets';
import { median, percentile, summarize, type Summary } from './stats';
import type { ChangeKind, PageLoad, QuerySample, SizeResult, ViewFigures } from './types';

export interface LoadFigures {
  ms: number;
  bytes: number;
  gzipBytes: number;
  firstPaintGzipBytes: number;
  heapBytes: number;
  buffersBytes: number;
  longTasksMs: number;
  longestTaskMs: number;
  /** When the page first had data, and from then to the paint (the median of each run's own gap). */
  answeredMs: number;
  drawnAfterMs: number;
  /** How many runs drew from the build's first answers (their data's time is the answers' arrival). */
  fromFirstAnswers: number;
  /** Every site path any run had fetched before its first chart. */
  files: string[];
  /** Every part a query sent before it needed, in any run. */
  needs: string[];
  runs: number;
}

function loadFigures(runs: readonly PageLoad[]): LoadFigures {
  const pick = (f: (r: PageLoad) => number) => median(runs.map(f));
  return {
    ms: pick((r) => r.ms),
    bytes: pick((r) => r.bytes),
    gzipBytes: pick((r) => r.gzipBytes),
    firstPaintGzipBytes: pick((r) => r.firstPaintGzipBytes),
    heapBytes: pick((r) => r.heapBytes),
    buffersBytes: pick((r) => r.buffersBytes),
    longTasksMs: pick((r) => r.longTasksMs),
    longestTaskMs: pick((r) => r.longestTaskMs),
    answeredMs: pick((r) => r.answeredMs),
    drawnAfterMs: pick((r) => r.ms - r.answeredMs),
    fromFirstAnswers: runs.filter((r) => r.fromFirstAnswers).length,
    files: [...new Set(runs.flatMap((r) => r.files))].sort(),
    needs: [...new Set(runs.flatMap((r) => r.needs))].sort(),
    runs: runs.length,
  };
}

export interface FirstChart {
  app: LoadFigures;
  bare: LoadFigures & { queryMs: number; coldQueryMs: number };
  /** Files fetched before the first chart that a first paint should not need. */
  detailFiles: string[];
  /** Of those, the ones a query sent before the chart read (the rest were prefetched early). */
  detailRead: string[];
}

export function firstChart(size: SizeResult): FirstChart {
  const app = loadFigures(size.load.app);
  const detailFiles = app.files.filter((f) => !isFirstPaintPath(f));
  return {
    app,
    bare: {
      ...loadFigures(size.load.bare),
      queryMs: median(size.load.bare.map((r) => r.queryMs ?? NaN)),
      coldQueryMs: median(size.load.bare.map((r) => r.coldQueryMs ?? NaN)),
    },
    detailFiles,
    detailRead: detailFiles.filter((f) => neededBy(f, app.needs)),
  };
}

export interface ViewStats {
  view: string;
  /** Opening the view from another one (its parts loaded then, if not prefetched). */
  open: number;
  queries: Summary;
  waits: Summary;
  filter: Summary;
  drill: Summary;
  timeouts: number;
  slowestQuery: QuerySample | null;
  error?: string;
}

const changesOf = (v: ViewFigures, kinds: readonly ChangeKind[]) => v.changes.filter((c) => kinds.includes(c.kind));

export function viewStats(v: ViewFigures): ViewStats {
  const queries = v.changes.flatMap((c) => c.queries);
  return {
    view: v.view,
    open: median(changesOf(v, ['open']).map((c) => c.ms)),
    queries: summarize(queries.map((q) => q.runMs)),
    waits: summarize(queries.map((q) => q.waitMs)),
    filter: summarize(changesOf(v, ['filter']).map((c) => c.ms)),
    drill: summarize(changesOf(v, ['drill']).map((c) => c.ms)),
    timeouts: v.changes.filter((c) => c.timedOut).length,
    slowestQuery: queries.reduce<QuerySample | null>((worst, q) => (!worst || q.runMs > worst.runMs ? q : worst), null),
    error: v.error,
  };
}

/**
 * The queries of a size's walk that were their statement's first run in their page: a fresh page
 * compiles what a statement calls anew, whichever view ran it first. A statement is known by its
 * SQL's start. Changes are taken in the page's walk order (older results, without it: view by view).
 */
export function firstRuns(size: SizeResult): Set<QuerySample> {
  const changes = size.views.flatMap((v, view) =>
    v.changes.map((c, i) => ({ c, page: `${c.page ?? 1}:${c.session ?? 0}`, order: c.seq ?? view * 1e6 + i })),
  );
  changes.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.order - b.order));
  const seen = new Set<string>();
  const first = new Set<QuerySample>();
  for (const { c, page } of changes)
    for (const q of c.queries) {
      const key = `${page}\u0000${q.sql}`;
      if (!seen.has(key)) first.add(q);
      seen.add(key);
    }
  return first;
}

/** A view's queries in the order they ran, each marked when it was its statement's first run in its page (see firstRuns). */
export function queryRuns(size: SizeResult, v: ViewFigures): { sample: QuerySample; first: boolean }[] {
  const first = firstRuns(size);
  return v.changes.flatMap((c) => c.queries.map((sample) => ({ sample, first: first.has(sample) })));
}

export interface Worst {
  p95: number;
  /** Where it was measured: a view (and change), or the search. */
  where: string;
  /** The samples the p95 is of, in the order measured. */
  samples: number[];
}

const worst = (where: string, samples: number[]): Worst => ({ p95: percentile(samples, 95), where, samples });

/** The slowest view's query p95 (and the search's, where the size's targets count it). */
export function worstQuery(size: SizeResult, includeSearch: boolean): Worst | null {
  const candidates = size.views.map((v) =>
    worst(
      v.view,
      v.changes.flatMap((c) => c.queries.map((q) => q.runMs)),
    ),
  );
  if (includeSearch)
    candidates.push(
      worst(
        'search',
        size.search.terms.map((t) => t.runMs),
      ),
    );
  return worstOf(candidates);
}

/** The slowest redraw p95 after a filter change or a drill-down, over the views (and the search). */
export function worstRedraw(size: SizeResult, includeSearch: boolean): Worst | null {
  const candidates = size.views.flatMap((v) => [
    worst(
      `${v.view}, filter`,
      changesOf(v, ['filter']).map((c) => c.ms),
    ),
    worst(
      `${v.view}, drill-down`,
      changesOf(v, ['drill']).map((c) => c.ms),
    ),
  ]);
  if (includeSearch)
    candidates.push(
      worst(
        'search',
        size.search.terms.map((t) => t.ms),
      ),
    );
  return worstOf(candidates);
}

/** How many of the samples behind a worst p95 took longer than `limitMs`: how close a met target is, or how far a missed one. */
export const overTarget = (w: Worst, limitMs: number) => ({ over: w.samples.filter((ms) => ms > limitMs).length, n: w.samples.length });

function worstOf(candidates: Worst[]): Worst | null {
  const measured = candidates.filter((c) => Number.isFinite(c.p95));
  return measured.length ? measured.reduce((a, b) => (b.p95 > a.p95 ? b : a)) : null;
}

export interface SearchStats {
  run: Summary;
  wait: Summary;
  redraw: Summary;
  timeouts: number;
  node: { index: Summary; like: Summary; mismatches: string[] } | { error: string };
}

export function searchStats(size: SizeResult): SearchStats {
  const { terms, node } = size.search;
  return {
    run: summarize(terms.map((t) => t.runMs)),
    wait: summarize(terms.map((t) => t.waitMs)),
    redraw: summarize(terms.map((t) => t.ms)),
    timeouts: terms.filter((t) => t.timedOut).length,
    node:
      'error' in node
        ? node
        : {
            index: summarize(node.map((t) => t.indexMs)),
            like: summarize(node.map((t) => t.likeMs)),
            mismatches: node.filter((t) => t.found !== t.likeFound).map((t) => `${t.term}: index ${t.found}, LIKE ${t.likeFound}`),
          },
  };
}

/** The slowest change of the given kinds over every view, with its view. */
export function slowestChange(size: SizeResult, kinds: readonly ChangeKind[]) {
  let worst: { view: string; change: ViewFigures['changes'][number] } | null = null;
  for (const v of size.views)
    for (const change of changesOf(v, kinds)) if (!worst || change.ms > worst.change.ms) worst = { view: v.view, change };
  return worst;
}
