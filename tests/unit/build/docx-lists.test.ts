import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase, readSources } from '../../../scripts/build-db';
import { listToDocx } from '../import/docx-fixture';

/**
 * `npm run build:db` reads .docx lists beside .txt ones: every other bundled list as the Word document
 * it was published as, under the name a county office gives it, builds the database the text
 * exports build. Nothing here names a township.
 */
const RAW = fileURLToPath(new URL('../../../data/raw/', import.meta.url));
const bundled = readSources(RAW);

describe('a folder of .docx and .txt lists', () => {
  const SQL = initSqlJs();
  let original: Database;
  let mixed: Database;
  let docxNames: string[];

  beforeAll(async () => {
    const input = mkdtempSync(join(tmpdir(), 'duty-atlas-docx-'));
    docxNames = [];
    for (const [index, { document, place }] of bundled.entries()) {
      if (index % 2 === 1) {
        copyFileSync(join(RAW, document.source), join(input, document.source));
        continue;
      }
      const name = `${place!.county}${place!.township}履职事项清单.docx`;
      const text = readFileSync(join(RAW, document.source), 'utf8');
      writeFileSync(join(input, name), await listToDocx(text, { autoNumbering: true, mergeCategories: true, splitTables: 'with-header' }));
      docxNames.push(name);
    }
    const build = async (folder: string) => {
      const out = join(mkdtempSync(join(tmpdir(), 'duty-atlas-docx-db-')), 'duties.sqlite');
      await buildDatabase(folder, out);
      return new (await SQL).Database(readFileSync(out));
    };
    original = await build(RAW);
    mixed = await build(input);
  }, 90_000);

  const rows = (db: Database, sql: string) => db.exec(sql)[0].values;

  it('builds the same townships, items, departments and steps', () => {
    expect(docxNames.length).toBeGreaterThan(0);
    const townships = 'SELECT id, name, county, prefecture, code, published, place_source FROM townships';
    expect(rows(mixed, townships)).toEqual(rows(original, townships));
    // A .docx item's source_line is the line of its text export (the reader's), not of the bundled file.
    const items = 'SELECT id, township_id, list, seq, category, name, duty_group FROM items';
    expect(rows(mixed, items)).toEqual(rows(original, items));
    for (const table of ['steps', 'departments', 'item_departments', 'stated_counts'])
      expect(rows(mixed, `SELECT * FROM ${table}`), table).toEqual(rows(original, `SELECT * FROM ${table}`));
  });

  it('records the .docx files it was built from', () => {
    const files = rows(mixed, 'SELECT source_file FROM townships').flat();
    for (const name of docxNames) expect(files).toContain(name);
    expect(String(rows(mixed, "SELECT value FROM meta WHERE key = 'built_from'")[0][0])).toContain(docxNames[0]);
  });
});
