/**
 * Patching a complete database where a review decision changed it: the items named get their new
 * groups, the review queue is replaced, meta rows are set or removed, and nothing else changes; a
 * database written before the review queue existed gets one.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, readSources, DEFAULT_INPUT } from '../../../scripts/build-db';
import { tableRows } from '../../../scripts/lib/decision-paths';
import { patchDutyGroups } from '../../../src/lib/db/patch-duty-groups';
import { writeDatabase } from '../../../src/lib/db/write-database';
import { readCompleteDatabase } from '../../../src/lib/import/read-database';

let SQL: SqlJsStatic;
let base: Uint8Array;
beforeAll(async () => {
  SQL = await initSqlJs();
  base = writeDatabase(SQL, assemble(readSources(DEFAULT_INPUT)), { note: 'kept' });
});

const read = (bytes: Uint8Array) => readCompleteDatabase(SQL, bytes.slice(), 'x');

describe('patchDutyGroups', () => {
  it('changes the groups of the items named, the queue and the meta rows, and nothing else', () => {
    const before = read(base);
    const [first, second] = before.items;
    const changed = new Map([
      [first.id, second.duty_group],
      [second.id, first.duty_group],
    ]);
    const candidates = [{ item_id: first.id, rank: 1, candidate_group: 7, score: 0.6, wording: 0.5, evidence: '{}' }];
    const links = [{ item_id: first.id, partner_item: second.id, pass: 'context' as const, score: 0.72 }];
    const patched = patchDutyGroups(SQL, base.slice(), { changed, candidates, links, meta: { review_decisions: '[1]', note: null } });
    const after = read(patched);
    expect(after.items.map((i) => i.duty_group)).toEqual(before.items.map((i) => changed.get(i.id) ?? i.duty_group));
    expect(after.dutyGroupCandidates).toEqual(candidates);
    expect(after.dutyGroupLinks).toEqual(links);
    expect(after.departmentKindSources).toEqual(before.departmentKindSources);
    expect(after.meta.review_decisions).toBe('[1]');
    expect(after.meta.note).toBeUndefined();
    const untouched = (bytes: Uint8Array) => {
      const rows = tableRows(SQL, bytes);
      return [rows.townships, rows.departments, rows.item_departments, rows.steps, rows.stated_counts];
    };
    expect(untouched(patched)).toEqual(untouched(base));
  });

  it('gives a database written before the review queue existed one', () => {
    const db = new SQL.Database(base.slice());
    db.run('DROP TABLE duty_group_candidates');
    const old = db.export();
    db.close();
    const candidates = [{ item_id: read(base).items[0].id, rank: 1, candidate_group: 2, score: 0.55, wording: 0.4, evidence: '{}' }];
    expect(read(patchDutyGroups(SQL, old, { changed: new Map(), candidates, links: [], meta: {} })).dutyGroupCandidates).toEqual(
      candidates,
    );
  });

  it('gives a database written before the grouping recorded its joins the joins, and leaves its kinds unrecorded', () => {
    const db = new SQL.Database(base.slice());
    db.run('DROP TABLE duty_group_links; DROP TABLE department_kind_sources');
    const old = db.export();
    db.close();
    const [first, second] = read(base).items;
    const links = [{ item_id: first.id, partner_item: second.id, pass: 'fuzzy' as const, score: 0.6 }];
    const after = read(patchDutyGroups(SQL, old, { changed: new Map(), candidates: [], links, meta: {} }));
    expect(after.dutyGroupLinks).toEqual(links);
    expect(after.departmentKindSources).toBeUndefined();
  });
});
