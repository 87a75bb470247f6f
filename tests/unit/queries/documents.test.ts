/**
 * The questions #9 names, answered from the documents themselves and then by the views' queries:
 * "which townships reclaimed 收养登记, and where is it not listed?" and "which duties does 六工镇 keep
 * as 基本 that others handed back?". The documents are read here with nothing of the parser: a row is
 * a line of tab-separated cells starting with its 序号, its list the last heading above it (a line
 * ending in …事项清单 that is not a row, nor a line of the table of contents). A person can check each
 * answer with a text editor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import { loadHeatmap, type HeatmapRow } from '../../../src/lib/queries/heatmap';
import { varianceHoldings, varianceKinds, varianceSpreads, townshipsWithout } from '../../../src/lib/queries/variance';
import { findVariances, type GroupHolding, type GroupKind, type GroupSpread } from '../../../src/lib/variance/find-variances';
import { selectionOf } from '../../../src/lib/state/selection';
import type { AtlasEngine } from '../../../src/lib/atlas/engine';
import { completeDb, placeIndexOf, realDb } from './real-db';

const RAW = join(import.meta.dirname, '../../../data/raw');
type List = 'basic' | 'coop' | 'reclaimed';
const HEADINGS: [RegExp, List][] = [
  [/基本履职事项清单\s*$/, 'basic'],
  [/配合履职事项清单\s*$/, 'coop'],
  [/收回事项清单\s*$/, 'reclaimed'],
];

/** Each document's rows as (list, name): the 事项名称 is the third cell. */
function documentRows(file: string): { list: List; name: string }[] {
  let list: List | null = null;
  const rows: { list: List; name: string }[] = [];
  for (const line of readFileSync(join(RAW, file), 'utf8').split(/\r?\n/)) {
    const cells = line.split('\t');
    const isRow = /^\d+$/.test(cells[0].trim());
    if (!isRow && !line.includes('....')) list = HEADINGS.find(([re]) => re.test(line))?.[1] ?? list;
    if (list && isRow && cells.length >= 3) rows.push({ list, name: cells[2].trim() });
  }
  return rows;
}

let atlas: AtlasEngine;
/** Per document file: its township id (the database keeps the file each township came from), and its rows. */
let documents: { file: string; township: string; rows: { list: List; name: string }[] }[];
let heatmap: HeatmapRow[];

beforeAll(async () => {
  atlas = await realDb();
  const complete = await completeDb();
  const townships = await complete.query<{ id: string; source_file: string }>(sql`SELECT id, source_file FROM townships`);
  const byFile = new Map(townships.map((t) => [t.source_file, t.id]));
  documents = readdirSync(RAW)
    .filter((f) => byFile.has(f))
    .map((file) => ({ file, township: byFile.get(file)!, rows: documentRows(file) }));
  expect(documents).toHaveLength(townships.length);
  const places = await placeIndexOf(atlas);
  const s = selectionOf(places, NO_FILTERS, Infinity);
  heatmap = await loadHeatmap(
    atlas,
    NO_FILTERS,
    'township',
    s.units.map((u) => ({ key: u.key, townships: 1 })),
    s.counties,
  );
});

describe('questions a planner asks, answered from the documents and by the views', () => {
  it('reads as many rows per list from each document as the database holds (the reader below is sound)', async () => {
    const complete = await completeDb();
    for (const d of documents) {
      const counts = await complete.query<{ list: List; n: number }>(
        sql`SELECT list, count(*) AS n FROM items WHERE township_id = ${d.township} GROUP BY list`,
      );
      for (const { list, n } of counts)
        expect(
          d.rows.filter((r) => r.list === list),
          `${d.file} ${list}`,
        ).toHaveLength(n);
    }
  });

  it('收养登记: the townships that reclaimed it and those that do not list it, in 收回事项热力图 and 口径差异', async () => {
    const NAME = '收养登记';
    const reclaimedIn = documents.filter((d) => d.rows.some((r) => r.list === 'reclaimed' && r.name === NAME)).map((d) => d.township);
    const unlisted = documents.filter((d) => !d.rows.some((r) => r.name === NAME)).map((d) => d.township);
    expect(reclaimedIn.length).toBeGreaterThan(0);

    // The heatmap's row of the duty: reclaimed exactly where a document reclaims it; absent where none lists it.
    const row = heatmap.find((r) => r.cells.some((c) => c.names.includes(NAME)))!;
    expect(row).toBeDefined();
    const where = (status: string) =>
      row.cells
        .filter((c) => c.status === status)
        .map((c) => c.unit)
        .sort();
    expect(where('reclaimed')).toEqual([...reclaimedIn].sort());
    expect(where('absent')).toEqual([...unlisted].sort());

    // 口径差异 lists the duty among those most townships list but some do not, naming the missing ones.
    if (unlisted.length && reclaimedIn.length * 3 >= documents.length * 2) {
      const [spreads, holdings, kinds] = await Promise.all([
        atlas.query<GroupSpread>(varianceSpreads(NO_FILTERS)),
        atlas.query<GroupHolding>(varianceHoldings(NO_FILTERS)),
        atlas.query<GroupKind>(varianceKinds(NO_FILTERS)),
      ]);
      const flagged = findVariances(spreads, holdings, kinds, documents.length).find((v) => v.dutyGroup === row.dutyGroup);
      expect(flagged?.flags.find((f) => f.kind === 'missing')).toMatchObject({ listing: documents.length - unlisted.length });
      const without = await atlas.query<{ id: string }>(townshipsWithout(row.dutyGroup, NO_FILTERS, 50));
      expect(without.map((t) => t.id).sort()).toEqual([...unlisted].sort());
    }
  });

  it('六工镇 keeps as 基本 every duty the others handed back under the same name, and the heatmap shows each', () => {
    const liugong = documents.find((d) => d.file.includes('liugong')) ?? documents[0];
    const basic = new Set(liugong.rows.filter((r) => r.list === 'basic').map((r) => r.name));
    const handedBack = new Map<string, number>();
    for (const d of documents)
      if (d !== liugong)
        for (const name of new Set(d.rows.filter((r) => r.list === 'reclaimed').map((r) => r.name)))
          if (basic.has(name)) handedBack.set(name, (handedBack.get(name) ?? 0) + 1);
    expect(handedBack.size).toBeGreaterThan(0);

    // In the heatmap, each is a row where 六工镇's cell is 基本 and as many other townships reclaimed it at least.
    for (const [name, townships] of handedBack) {
      const row = heatmap.find((r) => r.cells.some((c) => c.unit === liugong.township && c.names.includes(name)));
      expect(row, name).toBeDefined();
      const own = row!.cells.find((c) => c.unit === liugong.township)!;
      expect(own.status, name).toBe('basic');
      expect(row!.cells.filter((c) => c.status === 'reclaimed').length, name).toBeGreaterThanOrEqual(townships);
      expect(row!.mixed).toBe(true);
    }
  });
});
