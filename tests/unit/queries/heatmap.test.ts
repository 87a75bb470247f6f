import { describe, it, expect, beforeAll } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { loadHeatmap, countMixed, type HeatmapRow } from '../../../src/lib/queries/heatmap';
import { selectionOf, type PlaceIndex } from '../../../src/lib/state/selection';
import { completeDb, placeIndexOf, realDb } from './real-db';

let db: DbClient;
let complete: DbClient;
let places: PlaceIndex;
let ids: string[];
let rows: HeatmapRow[];

/** The heatmap as the view loads it: the selection's units as columns, with their townships' wordings. */
async function heatmap(filters: Filters): Promise<HeatmapRow[]> {
  const s = selectionOf(places, filters);
  const units = s.units.map((u) => ({ key: u.key, townships: s.unitTownships.get(u.key) ?? 0 }));
  return loadHeatmap(db, filters, s.level, units, s.level === 'township' ? s.counties : []);
}

beforeAll(async () => {
  db = await realDb();
  complete = await completeDb();
  places = await placeIndexOf(db);
  ids = selectionOf(places, NO_FILTERS).units.map((u) => u.key);
  rows = await heatmap(NO_FILTERS);
});

describe('reclaimed heatmap on the real database', () => {
  it('has one row per duty group reclaimed in at least one township', async () => {
    const [{ n }] = await complete.query<{ n: number }>(sql`SELECT COUNT(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed'`);
    expect(rows).toHaveLength(n);
    expect(n).toBeGreaterThan(40);
  });

  it('counts all 168 reclaimed items of the five lists (30 + 30 + 37 + 37 + 34), each township’s as its list has them', async () => {
    const reclaimedCells = rows.flatMap((r) => r.cells.filter((c) => c.status === 'reclaimed'));
    const [{ n }] = await complete.query<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM (SELECT DISTINCT township_id, duty_group FROM items WHERE list = 'reclaimed')`,
    );
    expect(reclaimedCells).toHaveLength(n);
    expect(reclaimedCells.filter((c) => c.unit === 'toksun-yilahu')).toHaveLength(34);
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

  it('carries each township’s own wording for the tooltip', () => {
    const cell = rows[0].cells.find((c) => c.status !== 'absent')!;
    expect(cell.names.length).toBeGreaterThan(0);
  });

  it('narrows the columns to the filtered townships and the rows to the filtered category', async () => {
    const narrowed = await heatmap({ ...NO_FILTERS, townships: ['toksun-yilahu'], categories: ['城乡建设'] });
    expect(narrowed.every((r) => r.cells.length === 1 && r.cells[0].status === 'reclaimed')).toBe(true);
    expect(narrowed).toHaveLength(7); // 伊拉湖镇's 说明: 城乡建设 7 项 reclaimed
  });

  it('with 六工镇 chosen, keeps the four duties it still carries that other townships reclaimed', async () => {
    const chosen = await heatmap({ ...NO_FILTERS, townships: ['changji-liugong'] });
    const carried = chosen.filter((r) => r.cells[0].status !== 'reclaimed');
    expect(carried.map((r) => r.cells[0].status)).toEqual(['basic', 'basic', 'basic', 'basic']);
    expect(carried.some((r) => r.name === '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' && r.reclaimedIn === 4)).toBe(true);
    expect(countMixed(chosen)).toBe(4);
    // and every duty 六工镇 reclaimed itself (its list has 30)
    const own = chosen.filter((r) => r.cells[0].status === 'reclaimed');
    const [{ n }] = await complete.query<{ n: number }>(
      sql`SELECT COUNT(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed' AND township_id = 'changji-liugong'`,
    );
    expect(own).toHaveLength(n);
  });

  it('summed per prefecture, counts the same townships in each way as the township columns do', async () => {
    const s = selectionOf(places, NO_FILTERS);
    const byPrefecture = await loadHeatmap(
      db,
      NO_FILTERS,
      'prefecture',
      [...new Set(s.townships.map((t) => places.ancestorAt(t, 'prefecture')))].map((p) => ({ key: p.key, townships: p.townships })),
    );
    expect(byPrefecture.map((r) => r.dutyGroup).sort()).toEqual(rows.map((r) => r.dutyGroup).sort());
    const sum = (rs: HeatmapRow[], status: 'reclaimed' | 'coop' | 'basic') =>
      rs.reduce((n, r) => n + r.cells.reduce((m, c) => m + c[status], 0), 0);
    for (const status of ['reclaimed', 'coop', 'basic'] as const) expect(sum(byPrefecture, status)).toBe(sum(rows, status));
  });
});
