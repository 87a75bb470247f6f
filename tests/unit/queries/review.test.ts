import { describe, expect, it } from 'vitest';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import {
  reviewCandidates,
  reviewQueue,
  reviewQueueSize,
  withEvidence,
  type ReviewCandidateSqlRow,
  type ReviewItemRow,
} from '../../../src/lib/queries/review';
import { completeDb, realDb } from './real-db';

/** The queue as the complete database holds it: every queued item with its candidates, by plain SQL. */
async function queueFromContract() {
  const complete = await completeDb();
  return complete.query<{ id: number; name: string; township_id: string; list: string; best: number; candidates: number }>(sql`
    SELECT i.id, i.name, i.township_id, i.list, max(c.score) AS best, count(*) AS candidates
    FROM duty_group_candidates c JOIN items i ON i.id = c.item_id
    GROUP BY i.id ORDER BY best DESC, i.id`);
}

describe('匹配审核 queries', () => {
  it('list every item of the review queue, best candidate first, with its candidates', async () => {
    const db = await realDb();
    const expected = await queueFromContract();
    expect(expected.length).toBeGreaterThan(0);
    const [{ n }] = await db.query<{ n: number }>(reviewQueueSize(NO_FILTERS));
    expect(n).toBe(expected.length);
    const items = await db.query<ReviewItemRow>(reviewQueue(NO_FILTERS, expected.length));
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(expected.map((e) => e.id)));
    for (let k = 1; k < items.length; k++) expect(items[k].best).toBeLessThanOrEqual(items[k - 1].best);
    const byId = new Map(expected.map((e) => [e.id, e]));
    for (const item of items) {
      expect(item.name).toBe(byId.get(item.id)!.name);
      expect(item.township_id).toBe(byId.get(item.id)!.township_id);
      expect(item.list).toBe(byId.get(item.id)!.list);
    }
    const candidates = withEvidence(await db.query<ReviewCandidateSqlRow>(reviewCandidates(items.map((i) => i.id))));
    expect(candidates).toHaveLength(expected.reduce((sum, e) => sum + e.candidates, 0));
    for (const c of candidates) expect(typeof c.evidence.category).toBe('boolean');
  });

  it("a candidate is named by its group's most common wording, which some item of the group has", async () => {
    const db = await realDb();
    const complete = await completeDb();
    const items = await db.query<ReviewItemRow>(reviewQueue(NO_FILTERS, 5));
    const candidates = await db.query<ReviewCandidateSqlRow>(reviewCandidates(items.map((i) => i.id)));
    for (const c of candidates) {
      const names = await complete.query<{ name: string }>(sql`SELECT name FROM items WHERE duty_group = ${c.duty_group}`);
      expect(names.map((r) => r.name)).toContain(c.name);
      // Listed by other townships than the queued item's: else it would not be a candidate for review.
      const item = items.find((i) => i.id === c.item)!;
      const townships = await complete.query<{ township_id: string }>(
        sql`SELECT DISTINCT township_id FROM items WHERE duty_group = ${c.duty_group}`,
      );
      expect(townships.map((t) => t.township_id)).not.toContain(item.township_id);
    }
  });

  it('follow the filters: one township, one list', async () => {
    const db = await realDb();
    const expected = await queueFromContract();
    const township = expected[0].township_id;
    const inTownship = expected.filter((e) => e.township_id === township);
    const [{ n }] = await db.query<{ n: number }>(reviewQueueSize({ ...NO_FILTERS, townships: [township] }));
    expect(n).toBe(inTownship.length);
    const reclaimed = expected.filter((e) => e.list === 'reclaimed');
    const rows = await db.query<ReviewItemRow>(reviewQueue({ ...NO_FILTERS, lists: ['reclaimed'] }, 1000));
    expect(rows.map((r) => r.id).sort()).toEqual(reclaimed.map((e) => e.id).sort());
  });
});
