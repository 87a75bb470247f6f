import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../scripts/build-db';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';
import { listFor, prepareOutput, realSources, synthesize, writeLists, type SynthList } from '../../../scripts/synth';
import { ITEM_RANGES } from '../../../scripts/synth/compose';
import { LAYOUT_STYLES, type PlaceNaming } from '../../../scripts/synth/layout';
import { availableTargets, chooseTargets } from '../../../scripts/synth/targets';
import { streamFor } from '../../../scripts/synth/random';
import { isTownshipName, placeIndex, XINJIANG_CODE } from '../../../src/lib/model/place-table';
import { parseDocument, LIST_KINDS } from '../../../src/lib/parse';

/** `npm run synth` as the build and a reader see its output. */
const table = loadPlaceTable();
const index = placeIndex(table);
const tmp = () => mkdtempSync(join(tmpdir(), 'duty-atlas-synth-'));
const bytesOf = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));

describe('synthetic lists are deterministic', () => {
  it('writes byte-identical files for the same seed, and different ones for another', () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    writeLists(synthesize({ townships: 6, seed: 1 }, table), a);
    writeLists(synthesize({ townships: 6, seed: 1 }, table), b);
    writeLists(synthesize({ townships: 6, seed: 2 }, table), c);
    const [first, again, other] = [bytesOf(a), bytesOf(b), bytesOf(c)];
    expect(Object.keys(first)).toHaveLength(6);
    expect(again).toEqual(first);
    expect(Object.values(other).map(String)).not.toEqual(Object.values(first).map(String));
  });

  it('writes the same list for a township whatever the number asked for', () => {
    const few = synthesize({ townships: 5, seed: 3 }, table);
    const more = synthesize({ townships: 30, seed: 3 }, table);
    expect(more.slice(0, 5).map((l) => l.text)).toEqual(few.map((l) => l.text));
  });
});

describe('townships come in whole counties', () => {
  it('takes every 镇, 乡 and 街道 of a county before the next county; only the last may be partial', () => {
    const lists = synthesize({ townships: 60, seed: 4 }, table);
    const counties = [...new Set(lists.map((l) => l.place.countyCode))];
    expect(counties.length).toBeGreaterThan(2);
    for (const county of counties.slice(0, -1)) {
      const all = table.townships.filter((t) => t.countyCode === county && isTownshipName(t.name)).map((t) => t.code);
      expect(lists.filter((l) => l.place.countyCode === county).map((l) => l.place.code)).toEqual(all);
    }
    // Counties of one prefecture are consecutive: a user holds a prefecture's lists together.
    const prefectures = lists.map((l) => l.place.prefectureCode).filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(new Set(prefectures).size).toBe(prefectures.length);
  });
});

describe('a small set, built like any other lists', () => {
  let lists: SynthList[];
  let townships: {
    id: string;
    name: string;
    county: string;
    prefecture: string;
    code: string | null;
    place_source: string;
    source_file: string;
  }[];
  let departments: { township: string; name: string }[];
  let items: { township: string; list: string; count: number }[];

  beforeAll(async () => {
    lists = synthesize({ townships: 12, seed: 11 }, table);
    const dir = tmp();
    writeLists(lists, dir);
    const out = join(dir, '..', `${dir.split('/').pop()}.sqlite`);
    await buildDatabase(dir, out);
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(out));
    const rows = <T>(sql: string) => {
      const result = db.exec(sql)[0];
      return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])) as T);
    };
    townships = rows('SELECT id, name, county, prefecture, code, place_source, source_file FROM townships ORDER BY id');
    departments = rows(
      `SELECT DISTINCT i.township_id AS township, d.name FROM items i JOIN item_departments l ON l.item_id = i.id JOIN departments d ON d.id = l.department_id`,
    );
    items = rows('SELECT township_id AS township, list, count(*) AS count FROM items GROUP BY township_id, list');
    db.close();
  });

  it('places every township in its real county and prefecture, except one named alone that the table cannot tell', () => {
    expect(townships).toHaveLength(12);
    for (const t of townships) {
      // The file is named by the code synth chose; the id comes from the document.
      const list = lists.find((l) => l.file === t.source_file)!;
      const real = table.townships.find((r) => r.code === list.place.code)!;
      const ambiguous = index.townshipsByName.get(real.name)!.filter((r) => r.provinceCode === XINJIANG_CODE).length > 1;
      if (list.layout.naming === 'township-only' && ambiguous) {
        expect(t.place_source).toBe('unknown');
        expect(t.id).toMatch(/^x[0-9a-z]{11}$/);
        continue;
      }
      expect(t.id).toBe(real.code);
      expect([t.name, t.code, t.county, t.prefecture]).toEqual([
        real.name,
        real.code,
        index.county.get(real.countyCode)!.name,
        index.prefecture.get(real.prefectureCode)!.name,
      ]);
    }
  });

  it('gives each list its three parts with as many items as real lists have', () => {
    for (const t of townships) {
      for (const list of LIST_KINDS) {
        const count = items.find((i) => i.township === t.id && i.list === list)?.count ?? 0;
        const [fewest, most] = ITEM_RANGES[list];
        expect(count, `${t.name} ${list}`).toBeGreaterThanOrEqual(fewest);
        expect(count, `${t.name} ${list}`).toBeLessThanOrEqual(most);
      }
    }
  });

  it('names the departments of the township’s own county, none of the real lists’ counties', () => {
    const realCounties = ['奇台县', '吉木萨尔县', '玛纳斯县', '昌吉市', '托克逊县'];
    for (const t of townships) {
      const place = lists.find((l) => l.file === t.source_file)!.place;
      const names = departments.filter((d) => d.township === t.id).map((d) => d.name);
      const foreign = names.filter((name) => realCounties.some((county) => county !== place.county && name.includes(county)));
      expect(foreign, t.name).toEqual([]);
      expect(names.filter((name) => name.startsWith(place.county)).length, t.name).toBeGreaterThan(20);
    }
  });
});

describe('every layout and every way of naming the place reads back', () => {
  const namings: PlaceNaming[] = ['full', 'no-prefecture', 'township-only'];
  it.each(LAYOUT_STYLES.flatMap((style) => namings.map((naming) => [style, naming] as const)))('%s, %s', (style, naming) => {
    for (const list of synthesize({ townships: 2, seed: 5, layout: { style, naming } }, table)) {
      const doc = parseDocument(list.text, list.file);
      expect(doc.place).toMatchObject({
        township: list.place.township,
        county: naming === 'township-only' ? null : list.place.county,
        prefecture: naming === 'full' ? list.place.prefecture : null,
      });
      const parsed = Object.fromEntries(LIST_KINDS.map((l) => [l, doc.items.filter((i) => i.list === l).length]));
      expect(parsed).toEqual(list.counts);
      // The build refuses a 说明 whose counts differ from the rows; parseDocument checks the same.
      if (style === 'preface') expect(doc.stated?.summary).toEqual(list.counts);
    }
  });

  it('leaves the prefecture out for a city the region administers itself, which has none', () => {
    const [place] = chooseTargets(table, availableTargets(table), streamFor(5, 'places')).slice(-1);
    const list = listFor(place, 5, realSources(table), { style: 'one-line', naming: 'full' });
    expect(list.place.regionDirect).toBe(true);
    expect(parseDocument(list.text, list.file).place).toMatchObject({ prefecture: null, county: list.place.county });
  });
});

describe('where synthetic lists may go', () => {
  it('refuses data/raw/', () => {
    expect(() => prepareOutput('data/raw')).toThrow(/never go into data\/raw/);
    expect(() => prepareOutput('data/raw/sub')).toThrow(/never go into data\/raw/);
  });
  it('refuses a folder holding files it did not write', () => {
    expect(() => prepareOutput('tests/unit/parse/fixtures')).toThrow(/holds files synth did not write/);
  });
});
