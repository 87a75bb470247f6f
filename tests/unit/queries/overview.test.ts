import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import {
  coopSteps,
  departmentFigures,
  keyFigures,
  townshipListCounts,
  type CoopStepsRow,
  type DepartmentFiguresRow,
  type KeyFiguresRow,
  type TownshipListCountRow,
} from '../../../src/lib/queries/overview';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { realDb } from './real-db';

let db: DbClient;
beforeAll(async () => {
  db = await realDb();
});

const countsOf = (rows: TownshipListCountRow[], township: string) =>
  Object.fromEntries(rows.filter((r) => r.township_id === township).map((r) => [r.list, r.items]));

describe('overview queries on the real database', () => {
  it("counts 伊拉湖镇's lists as its 说明 states them: 110 basic, 101 coop, 34 reclaimed", async () => {
    const rows = await db.query<TownshipListCountRow>(townshipListCounts(NO_FILTERS));
    expect(countsOf(rows, 'toksun-yilahu')).toEqual({ basic: 110, coop: 101, reclaimed: 34 });
    expect(rows).toHaveLength(15); // every township × list, zeros included
  });

  it('counts the other four townships as their documents number them', async () => {
    const rows = await db.query<TownshipListCountRow>(townshipListCounts(NO_FILTERS));
    expect(countsOf(rows, 'changji-liugong')).toEqual({ basic: 136, coop: 94, reclaimed: 30 });
    expect(countsOf(rows, 'jimsar-xindi')).toEqual({ basic: 106, coop: 101, reclaimed: 30 });
    expect(countsOf(rows, 'manas-liangzhouhu')).toEqual({ basic: 106, coop: 107, reclaimed: 37 });
    expect(countsOf(rows, 'qitai-jibuku')).toEqual({ basic: 109, coop: 99, reclaimed: 37 });
  });

  it('totals 1,237 items, 168 of them reclaimed', async () => {
    const [f] = await db.query<KeyFiguresRow>(keyFigures(NO_FILTERS));
    expect(f).toMatchObject({ total: 1237, basic: 567, coop: 502, reclaimed: 168, townships: 5 });
    const [d] = await db.query<DepartmentFiguresRow>(departmentFigures(NO_FILTERS));
    expect(d.department_kinds).toBeGreaterThan(30);
    expect(d.departments).toBeGreaterThan(d.department_kinds);
  });

  it('the stacked bars ignore their own township/list filter, the figures apply it', async () => {
    const filters = { ...NO_FILTERS, townships: ['toksun-yilahu'], lists: ['reclaimed' as const] };
    const rows = await db.query<TownshipListCountRow>(townshipListCounts(filters));
    expect(countsOf(rows, 'changji-liugong').basic).toBe(136);
    const [f] = await db.query<KeyFiguresRow>(keyFigures(filters));
    expect(f).toMatchObject({ total: 34, reclaimed: 34, townships: 1 });
  });

  it("伊拉湖镇's 党的建设 basic duties number 24, as its 说明 states", async () => {
    const filters = { ...NO_FILTERS, townships: ['toksun-yilahu'], lists: ['basic' as const], categories: ['党的建设'] };
    const [f] = await db.query<KeyFiguresRow>(keyFigures(filters));
    expect(f.total).toBe(24);
  });

  it('counts the steps townships carry in 配合 duties, one row per township', async () => {
    const rows = await db.query<CoopStepsRow>(coopSteps(NO_FILTERS));
    expect(rows).toHaveLength(5);
    const yilahu = rows.find((r) => r.township_id === 'toksun-yilahu')!;
    expect(yilahu.coop_items).toBe(101);
    expect(yilahu.township_steps).toBeGreaterThanOrEqual(101); // every coop duty names at least one township step
    const filtered = await db.query<CoopStepsRow>(coopSteps({ ...NO_FILTERS, townships: ['changji-liugong'] }));
    expect(filtered.map((r) => r.township_id)).toEqual(['changji-liugong']);
    expect(filtered[0].coop_items).toBe(94);
  });
});
