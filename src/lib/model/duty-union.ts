/**
 * The groups being formed: union-find over items, with the two constraints every join obeys
 * (duty-groups.ts, METHOD 4): a group never holds two items of one township's same list (they are
 * distinct entries of one document), and never the two sides of a reviewed split. Pure TypeScript.
 */

/** Which step of the grouping (duty-groups.ts, METHOD) joined two groups. */
export type JoinPass = 'merge' | 'exact' | 'fuzzy' | 'context' | 'settle';

/**
 * One join that put two groups together: through which two items (indexes into the members), by
 * which pass, with the pass's own score (the fuzzy pass's bigram Dice, the context pass's wording
 * plus context; 1 for a reviewed merge and the exact pass; null where a settled wording has none).
 */
export interface UnionJoin {
  i: number;
  j: number;
  pass: JoinPass;
  score: number | null;
}

/** Where an item comes from, as the constraints see it. */
export interface UnionMember {
  township: string;
  list: string;
}

export class DutyUnion {
  private readonly parent: Int32Array;
  /** Per root: the documents (township + list) its members come from. */
  private readonly docs: Set<string>[];
  /** Per root: the sides of reviewed splits (`k:0` / `k:1`) its members stand on. */
  private readonly tags: Set<string>[];
  /** Per root: the townships its members come from; null while a root stands for its own item alone. */
  private readonly townships: (Set<string> | null)[];
  /** Every join made, in order: what the audit (数据核对) reads to find groups resting on a weak match. */
  readonly joins: UnionJoin[] = [];

  constructor(private readonly members: readonly UnionMember[]) {
    this.parent = Int32Array.from({ length: members.length }, (_, i) => i);
    this.docs = members.map((m) => new Set([documentOf(m)]));
    this.tags = members.map(() => new Set<string>());
    this.townships = members.map(() => null);
  }

  /** Puts item i on side `side` of reviewed split `split`: it never joins the other side. */
  tag(i: number, split: number, side: 0 | 1): void {
    this.tags[i].add(`${split}:${side}`);
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Whether the groups of i and j could be joined: no shared document, no split between them. */
  canJoin(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return true;
    const [small, large] = this.docs[a].size <= this.docs[b].size ? [a, b] : [b, a];
    for (const d of this.docs[small]) if (this.docs[large].has(d)) return false;
    return !this.splitBetween(a, b);
  }

  /**
   * Joins the groups of i and j unless a constraint forbids it; returns whether they are together.
   * A join that puts two groups together is recorded with `pass` and `score` (`joins`).
   */
  union(i: number, j: number, pass: JoinPass, score: number | null): boolean {
    let a = this.find(i);
    let b = this.find(j);
    if (a === b) return true;
    if (!this.canJoin(a, b)) return false;
    this.joins.push({ i, j, pass, score });
    if (this.docs[a].size + this.tags[a].size < this.docs[b].size + this.tags[b].size) [a, b] = [b, a];
    this.parent[b] = a;
    for (const d of this.docs[b]) this.docs[a].add(d);
    for (const t of this.tags[b]) this.tags[a].add(t);
    const townships = (this.townships[a] ??= new Set([this.members[a].township]));
    const joining = this.townships[b];
    if (joining) for (const t of joining) townships.add(t);
    else townships.add(this.members[b].township);
    this.docs[b] = new Set();
    this.tags[b] = new Set();
    this.townships[b] = null;
    return true;
  }

  /** The documents (township + list) a group's members come from. */
  documentsOf(i: number): ReadonlySet<string> {
    return this.docs[this.find(i)];
  }

  /** The townships a group's members come from. */
  townshipsOf(i: number): ReadonlySet<string> {
    const root = this.find(i);
    return (this.townships[root] ??= new Set([this.members[root].township]));
  }

  private splitBetween(a: number, b: number): boolean {
    for (const t of this.tags[a]) {
      const [split, side] = t.split(':');
      if (this.tags[b].has(`${split}:${side === '0' ? 1 : 0}`)) return true;
    }
    return false;
  }
}

/** The document an item is an entry of: one township's one list. */
export function documentOf(m: UnionMember): string {
  return `${m.township}\u0000${m.list}`;
}
