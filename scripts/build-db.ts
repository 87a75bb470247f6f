/**
 * npm run build:db [-- --input DIR] [--out FILE] [--quiet]
 *
 * data/raw/*.txt → parse → model → public/data/duties.sqlite, the complete database, and beside it
 * atlas/, the parts the site serves (src/lib/atlas/parts.ts) derived from the same rows. Everything
 * is written to temporary paths and checked (the database with PRAGMA integrity_check, every part
 * read back byte for byte) before it is renamed over the old: a refused build leaves the last good
 * output untouched.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { decodeListFile, DecodeError, parseDocument, ParseError } from '../src/lib/parse';
import { assembleAtlas, type AtlasData, type SourceDocument } from '../src/lib/model/assemble';
import { resolvePlace } from '../src/lib/model/places';
import { withPlaceTable } from '../src/lib/model/department-places';
import type { PlaceTable } from '../src/lib/model/place-table';
import { UNKNOWN_PLACE } from '../src/lib/ui/strings';
import { loadPlaceTable } from './lib/load-place-table';
import { writeDatabase, verifyDatabase } from '../src/lib/db/write-database';
import { deriveAtlas, deriveTextFiles, type AtlasFile } from '../src/lib/atlas/derive';
import { deriveSearchFiles } from '../src/lib/atlas/search-files';
import { ATLAS_DIR } from '../src/lib/atlas/parts';
import { gzipSync } from 'node:zlib';
import { formatBuildReport } from './build-report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_INPUT = join(ROOT, 'data/raw');
export const DEFAULT_OUT = join(ROOT, 'public/data/duties.sqlite');
const ALIASES = join(ROOT, 'data/department-aliases.json');
const OVERRIDES = join(ROOT, 'data/duty-group-overrides.json');

/** A refusal with the place it concerns: the CLI prints `file:line: reason`. */
export class BuildError extends Error {}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads and parses every list in a folder and checks its place against the place table; the file
 * name (an ASCII slug) becomes the township id.
 */
export function readSources(inputDir: string, places: PlaceTable = loadPlaceTable()): SourceDocument[] {
  if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) throw new BuildError(`${inputDir}: no such folder`);
  const files = readdirSync(inputDir)
    .filter((f) => extname(f) === '.txt')
    .sort();
  if (files.length === 0) throw new BuildError(`${inputDir}: no .txt lists in this folder`);
  const problems: string[] = [];
  const sources: SourceDocument[] = [];
  for (const file of files) {
    const townshipId = basename(file, '.txt');
    const path = join(inputDir, file);
    try {
      if (!SLUG.test(townshipId))
        throw new ParseError(path, 1, `the file name must be an ASCII slug like qitai-jibuku.txt: it becomes the township id`);
      const { text } = decodeListFile(readFileSync(path));
      const document = parseDocument(text, file);
      sources.push({ townshipId, document, place: resolvePlace(document.place, places) });
    } catch (error) {
      if (error instanceof ParseError) problems.push(`${path}:${error.line}: ${error.reason}`);
      else if (error instanceof DecodeError) problems.push(`${path}:${error.line}: ${error.reason}`);
      else throw error;
    }
  }
  // Two lists of one township: known by its code, or by county and name where the table lacks it.
  // A township whose county is unknown cannot be told from a namesake, so it is never a duplicate.
  const seen = new Map<string, string>();
  for (const { document, place } of sources) {
    if (!place || (!place.code && place.county === UNKNOWN_PLACE)) continue;
    const key = place.code ?? `${place.county}${place.township}`;
    const label = `${place.county}${place.township}`;
    if (seen.has(key)) problems.push(`${join(inputDir, document.source)}:1: ${label} is already listed by ${seen.get(key)}`);
    seen.set(key, document.source);
  }
  if (problems.length) throw new BuildError(problems.join('\n'));
  return sources;
}

export function assemble(sources: SourceDocument[], places: PlaceTable = loadPlaceTable()): AtlasData {
  // Departments of any Xinjiang county or prefecture are recognised, not only those the alias file lists.
  const aliases = withPlaceTable(JSON.parse(readFileSync(ALIASES, 'utf8')), places);
  const overrides = JSON.parse(readFileSync(OVERRIDES, 'utf8'));
  return assembleAtlas(sources, aliases, overrides);
}

/**
 * Every served file is gzipped (src/lib/atlas/unpack.ts inflates it): level 1, because at a region's
 * 260 MB the default level costs three times the CPU for a few per cent less.
 */
const pack = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, { level: 1 });

export interface BuildResult {
  data: AtlasData;
  /** Bytes of the complete database. */
  bytes: number;
  /** The parts written beside it, relative to its folder. */
  atlas: { path: string; part: string; bytes: number }[];
  /** Milliseconds per phase, in order. */
  phases: [phase: string, ms: number][];
}

export async function buildDatabase(inputDir: string, outFile: string): Promise<BuildResult> {
  const phases: BuildResult['phases'] = [];
  const timed = <T>(phase: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    phases.push([phase, performance.now() - started]);
    return result;
  };
  const sources = timed('read + parse', () => readSources(inputDir));
  const data = timed('model', () => assemble(sources));
  const SQL = await initSqlJs();
  const builtFrom = readdirSync(inputDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .join(',');
  const bytes = timed('write database', () => writeDatabase(SQL, data, { built_from: builtFrom }));
  const search = timed('search index', () => deriveSearchFiles(data, pack));
  const text = timed('text parts', () => deriveTextFiles(SQL, data, pack));
  const atlas = timed('atlas parts', () =>
    deriveAtlas(SQL, data, {
      pack,
      extraFiles: [...text, ...search.files],
      meta: { built_from: builtFrom, search_buckets: String(search.buckets) },
    }),
  );
  timed('check + publish', () => publish(SQL, outFile, bytes, atlas));
  return { data, bytes: bytes.length, atlas: atlas.map((f) => ({ path: f.path, part: f.part, bytes: f.bytes.length })), phases };
}

/**
 * Writes the database and the atlas folder to temporary paths, checks what reached the disk, then
 * renames them over the previous ones (the atlas first: the site reads only the atlas, so a crash
 * between the two renames leaves a consistent site and an older download).
 */
function publish(SQL: Awaited<ReturnType<typeof initSqlJs>>, outFile: string, bytes: Uint8Array, atlas: AtlasFile[]): void {
  const folder = dirname(outFile);
  const atlasDir = join(folder, ATLAS_DIR);
  const temporary = `${outFile}.${process.pid}.tmp`;
  const temporaryAtlas = `${atlasDir}.${process.pid}.tmp`;
  const previousAtlas = `${atlasDir}.${process.pid}.old`;
  mkdirSync(folder, { recursive: true });
  try {
    writeFileSync(temporary, bytes);
    // Re-read what reached the disk before it replaces the last good database.
    const reread = verifyDatabase(SQL, readFileSync(temporary));
    if (reread.length) throw new BuildError(`${temporary}: the file on disk fails its checks:\n${reread.join('\n')}`);
    for (const file of atlas) {
      const path = join(temporaryAtlas, file.path.slice(ATLAS_DIR.length + 1));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.bytes);
      if (Buffer.compare(readFileSync(path), file.bytes) !== 0)
        throw new BuildError(`${path}: what reached the disk differs from what was written`);
    }
    if (existsSync(atlasDir)) renameSync(atlasDir, previousAtlas);
    try {
      renameSync(temporaryAtlas, atlasDir);
    } catch (error) {
      if (existsSync(previousAtlas)) renameSync(previousAtlas, atlasDir);
      throw error;
    }
    renameSync(temporary, outFile);
  } finally {
    rmSync(temporary, { force: true });
    rmSync(temporaryAtlas, { recursive: true, force: true });
    rmSync(previousAtlas, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]) {
  const args = { input: DEFAULT_INPUT, out: DEFAULT_OUT, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--input') args.input = resolve(argv[++i] ?? '');
    else if (a === '--out') args.out = resolve(argv[++i] ?? '');
    else if (a === '--quiet') args.quiet = true;
    else throw new BuildError(`unknown argument ${a} (use --input DIR, --out FILE, --quiet)`);
  }
  return args;
}

async function main() {
  try {
    const args = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const { data, bytes, atlas, phases } = await buildDatabase(args.input, args.out);
    if (!args.quiet) console.log(formatBuildReport(data));
    const atlasBytes = atlas.reduce((n, f) => n + f.bytes, 0);
    console.log(
      `\nWrote ${args.out}: ${data.townships.length} townships, ${data.items.length} items, ${data.departments.length} departments, ${data.steps.length} steps, ${(bytes / 1024).toFixed(0)} KiB in ${(performance.now() - started).toFixed(0)} ms`,
    );
    console.log(
      `and ${atlas.length} files the site serves in ${join(dirname(args.out), ATLAS_DIR)}: ${(atlasBytes / 1024).toFixed(0)} KiB`,
    );
    console.log(`phases: ${phases.map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`).join(', ')}`);
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`build:db refused:\n${error.message}\nThe previous database, if any, is unchanged.`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
