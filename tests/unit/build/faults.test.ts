/**
 * Fault injection in the build (#11): the output folder holds a good build of the bundled lists; a
 * new build (one list) is then made to fail at its Nth write to the file system, for every N, with
 * the errors a disk gives (ENOSPC full, EIO, EACCES), and killed with SIGKILL as it is about to make
 * its Nth write (chosen writes in CI, every one with FAULTS=all). After each:
 * - the folder holds the previous output byte for byte, or (killed after it published) the new one,
 *   never a mix; after a kill, once the next build's first step (`recoverInterrupted`) has run;
 * - the database at the output path passes PRAGMA integrity_check;
 * - no temporary file is left.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDatabase } from '../../../scripts/build-db';
import { publish, recoverInterrupted, stageDatabase } from '../../../scripts/lib/publish-output';
import type { AtlasFile } from '../../../src/lib/atlas/derive';

/** The write to fail (1-based; 0: none), counted from `writes = 0`, and the error it fails with. */
const fault = vi.hoisted(() => ({ at: 0, writes: 0, code: 'ENOSPC' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failing =
    <A extends unknown[], R>(write: (...args: A) => R) =>
    (...args: A): R => {
      fault.writes++;
      if (fault.writes === fault.at)
        throw Object.assign(new Error(`${fault.code}: injected fault at write ${fault.at}`), { code: fault.code });
      return write(...args);
    };
  const patched = {
    ...fs,
    writeFileSync: failing(fs.writeFileSync),
    mkdirSync: failing(fs.mkdirSync),
    renameSync: failing(fs.renameSync),
  };
  return { ...patched, default: patched };
});

const ROOT = resolve(import.meta.dirname, '../../..');
const RAW = join(ROOT, 'data/raw');
const ALL = process.env.FAULTS === 'all';
const work = mkdtempSync(join(tmpdir(), 'duty-atlas-faults-'));
const prevDir = join(work, 'prev');
const nextDir = join(work, 'next');
const oneList = join(work, 'one-list');

/** Every file under a folder, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  return files;
}

function expectSame(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string) {
  expect([...actual.keys()].sort(), what).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) expect(Buffer.compare(actual.get(path)!, bytes), `${what}: ${path}`).toBe(0);
}

let SQL: SqlJsStatic;
let previous: Map<string, Buffer>;
let next: Map<string, Buffer>;
/** The new build as the build holds it before writing: the database's bytes and the atlas files. */
let nextDatabase: Uint8Array;
let nextAtlas: AtlasFile[];

const integrity = (file: string) => {
  const db = new SQL.Database(readFileSync(file));
  try {
    return db.exec('PRAGMA integrity_check')[0].values.flat().join();
  } finally {
    db.close();
  }
};

/** A folder holding the previous output, for one trial. */
let trials = 0;
function trialFolder(): string {
  const dir = join(work, `trial-${++trials}`);
  cpSync(prevDir, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  SQL = await initSqlJs();
  const lists = readdirSync(RAW).filter((f) => f.endsWith('.txt'));
  expect(lists.length).toBeGreaterThan(1);
  mkdirSync(oneList);
  copyFileSync(join(RAW, lists[0]), join(oneList, lists[0]));
  await buildDatabase(RAW, join(prevDir, 'duties.sqlite'));
  await buildDatabase(oneList, join(nextDir, 'duties.sqlite'));
  previous = snapshot(prevDir);
  next = snapshot(nextDir);
  nextDatabase = next.get('duties.sqlite')!;
  nextAtlas = [...next].filter(([path]) => path !== 'duties.sqlite').map(([path, bytes]) => ({ path, part: 'any', bytes }));
}, 240_000);

/** Stages and publishes the new build into `dir`, failing at write `at`; returns the writes made. */
function publishWithFault(dir: string, at: number, code = 'ENOSPC'): number {
  Object.assign(fault, { at, writes: 0, code });
  try {
    const out = join(dir, 'duties.sqlite');
    publish(out, stageDatabase(SQL, out, nextDatabase), nextAtlas);
    return fault.writes;
  } finally {
    fault.at = 0;
  }
}

describe('a build whose writes fail', () => {
  it('leaves the previous output byte for byte, whichever write fails, and no temporary file', () => {
    const writes = publishWithFault(trialFolder(), 0);
    expect(writes).toBeGreaterThan(nextAtlas.length);
    const codes = ['ENOSPC', 'EIO', 'EACCES'];
    for (let n = 1; n <= writes; n++) {
      const dir = trialFolder();
      const code = codes[n % codes.length];
      expect(() => publishWithFault(dir, n, code), `write ${n}`).toThrow(code);
      expectSame(snapshot(dir), previous, `write ${n} failed (${code})`);
      expect(integrity(join(dir, 'duties.sqlite'))).toBe('ok');
    }
    // With no fault, the same steps publish the new build.
    const dir = trialFolder();
    publishWithFault(dir, 0);
    expectSame(snapshot(dir), next, 'no fault');
  });

  it('through the whole build: a full disk at its first write is reported and changes nothing', async () => {
    const dir = trialFolder();
    Object.assign(fault, { at: 1, writes: 0, code: 'ENOSPC' });
    try {
      await expect(buildDatabase(oneList, join(dir, 'duties.sqlite'))).rejects.toThrow('ENOSPC');
    } finally {
      fault.at = 0;
    }
    expectSame(snapshot(dir), previous, 'full disk');
  }, 120_000);
});

const TSX_IMPORT = ['--import', 'tsx', '--import', join(import.meta.dirname, 'faults/kill-at-write.mjs')];
const buildArgs = (dir: string) => [
  ...TSX_IMPORT,
  'scripts/build-db.ts',
  '--input',
  oneList,
  '--out',
  join(dir, 'duties.sqlite'),
  '--quiet',
];

/** After a killed build: the next build's first step, then the output must be the previous or the new one, whole. */
function expectRecovered(dir: string, what: string): 'previous' | 'next' {
  recoverInterrupted(join(dir, 'duties.sqlite'));
  const now = snapshot(dir);
  const which = Buffer.compare(now.get('duties.sqlite') ?? Buffer.alloc(0), nextDatabase) === 0 ? 'next' : 'previous';
  expectSame(now, which === 'next' ? next : previous, what);
  expect(integrity(join(dir, 'duties.sqlite'))).toBe('ok');
  return which;
}

describe('a build killed', () => {
  it('at a write: the previous output or the new one, whole, once the next build has started', () => {
    const counted = spawnSync(process.execPath, buildArgs(trialFolder()), {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, KILL_AT_WRITE: 'count' },
    });
    expect(counted.status, counted.stderr).toBe(0);
    const writes = Number(/writes: (\d+)/.exec(counted.stderr)![1]);
    // In CI: the first write, one in the middle, and each of the last five (the renames that publish).
    const chosen = ALL
      ? Array.from({ length: writes }, (_, i) => i + 1)
      : [...new Set([1, Math.ceil(writes / 2), ...Array.from({ length: 5 }, (_, i) => writes - i)])];
    const outcomes: string[] = [];
    for (const n of chosen) {
      const dir = trialFolder();
      const run = spawnSync(process.execPath, buildArgs(dir), {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, KILL_AT_WRITE: String(n) },
      });
      expect(run.signal, `write ${n}: ${run.stderr}`).toBe('SIGKILL');
      outcomes.push(`${n}:${expectRecovered(dir, `killed at write ${n}`)}`);
    }
    // Killed before its last write, a build has not published; killed at its last, it has not either.
    expect(outcomes.every((o) => o.endsWith(':previous'))).toBe(true);
  }, 600_000);

  it('at random moments', async () => {
    const runs = ALL ? 20 : 3;
    for (let i = 0; i < runs; i++) {
      const dir = trialFolder();
      const child = spawn(process.execPath, buildArgs(dir), { cwd: ROOT, stdio: 'ignore' });
      // Somewhere in a build of one list (a few seconds here): before, during or after its writes.
      const delay = Math.random() * 6000;
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await new Promise((done) => child.on('exit', done));
      clearTimeout(timer);
      expectRecovered(dir, `killed after ${delay.toFixed(0)} ms`);
    }
  }, 600_000);
});

// The trial folders are many; the work folder goes with the test run.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
