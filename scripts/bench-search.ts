/**
 * npx tsx scripts/bench-search.ts [DATA_DIR]   (default public/data)
 *
 * The explorer's search as the page runs it — the character-pair index (AtlasEngine over the served
 * parts: count, then the first page of rows) — against LIKE over every name and step of the complete
 * database, the baseline, measured in the same run on the same engine (sql.js in Node). Prints the
 * median and worst ms of each, their ratio, and checks that both find the same number of duties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { AtlasEngine } from '../src/lib/atlas/engine';
import { runQuery } from '../src/lib/db/sqljs-client';
import { sql } from '../src/lib/db/sql';
import { escapeLike, searchCountSql, searchPageSql, searchTerms } from '../src/lib/queries/explorer';
import { NO_FILTERS } from '../src/lib/state/filters';
import { fileSource } from './lib/file-source';

const dir = process.argv[2] ?? 'public/data';
const SQL = await initSqlJs();
const complete = new SQL.Database(readFileSync(join(dir, 'duties.sqlite')));
const engine = await AtlasEngine.open(SQL, fileSource(dir));

const queries = ['村', '网格', '处罚', '宅基地', '屠宰检疫', '公路 处罚', '量子计算机', '农村宅基地审批'];
const RUNS = 15;

const likeCount = (query: string) => {
  const where = searchTerms(query).map((term) => {
    const p = `%${escapeLike(term)}%`;
    return sql`(i.name LIKE ${p} ESCAPE '\\' OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE ${p} ESCAPE '\\'))`;
  });
  const text = `SELECT count(*) AS n FROM items i WHERE ${where.map((w) => w.text).join(' AND ')}`;
  return runQuery<{ n: number }>(complete, { text, params: where.flatMap((w) => w.params) })[0].n;
};
const indexCount = async (query: string) => {
  const [{ count }] = await engine.query<{ count: number }>(searchCountSql(NO_FILTERS, query));
  await engine.query(searchPageSql(NO_FILTERS, query, 0, 100));
  return count;
};

async function time(run: () => unknown): Promise<{ median: number; max: number }> {
  await run(); // warm-up: fetches the buckets, compiles the statements
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
}

const [{ items }] = runQuery<{ items: number }>(complete, { text: 'SELECT count(*) AS items FROM items', params: [] });
console.log(`${dir}: ${items} items; ${RUNS} runs each; ms (median / worst)`);
console.log('query'.padEnd(16), 'found'.padStart(7), 'index'.padStart(16), 'LIKE (baseline)'.padStart(18), 'ratio'.padStart(7));
for (const query of queries) {
  const found = await indexCount(query);
  const expected = likeCount(query);
  if (found !== expected) throw new Error(`${query}: the index finds ${found}, LIKE ${expected}`);
  const index = await time(() => indexCount(query));
  const like = await time(() => likeCount(query));
  console.log(
    query.padEnd(16),
    String(found).padStart(7),
    `${index.median.toFixed(1)} / ${index.max.toFixed(1)}`.padStart(16),
    `${like.median.toFixed(1)} / ${like.max.toFixed(1)}`.padStart(18),
    (index.median / like.median).toFixed(2).padStart(7),
  );
}
