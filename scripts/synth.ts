/**
 * npm run synth -- --townships N --seed S --out DIR
 *
 * Writes N synthetic township duty lists in the real text format into DIR, named <township code>.txt,
 * deterministically (same N and seed → the same bytes), by recombining the five real lists in
 * data/raw/ for real Xinjiang townships from the place table. For trying the dashboard and the build
 * at county, prefecture and region scale; the lists are not real and never go into data/raw/.
 * How: synth/targets.ts (which townships), synth/compose.ts (which rows), synth/rename.ts (place
 * names in the cells), synth/vary.ts (rewordings), synth/layout.ts (the document around the rows).
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIST_KINDS, type ListKind } from '../src/lib/parse/types';
import type { PlaceTable } from '../src/lib/model/place-table';
import { loadPlaceTable } from './lib/load-place-table';
import { composeList } from './synth/compose';
import { LAYOUT_STYLES, layoutList, type LayoutChoice, type LayoutStyle, type PlaceNaming } from './synth/layout';
import { streamFor } from './synth/random';
import { placeRenamer } from './synth/rename';
import { readSources, type Sources } from './synth/sources';
import { availableTargets, chooseTargets, type TargetPlace } from './synth/targets';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RAW = join(ROOT, 'data/raw');
const OVERRIDES = join(ROOT, 'data/duty-group-overrides.json');
/** What synth writes: a township code and .txt. A folder holding anything else is not synth's to clear. */
const OUTPUT_FILE = /^\d{9}\.txt$/;

/** How the real lists are laid out, weighted roughly as the five are. */
const STYLE_WEIGHTS: Record<LayoutStyle, number> = { 'title-page': 0.3, 'one-line': 0.2, bare: 0.25, preface: 0.15, markdown: 0.1 };
/** A few lists name only the township, more leave the prefecture out: the build resolves both from the place table. */
const TOWNSHIP_ONLY = 0.03;
const NO_PREFECTURE = 0.15;

export interface SynthOptions {
  townships: number;
  seed: number;
  /** Lay every list out this way instead of a seeded mix (for tests of one layout). */
  layout?: LayoutChoice;
}

export interface SynthList {
  file: string;
  text: string;
  place: TargetPlace;
  layout: LayoutChoice;
  /** The real list it was built on. */
  base: string;
  counts: Record<ListKind, number>;
}

export class SynthError extends Error {}

let cachedSources: Sources | null = null;
/** The five real lists, read and grouped once per process. */
export const realSources = (table: PlaceTable) => (cachedSources ??= readSources(RAW, OVERRIDES, table));

export function synthesize({ townships, seed, layout }: SynthOptions, table: PlaceTable = loadPlaceTable()): SynthList[] {
  const sources = realSources(table);
  const available = availableTargets(table);
  if (!Number.isInteger(townships) || townships < 1 || townships > available)
    throw new SynthError(`--townships must be a whole number from 1 to ${available} (Xinjiang's 镇, 乡 and 街道), not ${townships}`);
  return chooseTargets(table, townships, streamFor(seed, 'places')).map((place) => listFor(place, seed, sources, layout));
}

/** One township's list. Its own random stream: the same seed gives it the same list in a set of any size. */
export function listFor(place: TargetPlace, seed: number, sources: Sources, fixed?: LayoutChoice): SynthList {
  const random = streamFor(seed, place.code);
  const composed = composeList(sources, random);
  const drawn: LayoutChoice = { style: weighted(random.next()), naming: naming(random.next()) };
  const layout = fixed ?? drawn;
  const renamers = new Map(sources.lists.map((list) => [list.source, placeRenamer(list.place, place)]));
  const text = layoutList(composed, place, layout, (row, cell) => renamers.get(row.row.source)!(cell), random);
  const counts = Object.fromEntries(LIST_KINDS.map((l) => [l, composed.rows[l].length])) as Record<ListKind, number>;
  return { file: `${place.code}.txt`, text, place, layout, base: composed.base.source, counts };
}

function weighted(x: number): LayoutStyle {
  let sum = 0;
  for (const style of LAYOUT_STYLES) {
    sum += STYLE_WEIGHTS[style];
    if (x < sum) return style;
  }
  return LAYOUT_STYLES[LAYOUT_STYLES.length - 1];
}

const naming = (x: number): PlaceNaming =>
  x < TOWNSHIP_ONLY ? 'township-only' : x < TOWNSHIP_ONLY + NO_PREFECTURE ? 'no-prefecture' : 'full';

/** Refuses data/raw/ and any folder holding files synth did not write; clears synth's own earlier output. */
export function prepareOutput(out: string): void {
  const target = resolve(out);
  const raw = realpathSync(RAW);
  const inside = (dir: string) => dir === raw || dir.startsWith(raw + sep);
  if (inside(target) || inside(realPath(target)))
    throw new SynthError(`${out}: synthetic lists never go into data/raw/ (it holds the published lists)`);
  if (!existsSync(target)) {
    mkdirSync(target, { recursive: true });
    return;
  }
  const foreign = readdirSync(target).filter((f) => !OUTPUT_FILE.test(f));
  if (foreign.length)
    throw new SynthError(`${out}: holds files synth did not write (${foreign.slice(0, 3).join(', ')}…); use an empty or new folder`);
  for (const f of readdirSync(target)) rmSync(join(target, f));
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor's, resolved through links. */
function realPath(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realPath(parent), basename(path));
}

export function writeLists(lists: SynthList[], out: string): number {
  prepareOutput(out);
  let bytes = 0;
  for (const list of lists) {
    const data = Buffer.from(list.text, 'utf8');
    writeFileSync(join(out, list.file), data);
    bytes += data.length;
  }
  return bytes;
}

function summary(lists: SynthList[], bytes: number, ms: number, out: string): string {
  const counties = new Set(lists.map((l) => l.place.countyCode));
  const prefectures = new Set(lists.map((l) => l.place.prefectureCode));
  const spread = (list: ListKind) => {
    const values = lists.map((l) => l.counts[list]);
    return `${LIST_LABEL[list]} ${Math.min(...values)}–${Math.max(...values)}`;
  };
  const items = lists.reduce((n, l) => n + LIST_KINDS.reduce((m, k) => m + l.counts[k], 0), 0);
  const tally = (key: (l: SynthList) => string) => {
    const counts = new Map<string, number>();
    for (const l of lists) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  return [
    `Wrote ${lists.length} township lists to ${out}: ${counties.size} counties, ${prefectures.size} prefectures`,
    `  items: ${items} (${(items / lists.length).toFixed(0)} per list; ${LIST_KINDS.map(spread).join(', ')})`,
    `  layouts: ${tally((l) => l.layout.style)}; titles: ${tally((l) => l.layout.naming)}`,
    `  ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${ms.toFixed(0)} ms`,
  ].join('\n');
}

const LIST_LABEL: Record<ListKind, string> = { basic: '基本', coop: '配合', reclaimed: '收回' };

function parseArgs(argv: string[]): SynthOptions & { out: string } {
  let townships = NaN;
  let seed = NaN;
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--townships') townships = Number(argv[++i]);
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--out') out = argv[++i] ?? '';
    else throw new SynthError(`unknown argument ${a} (use --townships N --seed S --out DIR)`);
  }
  if (!Number.isInteger(seed)) throw new SynthError('--seed must be a whole number');
  if (!out) throw new SynthError('--out DIR is required (outside data/raw/; /tmp is a good place)');
  return { townships, seed, out: resolve(out) };
}

async function main() {
  try {
    const args = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const lists = synthesize(args);
    const bytes = writeLists(lists, args.out);
    console.log(summary(lists, bytes, performance.now() - started, args.out));
  } catch (error) {
    if (error instanceof SynthError) {
      console.error(`synth refused: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
