import { describe, expect, it } from 'vitest';
import type { PlaceRow } from '../../../src/lib/queries/places';
import { PlaceIndex, knownPlaces, scopeIncluding, selectionOf } from '../../../src/lib/state/selection';
import { NO_FILTERS } from '../../../src/lib/state/filters';

// Two prefectures; the first with two counties of two townships each, the second with one county.
const place = (id: number, key: string, level: PlaceRow['level'], parent: number | null): PlaceRow => ({
  id,
  key,
  level,
  parent,
  name: key,
  code: null,
  townships: level === 'township' ? 1 : 2,
});
const index = new PlaceIndex([
  place(1, 'P1', 'prefecture', null),
  place(2, 'C1', 'county', 1),
  place(3, 't1', 'township', 2),
  place(4, 't2', 'township', 2),
  place(5, 'C2', 'county', 1),
  place(6, 't3', 'township', 5),
  place(7, 't4', 'township', 5),
  place(8, 'P2', 'prefecture', null),
  place(9, 'C3', 'county', 8),
  place(10, 't5', 'township', 9),
]);

describe('scopeIncluding: picking a township widens the scope just enough', () => {
  it('keeps the scope when the township is in it', () => {
    expect(scopeIncluding(index, 'C1', 't2')).toBe('C1');
    expect(scopeIncluding(index, 'P1', 't3')).toBe('P1');
    expect(scopeIncluding(index, null, 't5')).toBeNull();
  });

  it('widens to the prefecture both share, or to everything', () => {
    expect(scopeIncluding(index, 'C1', 't3')).toBe('P1');
    expect(scopeIncluding(index, 'C1', 't5')).toBeNull();
    expect(scopeIncluding(index, 'P2', 't1')).toBeNull();
  });

  it('leaves every picked township in the selection', () => {
    const scope = scopeIncluding(index, 'C1', 't3');
    const selection = selectionOf(index, { ...NO_FILTERS, scope, townships: ['t1', 't3'] }, 1);
    expect(selection.townships.map((t) => t.key)).toEqual(['t1', 't3']);
  });
});

describe('knownPlaces: a link naming places these lists lack', () => {
  it('leaves filters naming known places as they are (the same object)', () => {
    const filters = { ...NO_FILTERS, scope: 'C1', townships: ['t1'], lists: ['coop' as const] };
    expect(knownPlaces(filters, index)).toBe(filters);
    expect(knownPlaces(NO_FILTERS, index)).toBe(NO_FILTERS);
  });

  it('drops a scope and townships the data does not hold, keeping the other filters', () => {
    const filters = { ...NO_FILTERS, scope: 'elsewhere', townships: ['t5', 'gone'], categories: ['党的建设'] };
    expect(knownPlaces(filters, index)).toEqual({ ...NO_FILTERS, scope: null, townships: ['t5'], categories: ['党的建设'] });
    // A county's key in the township filter is no township.
    expect(knownPlaces({ ...NO_FILTERS, townships: ['C1'] }, index).townships).toEqual([]);
  });

  it('turns a township named as the scope into the township filter within its county', () => {
    const known = knownPlaces({ ...NO_FILTERS, scope: 't3' }, index);
    expect(known).toEqual({ ...NO_FILTERS, scope: 'C2', townships: ['t3'] });
    // The selection then shows that township, as the link meant.
    expect(selectionOf(index, known).townships.map((t) => t.key)).toEqual(['t3']);
  });
});
