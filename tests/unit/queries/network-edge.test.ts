/**
 * An edge of 部门网络 on the real database: the duties it stands for and the steps each side carries
 * in them, checked against plain SQL over the complete database's `steps`, and, for one edge, against
 * the cells of the published list itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { departmentEdges, type DepartmentGrouping } from '../../../src/lib/queries/network';
import { edgeDuties, edgeSteps, edgeTownships } from '../../../src/lib/queries/network-edge';
import { rankEdgeBalance } from '../../../src/lib/queries/edge-balance';
import { completeDb, placeIndexOf, realDb } from './real-db';
import type { PlaceIndex } from '../../../src/lib/state/selection';

let db: DbClient;
let complete: DbClient;
let places: PlaceIndex;
beforeAll(async () => {
  db = await realDb();
  complete = await completeDb();
  places = await placeIndexOf(db);
});

const countyOf = (township: string) => places.ancestorAt(places.byKey.get(township)!, 'county').id;

/** The department column of `grouping` in plain SQL over the complete database. */
const departmentColumn = (grouping: DepartmentGrouping) => (grouping === 'kind' ? sql`d.kind` : sql`d.name`);

interface PlainItem {
  id: number;
  townshipSteps: number;
  departmentSteps: number;
}

/**
 * The items of an edge and their steps by plain SQL: the township's steps, and the department's
 * own — its cell's steps under its name, or naming no department.
 */
async function plainEdgeItems(grouping: DepartmentGrouping, department: string, role: string, township: string): Promise<PlainItem[]> {
  const ownDepartment =
    grouping === 'kind'
      ? sql`s.department_id IN (SELECT id FROM departments WHERE kind = ${department})`
      : sql`s.department_id = (SELECT id FROM departments WHERE name = ${department})`;
  return complete.query<PlainItem>(sql`
    SELECT i.id,
           (SELECT count(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'township') AS townshipSteps,
           (SELECT count(*) FROM steps s WHERE s.item_id = i.id AND s.party = 'department'
              AND (s.department_id IS NULL OR ${ownDepartment})) AS departmentSteps
    FROM items i
    WHERE i.township_id = ${township}
      AND i.id IN (SELECT x.item_id FROM item_departments x JOIN departments d ON d.id = x.department_id
                   WHERE ${departmentColumn(grouping)} = ${department} AND x.role = ${role})
    ORDER BY i.list, i.seq`);
}

const sum = (rows: readonly { townshipSteps: number; departmentSteps: number }[]) => ({
  townshipSteps: rows.reduce((s, r) => s + r.townshipSteps, 0),
  departmentSteps: rows.reduce((s, r) => s + r.departmentSteps, 0),
});

describe('an edge’s duties and steps on the real database', () => {
  for (const grouping of ['kind', 'name'] as const) {
    it(`lists every township edge’s duties with both sides’ step counts as plain SQL over steps counts them (${grouping})`, async () => {
      const edges = await departmentEdges(db, NO_FILTERS, grouping, true);
      expect(edges.length).toBeGreaterThan(100);
      for (const edge of edges) {
        const plain = await plainEdgeItems(grouping, edge.department, edge.role, edge.unit);
        const duties = await edgeDuties(db, NO_FILTERS, grouping, { ...edge, township: edge.unit }, countyOf(edge.unit));
        const where = `${edge.department} ↔ ${edge.unitName} (${edge.role})`;
        expect(
          duties.map((d) => [d.itemId, d.townshipSteps, d.departmentSteps]),
          where,
        ).toEqual(plain.map((p) => [p.id, p.townshipSteps, p.departmentSteps]));
        // The edge the graph and the ranking read from the cubes sums to the same.
        expect([edge.duties, edge.townshipSteps, edge.departmentSteps], where).toEqual([
          plain.length,
          sum(plain).townshipSteps,
          sum(plain).departmentSteps,
        ]);
      }
    });
  }

  it('shows each duty’s steps: the township’s all, the department’s its own', async () => {
    const edges = await departmentEdges(db, NO_FILTERS, 'kind', false);
    // A department kind that shares a duty with another kind, so the department side is cut to its own steps.
    const [shared] = await complete.query<{ kind: string; township: string; item: number }>(sql`
      SELECT d.kind, i.township_id AS township, i.id AS item
      FROM items i JOIN item_departments x ON x.item_id = i.id AND x.role = 'lead' JOIN departments d ON d.id = x.department_id
      WHERE (SELECT count(DISTINCT d2.kind) FROM item_departments x2 JOIN departments d2 ON d2.id = x2.department_id
             WHERE x2.item_id = i.id AND x2.role = 'lead') > 1
        AND EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.department_id = d.id)
      ORDER BY i.id LIMIT 1`);
    const edge = edges.find((e) => e.department === shared.kind && e.unit === shared.township)!;
    const duties = await edgeDuties(db, NO_FILTERS, 'kind', { ...edge, township: edge.unit }, countyOf(edge.unit));
    const steps = await edgeSteps(
      db,
      'kind',
      edge.department,
      duties.map((d) => d.itemId),
      countyOf(edge.unit),
    );
    const expected = await complete.query<{ itemId: number; party: string; text: string }>(sql`
      SELECT s.item_id AS itemId, s.party, s.text FROM steps s
      WHERE s.item_id IN ${duties.map((d) => d.itemId)}
        AND (s.party = 'township' OR s.department_id IS NULL
             OR s.department_id IN (SELECT id FROM departments WHERE kind = ${edge.department}))
      ORDER BY s.item_id, s.party, s.ord`);
    expect(steps.map((s) => [s.itemId, s.party, s.text])).toEqual(expected.map((s) => [s.itemId, s.party, s.text]));
    const [allOfItem] = await complete.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM steps WHERE item_id = ${shared.item} AND party = 'department'`,
    );
    const shown = steps.filter((s) => s.itemId === shared.item && s.party === 'department').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(allOfItem.n);
    for (const d of duties)
      expect([d.townshipSteps, d.departmentSteps]).toEqual([
        steps.filter((s) => s.itemId === d.itemId && s.party === 'township').length,
        steps.filter((s) => s.itemId === d.itemId && s.party === 'department').length,
      ]);
  });

  it('past townships, an edge’s townships add up to the edge, each as its own township edge', async () => {
    for (const level of ['county', 'prefecture'] as const) {
      const edges = await departmentEdges(db, NO_FILTERS, 'kind', true, level);
      const byTownship = await departmentEdges(db, NO_FILTERS, 'kind', true);
      for (const edge of edges) {
        const townships = await edgeTownships(db, NO_FILTERS, 'kind', edge, level);
        expect(townships.length).toBeGreaterThan(0);
        expect([edge.duties, edge.townshipSteps, edge.departmentSteps]).toEqual([
          townships.reduce((s, t) => s + t.duties, 0),
          sum(townships).townshipSteps,
          sum(townships).departmentSteps,
        ]);
        for (const t of townships) {
          const own = byTownship.find((e) => e.unit === t.townshipId && e.department === edge.department && e.role === edge.role)!;
          expect([t.duties, t.townshipSteps, t.departmentSteps]).toEqual([own.duties, own.townshipSteps, own.departmentSteps]);
          expect(places.ancestorAt(places.byKey.get(t.townshipId)!, level).key).toBe(edge.unit);
        }
      }
    }
  });

  it('applies the category filter the graph counts its edges with', async () => {
    const filters: Filters = { ...NO_FILTERS, categories: ['乡村振兴'] };
    const edges = await departmentEdges(db, filters, 'kind', false);
    const edge = edges.reduce((a, b) => (b.duties > a.duties ? b : a));
    const duties = await edgeDuties(db, filters, 'kind', { ...edge, township: edge.unit }, countyOf(edge.unit));
    expect(duties).toHaveLength(edge.duties);
    expect(duties.every((d) => d.category === '乡村振兴')).toBe(true);
  });
});

/**
 * The steps a cell of the published list names, counted from the text alone: the numbers that open
 * its steps ("1." "2、" …) when it is numbered, else one step of prose. Used on cells whose only
 * markup is a list wrapper (<ol>…</ol>), not on cells with a paragraph or list item per step.
 */
function stepsInCell(cell: string): number {
  const text = cell.replace(/<\/?(?:ol|ul)[^>]*>/g, ' ');
  const numbers = [...text.matchAll(/(?:^|[\s；;。，])(\d+)\s*[.．、]/g)].map((m) => Number(m[1]));
  let n = 0;
  for (const k of numbers) if (k === n + 1) n = k;
  return n || (text.trim() ? 1 : 0);
}

describe('one edge against the published list', () => {
  it('counts, for a township’s heaviest supported edge, the steps its list’s cells number', async () => {
    // The edge the ranking puts first among those whose duties are each led by one department and
    // written without markup (a cell with sub-headings splits its steps by department).
    const edges = await departmentEdges(db, NO_FILTERS, 'kind', false);
    const ranked = rankEdgeBalance(edges, new Map()).rows;
    const rows = await complete.query<{
      id: number;
      township: string;
      kind: string;
      sourceFile: string;
      sourceLine: number;
      leads: number;
    }>(sql`
      SELECT i.id, i.township_id AS township, d.kind, t.source_file AS sourceFile, i.source_line AS sourceLine,
             (SELECT count(*) FROM item_departments x2 WHERE x2.item_id = i.id AND x2.role = 'lead') AS leads
      FROM items i JOIN item_departments x ON x.item_id = i.id AND x.role = 'lead'
      JOIN departments d ON d.id = x.department_id JOIN townships t ON t.id = i.township_id`);
    const lines = new Map<string, string[]>();
    const lineOf = (file: string, line: number) => {
      if (!lines.has(file)) lines.set(file, readFileSync(resolve(import.meta.dirname, '../../../data/raw', file), 'utf8').split(/\r?\n/));
      return lines.get(file)![line - 1];
    };
    const plainRow = (r: (typeof rows)[number]) => r.leads === 1 && !/<(?:p|li|br|div)\b/.test(lineOf(r.sourceFile, r.sourceLine));
    const edge = ranked.find((e) => {
      const items = rows.filter((r) => r.township === e.unit && r.kind === e.department);
      return items.length >= 3 && items.every(plainRow);
    });
    expect(edge, 'an edge whose duties are all written without markup').toBeDefined();
    const duties = await edgeDuties(db, NO_FILTERS, 'kind', { ...edge!, township: edge!.unit }, countyOf(edge!.unit));
    let township = 0;
    let department = 0;
    for (const duty of duties) {
      const row = rows.find((r) => r.id === duty.itemId)!;
      // 序号, 事项类别, 事项名称, 上级部门, 上级部门职责, 乡镇配合职责
      const cells = lineOf(row.sourceFile, row.sourceLine).split('\t');
      expect(cells[2].replace(/\s/g, '')).toContain(duty.name.replace(/\s/g, '').slice(0, 6));
      expect([duty.departmentSteps, duty.townshipSteps], duty.name).toEqual([stepsInCell(cells[4]), stepsInCell(cells[5])]);
      township += stepsInCell(cells[5]);
      department += stepsInCell(cells[4]);
    }
    expect([edge!.townshipSteps, edge!.departmentSteps]).toEqual([township, department]);
    expect(township).toBeGreaterThan(department);
  });
});
