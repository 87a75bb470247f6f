import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveAtlas, deriveTextFiles, readContractTables, type AtlasFile, type ContractTables } from '../../../src/lib/atlas/derive';
import { SUMMARY_FILE, partFile } from '../../../src/lib/atlas/parts';
import { attachDatabase } from '../../../src/lib/atlas/attach';
import { realDb } from '../queries/real-db';

/**
 * The parts derived from the bundled lists agree with the complete database they come from:
 * every cube sums to what plain SQL over the contract tables counts.
 */
let SQL: SqlJsStatic;
let complete: Database;
let tables: ContractTables;
let files: AtlasFile[];
const part = (path: string) => new SQL.Database(files.find((f) => f.path === path)!.bytes);
const rows = (db: Database, text: string) => db.exec(text)[0]?.values ?? [];

beforeAll(async () => {
  await realDb(); // builds public/data if needed
  SQL = await initSqlJs();
  complete = new SQL.Database(readFileSync(resolve(import.meta.dirname, '../../../public/data/duties.sqlite')));
  tables = readContractTables(complete);
  files = [...deriveAtlas(SQL, tables, { extraFiles: deriveTextFiles(SQL, tables) })];
});

describe('deriveAtlas on the bundled lists', () => {
  it('lists every derived file, with its size, in the summary', () => {
    const listed = rows(part(SUMMARY_FILE), 'SELECT path, bytes FROM files ORDER BY path');
    const others = files.filter((f) => f.path !== SUMMARY_FILE).map((f) => [f.path, f.bytes.length]);
    expect(listed).toEqual(others.sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });

  it('has one fact per item, in its township, list and category', () => {
    const facts = part(partFile('facts'));
    const summary = part(SUMMARY_FILE);
    attachDatabase(facts, summary, 's');
    const derived = rows(
      facts,
      `SELECT f.id, t.id, CASE f.list WHEN 0 THEN 'basic' WHEN 1 THEN 'coop' ELSE 'reclaimed' END, c.name, f.duty_group
       FROM fact_items f JOIN s.townships t ON t.place = f.township JOIN s.categories c ON c.id = f.category ORDER BY f.id`,
    );
    expect(derived).toEqual(rows(complete, 'SELECT id, township_id, list, category, duty_group FROM items ORDER BY id'));
  });

  it('sums the item cube to the counts per township, list and category, and its county rollup to the cube', () => {
    const summary = part(SUMMARY_FILE);
    const cube = rows(
      summary,
      `SELECT t.id, CASE c.list WHEN 0 THEN 'basic' WHEN 1 THEN 'coop' ELSE 'reclaimed' END AS list, k.name, c.items
       FROM cube_items c JOIN townships t ON t.place = c.township JOIN categories k ON k.id = c.category ORDER BY 1, 2, 3`,
    );
    expect(cube).toEqual(rows(complete, 'SELECT township_id, list, category, count(*) FROM items GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'));
    const rollup = rows(summary, 'SELECT county, list, category, items, township_steps FROM cube_items_county ORDER BY 1, 2, 3');
    const summed = rows(
      summary,
      'SELECT county, list, category, sum(items), sum(township_steps) FROM cube_items GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
    );
    expect(rollup).toEqual(summed);
  });

  it('counts each department kind’s distinct duties per township, role and category', () => {
    const network = part(partFile('network'));
    const summary = part(SUMMARY_FILE);
    attachDatabase(network, summary, 's');
    const derived = rows(
      network,
      `SELECT k.name, t.id, c.role, cat.name, c.duties FROM cube_kinds c
       JOIN s.kinds k ON k.id = c.kind JOIN s.townships t ON t.place = c.township JOIN s.categories cat ON cat.id = c.category
       ORDER BY 1, 2, 3, 4`,
    );
    const expected = rows(
      complete,
      `SELECT d.kind, i.township_id, CASE x.role WHEN 'lead' THEN 0 ELSE 1 END, i.category, count(DISTINCT i.id)
       FROM item_departments x JOIN departments d ON d.id = x.department_id JOIN items i ON i.id = x.item_id
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    );
    expect(derived).toEqual(expected);
  });

  it('holds, for every duty reclaimed somewhere, each township’s strongest holding: reclaimed over coop over basic', () => {
    const heat = part(partFile('heatmap'));
    const summary = part(SUMMARY_FILE);
    attachDatabase(heat, summary, 's');
    const derived = rows(
      heat,
      'SELECT t.id, h.duty_group, h.status FROM heat_cells h JOIN s.townships t ON t.place = h.township ORDER BY 1, 2',
    );
    const expected = rows(
      complete,
      `SELECT township_id, duty_group, max(CASE list WHEN 'basic' THEN 0 WHEN 'coop' THEN 1 ELSE 2 END) FROM items
       WHERE duty_group IN (SELECT duty_group FROM items WHERE list = 'reclaimed') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(derived).toEqual(expected);
  });

  it('puts every item’s name in its county’s names file and its steps in its steps file, once', () => {
    const text = files.filter((f) => f.part === 'text');
    const namesFiles = text.filter((f) => f.path.endsWith('.names.sqlite.gz'));
    const stepsFiles = text.filter((f) => f.path.endsWith('.steps.sqlite.gz'));
    expect(namesFiles.length).toBe(stepsFiles.length);
    expect(namesFiles.length + stepsFiles.length).toBe(text.length);
    const names = namesFiles.flatMap((f) =>
      rows(new SQL.Database(f.bytes), 'SELECT item, w.text FROM item_text JOIN item_words w ON w.id = word'),
    );
    expect(names.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(rows(complete, 'SELECT id, name FROM items ORDER BY id'));
    const steps = stepsFiles.reduce((n, f) => n + Number(rows(new SQL.Database(f.bytes), 'SELECT count(*) FROM step_text')[0][0]), 0);
    expect(steps).toBe(Number(rows(complete, 'SELECT count(*) FROM steps')[0][0]));
  });

  it('numbers places parents first, counties and townships in code order', () => {
    const places = rows(part(SUMMARY_FILE), 'SELECT key, level, parent, townships FROM places ORDER BY id');
    expect(places.filter((p) => p[1] === 'prefecture').map((p) => p[0])).toEqual(['6504', '6523']);
    expect(places.filter((p) => p[1] === 'township')).toHaveLength(tables.townships.length);
    expect(places.find((p) => p[0] === '6523')?.[3]).toBe(4);
  });
});
