import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { escapeLike, searchItems, searchTerms, type ExplorerRow } from '../../../src/lib/queries/explorer';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { realDb } from './real-db';

let db: DbClient;
beforeAll(async () => {
  db = await realDb();
});

describe('search helpers', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
  it('splits terms on half- and full-width spaces', () => {
    expect(searchTerms(' 公路\u3000处罚  ')).toEqual(['公路', '处罚']);
    expect(searchTerms('')).toEqual([]);
  });
  it('binds the search text as a parameter, never in the SQL text', () => {
    const q = searchItems(NO_FILTERS, "x' OR 1=1 --");
    expect(q.text).not.toContain('OR 1=1');
    expect(q.params).toContain("%x'%");
  });
});

describe('searchItems on the real database', () => {
  it('returns all 1,237 items without a query or filters', async () => {
    expect(await db.query<ExplorerRow>(searchItems(NO_FILTERS, ''))).toHaveLength(1237);
  });

  it('finds 屠宰检疫, reclaimed in 凉州户镇 and 伊拉湖镇', async () => {
    const rows = await db.query<ExplorerRow>(searchItems(NO_FILTERS, '屠宰检疫'));
    expect(rows.map((r) => `${r.township}:${r.list}`).sort()).toEqual(['伊拉湖镇:reclaimed', '凉州户镇:reclaimed'].sort());
  });

  it('finds the road-damage penalty in all five townships: basic in 六工镇, reclaimed in the other four', async () => {
    const rows = await db.query<ExplorerRow>(searchItems(NO_FILTERS, '对造成公路路面损坏'));
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.list === 'basic').map((r) => r.township)).toEqual(['六工镇']);
    expect(new Set(rows.map((r) => r.duty_group)).size).toBe(1);
  });

  it('matches words that only occur in steps, and says which step', async () => {
    const rows = await db.query<ExplorerRow>(searchItems(NO_FILTERS, '网格'));
    const inSteps = rows.filter((r) => !r.name.includes('网格'));
    expect(inSteps.length).toBeGreaterThan(0);
    for (const r of inSteps) expect(r.matched_step).toContain('网格');
    for (const r of rows.filter((r) => r.name.includes('网格'))) expect(r.matched_step).toBeNull();
  });

  it('requires every term and applies the shared filters', async () => {
    const both = await db.query<ExplorerRow>(searchItems(NO_FILTERS, '公路 处罚'));
    expect(both.every((r) => r.name.includes('公路') || r.matched_step !== null)).toBe(true);
    const filtered = await db.query<ExplorerRow>(
      searchItems({ ...NO_FILTERS, townships: ['changji-liugong'], lists: ['basic'] }, '对造成公路路面损坏'),
    );
    expect(filtered.every((r) => r.township_id === 'changji-liugong' && r.list === 'basic')).toBe(true);
    expect(filtered.filter((r) => r.matched_step === null)).toHaveLength(1);
  });

  it('treats % and _ literally', async () => {
    expect(await db.query<ExplorerRow>(searchItems(NO_FILTERS, '%'))).toHaveLength(0);
    expect(await db.query<ExplorerRow>(searchItems(NO_FILTERS, '_'))).toHaveLength(0);
  });
});
