import { describe, expect, it } from 'vitest';
import type { PlaceRow } from '../../../src/lib/queries/places';
import { PlaceIndex, scopeIncluding, selectionOf } from '../../../src/lib/state/selection';
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
