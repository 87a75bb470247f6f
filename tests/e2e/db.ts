/** The real built database, opened with sql.js in Node, so e2e tests compare what the page shows with it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll } from 'vitest';

const DB_FILE = resolve(import.meta.dirname, '../../dist/data/duties.sqlite');
/** The complete database of the 200-township site the e2e setup builds (`site: 'scale'`). */
export const SCALE_DB_FILE = resolve(import.meta.dirname, '../../.e2e-scale/site/data/duties.sqlite');

export interface RealDatabase {
  all<Row>(text: string, params?: (string | number)[]): Row[];
  one<Row>(text: string, params?: (string | number)[]): Row;
  /** A township's id by its name: ids come from the documents (official codes), so tests name townships as the lists do. */
  townshipId(name: string): string;
}

export function openRealDatabase(file = DB_FILE): RealDatabase {
  let db: Database;
  beforeAll(async () => {
    const SQL = await initSqlJs();
    db = new SQL.Database(readFileSync(file));
    // The views key a place the place table does not know by its names (src/lib/atlas/place-tree.ts);
    // this in-memory copy does the same, so the tests' county and prefecture keys match the page's.
    db.run(`UPDATE townships SET county_code = prefecture || '/' || county WHERE county_code IS NULL;
            UPDATE townships SET prefecture_code = prefecture WHERE prefecture_code IS NULL;`);
  });
  const all = <Row>(text: string, params: (string | number)[] = []) => {
    const statement = db.prepare(text);
    statement.bind(params);
    const rows: Row[] = [];
    while (statement.step()) rows.push(statement.getAsObject() as Row);
    statement.free();
    return rows;
  };
  const townshipId = (name: string) => {
    const rows = all<{ id: string }>('SELECT id FROM townships WHERE name = ?', [name]);
    if (rows.length !== 1) throw new Error(`${rows.length} townships are called ${name}`);
    return rows[0].id;
  };
  return { all, one: <Row>(text: string, params?: (string | number)[]) => all<Row>(text, params)[0], townshipId };
}

/**
 * A copy of the complete database `bytes` without the townships that `dropped` selects (SQL giving
 * township ids) and every row of theirs: a database as a build of the other lists writes it.
 */
export function withoutTownships(SQL: SqlJsStatic, bytes: Uint8Array, dropped: string): Uint8Array {
  const db = new SQL.Database(new Uint8Array(bytes));
  try {
    db.run(`CREATE TEMP TABLE gone AS ${dropped};
            DELETE FROM steps WHERE item_id IN (SELECT id FROM items WHERE township_id IN (SELECT id FROM gone));
            DELETE FROM item_departments WHERE item_id IN (SELECT id FROM items WHERE township_id IN (SELECT id FROM gone));
            DELETE FROM items WHERE township_id IN (SELECT id FROM gone);
            DELETE FROM stated_counts WHERE township_id IN (SELECT id FROM gone);
            DELETE FROM townships WHERE id IN (SELECT id FROM gone);
            VACUUM;`);
    return db.export();
  } finally {
    db.close();
  }
}
