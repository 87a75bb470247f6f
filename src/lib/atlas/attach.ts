import type { Database } from 'sql.js';

/**
 * Attaches one open sql.js database to another under `alias`, so a single statement can read both.
 *
 * sql.js keeps every Database as a file in its in-memory file system, under the name it stores in
 * `filename`; ATTACH opens that file. It is not in sql.js's typings, so it is read here, in one
 * place, and checked: a version that drops it fails the unit tests (tests/unit/atlas), not a user.
 * The attached Database must stay open while attached: closing it deletes its file.
 */
export function attachDatabase(db: Database, other: Database, alias: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`attach: not a plain alias: ${alias}`);
  const filename = (other as unknown as { filename?: unknown }).filename;
  if (typeof filename !== 'string') throw new Error('attach: this sql.js does not expose the file name of a database');
  db.run(`ATTACH ? AS ${alias}`, [filename]);
}

export function detachDatabase(db: Database, alias: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`detach: not a plain alias: ${alias}`);
  db.run(`DETACH ${alias}`);
}
