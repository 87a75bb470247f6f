/**
 * 部门网络 past five townships: a synthetic set of 40 (more than a chart shows one by one, so the
 * views sum them into counties), built like any lists. Every figure the graph, its tooltips, the
 * table and the panel show is checked against plain SQL over that set's complete database.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../scripts/build-db';
import { synthesize, writeLists } from '../../../scripts/synth';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { sqlJsClient } from '../../../src/lib/db/sqljs-client';
import {
  departmentDutyGroups,
  departmentEdges,
  departmentNetwork,
  reliance,
  FULL_NETWORK_UNITS,
  type DepartmentGrouping,
} from '../../../src/lib/queries/network';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { selectionOf, type PlaceIndex, type Selection } from '../../../src/lib/state/selection';
import { atlasAt, placeIndexOf } from './real-db';

let atlas: DbClient;
let complete: DbClient;
let places: PlaceIndex;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-network-'));
  writeLists(synthesize({ townships: 40, seed: 3 }), join(dir, 'lists'));
  await buildDatabase(join(dir, 'lists'), join(dir, 'data/duties.sqlite'));
  atlas = await atlasAt(join(dir, 'data'));
  complete = sqlJsClient(new (await initSqlJs()).Database(readFileSync(join(dir, 'data/duties.sqlite'))));
  places = await placeIndexOf(atlas);
}, 240_000);

/** The townships (complete database ids) of each unit shown. */
const townshipsOfUnits = (selection: Selection) =>
  new Map(
    selection.units.map((u) => [
      u.key,
      places
        .townshipsUnder(u)
        .filter((t) => selection.townships.includes(t))
        .map((t) => t.key),
    ]),
  );

/** Duties each department (kind or name) leads per unit, by plain SQL over the complete database. */
async function ledPerUnit(selection: Selection, grouping: DepartmentGrouping, category?: string) {
  const out = new Map<string, number>();
  for (const [unit, townships] of townshipsOfUnits(selection)) {
    const rows = await complete.query<{ department: string; duties: number }>(sql`
      SELECT ${grouping === 'kind' ? sql`d.kind` : sql`d.name`} AS department, count(DISTINCT i.id) AS duties
      FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
      WHERE x.role = 'lead' AND i.list = 'coop' AND i.township_id IN ${townships}
        ${category ? sql`AND i.category = ${category}` : sql``}
      GROUP BY 1`);
    for (const r of rows) out.set(`${r.department}\u0000${unit}`, r.duties);
  }
  return out;
}

describe('部门网络 at 40 townships', () => {
  it('sums townships into counties, and each edge is the duties a department leads there, as plain SQL counts them', async () => {
    const selection = selectionOf(places, NO_FILTERS);
    expect(selection.level).toBe('county');
    expect(selection.units.length).toBeGreaterThan(1);
    for (const grouping of ['kind', 'name'] as const) {
      const rows = await departmentEdges(atlas, NO_FILTERS, grouping, false, selection.level);
      const expected = await ledPerUnit(selection, grouping);
      expect(new Map(rows.map((r) => [`${r.department}\u0000${r.unit}`, r.duties])), grouping).toEqual(expected);
    }
    // With a category filter the edges come from the per-category cube: the same figures.
    const rows = await departmentEdges(atlas, { ...NO_FILTERS, categories: ['社会管理'] }, 'name', false, selection.level);
    expect(new Map(rows.map((r) => [`${r.department}\u0000${r.unit}`, r.duties]))).toEqual(await ledPerUnit(selection, 'name', '社会管理'));
  });

  it('past FULL_NETWORK_UNITS units, draws each unit’s strongest links per township and states its figures', async () => {
    // Townships one by one (as in a large county): 40 units.
    const selection = selectionOf(places, NO_FILTERS, 100);
    expect(selection.units.length).toBeGreaterThan(FULL_NETWORK_UNITS);
    const rows = await departmentEdges(atlas, NO_FILTERS, 'kind', false, selection.level);
    const network = departmentNetwork(rows, {
      level: selection.level,
      unitOrder: selection.units.map((u) => u.key),
      unitTownships: selection.unitTownships,
      perUnit: 4,
    });
    expect(network.perUnit).toBe(4);
    const expected = await ledPerUnit(selection, 'kind');
    for (const [unit, townships] of townshipsOfUnits(selection)) {
      const rates = [...expected]
        .filter(([key]) => key.endsWith(`\u0000${unit}`))
        .map(([key, duties]) => ({ kind: key.split('\u0000')[0], rate: duties / townships.length }))
        .sort((a, b) => b.rate - a.rate || (a.kind < b.kind ? -1 : 1));
      const drawn = network.edges.filter((e) => e.unit === unit);
      expect(drawn.map((e) => e.department).sort(), unit).toEqual(
        rates
          .slice(0, 4)
          .map((r) => r.kind)
          .sort(),
      );
      for (const e of drawn) expect(e.perTownship).toBeCloseTo(expected.get(`${e.department}\u0000${unit}`)! / townships.length, 10);
      const figures = network.units.find((u) => u.key === unit)!;
      expect(figures.townships).toBe(townships.length);
      expect(figures.strongest.map((s) => s.department)).toEqual(rates.slice(0, 3).map((r) => r.kind));
    }
  });

  it('ranks 最依赖的部门 as plain SQL does: over all townships, in a prefecture, and within a category', async () => {
    const prefecture = places.places.find((p) => p.level === 'prefecture' && p.townships > 1)!;
    for (const filters of [
      NO_FILTERS,
      { ...NO_FILTERS, scope: prefecture.key },
      { ...NO_FILTERS, categories: ['平安法治'] },
    ] as Filters[]) {
      const townships = selectionOf(places, filters).townships.map((t) => t.key);
      const expected = await complete.query<{ kind: string; townships: number; dutiesLed: number; townshipSteps: number }>(sql`
        SELECT d.kind AS kind, count(DISTINCT i.township_id) AS townships, count(DISTINCT i.id) AS dutiesLed,
               (SELECT count(*) FROM steps s WHERE s.party = 'township' AND s.item_id IN (
                  SELECT i2.id FROM items i2 JOIN item_departments x2 ON x2.item_id = i2.id JOIN departments d2 ON d2.id = x2.department_id
                  WHERE d2.kind = d.kind AND x2.role = 'lead' AND i2.list = 'coop' AND i2.township_id IN ${townships}
                    ${filters.categories.length ? sql`AND i2.category IN ${filters.categories}` : sql``})) AS townshipSteps
        FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
        WHERE x.role = 'lead' AND i.list = 'coop' AND i.township_id IN ${townships}
          ${filters.categories.length ? sql`AND i.category IN ${filters.categories}` : sql``}
        GROUP BY d.kind
        ORDER BY townships DESC, dutiesLed DESC, townshipSteps DESC, d.kind`);
      const table = await reliance(atlas, filters);
      expect(table, JSON.stringify(filters)).toEqual(expected);
    }
  });

  it('merges a department kind’s duties into duty groups with the townships that have them', async () => {
    const groups = await departmentDutyGroups(atlas, NO_FILTERS, 'kind', '农业农村局');
    const expected = await complete.query<{ dutyGroup: number; townships: number }>(sql`
      SELECT i.duty_group AS dutyGroup, count(DISTINCT i.township_id) AS townships
      FROM items i JOIN item_departments x ON x.item_id = i.id JOIN departments d ON d.id = x.department_id
      WHERE d.kind = '农业农村局' AND x.role = 'lead' AND i.list = 'coop'
      GROUP BY i.duty_group`);
    const lead = groups.filter((g) => g.role === 'lead');
    expect(new Map(lead.map((g) => [g.dutyGroup, g.townships]))).toEqual(new Map(expected.map((g) => [g.dutyGroup, g.townships])));
    expect(lead.map((g) => g.townships)).toEqual([...lead.map((g) => g.townships)].sort((a, b) => b - a));
  });
});
