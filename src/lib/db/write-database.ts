import type { SqlJsStatic, Database } from 'sql.js';
import type { AtlasData } from '../model/assemble';
import { SCHEMA_AUDIT_SQL, SCHEMA_INDEXES_SQL, SCHEMA_REVIEW_SQL, SCHEMA_TABLES_SQL, SCHEMA_VERSION } from './schema';
import { insertRows } from './bulk-insert';

/**
 * Writes the assembled data into a fresh SQLite database with sql.js — the same engine the browser
 * runs, so nothing native is built and both sides read one format.
 *
 * The database lives in memory until exported, so there is no journal to keep, and a page cache as
 * large as the file saves spilling pages into sql.js's in-memory file system mid-load; indexes are
 * built once the rows are in. Together these halve the write of a region's lists.
 */
export function writeDatabase(
  SQL: SqlJsStatic,
  // The review queue and the audit's rows are optional: rows merged elsewhere may come without them (the tables are then empty).
  data: Pick<AtlasData, 'townships' | 'departments' | 'items' | 'itemDepartments' | 'steps' | 'statedCounts'> &
    Partial<Pick<AtlasData, 'dutyGroupCandidates' | 'dutyGroupLinks' | 'departmentKindSources'>>,
  meta: Record<string, string> = {},
): Uint8Array {
  const db = new SQL.Database();
  try {
    db.run('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -2000000; PRAGMA temp_store = MEMORY;');
    db.run(SCHEMA_TABLES_SQL);
    db.run(SCHEMA_REVIEW_SQL);
    db.run(SCHEMA_AUDIT_SQL);
    db.run('BEGIN');
    insertAll(
      db,
      'townships',
      ['id', 'name', 'county', 'prefecture', 'published', 'source_file', 'code', 'county_code', 'prefecture_code', 'place_source'],
      data.townships,
    );
    insertAll(db, 'departments', ['id', 'name', 'kind', 'level'], data.departments);
    insertAll(db, 'items', ['id', 'township_id', 'list', 'seq', 'category', 'name', 'duty_group', 'source_line'], data.items);
    insertAll(db, 'item_departments', ['item_id', 'department_id', 'role'], data.itemDepartments);
    insertAll(db, 'steps', ['item_id', 'party', 'department_id', 'ord', 'text', 'heading'], data.steps);
    insertAll(
      db,
      'duty_group_candidates',
      ['item_id', 'rank', 'candidate_group', 'score', 'wording', 'evidence'],
      data.dutyGroupCandidates ?? [],
    );
    insertAll(db, 'duty_group_links', ['item_id', 'partner_item', 'pass', 'score'], data.dutyGroupLinks ?? []);
    insertAll(db, 'department_kind_sources', ['department_id', 'source'], data.departmentKindSources ?? []);
    insertAll(db, 'stated_counts', ['township_id', 'list', 'measure', 'category', 'count'], data.statedCounts);
    const metaRows = Object.entries({ schema_version: String(SCHEMA_VERSION), ...meta }).map(([key, value]) => ({ key, value }));
    insertAll(db, 'meta', ['key', 'value'], metaRows);
    db.run(SCHEMA_INDEXES_SQL);
    db.run('COMMIT');
    db.run('ANALYZE');
    return db.export();
  } finally {
    db.close();
  }
}

function insertAll<Row extends object>(db: Database, table: string, columns: (keyof Row & string)[], rows: Row[]): void {
  insertRows(db, table, columns, rows);
}

/** Problems SQLite itself finds in a written database; empty when it is sound. */
export function verifyDatabase(SQL: SqlJsStatic, bytes: Uint8Array): string[] {
  const db = new SQL.Database(bytes);
  try {
    const problems: string[] = [];
    const integrity = db.exec('PRAGMA integrity_check')[0]?.values.map((r) => String(r[0])) ?? [];
    if (integrity.join() !== 'ok') problems.push(...integrity.map((m) => `integrity_check: ${m}`));
    const foreign = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
    for (const row of foreign) problems.push(`foreign_key_check: ${row.join(' ')}`);
    return problems;
  } finally {
    db.close();
  }
}
