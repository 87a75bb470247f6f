import { describe, it, expect, beforeAll } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { departmentEdges, reliance, departmentDuties, departmentDutyGroups } from '../../../src/lib/queries/network';
import { networkLayout } from '../../../src/lib/charts/network-layout';
import { selectionOf } from '../../../src/lib/state/selection';
import { completeDb, placeIndexOf, realDb } from './real-db';

let db: DbClient;
let complete: DbClient;
let counties: number[];
beforeAll(async () => {
  db = await realDb();
  complete = await completeDb();
  counties = selectionOf(await placeIndexOf(db), NO_FILTERS).counties;
});

describe('department network on the real database', () => {
  it('农业农村局 leads 配合 duties in all five townships, and tops 最依赖的部门', async () => {
    const table = await reliance(db, NO_FILTERS);
    const agri = table.find((r) => r.kind === '农业农村局')!;
    expect(agri.townships).toBe(5);
    expect(table[0].kind).toBe('农业农村局');
    expect(table.map((r) => r.townships)).toEqual([...table.map((r) => r.townships)].sort((a, b) => b - a));
  });

  it('counts duties led and township steps as a plain query over the tables does', async () => {
    const [agri] = (await reliance(db, NO_FILTERS)).filter((r) => r.kind === '农业农村局');
    const [check] = await complete.query<{ duties: number; steps: number }>(sql`
      SELECT COUNT(DISTINCT i.id) AS duties,
             (SELECT COUNT(*) FROM steps s WHERE s.party = 'township' AND s.item_id IN (
                SELECT x2.item_id FROM item_departments x2 JOIN departments d2 ON d2.id = x2.department_id
                JOIN items i2 ON i2.id = x2.item_id
                WHERE d2.kind = '农业农村局' AND x2.role = 'lead' AND i2.list = 'coop')) AS steps
      FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
      WHERE d.kind = '农业农村局' AND x.role = 'lead' AND i.list = 'coop'`);
    expect(agri.dutiesLed).toBe(check.duties);
    expect(agri.townshipSteps).toBe(check.steps);
    expect(agri.dutiesLed).toBeGreaterThan(50);
  });

  it('has lead edges only by default, receiver edges when asked, and five township ends', async () => {
    const lead = await departmentEdges(db, NO_FILTERS, 'kind', false);
    const both = await departmentEdges(db, NO_FILTERS, 'kind', true);
    expect(lead.every((e) => e.role === 'lead')).toBe(true);
    expect(both.some((e) => e.role === 'receiver')).toBe(true);
    expect(new Set(lead.map((e) => e.unit)).size).toBe(5);
    // Every 配合 duty of 伊拉湖镇 (101) is led by at least one department.
    const yilahu = lead.filter((e) => e.unit === 'toksun-yilahu');
    expect(yilahu.reduce((s, e) => s + e.duties, 0)).toBeGreaterThanOrEqual(101);
  });

  it('merging by kind gives fewer nodes than departments as written (one per county)', async () => {
    const byKind = new Set((await departmentEdges(db, NO_FILTERS, 'kind', false)).map((e) => e.department));
    const byName = new Set((await departmentEdges(db, NO_FILTERS, 'name', false)).map((e) => e.department));
    expect(byKind.size).toBeGreaterThan(30);
    expect(byName.size).toBeGreaterThan(byKind.size * 2);
    expect([...byName].filter((n) => n.endsWith('农业农村局'))).toHaveLength(5);
  });

  it('lists a department’s duties per township for its panel', async () => {
    const duties = await departmentDuties(db, NO_FILTERS, 'kind', '农业农村局', counties);
    const [agri] = (await reliance(db, NO_FILTERS)).filter((r) => r.kind === '农业农村局');
    expect(duties.filter((d) => d.role === 'lead')).toHaveLength(agri.dutiesLed);
    expect(new Set(duties.map((d) => d.townshipName)).size).toBe(5);
    expect(duties.every((d) => d.name.length > 0)).toBe(true);
  });

  it('past a county, sums a department’s duties per duty group over the townships', async () => {
    const groups = await departmentDutyGroups(db, NO_FILTERS, 'kind', '农业农村局');
    const [agri] = (await reliance(db, NO_FILTERS)).filter((r) => r.kind === '农业农村局');
    const lead = groups.filter((g) => g.role === 'lead');
    // Each duty counts once per township: the townships per group add up to the duties led.
    expect(lead.reduce((s, g) => s + g.townships, 0)).toBe(agri.dutiesLed);
    expect(lead.reduce((s, g) => s + g.townshipSteps, 0)).toBe(agri.townshipSteps);
    expect(lead[0].townships).toBe(5);
  });

  it('sums edges per county or prefecture to the same duties as per township', async () => {
    const byTownship = await departmentEdges(db, NO_FILTERS, 'kind', true, 'township');
    const byPrefecture = await departmentEdges(db, NO_FILTERS, 'kind', true, 'prefecture');
    const total = (rows: typeof byTownship) => rows.reduce((s, e) => s + e.duties, 0);
    expect(total(byPrefecture)).toBe(total(byTownship));
    expect(new Set(byPrefecture.map((e) => e.unitName))).toEqual(new Set(['昌吉回族自治州', '吐鲁番市']));
  });

  it('lays the real graph out with every node in frame, deterministically', async () => {
    const edges = await departmentEdges(db, NO_FILTERS, 'kind', true);
    const a = networkLayout(edges, { width: 880, height: 460, seed: 42 });
    const b = networkLayout(edges, { width: 880, height: 460, seed: 42 });
    expect(a.nodes.map((n) => [n.x, n.y])).toEqual(b.nodes.map((n) => [n.x, n.y]));
    expect(a.nodes.find((n) => n.label === '农业农村局')?.labelBox).not.toBeNull();
    for (const n of a.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(880);
    }
  });
});
