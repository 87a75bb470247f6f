import { describe, it, expect, beforeAll } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import {
  departmentEdges,
  reliance,
  departmentDuties,
  departmentDutyGroups,
  departmentNetwork,
  FULL_NETWORK_UNITS,
  type DepartmentEdgeRow,
} from '../../../src/lib/queries/network';
import { laidOut, networkLayout } from '../../../src/lib/charts/network-layout';
import { selectionOf } from '../../../src/lib/state/selection';
import { completeDb, placeIndexOf, realDb, townshipIdsByName } from './real-db';

let db: DbClient;
let complete: DbClient;
let counties: number[];
beforeAll(async () => {
  db = await realDb();
  complete = await completeDb();
  counties = selectionOf(await placeIndexOf(db), NO_FILTERS).counties;
});

/** Tests name townships as their lists do: ids come from the documents. */
let townshipId: (name: string) => string;
beforeAll(async () => {
  townshipId = await townshipIdsByName();
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
    const yilahu = lead.filter((e) => e.unit === townshipId('伊拉湖镇'));
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
    const network = departmentNetwork(edges, { level: 'township', unitOrder: [], unitTownships: new Map() });
    expect(network.perUnit).toBeNull();
    const a = networkLayout(network, { width: 880, height: 460, seed: 42 });
    const b = networkLayout(network, { width: 880, height: 460, seed: 42 });
    expect(a.nodes.map((n) => [n.x, n.y])).toEqual(b.nodes.map((n) => [n.x, n.y]));
    expect(a.nodes.find((n) => n.label === '农业农村局')?.labelBox).not.toBeNull();
    for (const n of a.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(880);
    }
  });
});

describe('departmentNetwork: what the graph draws', () => {
  /** `units` units of `townships(i)` townships each; department D<k> leads (20 - k + unit % 3) × townships duties in every unit. */
  const rowsFor = (units: number, townships: (i: number) => number, departments = 12): DepartmentEdgeRow[] =>
    Array.from({ length: departments }, (_, k) =>
      Array.from({ length: units }, (_, i) => ({
        department: `D${String(k).padStart(2, '0')}`,
        kind: `D${String(k).padStart(2, '0')}`,
        unit: `u${i}`,
        unitName: `单位${i}`,
        role: 'lead' as const,
        duties: (20 - k + (i % 3)) * townships(i),
        townshipSteps: 0,
        departmentSteps: 0,
      })),
    ).flat();
  const optionsFor = (units: number, townships: (i: number) => number) => ({
    level: 'county' as const,
    unitOrder: Array.from({ length: units }, (_, i) => `u${i}`),
    unitTownships: new Map(Array.from({ length: units }, (_, i) => [`u${i}`, townships(i)])),
  });

  it('draws every edge up to FULL_NETWORK_UNITS units, with duties per township of the unit', () => {
    const size = (i: number) => 1 + i;
    const network = departmentNetwork(rowsFor(FULL_NETWORK_UNITS, size), optionsFor(FULL_NETWORK_UNITS, size));
    expect(network.perUnit).toBeNull();
    expect(network.edges).toHaveLength(12 * FULL_NETWORK_UNITS);
    expect(network.edges.every((e) => e.perTownship === e.duties / size(Number(e.unit.slice(1))))).toBe(true);
    expect(network.departments).toHaveLength(12);
  });

  it('past FULL_NETWORK_UNITS, keeps each unit’s strongest links per township, whatever the unit’s size', () => {
    const units = FULL_NETWORK_UNITS + 4;
    // Unit sizes differ tenfold; per township, each unit relies on D00, D01, D02… in that order.
    const size = (i: number) => (i % 2 ? 10 : 1);
    const rows = rowsFor(units, size);
    // One small department that only unit u3 relies on heavily per township.
    rows.push({
      department: 'Z',
      kind: 'Z',
      unit: 'u3',
      unitName: '单位3',
      role: 'lead',
      duties: 30 * size(3),
      townshipSteps: 0,
      departmentSteps: 0,
    });
    const network = departmentNetwork(rows, { ...optionsFor(units, size), perUnit: 3 });
    expect(network.perUnit).toBe(3);
    expect(network.departmentsTotal).toBe(13);
    for (let i = 0; i < units; i++) {
      const kept = network.edges.filter((e) => e.unit === `u${i}`);
      expect(kept).toHaveLength(3);
      const weakestKept = Math.min(...kept.map((e) => e.perTownship));
      const dropped = rows.filter((r) => r.unit === `u${i}` && !kept.some((e) => e.department === r.department));
      for (const r of dropped) expect(r.duties / size(i)).toBeLessThanOrEqual(weakestKept);
    }
    expect(network.edges.filter((e) => e.unit === 'u3').map((e) => e.department)).toEqual(['D00', 'D01', 'Z']);
    expect(network.departments.map((d) => d.name).sort()).toEqual(['D00', 'D01', 'D02', 'Z']);
    // Every figure is over all rows, not only the links drawn.
    const d05 = departmentNetwork(rows, { ...optionsFor(units, size), selected: 'D05' }).departments.find((d) => d.name === 'D05')!;
    const led = rows.filter((r) => r.department === 'D05').reduce((s, r) => s + r.duties, 0);
    expect(d05.led).toBe(led);
    expect(d05.perTownship).toBeCloseTo(led / Array.from({ length: units }, (_, i): number => size(i)).reduce((a, b) => a + b));
    expect(d05.highest?.perTownship).toBe(17);
    expect(d05.lowest?.perTownship).toBe(15);
    const u3 = network.units.find((u) => u.key === 'u3')!;
    expect(u3.led).toBe(rows.filter((r) => r.unit === 'u3').reduce((s, r) => s + r.duties, 0));
    expect(u3.strongest.map((s) => s.department)).toEqual(['Z', 'D00', 'D01']);
  });

  it('draws all the links of a selected department: beyond the strongest, drawn only', () => {
    const units = FULL_NETWORK_UNITS + 2;
    const size = () => 3;
    const rows = rowsFor(units, size);
    const shown = departmentNetwork(rows, { ...optionsFor(units, size), perUnit: 2, selected: 'D01' });
    // D01 is among every unit's strongest two: nothing extra.
    expect(shown.edges.filter((e) => e.department === 'D01').every((e) => !e.extra)).toBe(true);
    const d00 = departmentNetwork(rows, { ...optionsFor(units, size), perUnit: 1, selected: 'D01' });
    // With one link per unit D01 has none of its own: it is laid out with all its links.
    expect(d00.edges.filter((e) => e.department === 'D01')).toHaveLength(units);
    expect(d00.edges.some((e) => e.extra)).toBe(false);
    // A unit where a department is among the strongest and others where it is not: the others are extra.
    rows.push({
      department: 'Y',
      kind: 'Y',
      unit: 'u0',
      unitName: '单位0',
      role: 'lead',
      duties: 99,
      townshipSteps: 0,
      departmentSteps: 0,
    });
    for (let i = 1; i < units; i++)
      rows.push({
        department: 'Y',
        kind: 'Y',
        unit: `u${i}`,
        unitName: `单位${i}`,
        role: 'lead',
        duties: 1,
        townshipSteps: 0,
        departmentSteps: 0,
      });
    const y = departmentNetwork(rows, { ...optionsFor(units, size), perUnit: 1, selected: 'Y' });
    const yEdges = y.edges.filter((e) => e.department === 'Y');
    expect(yEdges).toHaveLength(units);
    expect(yEdges.filter((e) => !e.extra).map((e) => e.unit)).toEqual(['u0']);
    expect(laidOut(y).edges.some((e) => e.extra)).toBe(false);
  });

  it('keeps receiver links apart: the strongest per unit in each role', () => {
    const units = FULL_NETWORK_UNITS + 1;
    const size = () => 1;
    const rows = rowsFor(units, size);
    for (let i = 0; i < units; i++)
      for (const [department, duties] of [
        ['R1', 2],
        ['R2', 1],
      ] as const)
        rows.push({
          department,
          kind: department,
          unit: `u${i}`,
          unitName: `单位${i}`,
          role: 'receiver',
          duties,
          townshipSteps: 0,
          departmentSteps: 0,
        });
    const network = departmentNetwork(rows, { ...optionsFor(units, size), perUnit: 1 });
    expect(network.edges.filter((e) => e.role === 'receiver').map((e) => e.department)).toEqual(Array(units).fill('R1'));
    expect(network.edges.filter((e) => e.role === 'lead').map((e) => e.department)).toEqual(Array(units).fill('D00'));
  });

  it('on the real five townships, draws every edge as the graph always has', async () => {
    const rows = await departmentEdges(db, NO_FILTERS, 'kind', true);
    const index = await placeIndexOf(db);
    const selection = selectionOf(index, NO_FILTERS);
    const network = departmentNetwork(rows, {
      level: selection.level,
      unitOrder: selection.units.map((u) => u.key),
      unitTownships: selection.unitTownships,
    });
    expect(network.perUnit).toBeNull();
    expect(network.edges.map(({ perTownship, extra, ...row }) => [row, perTownship, extra])).toEqual(rows.map((r) => [r, r.duties, false]));
    expect(network.units.map((u) => u.key)).toEqual(selection.units.map((u) => u.key));
  });
});
