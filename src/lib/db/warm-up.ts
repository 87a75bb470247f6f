import type { SqlJsStatic } from 'sql.js';

/**
 * Statements shaped like the page's first queries (a join, a CTE, GROUP BY with sums, ORDER BY, a
 * bound parameter, a temporary table), run on an empty database and thrown away. V8 compiles each
 * function of sql.js's wasm the first time it is called, so the first query a worker runs pays for
 * compiling SQLite's parser and virtual machine: 30–58 ms for the summary's first, tiny query in the
 * 5-township site, where it takes under a millisecond warm. Run while the summary is still on its
 * way to the worker, that compiling leaves the first chart's path.
 */
export function warmUp(SQL: SqlJsStatic): void {
  const db = new SQL.Database();
  try {
    db.exec(`
      CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER);
      CREATE INDEX t_by_name ON t (name, n);
      INSERT INTO t VALUES (1, 'a', 2), (2, 'b', 3), (3, 'a', 4);
      CREATE TEMP TABLE h (item INTEGER PRIMARY KEY);`);
    const statement = db.prepare(`
      WITH s AS (SELECT name, sum(n) AS n FROM t GROUP BY name)
      SELECT t.id, t.name, s.n, coalesce(max(t.n), 0) AS m, count(DISTINCT t.name) AS k, group_concat(t.name, '、') AS g
      FROM t JOIN s ON s.name = t.name LEFT JOIN h ON h.item = t.id
      WHERE t.n > ? AND t.name IN ('a', 'b') AND t.name LIKE '%a%' ESCAPE '\\'
      GROUP BY t.id ORDER BY s.n DESC, t.name LIMIT 10`);
    try {
      statement.bind([0]);
      while (statement.step()) statement.getAsObject();
    } finally {
      statement.free();
    }
  } finally {
    db.close();
  }
}
