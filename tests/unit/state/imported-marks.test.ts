import { describe, expect, it } from 'vitest';
import { PlaceIndex } from '../../../src/lib/state/selection';
import { importedMarks } from '../../../src/lib/state/imported-marks';
import { markText, markedName } from '../../../src/lib/charts/imported-mark';
import type { PlaceRow } from '../../../src/lib/queries/places';

/** A region of two prefectures, three counties and their townships, parents before children. */
function region(): PlaceIndex {
  const rows: PlaceRow[] = [];
  const add = (level: PlaceRow['level'], key: string, name: string, parent: number | null) => {
    rows.push({ id: rows.length + 1, key, level, parent, name, code: null, townships: 1 });
    return rows.length;
  };
  const p1 = add('prefecture', 'p1', '甲地区', null);
  const c1 = add('county', 'c1', '甲县', p1);
  add('township', 't1', '一镇', c1);
  add('township', 't2', '二乡', c1);
  const c2 = add('county', 'c2', '乙县', p1);
  add('township', 't3', '三镇', c2);
  const p2 = add('prefecture', 'p2', '乙地区', null);
  const c3 = add('county', 'c3', '丙市', p2);
  add('township', 't4', '四镇', c3);
  return new PlaceIndex(rows);
}

describe('importedMarks', () => {
  it('gives the same marks for the same places and imported set, so a view redrawing on new marks does not redraw for nothing', () => {
    const places = region();
    const imported = new Set(['t2']);
    expect(importedMarks(places, imported)).toBe(importedMarks(places, imported));
    expect(importedMarks(places, new Set(['t2']))).not.toBe(importedMarks(places, imported));
  });

  it('lists the townships under a place in display order, the same list each time it is asked', () => {
    const places = region();
    const p1 = places.byKey.get('p1')!;
    expect(places.townshipsUnder(p1).map((t) => t.key)).toEqual(['t1', 't2', 't3']);
    expect(places.townshipsUnder(p1)).toBe(places.townshipsUnder(p1));
    expect(places.townshipsUnder(null).map((t) => t.key)).toEqual(['t1', 't2', 't3', 't4']);
    expect(places.townshipCount).toBe(4);
  });

  it('marks each imported township, and every county and prefecture holding one as containing it', () => {
    const marks = importedMarks(region(), new Set(['t2', 't4']));
    expect(Object.fromEntries(marks)).toEqual({
      t2: 'imported',
      c1: 'contains',
      p1: 'contains',
      t4: 'imported',
      c3: 'contains',
      p2: 'contains',
    });
  });

  it('leaves published places unmarked', () => {
    const marks = importedMarks(region(), new Set(['t1']));
    for (const key of ['t2', 't3', 't4', 'c2', 'c3', 'p2']) expect(marks.has(key), key).toBe(false);
  });

  it('marks nothing for no imports, or for an id the places do not hold', () => {
    expect(importedMarks(region(), new Set()).size).toBe(0);
    expect(importedMarks(region(), new Set(['gone', 'c1'])).size).toBe(0);
  });
});

describe('markText and markedName', () => {
  it('writes （导入） after a township, （含导入） after a place holding one, nothing after published data', () => {
    const marks = importedMarks(region(), new Set(['t3']));
    expect(markedName('三镇', 't3', marks)).toBe('三镇（导入）');
    expect(markedName('乙县', 'c2', marks)).toBe('乙县（含导入）');
    expect(markedName('一镇', 't1', marks)).toBe('一镇');
    expect(markText(null)).toBe('');
  });
});
