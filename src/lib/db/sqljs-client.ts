import type { Database } from 'sql.js';
import type { DbClient } from './client';
import type { Sql } from './sql';

/**
 * Runs a query on an open sql.js database and returns plain row objects. Shared by the worker and tests.
 * The column names are read once: sql.js's getAsObject reads them again for every row (a string
 * decoded out of wasm memory per column per row), which made a few hundred rows cost several times
 * the query itself.
 */
export function runQuery<Row extends object>(db: Database, q: Sql): Row[] {
  const statement = db.prepare(q.text);
  try {
    statement.bind(q.params as (string | number | null)[]);
    const rows: Row[] = [];
    let columns: string[] | null = null;
    while (statement.step()) {
      columns ??= statement.getColumnNames();
      const values = statement.get();
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]] = values[i];
      rows.push(row as Row);
    }
    return rows;
  } finally {
    statement.free();
  }
}

export function sqlJsClient(db: Database): DbClient {
  return { query: async <Row extends object>(q: Sql) => runQuery<Row>(db, q) };
}
