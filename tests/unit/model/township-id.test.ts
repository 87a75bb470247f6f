import { describe, expect, it } from 'vitest';
import { readPlace } from '../../../src/lib/parse/place';
import { resolvePlace } from '../../../src/lib/model/places';
import { townshipIdOf } from '../../../src/lib/model/township-id';
import { isTownshipName, XINJIANG_CODE } from '../../../src/lib/model/place-table';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';

/** Township ids from titles, against the real place table. Titles are built from the table, not written out. */
const table = loadPlaceTable();
const idOfTitle = (title: string) => townshipIdOf(resolvePlace(readPlace([title])!, table));
const DERIVED = /^x[0-9a-z]{11}$/;

const xinjiang = table.townships.filter((t) => t.provinceCode === XINJIANG_CODE && isTownshipName(t.name));
const countyName = new Map(table.counties.map((c) => [c.code, c.name]));

describe('townshipIdOf', () => {
  it('is the official code of every Xinjiang township its county and name identify', () => {
    for (const t of xinjiang.slice(0, 200)) expect(idOfTitle(`${countyName.get(t.countyCode)}${t.name}履职事项清单`)).toBe(t.code);
  });

  it('derives a short, URL-safe id from the names of a township the table does not know, the same every time', () => {
    const county = countyName.get(xinjiang[0].countyCode)!;
    const id = idOfTitle(`${county}不存在镇履职事项清单`);
    expect(id).toMatch(DERIVED);
    expect(idOfTitle(`${county}不存在镇基本履职事项清单`)).toBe(id);
    expect(idOfTitle(`${county}另一个镇履职事项清单`)).not.toBe(id);
  });

  it('tells namesakes the table does not know apart by their county', () => {
    const counties = [...new Set(xinjiang.map((t) => countyName.get(t.countyCode)!))].slice(0, 50);
    const ids = counties.map((county) => idOfTitle(`${county}不存在镇履职事项清单`));
    expect(new Set(ids).size).toBe(counties.length);
    for (const id of ids) expect(id).toMatch(DERIVED);
  });

  it('gives a township named without a county the table cannot tell an id from its prefecture and name', () => {
    const ambiguous = xinjiang.find((t) => xinjiang.filter((u) => u.name === t.name).length > 1)!;
    const alone = idOfTitle(`${ambiguous.name}履职事项清单`);
    expect(alone).toMatch(DERIVED);
    expect(idOfTitle(`${ambiguous.name}基本履职事项清单`)).toBe(alone);
  });
});
