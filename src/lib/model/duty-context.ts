/**
 * What a document says about a duty besides its wording, gathered per cluster (a group as the exact
 * and fuzzy passes left it), and how two clusters' contexts agree. Pure TypeScript.
 *
 * - category: the 事项类别 its items sit under (a duty may sit under another category elsewhere, so
 *   a different category is no evidence against);
 * - list: basic, coop or reclaimed (the same duty is reclaimed in one township and basic in the next,
 *   so again only agreement counts);
 * - department kinds: who leads a coop duty or receives a reclaimed one, as kinds (农业农村局, not
 *   和静县农业农村局). Two clusters whose items name departments, all of different kinds, are likely
 *   different duties: one of the signals that count against;
 * - neighbours: the groups of the items printed next to its items (within `NEIGHBOUR_REACH` rows
 *   either way in the same list). Drafters copy their lists from a common template and keep its
 *   order, so two wordings sitting among the same duties are likely one duty reworded. Neighbours
 *   are read through the union, so each round of joins gives the next round more anchors;
 * - two facts that rule a join out: a township listing items of both (its two entries are two
 *   duties), and a penalty (行政处罚: …的处罚, …的查处) against a duty that is none.
 */
import type { ListKind } from '../parse/types';
import { documentOf, type DutyUnion } from './duty-union';

/** What the context pass reads of each item; category and department kinds are optional. */
export interface ContextItem {
  township: string;
  list: ListKind;
  name: string;
  category?: string;
  departmentKinds?: readonly string[];
}

/** Rows either way whose groups count as an item's neighbours. */
export const NEIGHBOUR_REACH = 3;

/** A penalty's name ends so, after a closing bracket or stop: `…的处罚`, `…违法行为的查处`. */
const PENALTY = /(处罚|查处)[)）]?[。.]?$/;

/** How the contexts of two clusters agree. */
export interface ContextEvidence {
  /** Whether some township lists items of both (as the groups stand now): then they are two of its duties. */
  sameTownship: boolean;
  /** Whether both are penalties, neither, or one only: then they are different kinds of duty. */
  penalties: 'both' | 'neither' | 'one';
  category: boolean;
  list: boolean;
  /** Whether both name departments, and whether any kind is common. */
  departments: 'agree' | 'disagree' | 'unknown';
  /** How many neighbouring groups the two share. */
  neighbours: number;
}

/** What does not change while the pass runs: read from the cluster's own items. */
interface ClusterFacts {
  documents: Set<string>;
  townships: Set<string>;
  penalty: Set<boolean>;
  categories: Set<string>;
  lists: Set<ListKind>;
  departmentKinds: Set<string>;
}

export class DutyContexts {
  /** Per document (township + list), its items in document order. */
  private readonly rows: number[][] = [];
  /** Per item, its document's index in `rows` and its position there. */
  private readonly documentIndex: Int32Array;
  private readonly position: Int32Array;
  private readonly clusterOfItem: Int32Array;
  private readonly membersOf = new Map<number, number[]>();
  /** Facts of the clusters asked about so far: most clusters never are. */
  private readonly facts = new Map<number, ClusterFacts>();
  /** Per cluster, the roots of its neighbours' groups, as of the last refresh. */
  private readonly neighbourCache = new Map<number, Set<number>>();

  /** Takes the union's groups as they stand as the clusters. */
  constructor(
    private readonly items: readonly ContextItem[],
    private readonly union: DutyUnion,
  ) {
    const documents = new Map<string, number>();
    this.documentIndex = new Int32Array(items.length);
    this.position = new Int32Array(items.length);
    this.clusterOfItem = new Int32Array(items.length);
    items.forEach((item, i) => {
      const key = documentOf(item);
      let d = documents.get(key);
      if (d === undefined) {
        d = this.rows.length;
        documents.set(key, d);
        this.rows.push([]);
      }
      this.documentIndex[i] = d;
      this.position[i] = this.rows[d].length;
      this.rows[d].push(i);
      const cluster = union.find(i);
      this.clusterOfItem[i] = cluster;
      const members = this.membersOf.get(cluster);
      if (members) members.push(i);
      else this.membersOf.set(cluster, [i]);
    });
  }

  /** The cluster an item belongs to. */
  clusterOf(item: number): number {
    return this.clusterOfItem[item];
  }

  clusters(): Iterable<number> {
    return this.membersOf.keys();
  }

  members(cluster: number): readonly number[] {
    return this.membersOf.get(cluster)!;
  }

  /** Whether the cluster's own items come from several townships: a duty the lists already agree on. */
  isEstablished(cluster: number): boolean {
    return this.factsOf(cluster).townships.size > 1;
  }

  /** The documents (township + list) of the cluster's own items. */
  documents(cluster: number): ReadonlySet<string> {
    return this.factsOf(cluster).documents;
  }

  /** Forgets the neighbours gathered: groups have been joined since. */
  refresh(): void {
    this.neighbourCache.clear();
  }

  evidence(x: number, y: number): ContextEvidence {
    const a = this.factsOf(x);
    const b = this.factsOf(y);
    const rootX = this.union.find(x);
    const rootY = this.union.find(y);
    const nx = this.neighbours(x);
    const ny = this.neighbours(y);
    let neighbours = 0;
    for (const n of nx) if (n !== rootX && n !== rootY && ny.has(n)) neighbours++;
    return {
      sameTownship: intersects(this.union.townshipsOf(rootX), this.union.townshipsOf(rootY)),
      penalties: !intersects(a.penalty, b.penalty) ? 'one' : a.penalty.has(true) && b.penalty.has(true) ? 'both' : 'neither',
      category: intersects(a.categories, b.categories),
      list: intersects(a.lists, b.lists),
      departments:
        a.departmentKinds.size === 0 || b.departmentKinds.size === 0
          ? 'unknown'
          : intersects(a.departmentKinds, b.departmentKinds)
            ? 'agree'
            : 'disagree',
      neighbours,
    };
  }

  private factsOf(cluster: number): ClusterFacts {
    let f = this.facts.get(cluster);
    if (f) return f;
    f = {
      documents: new Set(),
      townships: new Set(),
      penalty: new Set(),
      categories: new Set(),
      lists: new Set(),
      departmentKinds: new Set(),
    };
    for (const i of this.members(cluster)) {
      const item = this.items[i];
      f.documents.add(documentOf(item));
      f.townships.add(item.township);
      f.penalty.add(PENALTY.test(item.name));
      if (item.category) f.categories.add(item.category);
      f.lists.add(item.list);
      for (const kind of item.departmentKinds ?? []) f.departmentKinds.add(kind);
    }
    this.facts.set(cluster, f);
    return f;
  }

  private neighbours(cluster: number): Set<number> {
    let set = this.neighbourCache.get(cluster);
    if (!set) {
      set = new Set();
      for (const i of this.members(cluster)) {
        const rows = this.rows[this.documentIndex[i]];
        const at = this.position[i];
        for (let k = Math.max(0, at - NEIGHBOUR_REACH); k <= Math.min(rows.length - 1, at + NEIGHBOUR_REACH); k++)
          if (k !== at) set.add(this.union.find(rows[k]));
      }
      this.neighbourCache.set(cluster, set);
    }
    return set;
  }
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}
