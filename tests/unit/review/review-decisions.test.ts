import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, readSources, DEFAULT_INPUT } from '../../../scripts/build-db';
import { writeDatabase } from '../../../src/lib/db/write-database';
import { readCompleteDatabase, type CompleteTables } from '../../../src/lib/import/read-database';
import { mergeLists, type DatabaseRows } from '../../../src/lib/import/merge-lists';
import type { DutyGroupOverrides } from '../../../src/lib/model/duty-groups';
import {
  decisionsOf,
  overridesWithDecisions,
  REVIEW_META,
  reviewExport,
  withDecision,
  withoutDecision,
  type ReviewDecision,
} from '../../../src/lib/review/decisions';
import { carriedMeta } from '../../../src/lib/import/import-protocol';

const OVERRIDES: DutyGroupOverrides = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../data/duty-group-overrides.json'), 'utf8'),
);

let SQL: SqlJsStatic;
let base: CompleteTables;
beforeAll(async () => {
  SQL = await initSqlJs();
  const data = assemble(readSources(DEFAULT_INPUT));
  base = readCompleteDatabase(SQL, writeDatabase(SQL, data), 'bundled.sqlite');
});

const nothing = { townships: [], items: [], departments: [], itemDepartments: [], steps: [], statedCounts: [] };
/** The bundled lists grouped anew with `decisions`, as the page does after a review decision. */
const regrouped = (decisions: ReviewDecision[]): DatabaseRows =>
  mergeLists(base, nothing, overridesWithDecisions(OVERRIDES, decisions)).rows;

/** The queue's first entry, as a reviewer sees it: the item, its best candidate and that group's name. */
function firstQueued(rows: DatabaseRows) {
  const candidate = [...rows.dutyGroupCandidates!].sort((a, b) => b.score - a.score || a.item_id - b.item_id)[0];
  const item = rows.items.find((i) => i.id === candidate.item_id)!;
  const members = rows.items.filter((i) => i.duty_group === candidate.candidate_group);
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const name = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  return { item, candidate, name };
}
const decision = (item: string, candidate: string, same: boolean): ReviewDecision => ({
  item,
  candidate,
  same,
  township: '某县某镇',
  decidedAt: '2026-11-26T00:00:00.000Z',
});

describe('a review decision applied by grouping the duties anew', () => {
  it('"是同一事项" puts the queued item into the candidate group and takes it off the queue', () => {
    const before = regrouped([]);
    const { item, candidate, name } = firstQueued(before);
    const candidateTownships = new Set(before.items.filter((i) => i.duty_group === candidate.candidate_group).map((i) => i.township_id));
    expect(candidateTownships.has(item.township_id)).toBe(false);

    const after = regrouped([decision(item.name, name, true)]);
    const itemAfter = after.items.find((i) => i.id === item.id)!;
    // Ids of items do not change; groups may be renumbered, so compare by members.
    const groupAfter = after.items.filter((i) => i.duty_group === itemAfter.duty_group);
    const candidateMember = before.items.find((i) => i.duty_group === candidate.candidate_group)!;
    expect(groupAfter.map((i) => i.id)).toContain(candidateMember.id);
    expect(after.dutyGroupCandidates!.some((c) => c.item_id === item.id)).toBe(false);
    expect(new Set(after.items.map((i) => i.duty_group)).size).toBeLessThan(new Set(before.items.map((i) => i.duty_group)).size);
  });

  it('"不是" keeps the item apart and stops offering that candidate', () => {
    const before = regrouped([]);
    const { item, candidate, name } = firstQueued(before);
    const after = regrouped([decision(item.name, name, false)]);
    const itemAfter = after.items.find((i) => i.id === item.id)!;
    const candidateMember = before.items.find((i) => i.duty_group === candidate.candidate_group)!;
    expect(after.items.find((i) => i.id === candidateMember.id)!.duty_group).not.toBe(itemAfter.duty_group);
    const offered = after.dutyGroupCandidates!.filter((c) => c.item_id === item.id).map((c) => c.candidate_group);
    expect(offered).not.toContain(after.items.find((i) => i.id === candidateMember.id)!.duty_group);
    expect(new Set(after.items.map((i) => i.duty_group)).size).toBe(new Set(before.items.map((i) => i.duty_group)).size);
  });
});

describe('decisions kept and exported', () => {
  it('are kept in the database meta, carried to the served parts, and read back', () => {
    const decisions = [decision('甲事项', '乙事项', true), decision('丙事项', '丁事项', false)];
    const bytes = writeDatabase(SQL, regrouped([]), { [REVIEW_META]: JSON.stringify(decisions) });
    const meta = readCompleteDatabase(SQL, bytes, 'x.sqlite').meta;
    expect(decisionsOf(meta)).toEqual(decisions);
    expect(decisionsOf(carriedMeta(meta))).toEqual(decisions);
  });

  it('a later decision on the same pair replaces the earlier, in either order; an undo removes it', () => {
    const first = withDecision([], decision('甲', '乙', true));
    const second = withDecision(first, decision('乙', '甲', false));
    expect(second).toHaveLength(1);
    expect(second[0].same).toBe(false);
    expect(withoutDecision(second, { item: '甲', candidate: '乙' })).toEqual([]);
  });

  it('unreadable meta gives no decisions rather than an error', () => {
    expect(decisionsOf({ [REVIEW_META]: '{not json' })).toEqual([]);
    expect(decisionsOf({ [REVIEW_META]: '[{"item":1}]' })).toEqual([]);
  });

  it('export in the override file format: a merge per "same", a split per "different", each with a reason', () => {
    const file = reviewExport([decision('甲', '乙', true), decision('丙', '丁', false)], '2026-11-26T00:00:00.000Z');
    expect(file.merge).toEqual([{ names: ['甲', '乙'], reason: expect.stringContaining('same duty') }]);
    expect(file.split).toEqual([{ names: ['丙', '丁'], reason: expect.stringContaining('different duty') }]);
    // The bundled file's own shape: the same keys, so its entries can be appended as they are.
    for (const key of Object.keys(file)) expect(Object.keys(OVERRIDES)).toContain(key);
    // And the exported merge does what the decision did when the build reads it as an override.
    const before = regrouped([]);
    const { item, name } = firstQueued(before);
    const asFile = reviewExport([decision(item.name, name, true)], '2026-11-26T00:00:00.000Z');
    const viaFile = mergeLists(base, nothing, { ...OVERRIDES, merge: [...OVERRIDES.merge!, ...asFile.merge!] }).rows;
    expect(viaFile.items.map((i) => i.duty_group)).toEqual(regrouped([decision(item.name, name, true)]).items.map((i) => i.duty_group));
  });
});
