/**
 * The joins the grouping records (duty_group_links): each group of n items rests on exactly n − 1
 * of them and they connect nothing else — so the audit's "weakest join of a group" is the group's —
 * whether the lists are grouped by the build, merged into a database in the page, or grouped again
 * after a review decision.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { assemble, readSources, DEFAULT_INPUT } from '../../../scripts/build-db';
import { writeDatabase } from '../../../src/lib/db/write-database';
import { readCompleteDatabase } from '../../../src/lib/import/read-database';
import { mergeLists } from '../../../src/lib/import/merge-lists';
import { RegroupSession } from '../../../src/lib/review/regroup-session';
import type { DutyGroupLinkRow, ItemRow } from '../../../src/lib/db/schema';

const OVERRIDES = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/duty-group-overrides.json'), 'utf8'));

/** The groups the joins make (connected items), as sorted lists of item ids. */
function joinedGroups(items: readonly ItemRow[], links: readonly DutyGroupLinkRow[]): string[] {
  const parent = new Map(items.map((i) => [i.id, i.id]));
  const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const l of links) parent.set(find(l.item_id), find(l.partner_item));
  const groups = new Map<number, number[]>();
  for (const i of items) groups.set(find(i.id), [...(groups.get(find(i.id)) ?? []), i.id]);
  return [...groups.values()].map((g) => g.sort((a, b) => a - b).join(',')).sort();
}
const dutyGroups = (items: readonly ItemRow[]) => {
  const groups = new Map<number, number[]>();
  for (const i of items) groups.set(i.duty_group, [...(groups.get(i.duty_group) ?? []), i.id]);
  return [...groups.values()].map((g) => g.sort((a, b) => a - b).join(',')).sort();
};

function expectLinksMakeTheGroups(items: readonly ItemRow[], links: readonly DutyGroupLinkRow[]) {
  expect(links.length).toBe(items.length - new Set(items.map((i) => i.duty_group)).size);
  expect(joinedGroups(items, links)).toEqual(dutyGroups(items));
  for (const l of links) {
    if (l.pass === 'merge' || l.pass === 'exact') expect(l.score).toBe(1);
    else expect(l.score).toBeGreaterThan(0);
  }
}

describe('the joins of duty grouping', () => {
  const data = assemble(readSources(DEFAULT_INPUT));

  it("make exactly the build's groups, each join with its pass and score", () => {
    expectLinksMakeTheGroups(data.items, data.dutyGroupLinks);
    expect(new Set(data.dutyGroupLinks.map((l) => l.pass))).toEqual(new Set(['merge', 'exact', 'fuzzy', 'context']));
  });

  it('are recorded again when a list is merged into a database and when a review decision regroups', async () => {
    const SQL = await initSqlJs();
    const [first, ...others] = readSources(DEFAULT_INPUT);
    const base = readCompleteDatabase(SQL, writeDatabase(SQL, assemble(others)), 'base.sqlite');
    const merged = mergeLists(base, assemble([first]), OVERRIDES);
    expectLinksMakeTheGroups(merged.rows.items, merged.rows.dutyGroupLinks!);
    // The departments the database had keep their record; the list's new ones bring theirs.
    expect(merged.rows.departmentKindSources!.map((k) => k.department_id).sort((a, b) => a - b)).toEqual(
      merged.rows.departments.map((d) => d.id).sort((a, b) => a - b),
    );

    const session = new RegroupSession(readCompleteDatabase(SQL, writeDatabase(SQL, data), 'all.sqlite'));
    const other = data.items.find((i) => i.list === 'basic' && i.township_id !== data.items[0].township_id)!;
    const { links } = session.regroup({
      ...OVERRIDES,
      merge: [...(OVERRIDES.merge ?? []), { names: [data.items[0].name, other.name], reason: 'test' }],
    });
    expectLinksMakeTheGroups(session.tables.items, links);
    expect(links.some((l) => l.pass === 'merge' && [l.item_id, l.partner_item].includes(data.items[0].id))).toBe(true);
  });
});
