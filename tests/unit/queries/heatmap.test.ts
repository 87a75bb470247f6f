import { describe, it, expect, beforeAll } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { reclaimedItems, toHeatmapRows, countMixed, type HeatmapRow } from '../../../src/lib/queries/heatmap';
import { townships } from '../../../src/lib/queries/categories';
import { realDb } from './real-db';

let db: DbClient;
let ids: string[];
let rows: HeatmapRow[];
beforeAll(async () => {
  db = await realDb();
  ids = (await townships(db)).map((t) => t.id);
  rows = toHeatmapRows(await reclaimedItems(db, NO_FILTERS), ids);
});

describe('reclaimed heatmap on the real database', () => {
  it('has one row per duty group reclaimed in at least one township', async () => {
    const [{ n }] = await db.query<{ n: number }>(sql`SELECT COUNT(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed'`);
    expect(rows).toHaveLength(n);
    expect(n).toBeGreaterThan(40);
  });

  it('brings in all 168 reclaimed items of the five lists (30 + 30 + 37 + 37 + 34)', async () => {
    const items = await reclaimedItems(db, NO_FILTERS);
    expect(items.filter((i) => i.list === 'reclaimed')).toHaveLength(168);
    expect(items.filter((i) => i.list === 'reclaimed' && i.townshipId === 'toksun-yilahu')).toHaveLength(34);
  });

  it('shows the road-damage penalty reclaimed in four townships and still a basic duty in 六工镇', () => {
    const road = rows.find((r) => r.name === '对造成公路路面损坏、污染或者影响公路畅通行为的处罚')!;
    expect(road.reclaimedIn).toBe(4);
    expect(road.mixed).toBe(true);
    expect(road.cells[ids.indexOf('changji-liugong')].status).toBe('basic');
    expect(road.receivers).toContain('交通运输局');
  });

  it('finds duties reclaimed elsewhere but still a basic duty in 六工镇', () => {
    const liugong = ids.indexOf('changji-liugong');
    const stillBasic = rows.filter((r) => r.cells[liugong].status === 'basic');
    expect(stillBasic.length).toBeGreaterThan(0);
    expect(stillBasic.every((r) => r.reclaimedIn >= 1 && r.mixed)).toBe(true);
    expect(countMixed(rows)).toBeGreaterThanOrEqual(stillBasic.length);
  });

  it('sorts rows by how many townships reclaimed them and gives each cell an item unless absent', () => {
    expect(rows.map((r) => r.reclaimedIn)).toEqual([...rows.map((r) => r.reclaimedIn)].sort((a, b) => b - a));
    for (const r of rows) for (const c of r.cells) expect(c.itemId === null).toBe(c.status === 'absent');
  });

  it('narrows the columns to the filtered townships and the rows to the filtered category', async () => {
    const f = { ...NO_FILTERS, townships: ['toksun-yilahu'], categories: ['城乡建设'] };
    const narrowed = toHeatmapRows(await reclaimedItems(db, f), ['toksun-yilahu']);
    expect(narrowed.every((r) => r.cells.length === 1 && r.cells[0].status === 'reclaimed')).toBe(true);
    expect(narrowed).toHaveLength(7); // 伊拉湖镇's 说明: 城乡建设 7 项 reclaimed
  });

  it('with 六工镇 chosen, keeps the four duties it still carries that other townships reclaimed', async () => {
    const f = { ...NO_FILTERS, townships: ['changji-liugong'] };
    const chosen = toHeatmapRows(await reclaimedItems(db, f), ['changji-liugong']);
    const carried = chosen.filter((r) => r.cells[0].status !== 'reclaimed');
    expect(carried.map((r) => r.cells[0].status)).toEqual(['basic', 'basic', 'basic', 'basic']);
    expect(carried.some((r) => r.name === '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' && r.reclaimedIn === 4)).toBe(true);
    expect(countMixed(chosen)).toBe(4);
    // and every duty 六工镇 reclaimed itself (its list has 30)
    const own = chosen.filter((r) => r.cells[0].status === 'reclaimed');
    const [{ n }] = await db.query<{ n: number }>(
      sql`SELECT COUNT(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed' AND township_id = 'changji-liugong'`,
    );
    expect(own).toHaveLength(n);
  });
});
