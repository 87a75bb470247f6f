import { bucketOf, pairKey } from './bigrams';
import { encodeBucket } from './bucket-format';

/**
 * Builds the search index (see bigrams.ts) from every item's text. Items must come in ascending id
 * order: postings store each item as the difference from the previous one.
 */

export interface SearchDocument {
  item: number;
  /** The name first, then every step, each a unit a term cannot span. */
  units: string[];
}

export interface SearchIndexFiles {
  /** How many bucket files; a pair's bucket is bucketOf(first character, buckets). */
  buckets: number;
  /** Bucket i's bytes, for i in 0..buckets-1. */
  files: Uint8Array[];
  /** Pairs indexed and positions recorded, for the build report. */
  pairs: number;
  positions: number;
}

/** Average bucket file size aimed at: small enough to fetch per query, few enough files to serve. */
const TARGET_BUCKET_BYTES = 96 * 1024;
const MAX_BUCKETS = 4096;

/**
 * Pairs are keyed by small integers while the index is built: each distinct character gets a dense
 * id (END is 0), and a pair is first id × 2¹⁵ + second id. First ids start at 1, so no key is 0,
 * which marks an empty cell of the pair table.
 */
const ID_SPACE = 0x8000;

/** Code points of a unit as searchChars reads them (ASCII letters lowercased), into a reused array. */
function codePoints(text: string, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    } else if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out[n++] = c;
  }
  return n;
}

const grown = (a: Int32Array, size: number): Int32Array<ArrayBuffer> => {
  const next = new Int32Array(size);
  next.set(a);
  return next;
};

const grownBytes = (a: Uint8Array, size: number): Uint8Array<ArrayBuffer> => {
  const next = new Uint8Array(size);
  next.set(a);
  return next;
};

/** Bytes of `value` (0 ≤ value < 2³¹) as an unsigned LEB128 varint. */
const varintLength = (value: number): number => (value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5);

/**
 * Pair key → slot (0, 1, 2… in order of first sight), open addressing over typed arrays: a few
 * times cheaper per look-up than a Map<number, number>, and small enough (a few hundred KB) to stay
 * in the cache. Every character of every distinct unit is looked up here.
 */
class PairSlots {
  private keys = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private shift = 32 - 12;
  /** Slot → key. */
  keyOf = new Int32Array(1 << 11);
  size = 0;

  slot(key: number): number {
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[h];
      if (k === key) return this.values[h];
      if (k === 0) break;
      h = (h + 1) & this.mask;
    }
    const slot = this.size++;
    if (slot === this.keyOf.length) this.keyOf = grown(this.keyOf, slot * 2);
    this.keyOf[slot] = key;
    this.keys[h] = key;
    this.values[h] = slot;
    // At most half full, so a look-up rarely probes more than a cell or two.
    if (this.size * 2 > this.keys.length) this.rehash();
    return slot;
  }

  private rehash(): void {
    const bits = 32 - this.shift + 1;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    for (let slot = 0; slot < this.size; slot++) {
      const key = this.keyOf[slot];
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[h] !== 0) h = (h + 1) & this.mask;
      this.keys[h] = key;
      this.values[h] = slot;
    }
  }
}

/**
 * Sequences of integers (a document's units) → ids 0, 1, 2… in order of first sight, open
 * addressing over typed arrays, the sequences kept end to end in one pool.
 */
class SequenceIds {
  private cells = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  /** Per id: where its sequence starts in `pool`, and its hash. */
  private start = new Int32Array(1 << 11);
  private hashes = new Int32Array(1 << 11);
  private pool = new Int32Array(1 << 14);
  private poolLength = 0;
  size = 0;

  /** The id of `sequence[0..n)`, or -1; `hash` is hashOf(sequence, n). */
  find(sequence: Int32Array, n: number, hash: number): number {
    for (let h = hash & this.mask; ; h = (h + 1) & this.mask) {
      const id = this.cells[h];
      if (id === -1) return -1;
      if (this.hashes[id] !== hash) continue;
      const at = this.start[id];
      if (this.start[id + 1] - at !== n) continue;
      let i = 0;
      while (i < n && this.pool[at + i] === sequence[i]) i++;
      if (i === n) return id;
    }
  }

  /** Adds `sequence[0..n)`, which find did not know, and returns its id. */
  add(sequence: Int32Array, n: number, hash: number): number {
    const id = this.size++;
    if (id + 2 > this.start.length) {
      this.start = grown(this.start, this.start.length * 2);
      this.hashes = grown(this.hashes, this.hashes.length * 2);
    }
    if (this.poolLength + n > this.pool.length) this.pool = grown(this.pool, Math.max(this.pool.length * 2, this.poolLength + n));
    this.pool.set(sequence.subarray(0, n), this.poolLength);
    this.start[id] = this.poolLength;
    this.poolLength += n;
    this.start[id + 1] = this.poolLength;
    this.hashes[id] = hash;
    if (this.size * 2 > this.cells.length) {
      this.cells = new Int32Array(this.cells.length * 2).fill(-1);
      this.mask = this.cells.length - 1;
      for (let other = 0; other < this.size; other++) this.place(other);
    } else this.place(id);
    return id;
  }

  private place(id: number): void {
    let h = this.hashes[id] & this.mask;
    while (this.cells[h] !== -1) h = (h + 1) & this.mask;
    this.cells[h] = id;
  }
}

function hashOf(sequence: Int32Array, n: number): number {
  let h = n;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ sequence[i], 0x9e3779b1) ^ (h >>> 15);
  return h & 0x7fffffff;
}

/**
 * A region's lists repeat themselves: the same duty with the same steps, township after township
 * (1.05 million units, 64 thousand distinct at 1,100 townships; 279 thousand items, 39 thousand
 * distinct). So the work is done once per distinct text:
 *
 * - a unit's pair slots, once per distinct unit;
 * - a document's records — for each pair it holds, the encoded count and positions, the part of a
 *   posting that does not depend on the item — once per distinct sequence of units (a template);
 *
 * and every document then only adds its item to its template's records. Two passes: the first
 * reads the documents, builds what is new and adds up each pair's posting length; the second writes
 * every record straight to its place in one buffer of postings. Nothing else is written in between,
 * where a log of all positions re-read in pair order missed the cache at nearly every record.
 */
export function buildSearchIndex(documents: Iterable<SearchDocument>, targetBucketBytes = TARGET_BUCKET_BYTES): SearchIndexFiles {
  const slots = new PairSlots();
  const idOfCode = new Int32Array(0x110000);
  const codeOfId: number[] = [0];
  let codes = new Int32Array(4096);
  let lastItem = 0;

  // A unit's slots in order, preceded by their number, at unitAt.get(text) in unitSlots; that
  // offset is the unit's id.
  const unitAt = new Map<string, number>();
  let unitSlots = new Int32Array(1 << 16);
  let unitSlotsLength = 0;

  // Per slot, while a template is built: its occurrences chained in position order, four numbers
  // side by side (template, head, tail, count) so one cache line holds them.
  let slotState = new Int32Array(4096).fill(-1);
  let occurrencePosition = new Int32Array(4096);
  let occurrenceNext = new Int32Array(4096);
  let touched = new Int32Array(1024);
  // Per slot: the last item given it, and the bytes of its posting.
  let slotLastItem = new Int32Array(1024);
  let slotBytes = new Int32Array(1024);

  // Templates: template t's records are entries[recordsStart[t] .. recordsStart[t + 1]), three
  // numbers each (slot, where its bytes start in `bytes`, how many); templatePositions[t] counts
  // their positions.
  const templates = new SequenceIds();
  let recordsStart = new Int32Array(1 << 12);
  let templatePositions = new Int32Array(1 << 12);
  let entries = new Int32Array(1 << 16);
  let entriesLength = 0;
  let bytes = new Uint8Array(1 << 20);
  let bytesLength = 0;

  // Documents: their item and template.
  let documentItem = new Int32Array(1 << 14);
  let documentTemplate = new Int32Array(1 << 14);
  let documentCount = 0;
  let unitIds = new Int32Array(64);
  let positions = 0;

  for (const { item, units } of documents) {
    if (item <= lastItem) throw new Error(`search index: item ${item} after ${lastItem}; items must ascend`);
    if (!Number.isInteger(item) || item > 0x7fffffff) throw new Error(`search index: item ${item} is not a 31-bit integer`);
    lastItem = item;

    if (units.length > unitIds.length) unitIds = new Int32Array(units.length * 2);
    let unitCount = 0;
    for (const unit of units) {
      let at = unitAt.get(unit);
      if (at === undefined) {
        if (unit.length > codes.length) codes = new Int32Array(unit.length * 2);
        const n = codePoints(unit, codes);
        if (unitSlotsLength + n + 1 > unitSlots.length)
          unitSlots = grown(unitSlots, Math.max(unitSlots.length * 2, unitSlotsLength + n + 1));
        at = unitSlotsLength;
        unitSlots[unitSlotsLength++] = n;
        for (let i = 0; i < n; i++) {
          let id = idOfCode[codes[i]];
          if (id === 0) {
            id = idOfCode[codes[i]] = codeOfId.length;
            if (id >= ID_SPACE) throw new Error(`search index: more than ${ID_SPACE - 1} distinct characters`);
            codeOfId.push(codes[i]);
          }
          codes[i] = id;
        }
        for (let i = 0; i < n; i++) unitSlots[unitSlotsLength++] = slots.slot(codes[i] * ID_SPACE + (i + 1 < n ? codes[i + 1] : 0));
        unitAt.set(unit, at);
        if (slots.size > slotLastItem.length) {
          const size = Math.max(slotLastItem.length * 2, slots.size);
          slotState = grown(slotState, size * 4).fill(-1, slotState.length);
          slotLastItem = grown(slotLastItem, size);
          slotBytes = grown(slotBytes, size);
        }
      }
      unitIds[unitCount++] = at;
    }

    const hash = hashOf(unitIds, unitCount);
    let template = templates.find(unitIds, unitCount, hash);
    if (template === -1) {
      template = templates.add(unitIds, unitCount, hash);
      // Chain each slot's occurrences in position order.
      let touchedCount = 0;
      let occurrences = 0;
      let offset = 0;
      for (let u = 0; u < unitCount; u++) {
        let at = unitIds[u];
        const n = unitSlots[at++];
        if (occurrences + n > occurrencePosition.length) {
          const size = Math.max(occurrencePosition.length * 2, occurrences + n);
          occurrencePosition = grown(occurrencePosition, size);
          occurrenceNext = grown(occurrenceNext, size);
        }
        for (let i = 0; i < n; i++) {
          const state = unitSlots[at + i] * 4;
          const k = occurrences++;
          occurrencePosition[k] = offset + i;
          occurrenceNext[k] = -1;
          if (slotState[state] !== template) {
            slotState[state] = template;
            slotState[state + 1] = k;
            slotState[state + 3] = 1;
            if (touchedCount === touched.length) touched = grown(touched, touchedCount * 2);
            touched[touchedCount++] = state >> 2;
          } else {
            occurrenceNext[slotState[state + 2]] = k;
            slotState[state + 3]++;
          }
          slotState[state + 2] = k;
        }
        // One position between units: a pair never spans two of them, and neither does a match.
        offset += n + 1;
      }
      // Encode each slot's count and positions, slots in order of first sight.
      if (template + 2 > recordsStart.length) {
        recordsStart = grown(recordsStart, recordsStart.length * 2);
        templatePositions = grown(templatePositions, templatePositions.length * 2);
      }
      if (entriesLength + touchedCount * 3 > entries.length)
        entries = grown(entries, Math.max(entries.length * 2, entriesLength + touchedCount * 3));
      // Every number takes at most five bytes.
      if (bytesLength + (occurrences + touchedCount) * 5 > bytes.length)
        bytes = grownBytes(bytes, Math.max(bytes.length * 2, bytesLength + (occurrences + touchedCount) * 5));
      recordsStart[template] = entriesLength;
      for (let t = 0; t < touchedCount; t++) {
        const slot = touched[t];
        const begin = bytesLength;
        // Unsigned LEB128 as ByteWriter.varint writes it (varint.ts).
        let v = slotState[slot * 4 + 3];
        while (v >= 0x80) {
          bytes[bytesLength++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        bytes[bytesLength++] = v;
        let previous = 0;
        for (let k = slotState[slot * 4 + 1]; k !== -1; k = occurrenceNext[k]) {
          v = occurrencePosition[k] - previous;
          previous = occurrencePosition[k];
          while (v >= 0x80) {
            bytes[bytesLength++] = (v & 0x7f) | 0x80;
            v >>>= 7;
          }
          bytes[bytesLength++] = v;
        }
        entries[entriesLength++] = slot;
        entries[entriesLength++] = begin;
        entries[entriesLength++] = bytesLength - begin;
      }
      recordsStart[template + 1] = entriesLength;
      templatePositions[template] = occurrences;
    }

    if (documentCount === documentItem.length) {
      documentItem = grown(documentItem, documentCount * 2);
      documentTemplate = grown(documentTemplate, documentCount * 2);
    }
    documentItem[documentCount] = item;
    documentTemplate[documentCount++] = template;
    positions += templatePositions[template];
    // First pass: each pair's posting grows by this item's delta and the template's bytes.
    for (let e = recordsStart[template], end = recordsStart[template + 1]; e < end; e += 3) {
      const slot = entries[e];
      slotBytes[slot] += varintLength(item - slotLastItem[slot]) + entries[e + 2];
      slotLastItem[slot] = item;
    }
  }

  // Second pass: every record straight to its place.
  const pairs = slots.size;
  const postingStart = new Int32Array(pairs + 1);
  for (let slot = 0; slot < pairs; slot++) postingStart[slot + 1] = postingStart[slot] + slotBytes[slot];
  const postings = new Uint8Array(postingStart[pairs]);
  const cursor = postingStart.slice(0, pairs);
  slotLastItem.fill(0);
  for (let d = 0; d < documentCount; d++) {
    const item = documentItem[d];
    const template = documentTemplate[d];
    for (let e = recordsStart[template], end = recordsStart[template + 1]; e < end; e += 3) {
      const slot = entries[e];
      let at = cursor[slot];
      // Unsigned LEB128 as ByteWriter.varint writes it (varint.ts).
      let v = item - slotLastItem[slot];
      slotLastItem[slot] = item;
      while (v >= 0x80) {
        postings[at++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      postings[at++] = v;
      for (let from = entries[e + 1], stop = from + entries[e + 2]; from < stop;) postings[at++] = bytes[from++];
      cursor[slot] = at;
    }
  }

  let buckets = 1;
  while (buckets < MAX_BUCKETS && postings.length / buckets > targetBucketBytes) buckets *= 2;

  const byBucket: [string, Uint8Array][][] = Array.from({ length: buckets }, () => []);
  for (let slot = 0; slot < pairs; slot++) {
    const key = slots.keyOf[slot];
    const second = key % ID_SPACE;
    const first = (key - second) / ID_SPACE;
    const text = pairKey(String.fromCodePoint(codeOfId[first]), second === 0 ? '' : String.fromCodePoint(codeOfId[second]));
    byBucket[bucketOf(text, buckets)].push([text, postings.subarray(postingStart[slot], postingStart[slot + 1])]);
  }
  const files = byBucket.map((entries) => encodeBucket(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))));
  return { buckets, files, pairs, positions };
}
