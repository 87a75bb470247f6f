/** What `npm run bench` measures, as it is written to .bench/results.json and rendered into BENCHMARKS.md. */

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  chromium: string;
  /** Nanoseconds per iteration of a plain arithmetic loop in Node (best of three): how fast this CPU runs JavaScript. */
  loopNs?: number;
}

export interface BuildFigures {
  townships: number;
  items: number;
  /** `npm run build:db` as a child process, from spawn to exit. */
  wallMs: number;
  /** The CPU time it used (user + system): what other work on the machine does not stretch. */
  cpuMs: number;
  /** Its peak resident set size (getrusage ru_maxrss). */
  maxRssBytes: number;
  /** Files and bytes it wrote: the complete database and every part the site serves. */
  files: number;
  bytes: number;
  /** The build's own phases (its last output line). */
  phases: [phase: string, ms: number][];
  /** Files and bytes per part (summary, network, heatmap, facts, text, search) and of the complete database. */
  parts: Record<string, { files: number; bytes: number }>;
  /** When the build was measured (ISO); an earlier run's when the site came from the cache. */
  measuredAt: string;
  fromCache: boolean;
  /** Writing the synthetic lists (not part of the build). */
  synthMs?: number;
}

/** One cold page load: the app to its first chart, or the bare page to its query's answer. */
export interface PageLoad {
  /** Navigation start to the first chart painted (the bare page: to its answer painted). */
  ms: number;
  /** Bytes transferred before it: headers and bodies as served (the preview server gzips). */
  bytes: number;
  /** The same responses' bodies gzip-compressed (level 6), what an intranet server would send. */
  gzipBytes: number;
  /** Of which the files on the first-paint path (the page, the app, the summary): the rest was prefetched early. */
  firstPaintGzipBytes: number;
  /** Site paths whose responses had arrived before it. */
  files: string[];
  /** JS heap used by the page and its workers when it was painted. */
  heapBytes: number;
  /** ArrayBuffers and wasm memory (V8 backing stores) of the page and its workers. */
  buffersBytes: number;
  /** The main thread's long tasks (over 50 ms) before it: their total and the longest. */
  longTasksMs: number;
  longestTaskMs: number;
  /** The parts the queries sent before it needed (src/lib/atlas/parts.ts needs). */
  needs: string[];
  /**
   * When the page first had data (ms since navigation start): the app's first answer from its
   * worker, or where it drew from the build's first answers, their arrival; the bare page's query answered.
   */
  answeredMs: number;
  /** The app drew its first chart from the build's first answers, before its worker answered anything. */
  fromFirstAnswers?: boolean;
  /** The bare page: its one query warm (run again after the paint) and cold (compiling the wasm it calls). */
  queryMs?: number;
  coldQueryMs?: number;
}

export interface QuerySample {
  /** Running in the worker (SQL, search matching), after the parts it needs were in. */
  runMs: number;
  /** From the page sending it to the page receiving the answer (a busy main thread receives late). */
  roundTripMs: number;
  /** Waiting before it ran: for the parts it needs (fetching and opening them), or while the worker opened another. */
  waitMs: number;
  needs: string[];
  /** The start of its SQL, to say which query was slow. */
  sql: string;
}

export type ChangeKind = 'open' | 'filter' | 'drill' | 'up' | 'search';

/** One state change (what a click does) and the redraw it caused. */
export interface Change {
  kind: ChangeKind;
  /** The URL query string set. */
  search: string;
  /** From the change to the view redrawn and painted. */
  ms: number;
  /** Of which the main thread spent in long tasks (over 50 ms: drawing, laying out, handling answers). */
  longTasksMs: number;
  timedOut: boolean;
  queries: QuerySample[];
  /** Where the last change the redraw waited for was (the nearest data-testid); absent in older results. */
  lastChangeIn?: string | null;
  /** Which of the walk's pages it was made in, from 1 (scripts/bench/pool.ts); absent: the first. */
  page?: number;
  /** Its place in its page's walk through every view, from 0; absent in older results. */
  seq?: number;
  /** Pages the walk had to open afresh before it (after a timeout), from 0; absent: none. */
  session?: number;
}

export interface ViewFigures {
  view: string;
  changes: Change[];
  error?: string;
}

export interface SearchTerm {
  term: string;
  /** The explorer's queries for it (count, first page), summed: running / waiting for index buckets. */
  runMs: number;
  waitMs: number;
  /** From setting the search to its results painted. */
  ms: number;
  timedOut: boolean;
}

/** The same terms in Node: the character-pair index (AtlasEngine) against LIKE over the complete database. */
export interface NodeSearchTerm {
  term: string;
  /** Duties the index finds, and LIKE: the same, or the index is wrong. */
  found: number;
  likeFound: number;
  indexMs: number;
  likeMs: number;
}

export interface SearchFigures {
  terms: SearchTerm[];
  node: NodeSearchTerm[] | { error: string };
}

export interface GraphFigures {
  /** An empty requestAnimationFrame loop, same browser, same run. */
  baselineFps: number;
  layout?: {
    /** Frames painted from the graph's data arriving until it settled (at least one second). */
    fps: number;
    longestGapMs: number;
    /** From the data arriving to the graph settled (no change for 500 ms, or data-layout="settled"). */
    settleMs: number;
    marks: number;
  };
  drag?: {
    fps: number;
    longestGapMs: number;
    /** Whether the dragged mark moved (a graph that ignores the drag measures nothing). */
    moved: boolean;
  };
  error?: string;
}

export interface SizeResult {
  townships: number;
  build: BuildFigures;
  load: { app: PageLoad[]; bare: PageLoad[] };
  views: ViewFigures[];
  /** Fresh pages the views were walked in, their changes pooled in `views` (absent in runs before pooling: one). */
  walks?: number;
  search: SearchFigures;
  graph: GraphFigures;
  /** JS heap (page and workers) and buffers after every view was walked. */
  heapAfterWalk?: { heapBytes: number; buffersBytes: number };
  elapsedMs: number;
}

export interface BenchResult {
  machine: Machine;
  startedAt: string;
  durationMs: number;
  /** 1-minute load average before and after the run: other work on the machine skews every figure. */
  loadAverage: { start: number; end: number };
  /** Whether every size's cold loads were made first, round by round (absent in older runs: size after size). */
  loadsInRounds?: boolean;
  sizes: SizeResult[];
}
