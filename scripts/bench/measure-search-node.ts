/**
 * The search terms in Node, on the same engine (sql.js): the explorer's search as the page runs it
 * — the character-pair index through the AtlasEngine over the served parts, its count and first page —
 * against LIKE over every name and step of the complete database, the baseline. Both must find the
 * same duties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { AtlasEngine } from '../../src/lib/atlas/engine';
import { join as joinSql, sql } from '../../src/lib/db/sql';
import { runQuery } from '../../src/lib/db/sqljs-client';
import { escapeLike, searchCountSql, searchPageSql, searchTerms } from '../../src/lib/queries/explorer';
import { NO_FILTERS } from '../../src/lib/state/filters';
import { fileSource } from '../lib/file-source';
import { median } from './stats';
import type { NodeSearchTerm } from './types';

const RUNS = 3;

export async function searchInNode(dataDir: string, terms: readonly string[]): Promise<NodeSearchTerm[]> {
  const SQL = await initSqlJs();
  const complete = new SQL.Database(readFileSync(join(dataDir, 'duties.sqlite')));
  const engine = await AtlasEngine.open(SQL, fileSource(dataDir));
  try {
    const likeCount = (term: string) => {
      const where = searchTerms(term).map((t) => {
        const p = `%${escapeLike(t)}%`;
        return sql`(i.name LIKE ${p} ESCAPE '\\' OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE ${p} ESCAPE '\\'))`;
      });
      return runQuery<{ n: number }>(complete, sql`SELECT count(*) AS n FROM items i WHERE ${joinSql(where, ' AND ')}`)[0].n;
    };
    const indexCount = async (term: string) => {
      const [{ count }] = await engine.query<{ count: number }>(searchCountSql(NO_FILTERS, term));
      await engine.query(searchPageSql(NO_FILTERS, term, 0, 100));
      return count;
    };
    const results: NodeSearchTerm[] = [];
    for (const term of terms) {
      const found = await indexCount(term); // fetches its buckets: the timed runs below find them in
      const index: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        await indexCount(term);
        index.push(performance.now() - started);
      }
      // LIKE once: it is the baseline, and over a region's steps one run takes a while.
      const started = performance.now();
      const likeFound = likeCount(term);
      results.push({ term, found, likeFound, indexMs: median(index), likeMs: performance.now() - started });
    }
    return results;
  } finally {
    engine.close();
    complete.close();
  }
}
