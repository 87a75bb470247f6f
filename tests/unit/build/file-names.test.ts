import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase, readSources } from '../../../scripts/build-db';
import type { SourceDocument } from '../../../src/lib/model/assemble';

/**
 * The township id comes from the document, not the file name: the bundled lists renamed the ways
 * users save them build the same database. Nothing here names a township: every bundled list is
 * renamed from its own title.
 */
const RAW = fileURLToPath(new URL('../../../data/raw/', import.meta.url));
const bundled = readSources(RAW);

/** A folder holding each bundled list under the name `rename` gives it. */
function renamed(rename: (source: SourceDocument, index: number) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-names-'));
  bundled.forEach((source, index) => copyFileSync(join(RAW, source.document.source), join(dir, rename(source, index))));
  return dir;
}

/** As a county office saves them: 托克逊县伊拉湖镇履职事项清单.txt */
const chineseName = ({ place }: SourceDocument) => `${place!.county}${place!.township}履职事项清单.txt`;

const NAMINGS: [string, (source: SourceDocument, index: number) => string][] = [
  ['Chinese', chineseName],
  // Spaces, brackets and underscores, in the reverse of the bundled order.
  ['spaces', (_, index) => `清单 ${bundled.length - index} (final)_v2.txt`],
];

describe('lists build under any file name', () => {
  it.each(NAMINGS)('gives each list the same township id under %s names as under its own', (_, rename) => {
    const again = readSources(renamed(rename));
    expect(again.map((s) => s.townshipId)).toEqual(bundled.map((s) => s.townshipId));
    expect(again.map((s) => s.document.items)).toEqual(bundled.map((s) => s.document.items));
  });

  it('gives a known township its official code as its id, short and URL-safe', () => {
    for (const { townshipId, place } of bundled) {
      expect(townshipId).toBe(place!.code);
      expect(encodeURIComponent(townshipId)).toBe(townshipId);
    }
  });

  it('refuses one list saved under two names, naming both files', () => {
    const [first] = bundled;
    const dir = renamed((source, index) => (index === 0 ? `${source.place!.township}.txt` : source.document.source));
    copyFileSync(join(RAW, first.document.source), join(dir, first.document.source));
    expect(() => readSources(dir)).toThrow(
      new RegExp(
        `${first.place!.township}\\.txt: ${first.place!.county}${first.place!.township} is already listed by ${first.document.source}`,
      ),
    );
  });
});

describe('npm run build:db on lists with Chinese names', () => {
  const SQL = initSqlJs();
  let original: Database;
  let chinese: Database;
  beforeAll(async () => {
    const build = async (input: string) => {
      const out = join(mkdtempSync(join(tmpdir(), 'duty-atlas-names-db-')), 'duties.sqlite');
      await buildDatabase(input, out);
      return new (await SQL).Database(readFileSync(out));
    };
    original = await build(RAW);
    chinese = await build(renamed(chineseName));
  }, 60_000);

  it('writes the same database but for the file names it records', () => {
    const rows = (db: Database, sql: string) => db.exec(sql)[0].values;
    for (const table of ['items', 'steps', 'departments', 'item_departments', 'stated_counts'])
      expect(rows(chinese, `SELECT * FROM ${table}`), table).toEqual(rows(original, `SELECT * FROM ${table}`));
    const townships = 'SELECT id, name, county, prefecture, code, county_code, prefecture_code, place_source FROM townships';
    expect(rows(chinese, townships)).toEqual(rows(original, townships));
    expect(rows(chinese, 'SELECT source_file FROM townships').flat()).toEqual(bundled.map(chineseName));
  });
});
