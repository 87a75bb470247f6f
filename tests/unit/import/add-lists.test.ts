import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble, readSources, DEFAULT_INPUT } from '../../../scripts/build-db';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';
import { writeDatabase } from '../../../src/lib/db/write-database';
import { withPlaceTable } from '../../../src/lib/model/department-places';
import type { PlaceTable } from '../../../src/lib/model/place-table';
import { readCompleteDatabase, type CompleteTables } from '../../../src/lib/import/read-database';
import { previewImport } from '../../../src/lib/import/add-lists';
import type { AtlasData } from '../../../src/lib/model/assemble';

const DATA = resolve(import.meta.dirname, '../../../data');
const OVERRIDES = JSON.parse(readFileSync(join(DATA, 'duty-group-overrides.json'), 'utf8'));

let SQL: SqlJsStatic;
let places: PlaceTable;
let context: Parameters<typeof previewImport>[2];
let full: AtlasData;
/** The bundled list files, by name, in the build's order. */
let files: { name: string; bytes: Uint8Array }[];
const databaseOf = (data: AtlasData): CompleteTables => readCompleteDatabase(SQL, writeDatabase(SQL, data), 'base.sqlite');

beforeAll(async () => {
  SQL = await initSqlJs();
  places = loadPlaceTable();
  context = {
    places,
    aliases: withPlaceTable(JSON.parse(readFileSync(join(DATA, 'department-aliases.json'), 'utf8')), places),
    overrides: OVERRIDES,
  };
  full = assemble(readSources(DEFAULT_INPUT));
  files = readdirSync(DEFAULT_INPUT)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DEFAULT_INPUT, name))) }));
});

describe('previewImport', () => {
  it('reports a list added to a database of the others as the build reads it, linked to their duties', () => {
    const last = files.at(-1)!;
    const lastSource = readSources(DEFAULT_INPUT).find((s) => s.document.source === last.name)!;
    const base = databaseOf(assemble(readSources(DEFAULT_INPUT).filter((s) => s !== lastSource && s.document.source !== last.name)));
    const renamed = { name: `${lastSource.place!.county}${lastSource.place!.township}履职事项清单.txt`, bytes: last.bytes };
    const { reports, merged } = previewImport([renamed], base, context);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report.problems).toEqual([]);
    expect(report.townshipId).toBe(lastSource.townshipId);
    expect([report.township, report.county, report.prefecture]).toEqual([
      lastSource.place!.township,
      lastSource.place!.county,
      lastSource.place!.prefecture,
    ]);
    expect(report.replaces).toBe(false);
    for (const list of ['basic', 'coop', 'reclaimed'] as const)
      expect(report.lists![list].parsed).toBe(lastSource.document.items.filter((i) => i.list === list).length);
    // Its duties that share a group with another township's in the build of all the lists are linked;
    // of the rest, those the build puts in the review queue are uncertain, and the others new.
    const township = lastSource.townshipId;
    const groupsElsewhere = new Set(full.items.filter((i) => i.township_id !== township).map((i) => i.duty_group));
    const own = full.items.filter((i) => i.township_id === township);
    const linked = own.filter((i) => groupsElsewhere.has(i.duty_group)).length;
    const queued = new Set(full.dutyGroupCandidates.map((c) => c.item_id));
    const uncertain = own.filter((i) => !groupsElsewhere.has(i.duty_group) && queued.has(i.id)).length;
    // The bundled lists leave some of its duties for review; were none left, this count would go untested.
    expect(uncertain).toBeGreaterThan(0);
    expect(report.duties).toEqual({ linked, uncertain, new: lastSource.document.items.length - linked - uncertain });
    expect(report.departments!.known + report.departments!.new).toBeGreaterThan(0);
    expect(merged!.rows.items).toHaveLength(full.items.length);
    // What the database written holds in its review queue for the township, item by item.
    const addedIds = new Set(merged!.rows.items.filter((i) => i.township_id === township).map((i) => i.id));
    expect(new Set(merged!.rows.dutyGroupCandidates!.map((c) => c.item_id).filter((id) => addedIds.has(id))).size).toBe(uncertain);
  });

  it('marks a township already shown as replaced, and refuses a second file of one township, naming the first', () => {
    const base = databaseOf(full);
    const [first] = files;
    const { reports } = previewImport([first, { name: '副本.txt', bytes: first.bytes }], base, context);
    expect(reports[0].problems).toEqual([]);
    expect(reports[0].replaces).toBe(true);
    expect(reports[1].problems).toHaveLength(1);
    expect(reports[1].problems[0].refusal).toEqual({ kind: 'same-township', first: first.name, township: expect.any(String) });
  });

  it('keeps the list of a township already shown when the reader says so: reported, never merged', () => {
    const base = databaseOf(full);
    const [first, second] = files;
    const replacing = previewImport([first, second], base, context);
    const id = replacing.reports[0].townshipId!;
    expect(replacing.reports.every((r) => r.replaces && !r.kept)).toBe(true);
    const keeping = previewImport([first, second], base, context, () => {}, new Set([id]));
    expect(keeping.reports[0]).toMatchObject({ townshipId: id, replaces: true, kept: true, problems: [] });
    expect(keeping.reports[0].duties).toBeUndefined();
    expect(keeping.reports[1].kept).toBeUndefined();
    // The kept township's items are the database's own, untouched; the other file replaced its township's.
    const itemsOf = (rows: { township_id: string; name: string; seq: number; list: string }[]) =>
      rows
        .filter((i) => i.township_id === id)
        .map((i) => `${i.list}${i.seq}${i.name}`)
        .sort();
    expect(itemsOf(keeping.merged!.rows.items)).toEqual(itemsOf(base.items));
    expect(keeping.merged!.rows.items).toHaveLength(base.items.length);
  });

  it('counts the departments whose kind the reviewed alias file does not know', () => {
    const last = files.at(-1)!;
    const lastSource = readSources(DEFAULT_INPUT).find((s) => s.document.source === last.name)!;
    const base = databaseOf(assemble(readSources(DEFAULT_INPUT).filter((s) => s.document.source !== last.name)));
    // Every kind of the bundled lists is reviewed.
    expect(previewImport([last], base, context).reports[0].departments!.newKinds).toBe(0);
    // Without one of its kinds in the file, its departments of that kind are counted as new kinds.
    const kind = full.departments.find((d) =>
      full.itemDepartments.some(
        (x) => x.department_id === d.id && full.items.find((i) => i.id === x.item_id)?.township_id === lastSource.townshipId,
      ),
    )!.kind;
    const { [kind]: _dropped, ...kinds } = context.aliases.kinds;
    const report = previewImport([last], base, { ...context, aliases: { ...context.aliases, kinds } }).reports[0];
    expect(report.departments!.newKinds).toBeGreaterThan(0);
  });

  it('refuses a file it cannot read with where and why, and merges nothing for it', () => {
    const base = databaseOf(full);
    const text = new TextDecoder().decode(files[0].bytes).split('\n');
    const cut = text.slice(0, Math.floor(text.length / 2)).join('\n');
    const { reports, merged } = previewImport(
      [
        { name: '空文件.txt', bytes: new Uint8Array() },
        { name: '半个文件.txt', bytes: new TextEncoder().encode(cut) },
        { name: '清单.doc', bytes: files[0].bytes },
      ],
      base,
      context,
    );
    expect(reports.every((r) => r.problems.length > 0)).toBe(true);
    // Half a list lacks its last part, which its table of contents may promise.
    expect(reports.map((r) => r.problems[0].refusal.kind)).toEqual([
      'empty',
      expect.stringMatching(/^(contents-)?list-missing$/),
      'not-a-list-format',
    ]);
    expect(merged).toBeNull();
  });
});
