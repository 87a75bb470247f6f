/**
 * The sites the benchmark serves, one per size, under .bench/<townships>/: the lists (synthetic, or
 * the bundled ones), the data `npm run build:db` writes from them, the app (dist/) beside it and the
 * bare page. The build is run — and measured — only when what it reads has changed since the cached
 * one (source-key.ts) or with --fresh; the app is copied afresh every run.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { SUMMARY_FILE } from '../../src/lib/atlas/parts';
import { listFiles } from '../lib/read-source';
import { copyApp } from '../lib/synthetic-site';
import { sourceKey } from './source-key';
import type { BuildFigures } from './types';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CACHE = join(ROOT, '.bench');
const RAW = 'data/raw';

/** A size to measure: the bundled lists, or N synthetic townships. */
export type SiteSize = 'bundled' | number;

export interface PreparedSite {
  townships: number;
  /** The folder served. */
  site: string;
  build: BuildFigures;
}

type Log = (line: string) => void;

export const bundledTownships = () => listFiles(join(ROOT, RAW)).length;

export async function prepareSite(size: SiteSize, options: { seed: number; fresh: boolean; log: Log }): Promise<PreparedSite> {
  const name = size === 'bundled' ? 'bundled' : String(size);
  const dir = join(CACHE, name);
  const site = join(dir, 'site');
  const record = join(dir, 'build.json');
  const key = sourceKey(ROOT, [name, String(options.seed)], ['scripts/build-db.ts', 'scripts/synth.ts'], ['data'], ['package-lock.json']);
  let build: BuildFigures;
  const cached = existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as { key: string; build: BuildFigures }) : null;
  if (!options.fresh && cached?.key === key && existsSync(join(site, 'data', SUMMARY_FILE))) {
    options.log(`${name}: the built site in ${relative(ROOT, dir)} is current (build measured ${cached.build.measuredAt})`);
    build = { ...cached.build, fromCache: true };
  } else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let input = join(ROOT, RAW);
    let synthMs: number | undefined;
    if (size !== 'bundled') {
      input = join(dir, 'lists');
      options.log(`${name}: writing ${size} synthetic lists (seed ${options.seed})`);
      synthMs = (await run(['scripts/synth.ts', '--townships', String(size), '--seed', String(options.seed), '--out', input])).wallMs;
    }
    options.log(`${name}: building (npm run build:db as a child process)`);
    build = await measureBuild(input, join(site, 'data/duties.sqlite'));
    build.synthMs = synthMs;
    writeFileSync(record, JSON.stringify({ key, build }, null, 2));
    options.log(`${name}: built in ${(build.wallMs / 1000).toFixed(1)} s, peak ${(build.maxRssBytes / 1e6).toFixed(0)} MB`);
  }
  copyApp(site);
  writeBarePage(site);
  return { townships: build.townships, site, build };
}

interface Finished {
  wallMs: number;
  stdout: string;
  maxRssBytes: number;
  cpuMs: number;
}

/** Runs a TypeScript script in a child Node (as npm's tsx would), timed from spawn to exit, with its peak memory. */
function run(args: string[]): Promise<Finished> {
  const rssFile = join(CACHE, `rss-${process.pid}-${Date.now()}.txt`);
  mkdirSync(CACHE, { recursive: true });
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/bench/rss-hook.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number; cpuMs: number }) : null;
      rmSync(rssFile, { force: true });
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}:\n${stdout}`));
      else resolvePromise({ wallMs, stdout, maxRssBytes: usage?.maxRssBytes ?? NaN, cpuMs: usage?.cpuMs ?? NaN });
    });
  });
}

async function measureBuild(input: string, out: string): Promise<BuildFigures> {
  const { wallMs, stdout, maxRssBytes, cpuMs } = await run(['scripts/build-db.ts', '--input', input, '--out', out, '--quiet']);
  const wrote = /: (\d+) townships, (\d+) items/.exec(stdout);
  const phaseLine = /^phases: (.*)$/m.exec(stdout)?.[1] ?? '';
  const phases = [...phaseLine.matchAll(/([^,]+?) (\d+) ms/g)].map((m) => [m[1].trim(), Number(m[2])] as [string, number]);
  const written = writtenFiles(resolve(out, '..'));
  const parts: BuildFigures['parts'] = {};
  for (const { path, bytes } of written) {
    const part = partOf(path);
    parts[part] ??= { files: 0, bytes: 0 };
    parts[part].files++;
    parts[part].bytes += bytes;
  }
  return {
    townships: wrote ? Number(wrote[1]) : NaN,
    items: wrote ? Number(wrote[2]) : NaN,
    wallMs,
    cpuMs,
    maxRssBytes,
    files: written.length,
    bytes: written.reduce((n, f) => n + f.bytes, 0),
    phases,
    parts,
    measuredAt: new Date().toISOString(),
    fromCache: false,
  };
}

/** Which part a file under data/ belongs to (src/lib/atlas/parts.ts), or 'complete' for the database. */
export function partOf(path: string): string {
  if (path === 'duties.sqlite') return 'complete';
  const m = /^atlas\/(?:(text|search)\/|([a-z]+)\.sqlite(?:\.gz)?$)/.exec(path);
  return m ? (m[1] ?? m[2]) : 'other';
}

function writtenFiles(dataDir: string): { path: string; bytes: number }[] {
  return readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dataDir, path)).isFile())
    .map((path) => ({ path: path.split(sep).join('/'), bytes: statSync(join(dataDir, path)).size }));
}

/**
 * The bare page, served beside the app as bench/bare.html: sql.js's browser build (the glue the app
 * bundles) with the very wasm file the app fetches, the same summary part, one query.
 */
function writeBarePage(site: string): void {
  const wasm = readdirSync(join(site, 'assets')).find((f) => /^sql-wasm.*\.wasm$/.test(f));
  if (!wasm) throw new Error(`${site}/assets has no sql-wasm*.wasm: is dist/ built?`);
  const bench = join(site, 'bench');
  mkdirSync(bench, { recursive: true });
  copyFileSync(join(ROOT, 'node_modules/sql.js/dist/sql-wasm-browser.js'), join(bench, 'sql-wasm.js'));
  copyFileSync(join(import.meta.dirname, 'page/bare.js'), join(bench, 'bare.js'));
  writeFileSync(
    join(bench, 'bare.html'),
    `<!doctype html>\n<html lang="zh-CN">\n<meta charset="utf-8">\n<title>bare page</title>\n` +
      `<body data-wasm="../assets/${wasm}" data-summary="../data/${SUMMARY_FILE}">\n` +
      `<script src="sql-wasm.js"></script>\n<script src="bare.js"></script>\n</body>\n</html>\n`,
  );
}
