import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { raw, sql, type Sql } from '../../../src/lib/db/sql';
import {
  coopSteps,
  departmentFigures,
  townshipListCounts,
  townshipTotals,
  type CoopStepsRow,
  type DepartmentFiguresRow,
  type TownshipListCountRow,
} from '../../../src/lib/queries/overview';
import { keyFigures } from '../../../src/lib/queries/overview-stats';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { completeDb, placeIndexOf, realDb, townshipIdsByName } from './real-db';

let db: DbClient;
beforeAll(async () => {
  db = await realDb();
});

/** Tests name townships as their lists do: ids come from the documents. */
let townshipId: (name: string) => string;
beforeAll(async () => {
  townshipId = await townshipIdsByName();
});

const countsOf = (rows: TownshipListCountRow[], township: string) =>
  Object.fromEntries(rows.filter((r) => r.township_id === township).map((r) => [r.list, r.items]));

describe('overview queries on the real database', () => {
  it("counts 伊拉湖镇's lists as its 说明 states them: 110 basic, 101 coop, 34 reclaimed", async () => {
    const rows = await db.query<TownshipListCountRow>(townshipListCounts(NO_FILTERS));
    expect(countsOf(rows, townshipId('伊拉湖镇'))).toEqual({ basic: 110, coop: 101, reclaimed: 34 });
    expect(rows).toHaveLength(15); // every township × list, zeros included
  });

  it('counts the other four townships as their documents number them', async () => {
    const rows = await db.query<TownshipListCountRow>(townshipListCounts(NO_FILTERS));
    expect(countsOf(rows, townshipId('六工镇'))).toEqual({ basic: 136, coop: 94, reclaimed: 30 });
    expect(countsOf(rows, townshipId('新地乡'))).toEqual({ basic: 106, coop: 101, reclaimed: 30 });
    expect(countsOf(rows, townshipId('凉州户镇'))).toEqual({ basic: 106, coop: 107, reclaimed: 37 });
    expect(countsOf(rows, townshipId('吉布库镇'))).toEqual({ basic: 109, coop: 99, reclaimed: 37 });
  });

  it('totals 1,237 items, 168 of them reclaimed', async () => {
    const f = keyFigures(await townshipTotals(db, NO_FILTERS));
    expect(f).toMatchObject({ total: 1237, basic: 567, coop: 502, reclaimed: 168, townships: 5 });
    const [d] = await db.query<DepartmentFiguresRow>(departmentFigures(NO_FILTERS));
    expect(d.department_kinds).toBeGreaterThan(30);
    expect(d.departments).toBeGreaterThan(d.department_kinds);
  });

  it('the stacked bars ignore their own township/list filter, the figures apply it', async () => {
    const filters = { ...NO_FILTERS, townships: [townshipId('伊拉湖镇')], lists: ['reclaimed' as const] };
    const rows = await db.query<TownshipListCountRow>(townshipListCounts(filters));
    expect(countsOf(rows, townshipId('六工镇')).basic).toBe(136);
    const f = keyFigures(await townshipTotals(db, filters));
    expect(f).toMatchObject({ total: 34, reclaimed: 34, townships: 1 });
  });

  it("伊拉湖镇's 党的建设 basic duties number 24, as its 说明 states", async () => {
    const filters = { ...NO_FILTERS, townships: [townshipId('伊拉湖镇')], lists: ['basic' as const], categories: ['党的建设'] };
    const f = keyFigures(await townshipTotals(db, filters));
    expect(f.total).toBe(24);
  });

  it('counts the steps townships carry in 配合 duties, one row per township', async () => {
    const rows = await db.query<CoopStepsRow>(coopSteps(NO_FILTERS));
    expect(rows).toHaveLength(5);
    const yilahu = rows.find((r) => r.township_id === townshipId('伊拉湖镇'))!;
    expect(yilahu.coop_items).toBe(101);
    expect(yilahu.township_steps).toBeGreaterThanOrEqual(101); // every coop duty names at least one township step
    const filtered = await db.query<CoopStepsRow>(coopSteps({ ...NO_FILTERS, townships: [townshipId('六工镇')] }));
    expect(filtered.map((r) => r.township_id)).toEqual([townshipId('六工镇')]);
    expect(filtered[0].coop_items).toBe(94);
  });
});

/**
 * The per-township totals the distribution and the ranking read, computed afresh from the complete
 * database's items and steps with plain SQL (no cube, no place tree) under the same filters.
 */
describe('townshipTotals against the complete database', () => {
  let complete: DbClient;
  beforeAll(async () => {
    complete = await completeDb();
  });

  interface Expected {
    key: string;
    basic: number;
    coop: number;
    reclaimed: number;
    all_lists_total: number;
    all_lists_reclaimed: number;
    coop_items: number;
    township_steps: number;
  }
  /** `where` restricts items (alias i) by everything but the list filter; `lists` is the list filter. */
  const expected = (where: Sql, lists: string[] = []) => {
    const inLists = lists.length ? sql`i.list IN ${lists}` : sql`1`;
    return complete.query<Expected>(sql`
      SELECT t.id AS key,
             count(CASE WHEN i.list = 'basic' AND ${inLists} THEN 1 END) AS basic,
             count(CASE WHEN i.list = 'coop' AND ${inLists} THEN 1 END) AS coop,
             count(CASE WHEN i.list = 'reclaimed' AND ${inLists} THEN 1 END) AS reclaimed,
             count(i.id) AS all_lists_total,
             count(CASE WHEN i.list = 'reclaimed' THEN 1 END) AS all_lists_reclaimed,
             count(CASE WHEN i.list = 'coop' THEN 1 END) AS coop_items,
             coalesce(sum(CASE WHEN i.list = 'coop' THEN
               (SELECT count(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'township') END), 0) AS township_steps
      FROM townships t LEFT JOIN items i ON i.township_id = t.id AND ${where}
      GROUP BY t.id ORDER BY t.id`);
  };
  const actual = async (filters: Filters, omit: 'townships'[] = []) =>
    (await townshipTotals(db, filters, omit))
      .map(({ key, basic, coop, reclaimed, all_lists_total, all_lists_reclaimed, coop_items, township_steps }) => ({
        key,
        basic,
        coop,
        reclaimed,
        all_lists_total,
        all_lists_reclaimed,
        coop_items,
        township_steps,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));

  it('gives every township its lists, steps and reclaimed base as the items and steps tables count them', async () => {
    const rows = await townshipTotals(db, NO_FILTERS);
    expect(rows).toHaveLength(5);
    expect(await actual(NO_FILTERS)).toEqual(await expected(sql`1`));
    for (const r of rows) expect(r.total).toBe(r.basic + r.coop + r.reclaimed);
    const yilahu = rows.find((r) => r.key === townshipId('伊拉湖镇'))!;
    expect(yilahu).toMatchObject({ name: '伊拉湖镇', county_name: '托克逊县', prefecture_name: '吐鲁番市', total: 245 });
  });

  it('applies a category filter, and counts townships with none of its items as zeros', async () => {
    const filters = { ...NO_FILTERS, categories: ['党的建设'] };
    expect(await actual(filters)).toEqual(await expected(sql`i.category = '党的建设'`));
    const none = await townshipTotals(db, { ...NO_FILTERS, categories: ['no such category'] });
    expect(none.map((r) => r.total)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts every category’s items per list and township, region-wide and in a prefecture', async () => {
    const categories = (await complete.query<{ category: string }>(sql`SELECT DISTINCT category FROM items ORDER BY category`)).map(
      (r) => r.category,
    );
    const places = await placeIndexOf(db);
    const prefecture = places.places.find((p) => p.level === 'prefecture' && places.townshipsUnder(p).length > 1)!;
    let reclaimed = 0;
    for (const category of categories) {
      const rows = await actual({ ...NO_FILTERS, categories: [category] });
      expect(rows).toEqual(await expected(sql`i.category = ${category}`));
      reclaimed += rows.reduce((s, r) => s + r.reclaimed, 0);
      const scoped = await actual({ ...NO_FILTERS, categories: [category], scope: prefecture.key });
      expect(scoped).toEqual(
        (await expected(sql`i.category = ${category}`)).filter((r) => places.townshipsUnder(prefecture).some((t) => t.key === r.key)),
      );
    }
    expect(reclaimed).toBeGreaterThan(0);
  });

  it('applies the list filter to the list counts only: the share’s base and the steps keep all lists', async () => {
    const filters = { ...NO_FILTERS, lists: ['reclaimed' as const, 'basic' as const] };
    const rows = await actual(filters);
    expect(rows).toEqual(await expected(sql`1`, ['reclaimed', 'basic']));
    expect(rows.every((r) => r.coop === 0 && r.coop_items > 0)).toBe(true);
  });

  it('counts the items involving a department kind from the facts', async () => {
    const filters = { ...NO_FILTERS, departmentKinds: ['农业农村局'], lists: ['coop' as const] };
    const involving = sql`i.id IN (SELECT x.item_id FROM item_departments x JOIN departments d ON d.id = x.department_id WHERE d.kind = '农业农村局')`;
    expect(await actual(filters)).toEqual(await expected(involving, ['coop']));
  });

  it('counts the items of every department kind, alone and with a list, category or second kind, as the items name it', async () => {
    const kinds = (await complete.query<{ kind: string }>(sql`SELECT DISTINCT kind FROM departments ORDER BY kind`)).map((r) => r.kind);
    expect(kinds.length).toBeGreaterThan(2);
    const involving = (names: string[]) =>
      sql`i.id IN (SELECT x.item_id FROM item_departments x JOIN departments d ON d.id = x.department_id WHERE d.kind IN ${names})`;
    for (const kind of kinds) {
      const rows = await actual({ ...NO_FILTERS, departmentKinds: [kind] });
      expect(rows).toEqual(await expected(involving([kind])));
      expect(rows.some((r) => r.all_lists_total > 0)).toBe(true);
    }
    const [first, second] = kinds;
    expect(await actual({ ...NO_FILTERS, departmentKinds: [first], lists: ['reclaimed'] })).toEqual(
      await expected(involving([first]), ['reclaimed']),
    );
    expect(await actual({ ...NO_FILTERS, departmentKinds: [first], categories: ['党的建设'] })).toEqual(
      await expected(sql`${involving([first])} AND i.category = '党的建设'`),
    );
    expect(await actual({ ...NO_FILTERS, departmentKinds: [first, second] })).toEqual(await expected(involving([first, second])));
  });

  it('keeps to the scope and the township filter, unless told to omit the latter', async () => {
    const places = await placeIndexOf(db);
    const changji = places.places.find((p) => p.level === 'prefecture' && p.name === '昌吉回族自治州')!;
    const scoped = await townshipTotals(db, { ...NO_FILTERS, scope: changji.key });
    expect(scoped.map((r) => r.key).sort()).toEqual(['六工镇', '新地乡', '凉州户镇', '吉布库镇'].map(townshipId).sort());
    expect(new Set(scoped.map((r) => r.prefecture))).toEqual(new Set([changji.id]));
    const picked = { ...NO_FILTERS, scope: changji.key, townships: [townshipId('吉布库镇')] };
    expect((await townshipTotals(db, picked)).map((r) => r.key)).toEqual([townshipId('吉布库镇')]);
    expect(await townshipTotals(db, picked, ['townships'])).toEqual(scoped);
  });
});

describe('departmentFigures against the complete database', () => {
  it('with a department-kind filter, counts every department sharing an item with the chosen kind', async () => {
    const complete = await completeDb();
    const filters = { ...NO_FILTERS, departmentKinds: ['农业农村局'], categories: ['乡村振兴'] };
    const [d] = await db.query<DepartmentFiguresRow>(departmentFigures(filters));
    const [check] = await complete.query<DepartmentFiguresRow>(sql`
      SELECT count(DISTINCT d.kind) AS department_kinds, count(DISTINCT d.id) AS departments
      FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
      WHERE i.category = '乡村振兴' AND i.id IN (SELECT x2.item_id FROM item_departments x2
        JOIN departments d2 ON d2.id = x2.department_id WHERE d2.kind = '农业农村局')`);
    expect(d).toEqual(check);
    expect(d.department_kinds).toBeGreaterThan(1);
  });
});

describe('departmentFigures under one department kind, in every scope', () => {
  it('counts the departments sharing an item with each kind, region-wide and per prefecture and county', async () => {
    const complete = await completeDb();
    const kinds = (await complete.query<{ kind: string }>(sql`SELECT DISTINCT kind FROM departments ORDER BY kind`)).map((r) => r.kind);
    const places = await placeIndexOf(db);
    const scopes = [null, ...places.places.filter((p) => p.level === 'prefecture' || p.level === 'county')];
    expect(scopes.length).toBeGreaterThan(2);
    for (const kind of kinds)
      for (const scope of scopes) {
        const [d] = await db.query<DepartmentFiguresRow>(
          departmentFigures({ ...NO_FILTERS, departmentKinds: [kind], scope: scope?.key ?? null }),
        );
        const inScope = scope ? sql`AND t.${raw(scope.level)} = ${scope.name}` : sql``;
        const [check] = await complete.query<DepartmentFiguresRow>(sql`
          SELECT count(DISTINCT d.kind) AS department_kinds, count(DISTINCT d.id) AS departments
          FROM items i JOIN townships t ON t.id = i.township_id
          JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
          WHERE i.id IN (SELECT x2.item_id FROM item_departments x2
            JOIN departments d2 ON d2.id = x2.department_id WHERE d2.kind = ${kind}) ${inScope}`);
        expect(d).toEqual(check);
      }
  });
});

describe('departmentFigures in a scope the data lacks', () => {
  it('counts no departments where it counts no items: a place of other lists, or a township as the scope', async () => {
    const township = (await db.query<{ key: string }>(sql`SELECT key FROM places WHERE level = 'township' LIMIT 1`))[0].key;
    const kind = (await completeDb().then((c) => c.query<{ kind: string }>(sql`SELECT kind FROM departments LIMIT 1`)))[0].kind;
    for (const scope of ['not-a-place', township])
      for (const filters of [
        { ...NO_FILTERS, scope },
        { ...NO_FILTERS, scope, departmentKinds: [kind] },
      ]) {
        expect(await db.query(departmentFigures(filters)), scope).toEqual([{ department_kinds: 0, departments: 0 }]);
        expect((await townshipTotals(db, filters)).length, scope).toBe(0);
      }
  });
});

describe('departmentFigures from the county rollups', () => {
  it('counts the same departments per county as per township, for every list and a category', async () => {
    const complete = await completeDb();
    for (const lists of [[], ['coop' as const], ['reclaimed' as const]]) {
      const filters = { ...NO_FILTERS, lists, categories: ['乡村振兴'] };
      const [d] = await db.query<DepartmentFiguresRow>(departmentFigures(filters));
      const roles = lists.length ? (lists[0] === 'coop' ? ['lead'] : ['receiver']) : ['lead', 'receiver'];
      const [check] = await complete.query<DepartmentFiguresRow>(sql`
        SELECT count(DISTINCT d.kind) AS department_kinds, count(DISTINCT d.id) AS departments
        FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
        WHERE i.category = '乡村振兴' AND x.role IN ${roles}`);
      expect(d).toEqual(check);
    }
  });
});

describe('departmentFigures from the summary', () => {
  it('counts, for everything and for each prefecture and county drilled into, the departments the items name', async () => {
    const complete = await completeDb();
    const places = await db.query<{ key: string; level: string; name: string }>(
      sql`SELECT key, level, name FROM places WHERE level <> 'township'`,
    );
    expect(places.length).toBeGreaterThan(1);
    const figures = sql`SELECT count(DISTINCT d.kind) AS department_kinds, count(DISTINCT d.id) AS departments
      FROM items i JOIN townships t ON t.id = i.township_id
      JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id`;
    const [all] = await complete.query<DepartmentFiguresRow>(figures);
    expect(await db.query(departmentFigures(NO_FILTERS))).toEqual([all]);
    for (const place of places) {
      const column = place.level === 'county' ? 't.county' : 't.prefecture';
      const [check] = await complete.query<DepartmentFiguresRow>(sql`${figures} WHERE ${raw(column)} = ${place.name}`);
      expect(await db.query(departmentFigures({ ...NO_FILTERS, scope: place.key })), place.name).toEqual([check]);
    }
    // The summary answers alone: no part is read.
    expect(departmentFigures({ ...NO_FILTERS, scope: places[0].key }).needs ?? []).toEqual([]);
  });
});
