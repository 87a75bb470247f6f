import type { SqlJsStatic } from 'sql.js';
import type { DutyGroupCandidateRow, DutyGroupLinkRow } from './schema';
import { SCHEMA_LINKS_SQL, SCHEMA_REVIEW_SQL } from './schema';
import { insertRows } from './bulk-insert';

/** What grouping the items anew writes into a complete database (src/lib/review/regroup-session.ts). */
export interface DutyGroupPatch {
  /** item id → its new duty group, only for the items whose group changed. */
  changed: ReadonlyMap<number, number>;
  /** The whole review queue, replacing the one written. */
  candidates: readonly DutyGroupCandidateRow[];
  /** Every join of the new grouping, replacing the ones written (the audit's weak matches). */
  links: readonly DutyGroupLinkRow[];
  /** meta rows to set; null removes the row. */
  meta: Record<string, string | null>;
}

/**
 * A complete database (`bytes`, left as they are) with its items' duty groups, its review queue, the
 * grouping's joins and some meta rows changed, and nothing else: what a review decision changes. Updating the rows that
 * changed, in SQLite, costs a fraction of writing a region's database anew (writeDatabase): its
 * rows need not be read into JavaScript, inserted again and indexed again.
 *
 * The tables then hold what writeDatabase would write from the same rows; the file's bytes differ
 * (page layout, and the planner's statistics, which ANALYZE gathered for the rows as first written
 * and which a group renumbered hardly moves).
 */
export function patchDutyGroups(SQL: SqlJsStatic, bytes: Uint8Array, patch: DutyGroupPatch): Uint8Array {
  const db = new SQL.Database(bytes);
  try {
    // As writeDatabase: the file lives in memory, so no journal; a cache as large as the file keeps
    // the index updates of a region's items from spilling pages through sql.js's file system.
    db.run('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -2000000; PRAGMA temp_store = MEMORY;');
    const has = (table: string) => db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).length > 0;
    const hasQueue = has('duty_group_candidates');
    const hasLinks = has('duty_group_links');
    db.run('BEGIN');
    if (!hasQueue) db.run(SCHEMA_REVIEW_SQL);
    // An older database gets the joins; its departments' kind sources stay unrecorded (the page
    // decides them from the alias file when it opens it).
    if (!hasLinks) db.run(SCHEMA_LINKS_SQL);
    if (patch.changed.size) {
      db.run('CREATE TEMP TABLE regrouped (id INTEGER PRIMARY KEY, duty_group INTEGER NOT NULL)');
      insertRows(
        db,
        'temp.regrouped',
        ['id', 'duty_group'],
        [...patch.changed].map(([id, group]) => ({ id, duty_group: group })),
      );
      db.run(
        `UPDATE items SET duty_group = (SELECT r.duty_group FROM temp.regrouped r WHERE r.id = items.id)
         WHERE id IN (SELECT id FROM temp.regrouped)`,
      );
      db.run('DROP TABLE temp.regrouped');
    }
    db.run('DELETE FROM duty_group_candidates');
    insertRows(db, 'duty_group_candidates', ['item_id', 'rank', 'candidate_group', 'score', 'wording', 'evidence'], patch.candidates);
    db.run('DELETE FROM duty_group_links');
    insertRows(db, 'duty_group_links', ['item_id', 'partner_item', 'pass', 'score'], patch.links);
    for (const [key, value] of Object.entries(patch.meta)) {
      if (value === null) db.run('DELETE FROM meta WHERE key = ?', [key]);
      else db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [key, value]);
    }
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}
