import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { AtlasEngine } from '../../../src/lib/atlas/engine';
import { deriveAllFiles } from '../../../src/lib/atlas/derive-all';
import { memorySource } from '../../../src/lib/atlas/memory-source';
import { readCompleteDatabase, DatabaseRefused, type DatabaseProblem } from '../../../src/lib/import/read-database';
import { fileSource } from '../../../scripts/lib/file-source';
import { SUMMARY_FILE, countyOfTextFile } from '../../../src/lib/atlas/parts';
import { realDb } from '../queries/real-db';
import { describeProblem } from '../../../src/lib/import/describe-problem';

const DATA = resolve(import.meta.dirname, '../../../public/data');

let SQL: SqlJsStatic;
let complete: Uint8Array;
beforeAll(async () => {
  await realDb(); // builds public/data when it is missing
  SQL = await initSqlJs();
  complete = readFileSync(resolve(DATA, 'duties.sqlite'));
});

/** The complete database changed by `change` (SQL run on a copy: sql.js may write into the array it opens). */
function altered(change: string): Uint8Array {
  const db = new SQL.Database(new Uint8Array(complete)); // a copy: a Buffer's slice() shares its memory
  try {
    db.run(change);
    return db.export();
  } finally {
    db.close();
  }
}

const problemsOf = (bytes: Uint8Array): DatabaseProblem[] => {
  try {
    readCompleteDatabase(SQL, bytes, '数据库.sqlite');
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseRefused);
    expect((error as DatabaseRefused).file).toBe('数据库.sqlite');
    return (error as DatabaseRefused).problems;
  }
};

describe('readCompleteDatabase', () => {
  it('reads the database the build wrote', () => {
    const tables = readCompleteDatabase(SQL, complete, 'duties.sqlite');
    const db = new SQL.Database(complete);
    const count = (table: string) => Number(db.exec(`SELECT count(*) FROM ${table}`)[0].values[0][0]);
    expect(tables.townships).toHaveLength(count('townships'));
    expect(tables.items).toHaveLength(count('items'));
    expect(tables.steps).toHaveLength(count('steps'));
    db.close();
  });

  it('refuses a file that is not SQLite', () => {
    expect(problemsOf(new TextEncoder().encode('序号\t事项名称\n1\t农村集体聚餐备案'))).toEqual([{ kind: 'not-sqlite' }]);
  });

  it('refuses a SQLite file that is cut short', () => {
    expect(problemsOf(complete.subarray(0, Math.floor(complete.length / 2)))[0].kind).toBe('corrupt');
  });

  it('names every missing table and column of the contract', () => {
    expect(problemsOf(altered('DROP TABLE steps'))).toContainEqual({ kind: 'missing-table', table: 'steps' });
    expect(problemsOf(altered('DROP INDEX items_by_group; ALTER TABLE items DROP COLUMN duty_group'))).toContainEqual({
      kind: 'missing-column',
      table: 'items',
      column: 'duty_group',
    });
  });

  it('refuses a database with no townships, or one written by a newer version', () => {
    expect(
      problemsOf(
        altered('DELETE FROM steps; DELETE FROM item_departments; DELETE FROM stated_counts; DELETE FROM items; DELETE FROM townships'),
      ),
    ).toEqual([{ kind: 'no-townships' }]);
    expect(problemsOf(altered("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))).toEqual([
      { kind: 'newer-schema', version: '99' },
    ]);
  });

  it('names rows that point at nothing', () => {
    const problems = problemsOf(
      altered("PRAGMA foreign_keys = OFF; UPDATE items SET township_id = 'nowhere' WHERE id = (SELECT min(id) FROM items)"),
    );
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'broken-reference', table: 'items', parent: 'townships' }));
  });

  it('names the department rows whose role does not go with their item’s list', () => {
    expect(problemsOf(altered('SELECT 1'))).toEqual([]);
    const edited = altered(
      "UPDATE item_departments SET role = 'receiver' WHERE rowid = (SELECT min(x.rowid) FROM item_departments x JOIN items i ON i.id = x.item_id WHERE i.list = 'coop')",
    );
    const problems = problemsOf(edited);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'role-mismatch', role: 'receiver', list: 'coop' });
    expect(describeProblem(problems[0])).toMatch(/item_departments 第 [\d,]+ 行把承接部门记在了配合履职事项上/);
  });
});

describe('deriveAllFiles', () => {
  it('derives, from the complete database, every file the build serves, answering as the served ones do', async () => {
    const files = deriveAllFiles(SQL, readCompleteDatabase(SQL, complete, 'duties.sqlite'));
    const served = await AtlasEngine.open(SQL, fileSource(DATA));
    const derived = await AtlasEngine.open(SQL, memorySource(new Map(files.map((f) => [f.path, f.bytes]))));
    expect([...derived.info.files.keys()].sort()).toEqual([...served.info.files.keys()].sort());
    expect(files[0].path).toBe(SUMMARY_FILE);
    // A question that reads the facts and the text of every county, and one through the search index.
    const facts = {
      text: 'SELECT count(*) AS n, sum(length(x.name)) AS chars FROM fact_items f JOIN item_text x ON x.item = f.id',
      params: [],
    };
    const needs = [
      'facts',
      ...[...new Set([...served.info.files.keys()].map(countyOfTextFile).filter((c) => c !== null))].map((c) => `text:${c}`),
    ];
    expect(await derived.query({ ...facts, needs })).toEqual(await served.query({ ...facts, needs }));
    served.close();
    derived.close();
  });
});
