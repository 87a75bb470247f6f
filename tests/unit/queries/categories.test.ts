import { describe, it, expect, beforeAll } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { categoryCounts, units } from '../../../src/lib/queries/categories';
import { categoryBars } from '../../../src/lib/charts/category-bars';
import { completeDb, realDb } from './real-db';
import { sql } from '../../../src/lib/db/sql';

let db: DbClient;
beforeAll(async () => {
  db = await realDb();
});

const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);

describe('categoryCounts on the real database', () => {
  it('covers all 1,237 items of the five lists', async () => {
    expect(sum(await categoryCounts(db, NO_FILTERS))).toBe(1237);
  });

  it("matches 伊拉湖镇's 说明: 110 basic, 101 coop, 34 reclaimed; 党的建设 24 basic", async () => {
    const rows = (await categoryCounts(db, NO_FILTERS)).filter((r) => r.unit === 'toksun-yilahu');
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
      townships: ['toksun-yilahu'],
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

  it('makes 党的建设 the largest category over all lists (the chart title)', async () => {
    const { categories, bars } = categoryBars(await categoryCounts(db, NO_FILTERS));
    expect(categories[0]).toBe('党的建设');
    expect(sum(bars.filter((b) => b.category === '党的建设'))).toBe(156);
  });
});
