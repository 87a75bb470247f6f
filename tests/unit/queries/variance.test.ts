import { describe, expect, it } from 'vitest';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { varianceHoldings, varianceItems, varianceKinds, varianceSpreads } from '../../../src/lib/queries/variance';
import { findVariances, type GroupHolding, type GroupKind, type GroupSpread } from '../../../src/lib/variance/find-variances';
import { completeDb, realDb } from './real-db';

/** The variances of the served parts, as the view computes them. */
async function variancesOf(filters: Filters, selected: number) {
  const db = await realDb();
  const [spreads, holdings, kinds] = await Promise.all([
    db.query<GroupSpread>(varianceSpreads(filters)),
    db.query<GroupHolding>(varianceHoldings(filters)),
    db.query<GroupKind>(varianceKinds(filters)),
  ]);
  return findVariances(spreads, holdings, kinds, selected);
}

describe('口径差异 queries', () => {
  it('flag every duty group the complete database shows reclaimed in some townships and kept in others, with those counts', async () => {
    const complete = await completeDb();
    const expected = await complete.query<{ duty_group: number; reclaimed: number; kept: number }>(sql`
      SELECT duty_group, count(DISTINCT CASE WHEN list = 'reclaimed' THEN township_id END) AS reclaimed,
             count(DISTINCT CASE WHEN list <> 'reclaimed' THEN township_id END) AS kept
      FROM items GROUP BY duty_group HAVING reclaimed > 0 AND kept > 0`);
    expect(expected.length).toBeGreaterThan(0);
    const [{ n }] = await complete.query<{ n: number }>(sql`SELECT count(*) AS n FROM townships`);
    const variances = await variancesOf(NO_FILTERS, n);
    const listFlags = new Map(variances.flatMap((v) => v.flags.filter((f) => f.kind === 'list').map((f) => [v.dutyGroup, f] as const)));
    expect(listFlags.size).toBe(expected.length);
    for (const e of expected) expect(listFlags.get(e.duty_group), `group ${e.duty_group}`).toMatchObject({ reclaimed: e.reclaimed });
  });

  it('flag the duty groups listed under different categories and those most townships list but some do not', async () => {
    const complete = await completeDb();
    const [{ n }] = await complete.query<{ n: number }>(sql`SELECT count(*) AS n FROM townships`);
    const byCategory = await complete.query<{ duty_group: number }>(sql`
      SELECT duty_group FROM items GROUP BY duty_group HAVING count(DISTINCT category) > 1`);
    const missing = await complete.query<{ duty_group: number; townships: number }>(sql`
      SELECT duty_group, count(DISTINCT township_id) AS townships FROM items GROUP BY duty_group
      HAVING townships < ${n} AND townships * 3 >= ${n} * 2`);
    const variances = await variancesOf(NO_FILTERS, n);
    const flagged = (kind: string) => new Set(variances.filter((v) => v.flags.some((f) => f.kind === kind)).map((v) => v.dutyGroup));
    expect(flagged('category')).toEqual(new Set(byCategory.map((r) => r.duty_group)));
    expect(flagged('missing')).toEqual(new Set(missing.map((r) => r.duty_group)));
  });

  it('compare only the townships picked, and keep a group whose other items lie outside a category filter', async () => {
    const complete = await completeDb();
    const townships = (await complete.query<{ id: string }>(sql`SELECT id FROM townships ORDER BY id`)).map((t) => t.id);
    const picked = townships.slice(0, 3);
    const filters: Filters = { ...NO_FILTERS, townships: picked };
    const variances = await variancesOf(filters, picked.length);
    for (const v of variances) expect(v.townships).toBeLessThanOrEqual(picked.length);

    // A group under two categories is still shown as such when the filter picks one of them.
    const all = await variancesOf(NO_FILTERS, townships.length);
    const split = all.find((v) => v.flags.some((f) => f.kind === 'category'))!;
    expect(split).toBeDefined();
    const [{ name }] = await (
      await realDb()
    ).query<{ name: string }>(sql`
      SELECT c.name FROM fact_items f JOIN categories c ON c.id = f.category WHERE f.duty_group = ${split.dutyGroup} LIMIT 1`);
    const filtered = await variancesOf({ ...NO_FILTERS, categories: [name] }, townships.length);
    expect(filtered.find((v) => v.dutyGroup === split.dutyGroup)?.flags.some((f) => f.kind === 'category')).toBe(true);
  });

  it('count the townships naming each lead or receiving department kind per duty group as the complete database does', async () => {
    const complete = await completeDb();
    const expected = await complete.query<{ duty_group: number; role: string; kind: string; townships: number }>(sql`
      SELECT i.duty_group, x.role, d.kind, count(DISTINCT i.township_id) AS townships
      FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
      WHERE (i.list = 'coop' AND x.role = 'lead') OR (i.list = 'reclaimed' AND x.role = 'receiver')
      GROUP BY i.duty_group, x.role, d.kind`);
    expect(expected.length).toBeGreaterThan(0);
    const db = await realDb();
    const kindName = new Map((await db.query<{ id: number; name: string }>(sql`SELECT id, name FROM kinds`)).map((k) => [k.id, k.name]));
    const rows = await db.query<GroupKind>(varianceKinds(NO_FILTERS));
    const key = (group: number, role: string, kind: string) => `${group}|${role}|${kind}`;
    expect(new Map(rows.map((r) => [key(r.dutyGroup, r.role === 0 ? 'lead' : 'receiver', kindName.get(r.kind)!), r.townships]))).toEqual(
      new Map(expected.map((e) => [key(e.duty_group, e.role, e.kind), e.townships])),
    );
  });

  it('choose, under a department-kind filter, the duty groups whose items name the kind, as the complete database does', async () => {
    const complete = await completeDb();
    const db = await realDb();
    const kinds = (await complete.query<{ kind: string }>(sql`SELECT DISTINCT kind FROM departments ORDER BY kind`)).map((r) => r.kind);
    const townships = (await complete.query<{ id: string }>(sql`SELECT id FROM townships`)).map((t) => t.id);
    const groupsOf = async (filters: Filters) =>
      (await db.query<GroupSpread>(varianceSpreads(filters))).map((r) => r.dutyGroup).sort((a, b) => a - b);
    let chosen = 0;
    for (const kind of kinds)
      for (const lists of [[], ['coop'], ['reclaimed'], ['basic']] as Filters['lists'][]) {
        const filters: Filters = { ...NO_FILTERS, departmentKinds: [kind], lists };
        const expected = await complete.query<{ duty_group: number }>(sql`
          SELECT DISTINCT i.duty_group FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
          WHERE d.kind = ${kind} ${lists.length ? sql`AND i.list IN ${lists}` : sql``} ORDER BY i.duty_group`);
        const groups = await groupsOf(filters);
        expect(groups, `${kind} ${lists.join()}`).toEqual(expected.map((r) => r.duty_group));
        // Every township picked reads the facts instead of the county rollups: the same groups.
        expect(await groupsOf({ ...filters, townships })).toEqual(groups);
        chosen += groups.length;
      }
    expect(chosen).toBeGreaterThan(0);
  });

  it("give each township's wording of a flagged duty, as the complete database has it", async () => {
    const complete = await completeDb();
    const [{ n }] = await complete.query<{ n: number }>(sql`SELECT count(*) AS n FROM townships`);
    const [first] = await variancesOf(NO_FILTERS, n);
    expect(first).toBeDefined();
    const db = await realDb();
    const counties = (
      await db.query<{ county: number }>(sql`SELECT DISTINCT county FROM fact_items WHERE duty_group = ${first.dutyGroup}`)
    ).map((r) => r.county);
    const rows = await db.query<{ item: number; name: string | null; list: string }>(varianceItems(first.dutyGroup, NO_FILTERS, counties));
    const expected = await complete.query<{ id: number; name: string; list: string }>(
      sql`SELECT id, name, list FROM items WHERE duty_group = ${first.dutyGroup}`,
    );
    expect(new Map(rows.map((r) => [r.item, [r.name, r.list]]))).toEqual(new Map(expected.map((e) => [e.id, [e.name, e.list]])));
  });
});
