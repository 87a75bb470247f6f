/**
 * 口径差异: the duty groups the selected townships handle differently, from per-group counts the
 * queries in src/lib/queries/variance.ts return. Pure TypeScript, so the rules are tested on rows
 * and the same rules run on any database.
 *
 * A group is flagged for each way its handling differs among the townships that list it:
 * - list: reclaimed (收回) in some townships, still their own (基本) or supported (配合) in others;
 * - category: listed under more than one 事项类别 (differing: the townships listing it under another
 *   than the most common one);
 * - missing: listed by most of the selected townships (`MOST`), but not by all;
 * - kinds: its coop items are led, or its reclaimed items received, by different department kinds
 *   (some township names none of the kinds the most townships name).
 * Each flag counts the townships that differ from the majority: what a planner must reconcile. A
 * group's weight is its largest such count; the list is sorted by it, and where weights tie, a duty
 * reclaimed in some townships and kept in others first, then different departments, a missing
 * listing, a different category.
 */
import { group } from 'd3';
import type { ListKind } from '../parse/types';
import { LIST_OF_CODE, ROLE_OF_CODE, type Role } from '../atlas/codes';

/** Townships listing a group, per list and category (list as its code, category as its id). */
export interface GroupHolding {
  dutyGroup: number;
  list: number;
  category: number;
  townships: number;
}

/** Townships whose items of a group name a department kind in a role (0 lead, 1 receiver). */
export interface GroupKind {
  dutyGroup: number;
  role: number;
  kind: number;
  townships: number;
}

/** Per group: the townships that list it, and those whose items name any department in each role. */
export interface GroupSpread {
  dutyGroup: number;
  townships: number;
  leadNamed: number;
  receiverNamed: number;
}

/** Listed by at least this share of the selected townships, a group missing from the others is flagged. */
export const MOST = 2 / 3;
/** Fewer selected townships than this say nothing about "most". */
export const MISSING_MIN_TOWNSHIPS = 3;

export type VarianceKind = 'list' | 'category' | 'missing' | 'kinds';
export const VARIANCE_KINDS: readonly VarianceKind[] = ['list', 'category', 'missing', 'kinds'];

export type VarianceFlag =
  | { kind: 'list'; differ: number; reclaimed: number; kept: number; keptIn: ListKind[] }
  | { kind: 'category'; differ: number; categories: { category: number; townships: number }[] }
  | { kind: 'missing'; differ: number; listing: number; selected: number }
  | { kind: 'kinds'; differ: number; role: Role; named: number; kinds: { kind: number; townships: number }[] };

export interface Variance {
  dutyGroup: number;
  /** Selected townships that list it. */
  townships: number;
  /** Its largest count of differing townships over its flags. */
  weight: number;
  flags: VarianceFlag[];
}

const byTownshipsDesc = <T extends { townships: number }>(a: T, b: T) => b.townships - a.townships;

/** Between groups where as many townships differ: what the reform is about first — who does the duty. */
const TELLING: readonly VarianceKind[] = ['list', 'kinds', 'missing', 'category'];
const mostTelling = (v: Variance) => Math.min(...v.flags.map((f) => TELLING.indexOf(f.kind)));

export function findVariances(
  spreads: readonly GroupSpread[],
  holdings: readonly GroupHolding[],
  kinds: readonly GroupKind[],
  /** Townships in the selection. */
  selected: number,
): Variance[] {
  const holdingsOf = group(holdings, (h) => h.dutyGroup);
  const kindsOf = group(kinds, (k) => k.dutyGroup);
  const out: Variance[] = [];
  for (const spread of spreads) {
    const flags: VarianceFlag[] = [];
    const held = holdingsOf.get(spread.dutyGroup) ?? [];

    // A township may list a group in two lists; per list, its townships are counted once.
    const perList = new Map<number, number>();
    for (const h of held) perList.set(h.list, (perList.get(h.list) ?? 0) + h.townships);
    const reclaimed = perList.get(2) ?? 0;
    const keptLists = [0, 1].filter((l) => (perList.get(l) ?? 0) > 0);
    const kept = keptLists.reduce((sum, l) => sum + perList.get(l)!, 0);
    if (reclaimed > 0 && kept > 0)
      flags.push({ kind: 'list', differ: Math.min(reclaimed, kept), reclaimed, kept, keptIn: keptLists.map((l) => LIST_OF_CODE[l]) });

    const perCategory = new Map<number, number>();
    for (const h of held) perCategory.set(h.category, (perCategory.get(h.category) ?? 0) + h.townships);
    if (perCategory.size > 1) {
      const categories = [...perCategory].map(([category, townships]) => ({ category, townships })).sort(byTownshipsDesc);
      // Those listing it under another category than the most common one.
      const differ = categories.slice(1).reduce((sum, c) => sum + c.townships, 0);
      flags.push({ kind: 'category', differ, categories });
    }

    if (selected >= MISSING_MIN_TOWNSHIPS && spread.townships < selected && spread.townships >= MOST * selected)
      flags.push({ kind: 'missing', differ: selected - spread.townships, listing: spread.townships, selected });

    const groupKinds = kindsOf.get(spread.dutyGroup) ?? [];
    for (const role of [0, 1]) {
      const named = role === 0 ? spread.leadNamed : spread.receiverNamed;
      const ofRole = groupKinds.filter((k) => k.role === role).sort(byTownshipsDesc);
      if (ofRole.length < 2 || named < 2) continue;
      const differ = named - ofRole[0].townships;
      if (differ > 0)
        flags.push({
          kind: 'kinds',
          differ,
          role: ROLE_OF_CODE[role],
          named,
          kinds: ofRole.map(({ kind, townships }) => ({ kind, townships })),
        });
    }

    if (flags.length)
      out.push({ dutyGroup: spread.dutyGroup, townships: spread.townships, weight: Math.max(...flags.map((f) => f.differ)), flags });
  }
  return out.sort(
    (a, b) => b.weight - a.weight || mostTelling(a) - mostTelling(b) || b.townships - a.townships || a.dutyGroup - b.dutyGroup,
  );
}
