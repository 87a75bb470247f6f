import { describe, expect, it } from 'vitest';
import { sql } from '../../../src/lib/db/sql';
import { compareItems } from '../../../src/lib/queries/compare';
import { compareTownships, fullMask, type CompareItem } from '../../../src/lib/compare/township-sets';
import { completeDb, realDb } from './real-db';

describe('对比 queries', () => {
  it('find the duties all compared townships list, as the complete database groups them', async () => {
    const complete = await completeDb();
    const ids = (await complete.query<{ id: string }>(sql`SELECT id FROM townships ORDER BY id`)).map((t) => t.id).slice(0, 3);
    expect(ids.length).toBe(3);
    const items = await (await realDb()).query<CompareItem>(compareItems(ids));
    const [{ n }] = await complete.query<{ n: number }>(sql`SELECT count(*) AS n FROM items WHERE township_id IN ${ids}`);
    expect(items).toHaveLength(n);

    const comparison = compareTownships(ids, items);
    const shared = await complete.query<{ duty_group: number }>(sql`
      SELECT duty_group FROM items WHERE township_id IN ${ids} GROUP BY duty_group HAVING count(DISTINCT township_id) = ${ids.length}`);
    const all = comparison.intersections.find((s) => s.mask === fullMask(ids.length));
    expect(new Set(all?.duties.map((d) => d.dutyGroup))).toEqual(new Set(shared.map((s) => s.duty_group)));
    // Every duty is in exactly one intersection.
    const [{ groups }] = await complete.query<{ groups: number }>(
      sql`SELECT count(DISTINCT duty_group) AS groups FROM items WHERE township_id IN ${ids}`,
    );
    expect(comparison.intersections.reduce((sum, s) => sum + s.duties.length, 0)).toBe(groups);
  });
});
