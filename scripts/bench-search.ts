/**
 * How fast is the explorer's LIKE search on the real database? Runs each query's SQL (the very builder
 * the page uses) with sql.js in Node — the engine the browser runs — and prints the median and worst ms.
 * If LIKE stays well under ~20 ms per query, no bigram index is needed.
 *
 *   npx tsx scripts/bench-search.ts [path/to/duties.sqlite]
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { runQuery } from '../src/lib/db/sqljs-client';
import { searchItems } from '../src/lib/queries/explorer';
import { NO_FILTERS, type Filters } from '../src/lib/state/filters';

const file = process.argv[2] ?? 'public/data/duties.sqlite';
const SQL = await initSqlJs();
const db = new SQL.Database(readFileSync(file));

const cases: { label: string; query: string; filters?: Filters }[] = [
  { label: 'empty (all items)', query: '' },
  { label: '1 char 村', query: '村' },
  { label: '屠宰检疫 (name)', query: '屠宰检疫' },
  { label: '网格 (mostly steps)', query: '网格' },
  { label: '处罚', query: '处罚' },
  { label: 'no hit 量子计算机', query: '量子计算机' },
  { label: 'two terms 公路 处罚', query: '公路 处罚' },
  { label: '配合 + 六工镇 + 安全', query: '安全', filters: { ...NO_FILTERS, townships: ['changji-liugong'], lists: ['coop'] } },
  { label: 'dept kind 农业农村局 + 检查', query: '检查', filters: { ...NO_FILTERS, departmentKinds: ['农业农村局'] } },
];

const RUNS = 30;
const counts = runQuery<{ items: number; steps: number; chars: number }>(db, {
  text: 'SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM steps) AS steps, (SELECT sum(length(text)) FROM steps) AS chars',
  params: [],
})[0];
console.log(`${file}: ${counts.items} items, ${counts.steps} steps (${counts.chars} characters of step text)`);
console.log('query'.padEnd(34), 'rows'.padStart(5), 'median ms'.padStart(10), 'max ms'.padStart(8));
for (const c of cases) {
  const q = searchItems(c.filters ?? NO_FILTERS, c.query);
  let rows = 0;
  runQuery(db, q); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    rows = runQuery(db, q).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(c.label.padEnd(34), String(rows).padStart(5), median.toFixed(2).padStart(10), times[times.length - 1].toFixed(2).padStart(8));
}
db.close();
