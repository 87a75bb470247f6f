import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { assembleBundled } from '../../../scripts/lib/matching-eval';
import { writeDatabase } from '../../../src/lib/db/write-database';
import { readCompleteDatabase } from '../../../src/lib/import/read-database';

/** The review queue as the build writes it for the bundled lists: duty_group_candidates. */
describe('duty_group_candidates', async () => {
  const SQL = await initSqlJs();
  const db = new SQL.Database(writeDatabase(SQL, assembleBundled()));
  const rows = <T>(sql: string) => {
    const result = db.exec(sql)[0];
    return (result?.values ?? []).map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])) as T);
  };

  it('holds candidates for some items, ranked 1, 2, 3 from the best score down', () => {
    const queue = rows<{ item_id: number; rank: number; score: number }>(
      'SELECT item_id, rank, score FROM duty_group_candidates ORDER BY item_id, rank',
    );
    expect(queue.length).toBeGreaterThan(0);
    const byItem = new Map<number, typeof queue>();
    for (const r of queue) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
    for (const ranked of byItem.values()) {
      expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
      expect(ranked.length).toBeLessThanOrEqual(3);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i].score).toBeLessThanOrEqual(ranked[i - 1].score);
    }
  });

  it('lists only items no other township shares a group with, and other groups as candidates', () => {
    const linked = rows<{ n: number }>(`
      SELECT count(*) AS n FROM duty_group_candidates c JOIN items i ON i.id = c.item_id
      WHERE EXISTS (SELECT 1 FROM items o WHERE o.duty_group = i.duty_group AND o.township_id <> i.township_id)`);
    expect(linked[0].n).toBe(0);
    const own = rows<{ n: number }>(
      'SELECT count(*) AS n FROM duty_group_candidates c JOIN items i ON i.id = c.item_id WHERE c.candidate_group = i.duty_group',
    );
    expect(own[0].n).toBe(0);
  });

  it('says which signals agreed, as JSON a review screen can read', () => {
    for (const { evidence, score, wording } of rows<{ evidence: string; score: number; wording: number }>(
      'SELECT evidence, score, wording FROM duty_group_candidates',
    )) {
      const e = JSON.parse(evidence);
      expect(Object.keys(e).sort()).toEqual(['category', 'departments', 'list', 'neighbours', 'penalties', 'sameTownship']);
      expect(['agree', 'disagree', 'unknown']).toContain(e.departments);
      expect(wording).toBeGreaterThan(0);
      expect(score).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('is no part of the contract a reader checks: a database written before it still opens', () => {
    db.run('DROP TABLE duty_group_candidates');
    expect(readCompleteDatabase(SQL, db.export(), 'older.sqlite').items.length).toBe(1237);
  });
});
