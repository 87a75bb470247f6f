import type { Sql } from './sql';

/**
 * What views and query functions see of the database. In the browser it is backed by a Web Worker
 * running sql.js (worker-client.ts); in tests by sql.js directly (sqljs-client.ts).
 */
export interface DbClient {
  query<Row extends object>(q: Sql): Promise<Row[]>;
  /**
   * Starts loading parts in the background, behind any query (the worker's client; absent in tests);
   * `first` puts them ahead of what earlier calls asked for.
   */
  prefetch?(needs: readonly string[], first?: boolean): void;
  /**
   * Starts loading parts now, beside the queries being answered rather than behind them (the
   * worker's client and the engine; absent in the plain sql.js client): what a query about to be
   * sent will need, when waiting for the queries before it would put the load on the reader's wait.
   */
  load?(needs: readonly string[]): void;
}

export async function queryRow<Row extends object>(client: DbClient, q: Sql): Promise<Row | undefined> {
  const rows = await client.query<Row>(q);
  return rows[0];
}
