/**
 * What each slide of the deck must say, computed from the complete database with plain SQL over the
 * contract's tables (items, item_departments, departments, townships) — not from the served parts the
 * page reads — and written with the deck's own templates, so a wrong figure or name fails the test.
 */
import type { RealDatabase } from './db';
import { HEADLINES } from '../../src/lib/present/strings';
import { formatMedian } from '../../src/lib/present/findings';
import { quantileSorted } from '../../src/lib/queries/overview-stats';
import type { FindingId } from '../../src/lib/present/types';

const leaders = <T>(rows: T[], value: (r: T) => number) => rows.filter((r) => value(r) === Math.max(...rows.map(value)));

export function expectedHeadlines(db: RealDatabase, focusTownshipId: string): Record<FindingId, string> {
  const lists = db.one<{ townships: number; total: number; basic: number; coop: number; reclaimed: number }>(
    `SELECT (SELECT count(*) FROM townships) AS townships, count(*) AS total,
            sum(list = 'basic') AS basic, sum(list = 'coop') AS coop, sum(list = 'reclaimed') AS reclaimed FROM items`,
  );
  const byRole = (role: string) =>
    db.all<{ kind: string; duties: number; townships: number }>(
      `SELECT d.kind, count(DISTINCT i.id) AS duties, count(DISTINCT i.township_id) AS townships
       FROM items i JOIN item_departments x ON x.item_id = i.id AND x.role = ? JOIN departments d ON d.id = x.department_id
       GROUP BY d.kind ORDER BY duties DESC, townships DESC, d.kind`,
      [role],
    );
  // The deck lists tied receivers by name, tied leads by townships reached and then by name.
  const receivers = leaders(byRole('receiver'), (r) => r.duties).sort((a, b) => (a.kind < b.kind ? -1 : 1));
  const leads = leaders(byRole('lead'), (r) => r.duties);
  const divergent = db.one<{ n: number }>(
    `WITH held AS (SELECT duty_group, township_id, max(list = 'reclaimed') AS reclaimed FROM items GROUP BY duty_group, township_id)
     SELECT count(*) AS n FROM (SELECT duty_group FROM held GROUP BY duty_group HAVING sum(reclaimed) > 0 AND sum(1 - reclaimed) > 0)`,
  ).n;
  const totals = db.all<{ id: string; name: string; n: number }>(
    `SELECT t.id, t.name, count(i.id) AS n FROM townships t LEFT JOIN items i ON i.township_id = t.id GROUP BY t.id`,
  );
  const focus = totals.find((t) => t.id === focusTownshipId)!;
  const median = quantileSorted(
    totals.map((t) => t.n).sort((a, b) => a - b),
    0.5,
  );
  const rank = 1 + totals.filter((t) => t.n > focus.n).length;
  return {
    lists: HEADLINES.lists(lists.townships, lists.total, lists.basic, lists.coop, lists.reclaimed),
    reclaimed: HEADLINES.reclaimed(
      lists.reclaimed,
      lists.reclaimed / lists.total,
      receivers.map((r) => r.kind),
      receivers[0].duties,
    ),
    divergent: divergent ? HEADLINES.divergent(divergent) : HEADLINES.divergentNone,
    reliance: HEADLINES.reliance(
      leads.map((r) => r.kind),
      leads[0].duties,
      Math.max(...leads.map((r) => r.townships)),
    ),
    township: HEADLINES.township(focus.name, focus.n, totals.length, rank, formatMedian(median)),
  };
}
