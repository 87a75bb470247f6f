import type { Database, SqlJsStatic } from 'sql.js';

/** One served part: a fresh database with `ddl`, filled in one transaction, analysed, as bytes. */
export function writePart(SQL: SqlJsStatic, ddl: string, fill: (db: Database) => void): Uint8Array {
  return openPart(SQL, ddl, fill)(() => {});
}

/**
 * writePart in two steps: `fill` now, and the rest of the transaction (`more`) when the returned
 * function is called — the summary is filled while the build's other thread still writes the files
 * it lists, and only those rows wait for them. The same statements in the same order: the same bytes.
 */
export function openPart(SQL: SqlJsStatic, ddl: string, fill: (db: Database) => void): (more: (db: Database) => void) => Uint8Array {
  const db = new SQL.Database();
  try {
    db.run(ddl);
    db.run('BEGIN');
    fill(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return (more) => {
    try {
      more(db);
      db.run('COMMIT');
      db.run('ANALYZE');
      return db.export();
    } finally {
      db.close();
    }
  };
}
