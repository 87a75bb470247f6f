/**
 * A TypeScript worker started from one JavaScript file: its modules bundled by esbuild (the engine
 * tsx itself runs on) and kept under node_modules/.cache until one of them changes.
 *
 * Why: a worker that loads its TypeScript through tsx (ts-worker.ts) starts a loader thread of its own
 * and sends every one of its sixty-odd modules through it. At five townships the build is CPU-bound
 * on two cores, and that thread cost about as much CPU as the worker's search index. Bundled, the
 * worker loads one plain file and its packages (left external: loaded as Node loads them).
 *
 * The bundle is rebuilt, inside the build, whenever a module it holds differs from when it was made
 * (each is hashed at every start: a few milliseconds), so a fresh clone or an edited source needs no extra step; if bundling fails for
 * any reason the worker starts through tsx as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startTsWorker } from './ts-worker';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside the project, so that the bundle's imports of packages resolve from its node_modules. */
const CACHE = join(ROOT, 'node_modules/.cache/duty-atlas-workers');

/** Each bundled module's hash when bundled: any change rebuilds. */
type Stamps = Record<string, string>;

const stamp = (file: string): string => createHash('sha1').update(readFileSync(file)).digest('hex');

function isCurrent(stampsFile: string): boolean {
  if (!existsSync(stampsFile)) return false;
  try {
    const stamps = JSON.parse(readFileSync(stampsFile, 'utf8')) as Stamps;
    return Object.entries(stamps).every(([file, hash]) => existsSync(file) && stamp(file) === hash);
  } catch {
    return false;
  }
}

/** The bundle of `entry` (a .ts file URL), made now if missing or out of date; its path. */
export function bundleWorker(entry: URL): string {
  const entryPath = fileURLToPath(entry);
  const require = createRequire(import.meta.url);
  const esbuildVersion = (require('esbuild/package.json') as { version: string }).version;
  const key = createHash('sha256').update(`${entryPath}\0${esbuildVersion}\0${process.version}`).digest('hex').slice(0, 16);
  const bundle = join(CACHE, `${key}.mjs`);
  const stampsFile = join(CACHE, `${key}.json`);
  if (existsSync(bundle) && isCurrent(stampsFile)) return bundle;
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const result = buildSync({
    entryPoints: [entryPath],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const stamps: Stamps = {};
  for (const input of Object.keys(result.metafile!.inputs)) {
    const file = resolve(ROOT, input);
    stamps[file] = stamp(file);
  }
  mkdirSync(CACHE, { recursive: true });
  // Written under this process's name, then renamed: two builds starting at once never read half a file.
  const temporary = `${bundle}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles![0].contents);
  renameSync(temporary, bundle);
  writeFileSync(`${stampsFile}.${process.pid}.tmp`, JSON.stringify(stamps));
  renameSync(`${stampsFile}.${process.pid}.tmp`, stampsFile);
  return bundle;
}

/** Starts `entry` (a .ts file URL) in a worker thread from its bundle, or through tsx if it cannot be bundled. */
export function startBundledWorker(entry: URL): Worker {
  let bundle: string;
  try {
    bundle = bundleWorker(entry);
  } catch {
    return startTsWorker(entry);
  }
  return new Worker(pathToFileURL(bundle), { execArgv: withoutPreloads(process.execArgv) });
}

/** Flags that preload modules: tsx, and whatever else the main thread was started with, is the main thread's. */
const PRELOADS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/**
 * The process's flags without its preloads. A worker runs the preloads it inherits, and a TypeScript
 * one (the benchmark's `--import scripts/bench/rss-hook.ts`) cannot load in a worker without tsx.
 */
export function withoutPreloads(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    if (PRELOADS.has(flag)) i++;
    else if (![...PRELOADS].some((preload) => flag.startsWith(`${preload}=`))) kept.push(flag);
  }
  return kept;
}
