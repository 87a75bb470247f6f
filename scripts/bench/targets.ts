import { ATLAS_DIR, FIXED_PARTS, SUMMARY_FILE, countyOfTextFile, namesFile, parseNeed, partFile } from '../../src/lib/atlas/parts';
import { FIRST_ANSWERS_FILE } from '../../src/lib/db/first-answers';

/**
 * The targets (issue 7, "Benchmark"), one row per size class. A run at another size is held
 * to the row of its class: up to 5 townships the first, up to 100 the second, past that the third.
 */

export type SizeClass = 5 | 100 | 1100;

export interface Targets {
  /** The first chart at most `ratio` × the bare page (same size) or × the 5-township first chart. */
  firstChart: { baseline: 'bare' | 'five'; ratio: number };
  /** Bytes before the first chart, gzipped (800 KB = 800,000 bytes). */
  gzipBytes?: number;
  /** Only the summary (and the app) may be fetched before the first chart. */
  detailOffFirstPaint?: boolean;
  queryP95Ms: number;
  redrawP95Ms: number;
  /** Whether the search's queries count among the queries held to queryP95Ms. */
  searchIncluded: boolean;
  graphFps: number;
  layoutSettleMs?: number;
  buildMs: number;
  buildMemoryBytes?: number;
}

export const TARGETS: Record<SizeClass, Targets> = {
  5: {
    firstChart: { baseline: 'bare', ratio: 2 },
    gzipBytes: 800_000,
    queryP95Ms: 10,
    redrawP95Ms: 100,
    searchIncluded: false,
    graphFps: 55,
    buildMs: 2_000,
  },
  100: {
    firstChart: { baseline: 'five', ratio: 1.3 },
    queryP95Ms: 30,
    redrawP95Ms: 100,
    searchIncluded: false,
    graphFps: 50,
    buildMs: 10_000,
  },
  1100: {
    firstChart: { baseline: 'five', ratio: 1.5 },
    detailOffFirstPaint: true,
    queryP95Ms: 100,
    redrawP95Ms: 100,
    searchIncluded: true,
    graphFps: 30,
    layoutSettleMs: 1_000,
    buildMs: 60_000,
    buildMemoryBytes: 4e9,
  },
};

export function sizeClass(townships: number): SizeClass {
  return townships <= 5 ? 5 : townships <= 100 ? 100 : 1100;
}

export const targetsFor = (townships: number): Targets => TARGETS[sizeClass(townships)];

/**
 * Site paths a first paint may fetch: the page, the app's assets, the summary (src/lib/atlas/parts.ts)
 * and the build's answers to the first screen's questions, drawn from it (src/lib/db/first-answers.ts).
 */
export function isFirstPaintPath(path: string): boolean {
  return !path.startsWith('data/') || path === `data/${SUMMARY_FILE}` || path === `data/${FIRST_ANSWERS_FILE}`;
}

/** Whether a query needing `needs` reads the site file `path` (a part, a county's text, a search bucket). */
export function neededBy(path: string, needs: readonly string[]): boolean {
  const file = path.replace(/^data\//, '');
  if (file.startsWith(`${ATLAS_DIR}/search/`)) return needs.some((n) => n.startsWith('search:'));
  const county = countyOfTextFile(file);
  // A county's names file is read by each of its text needs; its steps file by all but a names need.
  if (county !== null)
    return needs.some((need) => {
      const parsed = parseNeed(need);
      if (parsed === null || parsed.kind === 'part' || parsed.county !== county) return false;
      return parsed.kind !== 'names' || file === namesFile(county);
    });
  return FIXED_PARTS.some((part) => file === partFile(part) && needs.includes(part));
}
