/**
 * How long a review decision (匹配审核) takes to apply, the former way and the present one, measured in
 * one run on the same complete databases (Node, one thread: the work the page's workers do, without
 * the page's own copying and IndexedDB):
 *
 *   npm run bench:decision                      # the bundled lists, and the benchmark's 100 and 1,100 if built
 *   npm run bench:decision -- a.sqlite b.sqlite # any complete databases
 *
 * before: read the database, group every item anew, write it, derive every part (scripts/lib/decision-paths.ts).
 * after:  the first decision (the database read into memory once), then an undo (kept in memory):
 *         the time until the parts are shown, and the time the database patch takes after that.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { clock, DecisionSession, openInPage, regroupInFull, sampleDecisions, took, type Took } from './lib/decision-paths';
import { readCompleteDatabase } from '../src/lib/import/read-database';

const ROOT = resolve(import.meta.dirname, '..');
const defaults = [
  join(ROOT, 'public/data/duties.sqlite'),
  join(ROOT, '.bench/100/site/data/duties.sqlite'),
  join(ROOT, '.bench/1100/site/data/duties.sqlite'),
].filter((file) => existsSync(file));
const files = process.argv.slice(2).length ? process.argv.slice(2) : defaults;
if (files.length === 0) throw new Error('no complete database: run `npm run build:db` (and `npm run bench` for 100 and 1,100 townships)');

const SQL = await initSqlJs();
const seconds = (t: Took) => `${(t.wallMs / 1000).toFixed(1)} s (${(t.cpuMs / 1000).toFixed(1)} s)`;
const rows: string[][] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  // Only the decision is kept of this reading: the rest would weigh on the measurements' garbage collection.
  const { merge, townships } = (() => {
    const tables = readCompleteDatabase(SQL, bytes.slice(), file);
    return { merge: sampleDecisions(tables.items).merge, townships: tables.townships.length };
  })();
  console.error(`${townships} townships: ${file}`);

  const started = clock();
  regroupInFull(SQL, bytes, [merge], file);
  const before = took(started);

  const session = new DecisionSession(SQL, openInPage(SQL, bytes, file), file);
  const first = session.decide([merge]);
  const undo = session.decide([]);
  rows.push([
    townships.toLocaleString('en'),
    seconds(before),
    `${seconds(first.parts)} + ${seconds(first.write)}`,
    `${seconds(undo.parts)} + ${seconds(undo.write)}`,
  ]);
}
console.log('Wall clock (CPU time of this process).');
console.log(
  '| townships | before: read, regroup, write, derive all | after, first decision: shown + kept | after, next (undo): shown + kept |',
);
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
