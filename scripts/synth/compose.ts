/**
 * The rows of one synthetic township's list, recombined from the real lists: one real list as the
 * base, some of its duties dropped, duties other townships list added, a few names reworded, now and
 * then a duty kept in another list than elsewhere (basic where others reclaimed it — the heatmap's
 * interesting case) or filed under another category. Rows keep their real cells; only the numbering,
 * the name or the category may change, and the list (a moved row keeps no department cells).
 */
import { LIST_KINDS, type ListKind } from '../../src/lib/parse/types';
import type { Random } from './random';
import type { SourceList, SourceRow, Sources } from './sources';
import { varyName } from './vary';

/** Items per list, as in the real lists (basic 106–136, coop 94–107, reclaimed 30–37), a little wider. */
export const ITEM_RANGES: Record<ListKind, [number, number]> = { basic: [105, 135], coop: [90, 110], reclaimed: [28, 40] };

const DROP = 0.07;
const REWORD = 0.2;
/** Of the rewordings, the share that takes another real list's wording of the same duty. */
const OTHER_WORDING = 0.4;
const RECATEGORISE = 0.015;

export interface ComposedRow {
  row: SourceRow;
  list: ListKind;
  category: string;
  name: string;
}

export interface ComposedList {
  base: SourceList;
  rows: Record<ListKind, ComposedRow[]>;
}

export function composeList(sources: Sources, random: Random): ComposedList {
  const base = random.pick(sources.lists);
  const others = sources.lists.filter((l) => l !== base);
  const target = Object.fromEntries(LIST_KINDS.map((list) => [list, random.int(...ITEM_RANGES[list])])) as Record<ListKind, number>;
  const chosen: Record<ListKind, SourceRow[]> = { basic: [], coop: [], reclaimed: [] };
  const pinned = new Set<SourceRow>();
  const duties = new Set<number>();

  for (const list of LIST_KINDS) for (const row of base.rows[list]) if (!random.chance(DROP)) chosen[list].push(row);
  for (const list of LIST_KINDS) for (const row of chosen[list]) duties.add(row.duty);

  // A duty others reclaimed (or lead) kept as this township's own.
  const moves: [ListKind, number][] = [
    ['reclaimed', random.chance(0.35) ? random.int(1, 3) : 0],
    ['coop', random.chance(0.15) ? 1 : 0],
  ];
  const movedToBasic = new Set<SourceRow>();
  for (const [from, count] of moves) {
    for (const row of random.shuffle(chosen[from]).slice(0, count)) {
      chosen[from].splice(chosen[from].indexOf(row), 1);
      chosen.basic.push(row);
      movedToBasic.add(row);
      pinned.add(row);
    }
  }

  for (const list of LIST_KINDS) {
    // Duties other townships list here, one wording each, none this township already has.
    const pool = random.shuffle(others.flatMap((l) => l.rows[list]));
    for (const row of pool) {
      if (chosen[list].length >= target[list]) break;
      if (duties.has(row.duty)) continue;
      chosen[list].push(row);
      duties.add(row.duty);
    }
    while (chosen[list].length > target[list]) {
      const removable = chosen[list].filter((r) => !pinned.has(r));
      const row = random.pick(removable);
      chosen[list].splice(chosen[list].indexOf(row), 1);
    }
  }

  const categoriesOf = (list: ListKind) => [...new Set(sources.lists.flatMap((l) => l.rows[list].map((r) => r.category)))];
  const rows = {} as Record<ListKind, ComposedRow[]>;
  for (const list of LIST_KINDS) {
    const categories = categoriesOf(list);
    const composed = chosen[list].map((row): ComposedRow => {
      let name = row.name;
      if (random.chance(REWORD)) {
        const wordings = (sources.wordings.get(row.duty) ?? []).filter((w) => w !== row.name);
        name = wordings.length && random.chance(OTHER_WORDING) ? random.pick(wordings) : varyName(row.name, random);
      }
      const category = random.chance(RECATEGORISE) ? random.pick(categories) : row.category;
      return { row, list: movedToBasic.has(row) ? 'basic' : list, category, name };
    });
    rows[list] = order(composed, base, sources, random);
  }
  return { base, rows };
}

/**
 * Rows grouped by category in the real lists' order; within a category the base list's rows keep
 * their order and the added ones fall in between at random.
 */
function order(rows: ComposedRow[], base: SourceList, sources: Sources, random: Random): ComposedRow[] {
  const position = new Map<SourceRow, number>();
  for (const list of LIST_KINDS) base.rows[list].forEach((row, i) => position.set(row, i));
  const keyed = rows.map((r) => ({ r, at: position.get(r.row) ?? random.int(0, 140) + random.next() }));
  const rank = (category: string) => sources.categoryRank.get(category) ?? Number.MAX_SAFE_INTEGER;
  keyed.sort((a, b) => rank(a.r.category) - rank(b.r.category) || a.at - b.at);
  return keyed.map((k) => k.r);
}
