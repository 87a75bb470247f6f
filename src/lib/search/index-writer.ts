import { ByteWriter } from './varint';
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
 * id (END is 0), and a pair is first id × 2¹⁵ + second id — a small integer V8 hashes fast, where a
 * string or a 42-bit number key made the build several times slower on a region's 30 million pairs.
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

/** A growable Int32Array. */
class IntLog {
  data = new Int32Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Two passes. The first reads the documents and appends one record per (pair, item) to a single
 * log — pair slot, item, count, positions — so memory is written in order. The second groups the
 * records by pair (a counting sort keeps items ascending) and encodes each posting. Writing into
 * one buffer per pair as the documents went by touched a different part of memory at every step
 * and took three times as long on a region's thirty million positions.
 */
export function buildSearchIndex(documents: Iterable<SearchDocument>, targetBucketBytes = TARGET_BUCKET_BYTES): SearchIndexFiles {
  const slotOf = new Map<number, number>();
  const idOfCode = new Int32Array(0x110000);
  const codeOfId: number[] = [0];
  let codes = new Int32Array(4096);
  let lastItem = 0;

  // Per slot, for the current document: its occurrences chained in position order.
  let slotDoc = new Int32Array(1024).fill(-1);
  let slotHead = new Int32Array(1024);
  let slotTail = new Int32Array(1024);
  let slotCount = new Int32Array(1024);
  let slotRecords = new Int32Array(1024);
  const growSlots = () => {
    const grow = (a: Int32Array, fill = 0) => {
      const next = new Int32Array(a.length * 2).fill(fill);
      next.set(a);
      return next;
    };
    slotDoc = grow(slotDoc, -1);
    slotHead = grow(slotHead);
    slotTail = grow(slotTail);
    slotCount = grow(slotCount);
    slotRecords = grow(slotRecords);
  };
  let occurrencePosition = new Int32Array(4096);
  let occurrenceNext = new Int32Array(4096);
  const touched: number[] = [];
  const log = new IntLog();
  const recordAt = new IntLog();
  let docNo = 0;

  for (const { item, units } of documents) {
    if (item <= lastItem) throw new Error(`search index: item ${item} after ${lastItem}; items must ascend`);
    lastItem = item;
    touched.length = 0;
    let occurrences = 0;
    let offset = 0;
    for (const unit of units) {
      if (unit.length > codes.length) codes = new Int32Array(unit.length * 2);
      const n = codePoints(unit, codes);
      if (occurrences + n > occurrencePosition.length) {
        const size = Math.max(occurrencePosition.length * 2, occurrences + n);
        const position = new Int32Array(size);
        position.set(occurrencePosition);
        const next = new Int32Array(size);
        next.set(occurrenceNext);
        occurrencePosition = position;
        occurrenceNext = next;
      }
      for (let i = 0; i < n; i++) {
        let id = idOfCode[codes[i]];
        if (id === 0) {
          id = idOfCode[codes[i]] = codeOfId.length;
          if (id >= ID_SPACE) throw new Error(`search index: more than ${ID_SPACE - 1} distinct characters`);
          codeOfId.push(codes[i]);
        }
        codes[i] = id;
      }
      for (let i = 0; i < n; i++) {
        const key = codes[i] * ID_SPACE + (i + 1 < n ? codes[i + 1] : 0);
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = slotOf.size;
          slotOf.set(key, slot);
          if (slot === slotDoc.length) growSlots();
        }
        const k = occurrences++;
        occurrencePosition[k] = offset + i;
        occurrenceNext[k] = -1;
        if (slotDoc[slot] !== docNo) {
          slotDoc[slot] = docNo;
          slotHead[slot] = k;
          slotCount[slot] = 1;
          touched.push(slot);
        } else {
          occurrenceNext[slotTail[slot]] = k;
          slotCount[slot]++;
        }
        slotTail[slot] = k;
      }
      // One position between units: a pair never spans two of them, and neither does a match.
      offset += n + 1;
    }
    for (const slot of touched) {
      recordAt.push(log.length);
      slotRecords[slot]++;
      log.push(slot);
      log.push(item);
      log.push(slotCount[slot]);
      for (let k = slotHead[slot]; k !== -1; k = occurrenceNext[k]) log.push(occurrencePosition[k]);
    }
    docNo++;
  }

  // Group records by slot, keeping their (ascending item) order.
  const pairs = slotOf.size;
  const start = new Int32Array(pairs + 1);
  for (let slot = 0; slot < pairs; slot++) start[slot + 1] = start[slot] + slotRecords[slot];
  const fill = start.slice(0, pairs);
  const order = new Int32Array(recordAt.length);
  for (let r = 0; r < recordAt.length; r++) order[fill[log.data[recordAt.data[r]]]++] = recordAt.data[r];

  const out = new ByteWriter(1 << 20);
  const postingStart = new Int32Array(pairs + 1);
  let positions = 0;
  for (let slot = 0; slot < pairs; slot++) {
    postingStart[slot] = out.length;
    let previousItem = 0;
    for (let r = start[slot]; r < start[slot + 1]; r++) {
      let at = order[r] + 1;
      const item = log.data[at++];
      const count = log.data[at++];
      out.varint(item - previousItem);
      previousItem = item;
      out.varint(count);
      let previous = 0;
      for (let c = 0; c < count; c++) {
        const p = log.data[at++];
        out.varint(p - previous);
        previous = p;
      }
      positions += count;
    }
  }
  postingStart[pairs] = out.length;
  const postings = out.result();

  let buckets = 1;
  while (buckets < MAX_BUCKETS && postings.length / buckets > targetBucketBytes) buckets *= 2;

  const byBucket: [string, Uint8Array][][] = Array.from({ length: buckets }, () => []);
  for (const [key, slot] of slotOf) {
    const second = key % ID_SPACE;
    const first = (key - second) / ID_SPACE;
    const text = pairKey(String.fromCodePoint(codeOfId[first]), second === 0 ? '' : String.fromCodePoint(codeOfId[second]));
    byBucket[bucketOf(text, buckets)].push([text, postings.subarray(postingStart[slot], postingStart[slot + 1])]);
  }
  const files = byBucket.map((entries) => encodeBucket(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))));
  return { buckets, files, pairs, positions };
}
