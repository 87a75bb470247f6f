import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasEngine } from '../../../src/lib/atlas/engine';
import { needing, sql } from '../../../src/lib/db/sql';
import {
  explorerTextSql,
  searchCountSql,
  searchPageSql,
  searchTerms,
  type ExplorerRow,
  type ExplorerTextRow,
} from '../../../src/lib/queries/explorer';
import { readCompleteDatabase } from '../../../src/lib/import/read-database';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { buildHostileData, MARKUP } from '../../fixtures/hostile/hostile-data';
import { atlasAt } from '../queries/real-db';

/**
 * Every query binds what a reader types or a list holds: 事项查询's search box and the shared filters
 * are given SQL, LIKE's wildcards, its escape character, a lone quote and 5,000 characters, on the
 * bundled lists plus the hostile one (tests/fixtures/hostile), whose duties hold `%`, `_`, `\` and
 * `'); DROP TABLE items;--` literally. The search matches each literally, as a substring, and the
 * database is the same afterwards.
 */

const HOSTILE_INPUTS = ["'); DROP TABLE items;--", '%', '_', '\\', "'", '"', 'x'.repeat(5000), '丁'.repeat(5000)];

let dir: string;
let db: AtlasEngine;
/** Every item's searchable texts (name, then steps) from the complete database, read without any LIKE. */
let texts: Map<number, string[]>;
let completeBytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duty-atlas-hostile-'));
  const built = await buildHostileData(dir);
  db = await atlasAt(built.dataDir);
  completeBytes = new Uint8Array(readFileSync(join(built.dataDir, 'duties.sqlite')));
  const SQL = await initSqlJs();
  const complete = new SQL.Database(completeBytes);
  texts = new Map();
  for (const [id, name] of complete.exec('SELECT id, name FROM items')[0].values) texts.set(Number(id), [String(name)]);
  for (const [id, text] of complete.exec('SELECT item_id, text FROM steps')[0].values) texts.get(Number(id))!.push(String(text));
  complete.close();
}, 120000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Items whose name or a step holds every term as written (ASCII letters in any case, as LIKE): the literal answer. */
function literally(query: string): number[] {
  const terms = searchTerms(query).map((t) => t.toLowerCase());
  return [...texts]
    .filter(([, parts]) => terms.every((term) => parts.some((p) => p.toLowerCase().includes(term))))
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

async function searchIds(query: string, filters: Filters = NO_FILTERS): Promise<number[]> {
  const [{ count }] = await db.query<{ count: number }>(searchCountSql(filters, query));
  const rows = await db.query<ExplorerRow>(searchPageSql(filters, query, 0, Math.max(count, 1)));
  expect(rows).toHaveLength(count);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** What the database holds, to show nothing was changed: every table's name and rows counted, and the items' text. */
async function fingerprint() {
  const tables = await db.query<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  const [{ items, townships }] = await db.query<{ items: number; townships: number }>(
    needing(sql`SELECT (SELECT count(*) FROM fact_items) AS items, (SELECT count(*) FROM townships) AS townships`, 'facts'),
  );
  return { tables: tables.map((t) => t.name), items, townships };
}

describe('search binds its input and matches it literally', () => {
  it('has duties holding the wildcards and the escape character, to be found', () => {
    for (const c of ['%', '_', '\\', "'); DROP TABLE items;--"]) expect(literally(c).length, c).toBeGreaterThan(0);
  });

  it.each(HOSTILE_INPUTS.map((input) => [input.length > 40 ? `${input[0]} × ${input.length}` : input, input]))(
    'finds %s exactly where it is written, and changes nothing',
    async (_label, input) => {
      const before = await fingerprint();
      expect(await searchIds(input)).toEqual(literally(input));
      expect(await fingerprint()).toEqual(before);
    },
  );

  it('a % matches only a literal %, a _ only a literal _ (not any character)', async () => {
    const percent = await searchIds('%');
    for (const id of percent) expect(texts.get(id)!.join('\n')).toContain('%');
    const underscore = await searchIds('_');
    for (const id of underscore) expect(texts.get(id)!.join('\n')).toContain('_');
    // As LIKE wildcards they would match every item with any text at all.
    expect(percent.length).toBeLessThan(texts.size / 10);
    expect(underscore.length).toBeLessThan(texts.size / 10);
    // 100%_ is written in one duty's name: found by the whole of it, and by 0%_ but not by 0%x or 0x_.
    expect((await searchIds('100%_')).length).toBeGreaterThan(0);
    expect(await searchIds('0%x')).toEqual([]);
    expect(await searchIds('0x_')).toEqual([]);
  });

  it('names the step that matched, comparing with LIKE escaped (a % in a step, not in the name)', async () => {
    const ids = await searchIds('%');
    const rows = await db.query<ExplorerTextRow>(
      explorerTextSql(await db.query<{ id: number; county: number }>(sql`SELECT id, county FROM fact_items WHERE id IN ${ids}`), '%'),
    );
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) {
      if (row.name.includes('%')) expect(row.matched_step).toBeNull();
      else expect(row.matched_step).toContain('%');
    }
  });
});

describe('the shared filters bind their values', () => {
  const hostileFilters: Filters[] = HOSTILE_INPUTS.flatMap((value) => [
    { ...NO_FILTERS, townships: [value] },
    { ...NO_FILTERS, categories: [value] },
    { ...NO_FILTERS, departmentKinds: [value] },
    { ...NO_FILTERS, scope: value },
  ]);

  /** Items under `filters`, as 事项查询 counts them (every filter narrows; no search). */
  const itemsUnder = async (filters: Filters) => (await db.query<{ count: number }>(searchCountSql(filters, '')))[0].count;

  it('answers hostile filter values with nothing, and changes nothing', async () => {
    const before = await fingerprint();
    for (const filters of hostileFilters) expect(await itemsUnder(filters), JSON.stringify(filters).slice(0, 80)).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });

  it('finds a category named with markup by its exact name', async () => {
    const [{ n: named }] = await db.query<{ n: number }>(
      needing(sql`SELECT count(*) AS n FROM fact_items f JOIN categories c ON c.id = f.category WHERE c.name = ${MARKUP.script}`, 'facts'),
    );
    expect(named).toBeGreaterThan(0);
    expect(await itemsUnder({ ...NO_FILTERS, categories: [MARKUP.script] })).toBe(named);
  });
});

describe('a database the reader opens', () => {
  it('is read whatever its tables are called: a name holding SQL is bound, not run', async () => {
    const SQL = await initSqlJs();
    const copy = new SQL.Database(completeBytes);
    copy.run(`CREATE TABLE "x""); DROP TABLE items; --" (a)`);
    const bytes = copy.export();
    copy.close();
    const tables = readCompleteDatabase(SQL, bytes, 'hostile.sqlite');
    expect(tables.items.length).toBe(texts.size);
  });
});
