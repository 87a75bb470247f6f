import type { Database, SqlJsStatic } from 'sql.js';
import { readContractTables, type ContractTables } from '../atlas/derive';
import { SCHEMA_TABLES_SQL, SCHEMA_VERSION, type StatedCountRow } from '../db/schema';

/**
 * Checks that a file a reader opens is a complete Duty Atlas database (what `npm run build:db` and
 * 导出数据库 write) before anything is derived from it, and reads its tables. Every problem found is
 * reported at once, by kind, so the page can say in Chinese what is wrong with which file.
 */

export type DatabaseProblem =
  | { kind: 'not-sqlite' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'missing-table'; table: string }
  | { kind: 'missing-column'; table: string; column: string }
  | { kind: 'newer-schema'; version: string }
  | { kind: 'no-townships' }
  | { kind: 'broken-reference'; table: string; row: number; parent: string }
  /** An item_departments row whose role does not go with its item's list (`row`: its rowid). */
  | { kind: 'role-mismatch'; row: number; role: 'lead' | 'receiver'; list: string };

/** Every row of a complete database: what the parts are derived from, and what lists are added to. */
export interface CompleteTables extends ContractTables {
  statedCounts: StatedCountRow[];
  meta: Record<string, string>;
}

export class DatabaseRefused extends Error {
  constructor(
    readonly file: string,
    readonly problems: DatabaseProblem[],
  ) {
    super(`${file}: ${problems.map((p) => p.kind).join(', ')}`);
    this.name = 'DatabaseRefused';
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Past this many broken references the file is plainly not ours: the rest add nothing. */
const MAX_REPORTED = 20;

/** The contract's tables and their columns, read from the DDL itself so the check never drifts from it. */
function contractColumns(SQL: SqlJsStatic): Map<string, string[]> {
  const reference = new SQL.Database();
  try {
    reference.run(SCHEMA_TABLES_SQL);
    return columnsOf(reference);
  } finally {
    reference.close();
  }
}

/**
 * Every table's columns. A table's name comes from the file the reader opened, so it is bound as a
 * parameter of pragma_table_info, never spliced into the statement: a name holding `"); DROP TABLE …`
 * is a name like any other (tests/unit/security/query-binding.test.ts).
 */
function columnsOf(db: Database): Map<string, string[]> {
  const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")[0]?.values ?? [];
  return new Map(
    tables.map(([name]) => [
      String(name),
      (db.exec('SELECT name FROM pragma_table_info(?) ORDER BY cid', [String(name)])[0]?.values ?? []).map((c) => String(c[0])),
    ]),
  );
}

function problemsOf(SQL: SqlJsStatic, db: Database): DatabaseProblem[] {
  const quick = (db.exec('PRAGMA quick_check')[0]?.values ?? []).map((r) => String(r[0]));
  if (quick.join() !== 'ok') return quick.slice(0, MAX_REPORTED).map((detail) => ({ kind: 'corrupt', detail }));
  const problems: DatabaseProblem[] = [];
  const found = columnsOf(db);
  for (const [table, columns] of contractColumns(SQL)) {
    const have = found.get(table);
    if (!have) problems.push({ kind: 'missing-table', table });
    else for (const column of columns) if (!have.includes(column)) problems.push({ kind: 'missing-column', table, column });
  }
  if (problems.length) return problems;
  const version = db.exec("SELECT value FROM meta WHERE key = 'schema_version'")[0]?.values[0]?.[0];
  if (version !== undefined && Number(version) > SCHEMA_VERSION) problems.push({ kind: 'newer-schema', version: String(version) });
  if (Number(db.exec('SELECT count(*) FROM townships')[0].values[0][0]) === 0) problems.push({ kind: 'no-townships' });
  for (const [table, row, parent] of (db.exec('PRAGMA foreign_key_check')[0]?.values ?? []).slice(0, MAX_REPORTED))
    problems.push({ kind: 'broken-reference', table: String(table), row: Number(row), parent: String(parent) });
  // A lead department belongs to a 配合 item and a receiving one to a 收回 item (the parser writes
  // nothing else): the department-kind tables count a role as its list, so a file that mixes them
  // would have 配合 and 收回 figures disagree between views.
  const mismatched = db.exec(
    `SELECT x.rowid, x.role, i.list FROM item_departments x JOIN items i ON i.id = x.item_id
     WHERE NOT ((x.role = 'lead' AND i.list = 'coop') OR (x.role = 'receiver' AND i.list = 'reclaimed'))
     ORDER BY x.rowid LIMIT ?`,
    [MAX_REPORTED],
  );
  for (const [row, role, list] of mismatched[0]?.values ?? [])
    problems.push({ kind: 'role-mismatch', row: Number(row), role: role as 'lead' | 'receiver', list: String(list) });
  return problems;
}

/**
 * The tables of a complete database in `bytes` (the file `file`), or a DatabaseRefused naming every
 * problem. Nothing here writes, but sql.js may keep `bytes` as the file's storage: a caller that keeps
 * them passes a copy (the worker has its own, copied by postMessage).
 */
export function readCompleteDatabase(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  file: string,
  /**
   * The database is one the page already shows, checked when it was opened or written by the page
   * itself (a review decision reads it): its contract is not checked again, which at a region's
   * size costs seconds (SQLite's quick_check over 190 MB).
   */
  { checked = false }: { checked?: boolean } = {},
): CompleteTables {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 16)) !== SQLITE_MAGIC)
    throw new DatabaseRefused(file, [{ kind: 'not-sqlite' }]);
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    throw new DatabaseRefused(file, [{ kind: 'corrupt', detail: error instanceof Error ? error.message : String(error) }]);
  }
  try {
    let problems: DatabaseProblem[];
    try {
      problems = checked ? [] : problemsOf(SQL, db);
    } catch (error) {
      problems = [{ kind: 'corrupt', detail: error instanceof Error ? error.message : String(error) }];
    }
    if (problems.length) throw new DatabaseRefused(file, problems);
    const meta = Object.fromEntries((db.exec('SELECT key, value FROM meta')[0]?.values ?? []).map(([k, v]) => [String(k), String(v)]));
    const tables = readContractTables(db);
    return { ...tables, statedCounts: tables.statedCounts ?? [], meta };
  } finally {
    db.close();
  }
}
