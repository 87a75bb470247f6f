/**
 * npm run build:db [-- --input DIR | --database FILE] [--out FILE] [--quiet]
 *
 * `--database FILE` takes a complete database (导出数据库's download) instead of lists: it is
 * checked, copied to --out and the parts derived from it (buildFromDatabase).
 *
 * data/raw/*.txt → parse → model → public/data/duties.sqlite, the complete database, and beside it
 * atlas/, the parts the site serves (src/lib/atlas/parts.ts) derived from the same rows. Everything
 * is written to temporary paths and checked (the database with PRAGMA integrity_check, every part
 * read back byte for byte) before it is renamed over the old (scripts/lib/publish-output.ts): a
 * refused, failed or killed build leaves the last good output untouched.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { assembleAtlas, type AtlasData, type SourceDocument } from '../src/lib/model/assemble';
import { withPlaceTable } from '../src/lib/model/department-places';
import { provinceTable, type PlaceTable } from '../src/lib/model/place-table';
import { loadPlaceTable } from './lib/load-place-table';
import { writeDatabase } from '../src/lib/db/write-database';
import type { AtlasFile } from '../src/lib/atlas/derive';
import { ATLAS_DIR, PLACE_TABLE_FILE } from '../src/lib/atlas/parts';
import { publish, recoverInterrupted, stageDatabase, temporaryPaths } from './lib/publish-output';
import { BuildError, collectSources, listFiles, readSource } from './lib/read-source';
import { BuildThread } from './lib/build-thread';
import { packSearchIndex, packServed } from './lib/pack-served';
import { firstAnswersFile } from './lib/first-answers';
import { mergeTextFiles, textClaim as sharedTextClaim, writeClaimedTextFiles } from './lib/shared-text-parts';
import type { CompleteTables, DatabaseProblem } from '../src/lib/import/read-database';

export { BuildError };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_INPUT = join(ROOT, 'data/raw');
export const DEFAULT_OUT = join(ROOT, 'public/data/duties.sqlite');
const ALIASES = join(ROOT, 'data/department-aliases.json');
const OVERRIDES = join(ROOT, 'data/duty-group-overrides.json');

/**
 * Reads and parses every list in a folder and checks its place against the place table; the
 * document's place gives the township id. On this thread alone: buildDatabase reads with two.
 */
export function readSources(inputDir: string, places: PlaceTable = loadPlaceTable()): SourceDocument[] {
  return collectSources(
    inputDir,
    listFiles(inputDir).map((file) => readSource(inputDir, file, places)),
  );
}

export function assemble(sources: SourceDocument[], places: PlaceTable = loadPlaceTable()): AtlasData {
  // Departments of any Xinjiang county or prefecture are recognised, not only those the alias file lists.
  const aliases = withPlaceTable(JSON.parse(readFileSync(ALIASES, 'utf8')), places);
  const overrides = JSON.parse(readFileSync(OVERRIDES, 'utf8'));
  return assembleAtlas(sources, aliases, overrides);
}

export interface BuildResult {
  data: AtlasData;
  /** Bytes of the complete database. */
  bytes: number;
  /** The parts written beside it, relative to its folder. */
  atlas: { path: string; part: string; bytes: number }[];
  /**
   * Milliseconds per phase, in order: the main thread's, and the worker's (named `worker: …`),
   * which run beside the main thread's from `hand over` on.
   */
  phases: [phase: string, ms: number][];
}

/** Where the atlas parts other than text and search are derived: beside the database (worker) or after it (main). */
const ATLAS_ON_WORKER = process.env.BUILD_ATLAS_ON !== 'main';

/**
 * Two threads share the work. Both read lists; the main thread then models them, hands the rows the
 * text parts and the search index read to the worker, and writes and checks the database while the
 * worker derives the served parts.
 */
export async function buildDatabase(inputDir: string, outFile: string): Promise<BuildResult> {
  const phases: BuildResult['phases'] = [];
  const timed = <T>(phase: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    phases.push([phase, performance.now() - started]);
    return result;
  };
  const sqlReady = initSqlJs();
  reportRecovery(recoverInterrupted(outFile));
  const thread = new BuildThread();
  let staged: string | null = null;
  try {
    const places = loadPlaceTable();
    let started = performance.now();
    let sources: SourceDocument[] | null = await thread.readSources(inputDir, places);
    phases.push(['read + parse', performance.now() - started]);
    thread.warmUp(sources);
    const data = timed('model', () => assemble(sources!, places));
    // The documents are not needed past the model: let them go before the database's large writes.
    sources = null;
    // What the lists were called: a record for whoever opens the database, not what it is keyed by.
    const builtFrom = listFiles(inputDir).join(',');
    const textClaim = sharedTextClaim();
    const derived = timed('hand over', () => thread.derive(data, ATLAS_ON_WORKER ? { meta: { built_from: builtFrom } } : null, textClaim));
    // Awaited once the database is written; a failure meanwhile is not an unhandled rejection.
    derived.catch(() => {});
    const SQL = await sqlReady;
    const bytes = timed('write database', () => writeDatabase(SQL, data, { built_from: builtFrom }));
    staged = timed('check', () => stageDatabase(SQL, outFile, bytes));
    // The county text parts the worker has not taken yet: this thread is otherwise done.
    const ownText = timed('text parts', () => writeClaimedTextFiles(SQL, data, textClaim, packServed));
    started = performance.now();
    const parts = await derived;
    phases.push(['wait for the worker', performance.now() - started]);
    phases.push(...parts.phases.map(([phase, ms]): [string, number] => [`worker: ${phase}`, ms]));
    const text = mergeTextFiles(textClaim, parts.text, ownText);
    const extraFiles = [...text, ...parts.search.files];
    let atlas: AtlasFile[];
    if (parts.atlas) {
      // The summary lists every file with its size: the worker writes it now that the text parts are known.
      const files = [...parts.atlas, ...extraFiles];
      started = performance.now();
      atlas = [await thread.summary(files.map((f) => ({ path: f.path, part: f.part, bytes: f.bytes.length }))), ...files];
      phases.push(['summary', performance.now() - started]);
    } else {
      // The worker derives the parts by default; the derivation's code loads here only when it does not.
      const { deriveAtlas } = await import('../src/lib/atlas/derive');
      atlas = timed('atlas parts', () =>
        deriveAtlas(SQL, data, {
          pack: packServed,
          extraFiles,
          meta: { built_from: builtFrom, search_buckets: String(parts.search.buckets) },
        }),
      );
    }
    started = performance.now();
    const first = await firstAnswersFile(SQL, atlas, packServed);
    phases.push(['first answers', performance.now() - started]);
    const written = [...atlas, first, placeTableFile(places)];
    timed('publish', () => publish(outFile, staged!, written));
    return { data, bytes: bytes.length, atlas: written.map((f) => ({ path: f.path, part: f.part, bytes: f.bytes.length })), phases };
  } finally {
    // Renamed into place when published; else staged or half written, and not left behind.
    rmSync(temporaryPaths(outFile).database, { force: true });
    await thread.close();
  }
}

/** What a database given to the build lacks, in the build's words (the page says it in Chinese). */
function describeRefusal(problem: DatabaseProblem): string {
  switch (problem.kind) {
    case 'not-sqlite':
      return 'not a SQLite database';
    case 'corrupt':
      return `damaged (${problem.detail})`;
    case 'missing-table':
      return `no table ${problem.table}: not a Duty Atlas database`;
    case 'missing-column':
      return `table ${problem.table} has no column ${problem.column}`;
    case 'newer-schema':
      return `schema version ${problem.version} is newer than this build reads`;
    case 'no-townships':
      return 'no townships in it';
    case 'broken-reference':
      return `${problem.table} row ${problem.row} points at a ${problem.parent} row that does not exist`;
    case 'role-mismatch':
      return `item_departments row ${problem.row} has a ${problem.role} department on a ${problem.list} item (lead goes with coop, receiver with reclaimed)`;
  }
}

/**
 * The site's data from a complete database instead of lists (\`--database FILE\`): what 导出数据库
 * downloads, lists added in the browser included, becomes the served data. The database is checked
 * as the page checks one it opens, copied as it is, and every part derived from it; a refused file
 * leaves the last good output untouched.
 */
export async function buildFromDatabase(databaseFile: string, outFile: string): Promise<BuildResult> {
  const phases: BuildResult['phases'] = [];
  const started = performance.now();
  // What only this way of building reads, loaded when it is taken (a build from lists starts sooner without it).
  const [{ DatabaseRefused, readCompleteDatabase }, { deriveAllFiles }, { carriedMeta }] = await Promise.all([
    import('../src/lib/import/read-database'),
    import('../src/lib/atlas/derive-all'),
    import('../src/lib/import/import-protocol'),
  ]);
  const SQL = await initSqlJs();
  reportRecovery(recoverInterrupted(outFile));
  if (!existsSync(databaseFile)) throw new BuildError(`${databaseFile}: no such file`);
  const bytes = new Uint8Array(readFileSync(databaseFile));
  let tables: CompleteTables;
  try {
    // A copy: sql.js may use the array it opens as the file's storage.
    tables = readCompleteDatabase(SQL, bytes.slice(), databaseFile);
  } catch (error) {
    if (error instanceof DatabaseRefused)
      throw new BuildError(error.problems.map((p) => `${databaseFile}: ${describeRefusal(p)}`).join('\n'));
    throw error;
  }
  const derived = deriveAllFiles(
    SQL,
    tables,
    { built_from: basename(databaseFile), ...carriedMeta(tables.meta) },
    packServed,
    packSearchIndex,
  );
  const atlas = [...derived, await firstAnswersFile(SQL, derived, packServed), placeTableFile(loadPlaceTable())];
  try {
    publish(outFile, stageDatabase(SQL, outFile, bytes), atlas);
  } finally {
    rmSync(temporaryPaths(outFile).database, { force: true });
  }
  phases.push(['from database', performance.now() - started]);
  const data = {
    ...tables,
    dutyGroups: [],
    dutyGroupCandidates: [],
    unresolvedHeadings: [],
    unmatchedOverrides: [],
    places: [],
  } as unknown as AtlasData;
  return { data, bytes: bytes.length, atlas: atlas.map((f) => ({ path: f.path, part: f.part, bytes: f.bytes.length })), phases };
}

/** The place table the browser's import of lists resolves against: the region's divisions only. */
function placeTableFile(places: PlaceTable): AtlasFile {
  return { path: PLACE_TABLE_FILE, part: 'places', bytes: packServed(new TextEncoder().encode(JSON.stringify(provinceTable(places)))) };
}

/** What an earlier, killed build left and this one put right, said on stderr so it is not missed. */
function reportRecovery(found: string[]): void {
  for (const line of found) console.error(`build:db: ${line}`);
}

function parseArgs(argv: string[]) {
  const args = { input: DEFAULT_INPUT, database: null as string | null, out: DEFAULT_OUT, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--input') args.input = resolve(argv[++i] ?? '');
    else if (a === '--database') args.database = resolve(argv[++i] ?? '');
    else if (a === '--out') args.out = resolve(argv[++i] ?? '');
    else if (a === '--quiet') args.quiet = true;
    else throw new BuildError(`unknown argument ${a} (use --input DIR or --database FILE, --out FILE, --quiet)`);
  }
  return args;
}

async function main() {
  try {
    const args = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const { data, bytes, atlas, phases } = args.database
      ? await buildFromDatabase(args.database, args.out)
      : await buildDatabase(args.input, args.out);
    if (!args.quiet && !args.database) console.log((await import('./build-report')).formatBuildReport(data));
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
