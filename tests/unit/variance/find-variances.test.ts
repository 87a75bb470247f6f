import { describe, expect, it } from 'vitest';
import { findVariances, MOST, type GroupHolding, type GroupKind, type GroupSpread } from '../../../src/lib/variance/find-variances';

const BASIC = 0;
const COOP = 1;
const RECLAIMED = 2;

const spread = (dutyGroup: number, townships: number, leadNamed = 0, receiverNamed = 0): GroupSpread => ({
  dutyGroup,
  townships,
  leadNamed,
  receiverNamed,
});
const holding = (dutyGroup: number, list: number, category: number, townships: number): GroupHolding => ({
  dutyGroup,
  list,
  category,
  townships,
});
const kind = (dutyGroup: number, role: number, k: number, townships: number): GroupKind => ({ dutyGroup, role, kind: k, townships });

describe('口径差异 rules', () => {
  it('flags a duty reclaimed in some townships and kept in others, counting the smaller side', () => {
    const [v] = findVariances([spread(7, 5)], [holding(7, RECLAIMED, 1, 2), holding(7, BASIC, 1, 2), holding(7, COOP, 1, 1)], [], 5);
    expect(v.flags).toEqual([{ kind: 'list', differ: 2, reclaimed: 2, kept: 3, keptIn: ['basic', 'coop'] }]);
    expect(v.weight).toBe(2);
  });

  it('does not flag a duty every township holds the same way', () => {
    expect(findVariances([spread(7, 5)], [holding(7, COOP, 1, 5)], [kind(7, 0, 3, 5)], 5)).toEqual([]);
  });

  it('flags a duty listed under several categories, naming each with its townships, most first', () => {
    const [v] = findVariances([spread(3, 4)], [holding(3, BASIC, 8, 1), holding(3, BASIC, 9, 3)], [], 4);
    expect(v.flags).toEqual([
      {
        kind: 'category',
        differ: 1,
        categories: [
          { category: 9, townships: 3 },
          { category: 8, townships: 1 },
        ],
      },
    ]);
  });

  it('flags a duty most selected townships list but some do not; not one only a few list', () => {
    const selected = 9;
    const most = Math.ceil(MOST * selected);
    const [v] = findVariances([spread(1, most)], [holding(1, BASIC, 1, most)], [], selected);
    expect(v.flags).toEqual([{ kind: 'missing', differ: selected - most, listing: most, selected }]);
    expect(findVariances([spread(1, most - 1)], [holding(1, BASIC, 1, most - 1)], [], selected)).toEqual([]);
    expect(findVariances([spread(1, selected)], [holding(1, BASIC, 1, selected)], [], selected)).toEqual([]);
  });

  it('flags lead or receiving departments of different kinds, counting townships that name none of the usual kind', () => {
    // Four townships name a lead department for the coop duty: three the same kind, one another.
    const [v] = findVariances([spread(5, 4, 4)], [holding(5, COOP, 1, 4)], [kind(5, 0, 11, 3), kind(5, 0, 12, 1)], 4);
    expect(v.flags).toEqual([
      {
        kind: 'kinds',
        differ: 1,
        role: 'lead',
        named: 4,
        kinds: [
          { kind: 11, townships: 3 },
          { kind: 12, townships: 1 },
        ],
      },
    ]);
    // A township naming both kinds agrees with the others: no flag.
    expect(findVariances([spread(5, 3, 3)], [holding(5, COOP, 1, 3)], [kind(5, 0, 11, 3), kind(5, 0, 12, 1)], 3)).toEqual([]);
  });

  it('sorts by the townships that differ, then by the townships that list the duty', () => {
    const variances = findVariances(
      [spread(1, 6), spread(2, 6), spread(3, 3)],
      [
        holding(1, RECLAIMED, 1, 1),
        holding(1, BASIC, 1, 5),
        holding(2, RECLAIMED, 1, 3),
        holding(2, BASIC, 1, 3),
        holding(3, RECLAIMED, 1, 1),
        holding(3, COOP, 1, 2),
      ],
      [],
      6,
    );
    expect(variances.map((v) => [v.dutyGroup, v.weight])).toEqual([
      [2, 3],
      [1, 1],
      [3, 1],
    ]);
  });
});
