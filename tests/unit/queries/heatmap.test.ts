import { describe, it, expect, beforeAll } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { loadHeatmap, countMixed, cellsByStatus, splitWithinUnits, type HeatmapRow } from '../../../src/lib/queries/heatmap';
import { reclaimedHeatmapUnitsTitle } from '../../../src/lib/ui/titles';
import { selectionOf, type PlaceIndex } from '../../../src/lib/state/selection';
import { completeDb, placeIndexOf, realDb, townshipIdsByName } from './real-db';

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

/** Tests name townships as their lists do: ids come from the documents. */
let townshipId: (name: string) => string;
beforeAll(async () => {
  townshipId = await townshipIdsByName();
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
    expect(reclaimedCells.filter((c) => c.unit === townshipId('伊拉湖镇'))).toHaveLength(34);
  });

  it('shows the road-damage penalty reclaimed in four townships and still a basic duty in 六工镇', () => {
    const road = rows.find((r) => r.name === '对造成公路路面损坏、污染或者影响公路畅通行为的处罚')!;
    expect(road.reclaimedIn).toBe(4);
    expect(road.mixed).toBe(true);
    expect(road.cells[ids.indexOf(townshipId('六工镇'))].status).toBe('basic');
    expect(road.receivers).toContain('交通运输局');
  });

  it('finds duties reclaimed elsewhere but still a basic duty in 六工镇', () => {
    const liugong = ids.indexOf(townshipId('六工镇'));
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
    const narrowed = await heatmap({ ...NO_FILTERS, townships: [townshipId('伊拉湖镇')], categories: ['城乡建设'] });
    expect(narrowed.every((r) => r.cells.length === 1 && r.cells[0].status === 'reclaimed')).toBe(true);
    expect(narrowed).toHaveLength(7); // 伊拉湖镇's 说明: 城乡建设 7 项 reclaimed
  });

  it('with 六工镇 chosen, keeps the four duties it still carries that other townships reclaimed', async () => {
    const chosen = await heatmap({ ...NO_FILTERS, townships: [townshipId('六工镇')] });
    const carried = chosen.filter((r) => r.cells[0].status !== 'reclaimed');
    expect(carried.map((r) => r.cells[0].status)).toEqual(['basic', 'basic', 'basic', 'basic']);
    expect(carried.some((r) => r.name === '对造成公路路面损坏、污染或者影响公路畅通行为的处罚' && r.reclaimedIn === 4)).toBe(true);
    expect(countMixed(chosen)).toBe(4);
    // and every duty 六工镇 reclaimed itself (its list has 30)
    const own = chosen.filter((r) => r.cells[0].status === 'reclaimed');
    const [{ n }] = await complete.query<{ n: number }>(
      sql`SELECT COUNT(DISTINCT duty_group) AS n FROM items WHERE list = 'reclaimed' AND township_id = ${townshipId('六工镇')}`,
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

describe('reclaimed heatmap past townships: counties and prefectures', () => {
  /** How each township holds each duty reclaimed somewhere, from the complete database: 2 reclaimed, 1 coop, 0 basic. */
  const HOLDINGS = sql`
    WITH h AS (
      SELECT township_id, duty_group, max(CASE list WHEN 'reclaimed' THEN 2 WHEN 'coop' THEN 1 ELSE 0 END) AS status
      FROM items WHERE duty_group IN (SELECT duty_group FROM items WHERE list = 'reclaimed') GROUP BY 1, 2)
    SELECT t.prefecture, h.duty_group AS dutyGroup, sum(h.status = 2) AS reclaimed, sum(h.status = 1) AS coop, sum(h.status = 0) AS basic,
           (SELECT count(*) FROM townships u WHERE u.prefecture = t.prefecture) AS townships
    FROM h JOIN townships t ON t.id = h.township_id GROUP BY 1, 2`;

  async function byPrefecture(filters: Filters = NO_FILTERS) {
    const s = selectionOf(places, filters);
    const units = [...new Set(s.townships.map((t) => places.ancestorAt(t, 'prefecture')))];
    const columns = units.map((p) => ({
      key: p.key,
      townships: s.townships.filter((t) => places.ancestorAt(t, 'prefecture') === p).length,
    }));
    return { units, rows: await loadHeatmap(db, filters, 'prefecture', columns) };
  }

  it('gives each cell its townships in each way and the share that reclaimed it, as plain SQL over the complete database', async () => {
    const { units, rows } = await byPrefecture();
    const expected = await complete.query<{
      prefecture: string;
      dutyGroup: number;
      reclaimed: number;
      coop: number;
      basic: number;
      townships: number;
    }>(HOLDINGS);
    const cells = rows.flatMap((r) =>
      r.cells.map((c) => ({ dutyGroup: r.dutyGroup, name: units.find((u) => u.key === c.unit)!.name, ...c })),
    );
    expect(cells.filter((c) => c.reclaimed + c.coop + c.basic > 0)).toHaveLength(expected.length);
    for (const e of expected) {
      const cell = cells.find((c) => c.dutyGroup === e.dutyGroup && c.name === e.prefecture)!;
      expect([cell.reclaimed, cell.coop, cell.basic, cell.townships]).toEqual([e.reclaimed, e.coop, e.basic, e.townships]);
      expect(cell.share).toBeCloseTo(e.reclaimed / e.townships, 10);
    }
    for (const r of rows) {
      expect(r.shown.reclaimed).toBe(r.reclaimedIn); // every township is shown
      expect(r.shown.townships).toBe(5);
    }
  });

  it('drilled into a prefecture, ranks duties by how many of its own townships reclaimed them', async () => {
    const changji = places.places.find((p) => p.level === 'prefecture' && p.name === '昌吉回族自治州')!;
    const filters = { ...NO_FILTERS, scope: changji.key };
    const s = selectionOf(places, filters);
    const counties = [...new Set(s.townships.map((t) => places.ancestorAt(t, 'county')))];
    const rows = await loadHeatmap(
      db,
      filters,
      'county',
      counties.map((c) => ({ key: c.key, townships: 1 })),
    );
    const expected = await complete.query<{ dutyGroup: number; reclaimed: number }>(
      sql`SELECT duty_group AS dutyGroup, count(DISTINCT township_id) AS reclaimed FROM items
          WHERE list = 'reclaimed' AND township_id IN (SELECT id FROM townships WHERE prefecture = '昌吉回族自治州') GROUP BY 1`,
    );
    for (const e of expected) expect(rows.find((r) => r.dutyGroup === e.dutyGroup)?.shown.reclaimed).toBe(e.reclaimed);
    const ranks = rows.map((r) => r.shown.reclaimed);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // Ranked by 昌吉州's four townships, not the five: some duty reclaimed in 伊拉湖镇 alone drops out of the lead.
    expect(rows.some((r) => r.reclaimedIn !== r.shown.reclaimed)).toBe(true);
  });

  it('counts, per unit, the duties its own townships split on, and titles the view with them', async () => {
    const { units, rows } = await byPrefecture();
    const split = splitWithinUnits(rows);
    const [{ n }] = await complete.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM (${HOLDINGS}) WHERE prefecture = '昌吉回族自治州' AND reclaimed > 0 AND coop + basic > 0`,
    );
    const changji = units.find((u) => u.name === '昌吉回族自治州')!;
    expect(split.find((u) => u.unit === changji.key)!.duties).toBe(n);
    expect(n).toBeGreaterThan(0);
    // 吐鲁番市 has one township: it cannot disagree with itself.
    expect(split.find((u) => u.unit !== changji.key)!.duties).toBe(0);
    const title = reclaimedHeatmapUnitsTitle(rows, units, 'prefecture');
    expect(title).toBe(
      `${countMixed(rows)} 项事项在部分乡镇已收回、在其他乡镇仍由乡镇承担（共 ${rows.length} 项）；` +
        `1/2 个地州市内的乡镇之间也不一致，最多的是昌吉回族自治州（${n} 项）`,
    );
  });

  it('lists a row’s townships by how they hold the duty, reclaimed first', () => {
    const road = rows.find((r) => r.name === '对造成公路路面损坏、污染或者影响公路畅通行为的处罚')!;
    expect(cellsByStatus(road).map((g) => [g.status, g.cells.length])).toEqual([
      ['reclaimed', 4],
      ['basic', 1],
    ]);
  });
});
