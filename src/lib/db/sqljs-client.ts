import type { Database } from 'sql.js';
import type { DbClient } from './client';
import type { Sql } from './sql';

/** Runs a query on an open sql.js database and returns plain row objects. Shared by the worker and tests. */
export function runQuery<Row extends object>(db: Database, q: Sql): Row[] {
  const statement = db.prepare(q.text);
  try {
    statement.bind(q.params as (string | number | null)[]);
    const rows: Row[] = [];
    while (statement.step()) rows.push(statement.getAsObject() as Row);
    return rows;
  } finally {
    statement.free();
  }
}

export function sqlJsClient(db: Database): DbClient {
  return { query: async <Row extends object>(q: Sql) => runQuery<Row>(db, q) };
}
