import { describe, it, expect, beforeAll } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { categoryBars, categoryCells, categoryCounts, largestUnits, units } from '../../../src/lib/queries/categories';
import { categoryBarsTitle, categoryHeatmapTitle } from '../../../src/lib/ui/titles';
import { completeDb, realDb, townshipIdsByName } from './real-db';
import { sql } from '../../../src/lib/db/sql';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { AtlasEngine } from '../../../src/lib/atlas/engine';
import { partFile } from '../../../src/lib/atlas/parts';
import { departmentFigures } from '../../../src/lib/queries/overview';
import { fileSource } from '../../../scripts/lib/file-source';

let db: DbClient;
beforeAll(async () => {
  db = await realDb();
});

/** Tests name townships as their lists do: ids come from the documents. */
let townshipId: (name: string) => string;
beforeAll(async () => {
  townshipId = await townshipIdsByName();
});

const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);

describe('categoryCounts on the real database', () => {
  it('covers all 1,237 items of the five lists', async () => {
    expect(sum(await categoryCounts(db, NO_FILTERS))).toBe(1237);
  });

  it("matches 伊拉湖镇's 说明: 110 basic, 101 coop, 34 reclaimed; 党的建设 24 basic", async () => {
    const rows = (await categoryCounts(db, NO_FILTERS)).filter((r) => r.unit === townshipId('伊拉湖镇'));
    expect(sum(rows.filter((r) => r.list === 'basic'))).toBe(110);
    expect(sum(rows.filter((r) => r.list === 'coop'))).toBe(101);
    expect(sum(rows.filter((r) => r.list === 'reclaimed'))).toBe(34);
    expect(rows.find((r) => r.list === 'basic' && r.category === '党的建设')?.count).toBe(24);
    expect(rows.find((r) => r.list === 'coop' && r.category === '应急管理及消防')?.count).toBe(10);
    expect(rows.find((r) => r.list === 'reclaimed' && r.category === '城乡建设')?.count).toBe(7);
  });

  it('keeps every township and category when those are filtered (the chart highlights them), but applies the list filter', async () => {
    const filtered = await categoryCounts(db, {
      ...NO_FILTERS,
      townships: [townshipId('伊拉湖镇')],
      categories: ['党的建设'],
      lists: ['reclaimed'],
    });
    expect(new Set(filtered.map((r) => r.unit)).size).toBe(5);
    expect(filtered.every((r) => r.list === 'reclaimed')).toBe(true);
    expect(sum(filtered)).toBe(30 + 30 + 37 + 37 + 34);
  });

  it('lists the townships in administrative order: by prefecture, county and township code', async () => {
    // 吐鲁番市 6504 before 昌吉州 6523; within 昌吉州, 昌吉市 652301, 玛纳斯县 652324, 奇台县 652325, 吉木萨尔县 652327.
    expect((await units(db, NO_FILTERS)).map((t) => t.name)).toEqual(['伊拉湖镇', '六工镇', '凉州户镇', '吉布库镇', '新地乡']);
  });

  it('sums per county and per prefecture to the same items as per township', async () => {
    for (const level of ['county', 'prefecture'] as const) expect(sum(await categoryCounts(db, NO_FILTERS, level))).toBe(1237);
    const prefectures = await units(db, NO_FILTERS, 'prefecture');
    expect(prefectures.map((p) => [p.name, p.townships])).toEqual([
      ['吐鲁番市', 1],
      ['昌吉回族自治州', 4],
    ]);
  });

  it('counts the items involving a department kind from the item facts', async () => {
    const agri = await categoryCounts(db, { ...NO_FILTERS, departmentKinds: ['农业农村局'] });
    const [{ n }] = await (
      await completeDb()
    ).query<{ n: number }>(
      sql`SELECT count(DISTINCT x.item_id) AS n FROM item_departments x JOIN departments d ON d.id = x.department_id WHERE d.kind = '农业农村局'`,
    );
    expect(sum(agri)).toBe(n);
  });

  it('counts each department kind’s items per township and per prefecture as the complete database does', async () => {
    const complete = await completeDb();
    const kinds = (await complete.query<{ kind: string }>(sql`SELECT DISTINCT kind FROM departments ORDER BY kind`)).map((r) => r.kind);
    const key = (r: { unitName: string; list: string; category: string; count: number }) =>
      `${r.unitName}|${r.list}|${r.category}|${r.count}`;
    for (const level of ['township', 'prefecture'] as const)
      for (const kind of kinds) {
        const rows = await categoryCounts(db, { ...NO_FILTERS, departmentKinds: [kind] }, level);
        const expected = await complete.query<{ unitName: string; list: string; category: string; count: number }>(sql`
          SELECT ${level === 'township' ? sql`t.name` : sql`t.prefecture`} AS unitName, i.list, i.category, count(*) AS count
          FROM items i JOIN townships t ON t.id = i.township_id
          WHERE i.id IN (SELECT x.item_id FROM item_departments x JOIN departments d ON d.id = x.department_id WHERE d.kind = ${kind})
          GROUP BY 1, 2, 3`);
        expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
        expect(rows.length).toBeGreaterThan(0);
      }
  });

  it('answers a department-kind filter past townships from the county rollups, a part a fraction of the network’s size', async () => {
    const data = resolve(import.meta.dirname, '../../../public/data');
    const source = fileSource(data);
    const fresh = await AtlasEngine.open(await initSqlJs(), source);
    const [kind] = await fresh.query<{ name: string }>(sql`SELECT name FROM kinds ORDER BY items DESC LIMIT 1`);
    const filters = { ...NO_FILTERS, departmentKinds: [kind.name] };
    expect(sum(await categoryCounts(fresh, filters, 'prefecture'))).toBe(sum(await categoryCounts(db, filters, 'township')));
    await fresh.query(departmentFigures(filters));
    expect(source.fetched).toContain(partFile('rollups'));
    expect(source.fetched).not.toContain(partFile('network'));
    expect(statSync(resolve(data, partFile('rollups'))).size).toBeLessThan(statSync(resolve(data, partFile('network'))).size / 2);
  });

  it('makes 党的建设 the largest category over all lists (the chart title)', async () => {
    const { categories, bars } = categoryBars(await categoryCounts(db, NO_FILTERS));
    expect(categories[0]).toBe('党的建设');
    expect(sum(bars.filter((b) => b.category === '党的建设'))).toBe(156);
  });
});

describe('the category heatmap past townships: items per township of each unit', () => {
  it('averages each prefecture’s items over its townships, as plain SQL over the complete database does', async () => {
    const level = 'prefecture';
    const cells = categoryCells(await categoryCounts(db, NO_FILTERS, level), await units(db, NO_FILTERS, level));
    const expected = await (
      await completeDb()
    ).query<{ prefecture: string; category: string; n: number; townships: number }>(
      sql`SELECT t.prefecture, i.category, count(*) AS n,
                 (SELECT count(*) FROM townships u WHERE u.prefecture = t.prefecture) AS townships
          FROM items i JOIN townships t ON t.id = i.township_id GROUP BY 1, 2`,
    );
    expect(cells.filter((c) => c.count > 0)).toHaveLength(expected.length);
    for (const e of expected) {
      const cell = cells.find((c) => c.unitName === e.prefecture && c.category === e.category)!;
      expect([cell.count, cell.townships]).toEqual([e.n, e.townships]);
      expect(cell.perTownship).toBeCloseTo(e.n / e.townships, 10);
    }
    // 昌吉州's four townships: 党的建设 averaged, not summed.
    const party = cells.find((c) => c.unitName === '昌吉回族自治州' && c.category === '党的建设')!;
    expect(party.townships).toBe(4);
    expect(party.perTownship).toBe(party.count / 4);
  });

  it('names the fullest (unit, category) cell by items per township in the title', async () => {
    const rows = await categoryCounts(db, NO_FILTERS, 'prefecture');
    const title = categoryHeatmapTitle(rows, await units(db, NO_FILTERS, 'prefecture'), 'prefecture')!;
    const [top] = await (
      await completeDb()
    ).query<{ prefecture: string; category: string; average: number }>(
      sql`SELECT t.prefecture, i.category,
                 count(*) * 1.0 / (SELECT count(*) FROM townships u WHERE u.prefecture = t.prefecture) AS average
          FROM items i JOIN townships t ON t.id = i.township_id GROUP BY 1, 2 ORDER BY average DESC LIMIT 1`,
    );
    expect(title).toContain(`${top.prefecture}的“${top.category}”`);
    expect(title).toContain(`${top.average.toFixed(1)} 项`);
  });

  it('counts only the chosen townships when they are not highlighted among the others', async () => {
    const filters = { ...NO_FILTERS, townships: [townshipId('六工镇'), townshipId('伊拉湖镇')] };
    const byPrefecture = await units(db, filters, 'prefecture', false);
    expect(byPrefecture.map((u) => [u.name, u.townships])).toEqual([
      ['吐鲁番市', 1],
      ['昌吉回族自治州', 1],
    ]);
    const rows = await categoryCounts(db, filters, 'prefecture', false);
    const [{ n }] = await (
      await completeDb()
    ).query<{ n: number }>(sql`SELECT count(*) AS n FROM items WHERE township_id = ${townshipId('六工镇')}`);
    expect(sum(rows.filter((r) => r.unitName === '昌吉回族自治州'))).toBe(n);
    // Township columns: only the chosen two, against all five when highlighted.
    expect((await units(db, filters, 'township', false)).map((u) => u.key)).toEqual([townshipId('伊拉湖镇'), townshipId('六工镇')]);
    expect(new Set((await categoryCounts(db, filters, 'township', false)).map((r) => r.unit)).size).toBe(2);
    expect(await units(db, filters)).toHaveLength(5);
  });

  it('titles the bars with the place drilled into, and the chosen townships when those are all the rows hold', async () => {
    const filters = { ...NO_FILTERS, townships: [townshipId('六工镇')] };
    const rows = await categoryCounts(db, filters, 'prefecture', false);
    const title = categoryBarsTitle(rows, filters, [])!;
    expect(title).toContain('占所选乡镇事项的');
    expect(categoryBarsTitle(await categoryCounts(db, NO_FILTERS), NO_FILTERS, [], '昌吉回族自治州')).toContain(
      '占昌吉回族自治州全部事项的',
    );
  });
});

describe('largestUnits (a bar’s tooltip)', () => {
  const units = [
    { unitName: 'A', count: 3 },
    { unitName: 'B', count: 9 },
    { unitName: 'C', count: 1 },
    { unitName: 'D', count: 5 },
  ];

  it('keeps every unit in display order while they fit', () => {
    expect(largestUnits(units, 4)).toEqual({ shown: units, others: null });
  });

  it('past that, names the largest and sums the others', () => {
    expect(largestUnits(units, 2)).toEqual({
      shown: [
        { unitName: 'B', count: 9 },
        { unitName: 'D', count: 5 },
      ],
      others: { units: 2, count: 4 },
    });
  });
});
