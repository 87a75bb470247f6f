import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import {
  escapeLike,
  explorerTextSql,
  searchCountSql,
  searchPageSql,
  searchPositionSql,
  searchTerms,
  type ExplorerRow,
  type ExplorerTextRow,
} from '../../../src/lib/queries/explorer';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { sql } from '../../../src/lib/db/sql';
import { atlasAt, completeDb, realDb, townshipIdsByName } from './real-db';
import { resolve } from 'node:path';

let db: DbClient;
let complete: DbClient;
beforeAll(async () => {
  db = await realDb();
  complete = await completeDb();
});

/** Tests name townships as their lists do: ids come from the documents. */
let townshipId: (name: string) => string;
beforeAll(async () => {
  townshipId = await townshipIdsByName();
});

type Row = ExplorerRow & ExplorerTextRow;

/** Every result as the list shows it, page by page: the count, the rows in order, then their text. */
async function searchItems(filters: Filters, query: string): Promise<Row[]> {
  const [{ count }] = await db.query<{ count: number }>(searchCountSql(filters, query));
  const rows: ExplorerRow[] = [];
  for (let offset = 0; offset < count; offset += 100)
    rows.push(...(await db.query<ExplorerRow>(searchPageSql(filters, query, offset, 100))));
  expect(rows).toHaveLength(count);
  const text = await db.query<ExplorerTextRow>(explorerTextSql(rows, query, 'counties'));
  const byId = new Map(text.map((t) => [t.id, t]));
  return rows.map((r) => ({ ...r, ...byId.get(r.id)! }));
}

/** What LIKE finds in the complete database: the search index must find exactly these. */
async function likeIds(term: string): Promise<number[]> {
  const pattern = `%${escapeLike(term)}%`;
  const rows = await complete.query<{ id: number }>(sql`
    SELECT id FROM items i WHERE i.name LIKE ${pattern} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE ${pattern} ESCAPE '\\') ORDER BY id`);
  return rows.map((r) => r.id);
}

describe('search helpers', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
  it('splits terms on half- and full-width spaces', () => {
    expect(searchTerms(' 公路\u3000处罚  ')).toEqual(['公路', '处罚']);
    expect(searchTerms('')).toEqual([]);
  });
  it('binds the search text as a parameter, never in the SQL text', () => {
    const q = explorerTextSql([{ id: 1, county: 1 }], "x' OR 1=1 --");
    expect(q.text).not.toContain('OR 1=1');
    expect(q.params).toContain("%x'%");
    expect(searchCountSql(NO_FILTERS, "x' OR 1=1 --").text).not.toContain('OR 1=1');
  });
});

describe('searchItems on the real database', () => {
  it('returns all 1,237 items without a query or filters', async () => {
    expect(await searchItems(NO_FILTERS, '')).toHaveLength(1237);
  });

  it('finds exactly what LIKE finds in names and steps, for words of 1 to 6 characters', async () => {
    for (const term of ['镇', '网格', '宅基地', '屠宰检疫', '农村宅基地', '对违法占地行为', '0.63', 'ABC', '（']) {
      const found = (await searchItems(NO_FILTERS, term)).map((r) => r.id).sort((a, b) => a - b);
      expect(found, term).toEqual(await likeIds(term));
    }
  });

  it('finds exactly what LIKE finds for pieces of names and steps, and for pieces spanning a name and its step', async () => {
    // Every 40th item: pieces of 2–7 characters of its name and its first step, and pieces made of the
    // end of its name and the start of its step (or of one step and the next), which a search reading
    // every other character pair must not take for one text.
    const items = await complete.query<{ name: string; first: string | null; second: string | null }>(sql`
      SELECT i.name,
             (SELECT text FROM steps s WHERE s.item_id = i.id ORDER BY party, ord LIMIT 1) AS first,
             (SELECT text FROM steps s WHERE s.item_id = i.id ORDER BY party, ord LIMIT 1 OFFSET 1) AS second
      FROM items i WHERE i.id % 40 = 0 ORDER BY i.id`);
    const terms = new Set<string>();
    for (const { name, first, second } of items) {
      for (const text of [name, first ?? '']) {
        const chars = Array.from(text);
        for (let n = 2; n <= 7 && n <= chars.length; n++) terms.add(chars.slice(chars.length - n).join(''));
      }
      for (const [a, b] of [
        [name, first],
        [first, second],
      ] as const) {
        if (!a || !b) continue;
        for (const [k, m] of [
          [2, 2],
          [2, 3],
          [3, 2],
          [1, 3],
          [4, 2],
        ])
          terms.add(Array.from(a).slice(-k).join('') + Array.from(b).slice(0, m).join(''));
      }
    }
    expect(terms.size).toBeGreaterThan(100);
    let spanningNone = 0;
    for (const term of terms) {
      const found = (await searchItems(NO_FILTERS, term)).map((r) => r.id).sort((a, b) => a - b);
      const like = await likeIds(term);
      expect(found, term).toEqual(like);
      if (like.length === 0) spanningNone++;
    }
    // Some pieces spanning two texts occur nowhere as one: the case a pair read across the gap would find.
    expect(spanningNone).toBeGreaterThan(10);
  });

  it('finds 屠宰检疫, reclaimed in 凉州户镇 and 伊拉湖镇', async () => {
    const rows = await searchItems(NO_FILTERS, '屠宰检疫');
    expect(rows.map((r) => `${r.township}:${r.list}`).sort()).toEqual(['伊拉湖镇:reclaimed', '凉州户镇:reclaimed'].sort());
  });

  it('finds the road-damage penalty in all five townships: basic in 六工镇, reclaimed in the other four', async () => {
    const rows = await searchItems(NO_FILTERS, '对造成公路路面损坏');
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.list === 'basic').map((r) => r.township)).toEqual(['六工镇']);
    expect(new Set(rows.map((r) => r.duty_group)).size).toBe(1);
  });

  it('matches words that only occur in steps, and says which step', async () => {
    const rows = await searchItems(NO_FILTERS, '网格');
    const inSteps = rows.filter((r) => !r.name.includes('网格'));
    expect(inSteps.length).toBeGreaterThan(0);
    for (const r of inSteps) expect(r.matched_step).toContain('网格');
    for (const r of rows.filter((r) => r.name.includes('网格'))) expect(r.matched_step).toBeNull();
  });

  it('gives a screen of rows the same text from their own steps as from their counties’ whole text, copying only theirs', async () => {
    const fresh = await atlasAt(resolve(import.meta.dirname, '../../../public/data'));
    for (const term of ['检疫', '网格化', '处罚']) {
      const screen = (await fresh.query<ExplorerRow>(searchPageSql(NO_FILTERS, term, 0, 20))).slice(0, 20);
      const own = await fresh.query<ExplorerTextRow>(explorerTextSql(screen, term, 'rows'));
      const whole = await db.query<ExplorerTextRow>(explorerTextSql(screen, term, 'counties'));
      expect(own).toHaveLength(screen.length);
      expect(own).toEqual(whole);
      expect(own.some((r) => r.matched_step !== null)).toBe(true);
    }
    // Three screens of 20 rows: their names and steps were copied in, not their counties' others.
    const [copied] = await fresh.query<{ names: number; steps: number }>(
      sql`SELECT (SELECT count(*) FROM item_text) AS names, (SELECT count(DISTINCT item) FROM step_text) AS steps`,
    );
    expect(copied.names).toBeLessThanOrEqual(60);
    expect(copied.steps).toBeLessThanOrEqual(60);
  });

  it('requires every term and applies the shared filters', async () => {
    const both = await searchItems(NO_FILTERS, '公路 处罚');
    expect(both.every((r) => r.name.includes('公路') || r.matched_step !== null)).toBe(true);
    const filtered = await searchItems({ ...NO_FILTERS, townships: [townshipId('六工镇')], lists: ['basic'] }, '对造成公路路面损坏');
    expect(filtered.every((r) => r.township_id === townshipId('六工镇') && r.list === 'basic')).toBe(true);
    expect(filtered.filter((r) => r.matched_step === null)).toHaveLength(1);
  });

  it('treats % and _ literally', async () => {
    expect(await searchItems(NO_FILTERS, '%')).toHaveLength(0);
    expect(await searchItems(NO_FILTERS, '_')).toHaveLength(0);
  });
});

describe('the count without a search', () => {
  /** The rows the list pages through, read from the item facts: the count (from the summary's item cube) must equal them. */
  const listed = async (filters: Filters) => (await db.query<ExplorerRow>(searchPageSql(filters, '', 0, 1_000_000))).length;
  const countOf = async (filters: Filters) => (await db.query<{ count: number }>(searchCountSql(filters, '')))[0].count;

  it('is the number of rows listed under every shared filter', async () => {
    const [county] = await db.query<{ key: string }>(sql`SELECT key FROM places WHERE level = 'county' ORDER BY townships DESC LIMIT 1`);
    const [category] = await db.query<{ name: string }>(sql`SELECT name FROM categories ORDER BY items DESC LIMIT 1`);
    const [kind] = await db.query<{ name: string }>(sql`SELECT name FROM kinds ORDER BY items DESC LIMIT 1`);
    const variants: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, lists: ['coop'] },
      { ...NO_FILTERS, categories: [category.name] },
      { ...NO_FILTERS, townships: [townshipId('六工镇')], lists: ['basic', 'reclaimed'] },
      { ...NO_FILTERS, scope: county.key },
      { ...NO_FILTERS, scope: county.key, categories: [category.name], lists: ['coop'] },
      { ...NO_FILTERS, departmentKinds: [kind.name], lists: ['coop'] },
    ];
    for (const filters of variants) {
      const count = await countOf(filters);
      expect(count, JSON.stringify(filters)).toBe(await listed(filters));
      expect(count, JSON.stringify(filters)).toBeGreaterThan(0);
    }
  });

  it('is what the complete database holds', async () => {
    const [{ n }] = await complete.query<{ n: number }>(sql`SELECT count(*) AS n FROM items WHERE list = 'coop'`);
    expect(await countOf({ ...NO_FILTERS, lists: ['coop'] })).toBe(n);
  });
});

describe('where an item stands among the results', () => {
  it('is its row in the list, counted without fetching the rows before it', async () => {
    const filters = { ...NO_FILTERS, lists: ['reclaimed' as const] };
    const rows = await searchItems(filters, '处罚');
    for (const index of [0, Math.floor(rows.length / 2), rows.length - 1]) {
      const [{ position }] = await db.query<{ position: number }>(searchPositionSql(filters, '处罚', rows[index].id));
      expect(position).toBe(index);
    }
  });

  it('is nothing for an item the search does not match', async () => {
    const [other] = await searchItems(NO_FILTERS, '屠宰检疫');
    expect(await db.query(searchPositionSql(NO_FILTERS, '网格', other.id))).toEqual([]);
  });
});
