/**
 * npm run bench:build [-- --runs N]
 *
 * Times the build of the bundled lists, phase by phase (read+parse, model, write SQLite), over
 * several runs in one process, and prints the figures. A benchmark prints; it never fails a test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import initSqlJs from 'sql.js';
import { assemble, buildDatabase, DEFAULT_INPUT, readSources } from './build-db';
import { writeDatabase } from '../src/lib/db/write-database';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const SQL = await initSqlJs();

const phases: Record<string, number[]> = {
  'read + parse': [],
  'model (departments, duty groups)': [],
  'write SQLite': [],
  'whole build (incl. verify + rename)': [],
};
const time = <T>(phase: string, f: () => T): T => {
  const start = performance.now();
  const result = f();
  phases[phase].push(performance.now() - start);
  return result;
};

const out = mkdtempSync(join(tmpdir(), 'duty-atlas-bench-'));
try {
  for (let run = 0; run < runs; run++) {
    const sources = time('read + parse', () => readSources(DEFAULT_INPUT));
    const data = time('model (departments, duty groups)', () => assemble(sources));
    time('write SQLite', () => writeDatabase(SQL, data));
    const start = performance.now();
    await buildDatabase(DEFAULT_INPUT, join(out, 'duties.sqlite'));
    phases['whole build (incl. verify + rename)'].push(performance.now() - start);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const bytes = readdirSync(DEFAULT_INPUT).reduce((n, f) => n + readFileSync(join(DEFAULT_INPUT, f)).length, 0);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
console.log(
  `Build benchmark: ${readdirSync(DEFAULT_INPUT).length} lists, ${(bytes / 1024).toFixed(0)} KiB of text, ${runs} runs, Node ${process.version}`,
);
console.log('phase'.padEnd(40), 'min ms'.padStart(9), 'median ms'.padStart(10), 'max ms'.padStart(9));
for (const [phase, xs] of Object.entries(phases)) {
  const { min, median, max } = stats(xs);
  console.log(phase.padEnd(40), min.toFixed(1).padStart(9), median.toFixed(1).padStart(10), max.toFixed(1).padStart(9));
}
const memory = process.memoryUsage();
console.log(`peak-ish memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
