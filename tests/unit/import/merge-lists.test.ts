import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, readSources, DEFAULT_INPUT } from '../../../scripts/build-db';
import { writeDatabase } from '../../../src/lib/db/write-database';
import { readCompleteDatabase, type CompleteTables } from '../../../src/lib/import/read-database';
import { mergeLists, type DatabaseRows } from '../../../src/lib/import/merge-lists';
import type { AtlasData, SourceDocument } from '../../../src/lib/model/assemble';

const OVERRIDES = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/duty-group-overrides.json'), 'utf8'));

let SQL: SqlJsStatic;
let sources: SourceDocument[];
let full: AtlasData;
beforeAll(async () => {
  SQL = await initSqlJs();
  sources = readSources(DEFAULT_INPUT);
  full = assemble(sources);
});

/** The complete database of `data`, as the build writes it and the browser reads it. */
const databaseOf = (data: DatabaseRows): CompleteTables => readCompleteDatabase(SQL, writeDatabase(SQL, data), 'test.sqlite');

const itemKey = (rows: DatabaseRows, id: number) => {
  const item = rows.items.find((i) => i.id === id)!;
  return `${item.township_id}/${item.list}/${item.seq}`;
};
/** Each item (by township, list and 序号) with the items it shares its duty group with: the grouping, whatever the ids. */
function partition(rows: DatabaseRows): Map<string, string> {
  const members = new Map<number, string[]>();
  for (const item of rows.items)
    members.set(item.duty_group, [...(members.get(item.duty_group) ?? []), `${item.township_id}/${item.list}/${item.seq}`]);
  return new Map(
    rows.items.map((item) => [`${item.township_id}/${item.list}/${item.seq}`, members.get(item.duty_group)!.sort().join(' ')]),
  );
}
/** What each item names: its lead and receiving departments by name, and its steps with their department. */
function described(rows: DatabaseRows): Map<string, string> {
  const department = new Map(rows.departments.map((d) => [d.id, `${d.name}:${d.kind}:${d.level}`]));
  const out = new Map<string, string[]>();
  for (const d of rows.itemDepartments)
    out.set(itemKey(rows, d.item_id), [...(out.get(itemKey(rows, d.item_id)) ?? []), `${d.role}=${department.get(d.department_id)}`]);
  for (const s of rows.steps)
    out.set(itemKey(rows, s.item_id), [
      ...(out.get(itemKey(rows, s.item_id)) ?? []),
      `${s.party}${s.ord}@${s.department_id === null ? '-' : department.get(s.department_id)}:${s.text}`,
    ]);
  return new Map([...out].map(([k, v]) => [k, v.sort().join('|')]));
}

describe('mergeLists', () => {
  it('adding the last list to a database of the others gives the build of all of them', () => {
    expect(sources.length).toBeGreaterThan(1);
    const base = databaseOf(assemble(sources.slice(0, -1)));
    const added = assemble(sources.slice(-1));
    const merged = mergeLists(base, added, OVERRIDES);
    expect(merged.replaced).toEqual([]);
    expect(merged.rows.townships.map((t) => t.id).sort()).toEqual(full.townships.map((t) => t.id).sort());
    expect(merged.rows.items).toHaveLength(full.items.length);
    expect(partition(merged.rows)).toEqual(partition(full));
    expect(described(merged.rows)).toEqual(described(full));
    expect(merged.rows.statedCounts).toHaveLength(full.statedCounts.length);
    // The review queue comes with the grouping: as many uncertain items as the build finds.
    expect(merged.rows.dutyGroupCandidates).toHaveLength(full.dutyGroupCandidates.length);
    // And the merged rows make a sound database.
    expect(databaseOf(merged.rows).items).toHaveLength(full.items.length);
  });

  it('a list of a township already there replaces it, and the database it started from is untouched', () => {
    const existing = databaseOf(full);
    const before = JSON.stringify(existing);
    const again = assemble(sources.slice(0, 1));
    const merged = mergeLists(existing, again, OVERRIDES);
    expect(merged.replaced).toEqual([again.townships[0].id]);
    expect(merged.rows.townships).toHaveLength(full.townships.length);
    expect(merged.rows.items).toHaveLength(full.items.length);
    expect(new Set(merged.rows.items.map((i) => i.id)).size).toBe(merged.rows.items.length);
    expect(partition(merged.rows)).toEqual(partition(full));
    expect(JSON.stringify(existing)).toBe(before);
  });
});
