/**
 * A review decision applied the fast way (the tables kept in memory, the items grouped anew, only
 * the parts naming duty groups derived again, the database patched where groups changed) gives what
 * the page showed before — the database read, grouped, written and derived in full, which is what a
 * build with the decisions as overrides writes — table for table, part for part. On the bundled
 * lists and on a synthetic set, for a merge, a split on top of it, and the merge undone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble, readSources, DEFAULT_INPUT } from '../../../scripts/build-db';
import { synthesize, writeLists } from '../../../scripts/synth';
import {
  DecisionSession,
  groupsOf,
  openInPage,
  regroupInFull,
  sampleDecisions,
  tableRows,
  type Shown,
} from '../../../scripts/lib/decision-paths';
import { writeDatabase } from '../../../src/lib/db/write-database';
import type { ItemRow } from '../../../src/lib/db/schema';
import { readCompleteDatabase } from '../../../src/lib/import/read-database';
import type { ReviewDecision } from '../../../src/lib/review/decisions';

let SQL: SqlJsStatic;
const scratch = mkdtempSync(join(tmpdir(), 'regroup-session-'));
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const decision = (item: string, candidate: string, same: boolean): ReviewDecision => ({
  item,
  candidate,
  same,
  township: '某县某镇',
  decidedAt: '2026-11-26T00:00:00.000Z',
});

const itemsOf = (bytes: Uint8Array): ItemRow[] => readCompleteDatabase(SQL, bytes.slice(), 'x').items;

const groupOfName = (items: ItemRow[], name: string) => new Set(items.filter((i) => i.name === name).map((i) => i.duty_group));

function expectSame(fast: Shown, full: Shown) {
  expect(tableRows(SQL, fast.bytes)).toEqual(tableRows(SQL, full.bytes));
  expect([...fast.files.keys()].sort()).toEqual([...full.files.keys()].sort());
  // A part's size differs with its layout: the summary's list of files is compared without it.
  const sizes = (table: string, column: string) => table === 'files' && column === 'bytes';
  for (const [path, bytes] of full.files) {
    const mine = fast.files.get(path)!;
    if (path.endsWith('.sqlite.gz')) expect(tableRows(SQL, mine, sizes), path).toEqual(tableRows(SQL, bytes, sizes));
    else expect(Buffer.compare(mine, bytes), path).toBe(0);
  }
}

function checkDecisions(name: string, base: () => Uint8Array) {
  it(`${name}: a merge, a split and an undo give what grouping, writing and deriving in full gives`, () => {
    const bytes = base();
    const items = itemsOf(bytes);
    const { merge, split } = sampleDecisions(items);
    const session = new DecisionSession(SQL, openInPage(SQL, bytes, name), name);

    for (const decisions of [[merge], [merge, split], [split]]) {
      const { shown } = session.decide(decisions);
      const full = regroupInFull(SQL, bytes, decisions, name);
      expectSame(shown, full);
      // And the decisions did what a reviewer asked.
      const now = itemsOf(shown.bytes);
      const merged = new Set([...groupOfName(now, merge.item), ...groupOfName(now, merge.candidate)]);
      expect(merged.size === 1).toBe(decisions.includes(merge));
      if (decisions.includes(split)) {
        const left = groupOfName(now, split.item);
        expect([...groupOfName(now, split.candidate)].some((g) => left.has(g))).toBe(false);
      }
    }
    // Three decisions, each grouped, written and derived both ways: a minute on a busy 2-core machine.
  }, 240_000);
}

describe('a review decision applied to what it changes', () => {
  checkDecisions('bundled', () => writeDatabase(SQL, assemble(readSources(DEFAULT_INPUT))));
  checkDecisions('synthetic', () => {
    const lists = join(scratch, 'lists');
    writeLists(synthesize({ townships: 8, seed: 7 }), lists);
    return writeDatabase(SQL, assemble(readSources(lists)));
  });

  it('the bundled queue: "是同一事项" on its first entry, as the reviewer makes it, gives what a full regroup gives', () => {
    const bytes = writeDatabase(SQL, assemble(readSources(DEFAULT_INPUT)));
    const tables = readCompleteDatabase(SQL, bytes.slice(), 'bundled');
    const queued = [...tables.dutyGroupCandidates!].sort((a, b) => b.score - a.score || a.item_id - b.item_id)[0];
    const item = tables.items.find((i) => i.id === queued.item_id)!;
    const candidate = groupsOf(tables.items).find((g) => g.id === queued.candidate_group)!.name;
    const decisions = [decision(item.name, candidate, true)];
    const session = new DecisionSession(SQL, openInPage(SQL, bytes, 'bundled'), 'bundled');
    const { shown } = session.decide(decisions);
    expectSame(shown, regroupInFull(SQL, bytes, decisions, 'bundled'));
    const after = readCompleteDatabase(SQL, shown.bytes.slice(), 'bundled');
    expect(after.dutyGroupCandidates!.some((c) => c.item_id === item.id)).toBe(false);
  }, 120_000);
});
