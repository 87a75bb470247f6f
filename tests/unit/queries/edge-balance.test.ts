import { beforeAll, describe, expect, it } from 'vitest';
import { randomLcg } from 'd3';
import type { DbClient } from '../../../src/lib/db/client';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { departmentEdges, type DepartmentEdgeRow } from '../../../src/lib/queries/network';
import { rankEdgeBalance, type EdgeBalanceRow } from '../../../src/lib/queries/edge-balance';
import { selectionOf } from '../../../src/lib/state/selection';
import { placeIndexOf, realDb } from './real-db';

const ratioOf = (r: EdgeBalanceRow) => r.ratio ?? Infinity;

/** Sorted by surplus per township, then ratio (∞ first); rows equal in both keep their input order (`position`). */
function expectRanked(ranked: EdgeBalanceRow[], position: (r: EdgeBalanceRow) => number) {
  for (let i = 1; i < ranked.length; i++) {
    const [a, b] = [ranked[i - 1], ranked[i]];
    expect(a.surplusPerTownship, `row ${i}`).toBeGreaterThanOrEqual(b.surplusPerTownship);
    if (a.surplusPerTownship === b.surplusPerTownship) {
      expect(ratioOf(a), `row ${i}`).toBeGreaterThanOrEqual(ratioOf(b));
      if (ratioOf(a) === ratioOf(b)) expect(position(a), `row ${i}`).toBeLessThan(position(b));
    }
  }
}

describe('乡镇支持重于部门牵头: edges ranked by what the township carries beyond the department', () => {
  it('keeps the 配合 edges whose township steps exceed the department’s, ranked, ties in input order', () => {
    const random = randomLcg(7);
    // Small integers: many ties, and edges whose department names no step of its own.
    const rows: DepartmentEdgeRow[] = Array.from({ length: 400 }, (_, i) => ({
      department: `D${i % 13}`,
      kind: `D${i % 13}`,
      unit: `u${i % 9}`,
      unitName: String(i), // the row's input position, to check ties
      role: i % 5 === 0 ? 'receiver' : 'lead',
      duties: 1 + Math.floor(random() * 4),
      townshipSteps: Math.floor(random() * 8),
      departmentSteps: Math.floor(random() * 6),
    }));
    const townships = new Map(Array.from({ length: 9 }, (_, i) => [`u${i}`, 1 + (i % 3)]));
    const { rows: ranked, leadEdges } = rankEdgeBalance(rows, townships);
    expect(leadEdges).toBe(rows.filter((r) => r.role === 'lead').length);
    const heavier = rows.filter((r) => r.role === 'lead' && r.townshipSteps > r.departmentSteps);
    expect(ranked.map((r) => r.unitName).sort()).toEqual(heavier.map((r) => r.unitName).sort());
    expectRanked(ranked, (r) => Number(r.unitName));
    // Some ties on both keys, so the stability check above is exercised.
    expect(
      ranked.some((r, i) => i > 0 && r.surplusPerTownship === ranked[i - 1].surplusPerTownship && r.ratio === ranked[i - 1].ratio),
    ).toBe(true);
    for (const r of ranked) {
      expect(r.difference).toBe(r.townshipSteps - r.departmentSteps);
      expect(r.surplusPerTownship).toBeCloseTo(r.difference / townships.get(r.unit)!);
      expect(r.ratio).toBe(r.departmentSteps ? r.townshipSteps / r.departmentSteps : null);
    }
  });

  describe('on the real database', () => {
    let db: DbClient;
    beforeAll(async () => {
      db = await realDb();
    });

    for (const level of ['township', 'county'] as const) {
      it(`ranks the ${level} edges of the bundled lists the same way`, async () => {
        const places = await placeIndexOf(db);
        const edges = await departmentEdges(db, NO_FILTERS, 'kind', true, level);
        const unitTownships = selectionOf(places, NO_FILTERS).unitTownships;
        // At county level the units are counties: each holds one bundled township, but count them from the places.
        const townships =
          level === 'township'
            ? unitTownships
            : new Map(places.places.filter((p) => p.level === 'county').map((p) => [p.key, places.townshipsUnder(p).length]));
        const { rows } = rankEdgeBalance(edges, townships);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.role === 'lead' && r.townshipSteps > r.departmentSteps)).toBe(true);
        const order = new Map(edges.map((e, i) => [`${e.department}|${e.unit}|${e.role}`, i]));
        expectRanked(rows, (r) => order.get(`${r.department}|${r.unit}|${r.role}`)!);
      });
    }
  });
});
