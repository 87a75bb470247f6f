import { bucketOf, pairKey, searchChars } from './bigrams';
import type { SearchBucket } from './bucket-format';
import type { ByteReader } from './varint';

/**
 * Finds the items whose name or steps contain every term (see bigrams.ts for what "contain" means).
 * Pure: the caller loads the buckets `bucketsFor` names and hands them over by number.
 */

/**
 * Which of a term's n − 1 pairs are looked up, by where they start: every other one, and the last
 * (0, 2, 4, …, n − 2). They cover every character, and each starts at most two after the one before,
 * so pairs found at p + offset for every offset spell the whole term from p within one unit: a pair's
 * second character is a character of its unit, and the position after a unit's last one starts no
 * pair (index-writer.ts), so the next pair cannot lie in the next unit. A 6-character term reads
 * three pairs' postings and buckets instead of five.
 */
export function pairOffsets(length: number): number[] {
  const offsets: number[] = [];
  for (let o = 0; o < length - 1; o += 2) offsets.push(o);
  if (length > 2 && offsets[offsets.length - 1] !== length - 2) offsets.push(length - 2);
  return offsets;
}

/** The buckets needed to match `terms`: one per distinct first character of the pairs each looks up. */
export function bucketsFor(terms: readonly string[], buckets: number): number[] {
  const needed = new Set<number>();
  for (const term of terms) {
    const chars = searchChars(term);
    const firsts = chars.length === 1 ? chars : pairOffsets(chars.length).map((o) => chars[o]);
    for (const c of firsts) needed.add(bucketOf(c, buckets));
  }
  return [...needed].sort((a, b) => a - b);
}

/** Sorted ids of the items that contain every term; every item when there is no term. */
export function matchTerms(terms: readonly string[], bucket: (index: number) => SearchBucket, buckets: number): number[] {
  let result: number[] | null = null;
  for (const term of terms) {
    const items = matchTerm(searchChars(term), bucket, buckets);
    result = result === null ? items : intersect(result, items);
    if (result.length === 0) break;
  }
  return result ?? [];
}

function matchTerm(chars: string[], bucket: (index: number) => SearchBucket, buckets: number): number[] {
  if (chars.length === 0) return [];
  const bucketOfChar = (c: string) => bucket(bucketOf(c, buckets));
  if (chars.length === 1) {
    const b = bucketOfChar(chars[0]);
    const union = new Set<number>();
    for (const key of b.keysStartingWith(chars[0])) for (const item of itemsOf(b.posting(key)!)) union.add(item);
    return [...union].sort((x, y) => x - y);
  }
  const offsets = pairOffsets(chars.length);
  const pairs = offsets.map((o) => bucketOfChar(chars[o]).posting(pairKey(chars[o], chars[o + 1])));
  if (pairs.some((p) => p === undefined)) return [];
  if (pairs.length === 1) return itemsOf(pairs[0]!);

  // Start from the shortest posting: its items bound the candidates, the others are read only for them.
  const order = pairs.map((p, i) => ({ i, size: p!.end - p!.offset })).sort((a, b) => a.size - b.size);
  let candidates: Map<number, Int32Array> | null = null;
  const positionsOf: Map<number, Int32Array>[] = new Array(pairs.length);
  for (const { i } of order) {
    const decoded = decodePositions(pairs[i]!, candidates);
    positionsOf[i] = decoded;
    candidates = decoded;
    if (decoded.size === 0) return [];
  }
  const matched: number[] = [];
  for (const [item, starts] of positionsOf[0]) {
    const lists = positionsOf.map((m) => m.get(item));
    if (lists.some((l) => l === undefined)) continue;
    if (starts.some((p) => lists.every((l, i) => contains(l!, p + offsets[i])))) matched.push(item);
  }
  return matched.sort((x, y) => x - y);
}

/** The items of a posting, ascending. Reads the posting to its end. */
function itemsOf(r: ByteReader): number[] {
  const items: number[] = [];
  let item = 0;
  while (!r.done) {
    item += r.varint();
    items.push(item);
    const count = r.varint();
    for (let k = 0; k < count; k++) r.varint();
  }
  return items;
}

/** Item → ascending positions, keeping only items in `only` when given. Reads the posting to its end. */
function decodePositions(r: ByteReader, only: Map<number, unknown> | null): Map<number, Int32Array> {
  const out = new Map<number, Int32Array>();
  let item = 0;
  while (!r.done) {
    item += r.varint();
    const count = r.varint();
    if (only && !only.has(item)) {
      for (let k = 0; k < count; k++) r.varint();
      continue;
    }
    const positions = new Int32Array(count);
    let p = 0;
    for (let k = 0; k < count; k++) positions[k] = p += r.varint();
    out.set(item, positions);
  }
  return out;
}

function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}
