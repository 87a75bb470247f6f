/**
 * What the build refuses can still reach the page in a database a reader opens (打开数据库): the
 * contract checks tables and columns, not 序号 or departments. Such a database — the bundled one,
 * changed as a hand edit would change it — shows each fault in 数据核对 at the line of the document
 * it names. A list file with the same fault is refused by the import, at the same line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { AtlasEngine } from '../../../src/lib/atlas/engine';
import { deriveAtlas } from '../../../src/lib/atlas/derive';
import { memorySource } from '../../../src/lib/atlas/memory-source';
import { readCompleteDatabase } from '../../../src/lib/import/read-database';
import { readList } from '../../../src/lib/import/add-lists';
import { EMPTY_PLACE_TABLE } from '../../../src/lib/model/place-table';
import { kindSourcesOf, type DepartmentAliases } from '../../../src/lib/model/departments';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { auditCounts, auditFindings, type AuditCountsRow, type AuditFindingRow } from '../../../src/lib/queries/audit';
import type { AuditKind } from '../../../src/lib/audit/kinds';
import { completeDb } from '../queries/real-db';
import { RAW, documentFiles, documentRows, statedTotals } from './documents';

let SQL: SqlJsStatic;
let bundled: Uint8Array;
beforeAll(async () => {
  await completeDb(); // builds public/data if needed
  SQL = await initSqlJs();
  bundled = new Uint8Array(readFileSync(resolve(RAW, '../../public/data/duties.sqlite')));
});

/** The bundled database changed by `edit` (SQL), opened as the page's worker opens a file. */
async function opened(edit: string, aliases?: DepartmentAliases): Promise<AtlasEngine> {
  const db = new SQL.Database(bundled.slice());
  db.run(edit);
  const bytes = db.export();
  db.close();
  const tables = readCompleteDatabase(SQL, bytes, 'edited.sqlite');
  if (aliases) tables.departmentKindSources ??= kindSourcesOf(tables.departments, aliases);
  const files = deriveAtlas(SQL, tables);
  return AtlasEngine.open(SQL, memorySource(new Map(files.map((f) => [f.path, f.bytes]))));
}

const findings = async (engine: AtlasEngine, kind: AuditKind) => engine.query<AuditFindingRow>(auditFindings(NO_FILTERS, kind, 1000));

/** A coop row in the middle of a document whose 说明 states its totals: what the edits below remove or repeat. */
function coopRow() {
  const file = documentFiles().find((f) => statedTotals(f).coop !== undefined)!;
  const rows = documentRows(file).filter((r) => r.list === 'coop');
  return { file, row: rows[4], next: rows[5], previous: rows[3] };
}
const itemOf = (file: string, seq: number) =>
  `(SELECT i.id FROM items i JOIN townships t ON t.id = i.township_id WHERE t.source_file = '${file}' AND i.list = 'coop' AND i.seq = ${seq})`;

describe('数据核对 on a database opened in the page', () => {
  it('flags a 序号 gap at the row after it, naming its file and line', async () => {
    const { file, row, next } = coopRow();
    const engine = await opened(`
      DELETE FROM steps WHERE item_id = ${itemOf(file, row.seq)};
      DELETE FROM item_departments WHERE item_id = ${itemOf(file, row.seq)};
      DELETE FROM items WHERE id = ${itemOf(file, row.seq)};`);
    const gaps = await findings(engine, 'seq-gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ file, line: next.line, list: 'coop', seq: next.seq, number: row.seq - 1 });
    // The list is one short of what its 说明 states, and the township comes first in the table.
    const counts = await engine.query<AuditCountsRow>(auditCounts(NO_FILTERS, 100));
    expect(counts[0]).toMatchObject({
      file,
      coopParsed: documentRows(file).filter((r) => r.list === 'coop').length - 1,
      coopStated: statedTotals(file).coop,
      listsOff: 1,
    });
    expect(counts[0].categoriesOff).toBe(1);
  });

  it('flags a repeated 序号 at the second row, naming the first', async () => {
    const { file, row, next, previous } = coopRow();
    // The UNIQUE (township, list, seq) of the contract goes with a table rebuilt by hand.
    const engine = await opened(`
      PRAGMA foreign_keys = OFF;
      CREATE TABLE items_copy (id INTEGER PRIMARY KEY, township_id TEXT NOT NULL, list TEXT NOT NULL, seq INTEGER NOT NULL,
        category TEXT NOT NULL, name TEXT NOT NULL, duty_group INTEGER NOT NULL, source_line INTEGER NOT NULL);
      INSERT INTO items_copy SELECT id, township_id, list, seq, category, name, duty_group, source_line FROM items;
      DROP TABLE items;
      ALTER TABLE items_copy RENAME TO items;
      UPDATE items SET seq = ${previous.seq} WHERE id = ${itemOf(file, row.seq)};`);
    const duplicates = await findings(engine, 'seq-duplicate');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ file, line: row.line, seq: previous.seq, partnerLine: previous.line });
    // And the row after it now follows a gap.
    expect(await findings(engine, 'seq-gap')).toMatchObject([{ file, line: next.line, number: previous.seq }]);
  });

  it('flags a 配合 item whose lead departments are gone and a 收回 item without a receiving department', async () => {
    const { file, row } = coopRow();
    const reclaimed = documentRows(file).find((r) => r.list === 'reclaimed')!;
    const engine = await opened(`
      DELETE FROM item_departments WHERE item_id = ${itemOf(file, row.seq)} AND role = 'lead';
      DELETE FROM item_departments WHERE role = 'receiver' AND item_id =
        (SELECT i.id FROM items i JOIN townships t ON t.id = i.township_id WHERE t.source_file = '${file}' AND i.list = 'reclaimed' AND i.seq = ${reclaimed.seq});`);
    expect(await findings(engine, 'coop-no-lead')).toMatchObject([{ file, line: row.line, list: 'coop' }]);
    expect(await findings(engine, 'reclaimed-no-receiver')).toMatchObject([{ file, line: reclaimed.line, list: 'reclaimed' }]);
  });

  it('decides the kinds of a database that does not record them from the alias file, and flags a kind the file lacks', async () => {
    const aliases = JSON.parse(readFileSync(resolve(RAW, '../department-aliases.json'), 'utf8')) as DepartmentAliases;
    const engine = await opened(
      `DROP TABLE department_kind_sources;
       UPDATE departments SET kind = '未审核的类型' WHERE id = (SELECT department_id FROM item_departments ORDER BY item_id LIMIT 1);`,
      aliases,
    );
    const guessed = await findings(engine, 'kind-guessed');
    expect(guessed.length).toBeGreaterThan(0);
    expect(new Set(guessed.map((g) => g.detail))).toEqual(new Set(['未审核的类型']));
    // One finding per township naming it, each at a row of its document.
    expect(new Set(guessed.map((g) => g.township)).size).toBe(guessed.length);
    for (const g of guessed) expect(documentRows(g.file).some((r) => r.line === g.line && r.seq === g.seq)).toBe(true);
  });
});

describe('a list file with a 序号 gap', () => {
  it('is refused by the import at the row after the gap', () => {
    const { file, row, next } = coopRow();
    const lines = readFileSync(resolve(RAW, file), 'utf8').split('\n');
    lines.splice(row.line - 1, 1);
    const read = readList(file, new TextEncoder().encode(lines.join('\n')), EMPTY_PLACE_TABLE);
    // The row after the gap moved up one line with the row removed.
    expect(read.report.problems).toMatchObject([
      { at: { line: next.line - 1 }, refusal: { kind: 'seq-skipped', list: 'coop', from: row.seq - 1, to: next.seq } },
    ]);
  });
});
