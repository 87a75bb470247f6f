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

/**
 * Log entries (items, counts, positions) per chunk of documents. A chunk's log, its grouping and its
 * encoded bytes then fit in the processor's cache together; a region's whole log (a hundred million
 * entries) re-read in pair order missed the cache at nearly every record and took half the build.
 */
const CHUNK_ENTRIES = 1 << 17;

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

/** What the chunks leave behind: each chunk's encoded bytes and its segments (slot, offset, length). */
interface Chunks {
  bytes: Uint8Array[];
  segments: Int32Array[];
  positions: number;
  /** Scratch space reused by every chunk. */
  order: Int32Array;
  encoded: Uint8Array;
}

/**
 * Documents are read in chunks. Within a chunk, each document appends one record per pair it holds
 * to a log — item, count, positions — so memory is written in order; at the chunk's end the records
 * are grouped by pair (a counting sort keeps items ascending) and each pair's part of its posting is
 * encoded, continuing from the last item the previous chunks gave that pair, so the parts of one
 * pair only need to be laid end to end. Everything a chunk touches stays cache-sized.
 *
 * The hot state lives in plain local variables, never captured by a closure: V8 keeps those in
 * registers, where captured ones are loaded from and stored to the heap at every use.
 */
export function buildSearchIndex(documents: Iterable<SearchDocument>, targetBucketBytes = TARGET_BUCKET_BYTES): SearchIndexFiles {
  const slots = new PairSlots();
  const idOfCode = new Int32Array(0x110000);
  const codeOfId: number[] = [0];
  let codes = new Int32Array(4096);
  let lastItem = 0;

  // Per slot, for the current document: its occurrences chained in position order, four numbers
  // side by side (document, head, tail, count) so one cache line holds them.
  let slotState = new Int32Array(4096).fill(-1);
  // Per slot, for the current chunk: its records. Across chunks: the last item encoded and the bytes
  // of its posting so far.
  let slotChunk = new Int32Array(1024).fill(-1);
  let slotRecords = new Int32Array(1024);
  let slotLastItem = new Int32Array(1024);
  let slotBytes = new Int32Array(1024);
  let occurrencePosition = new Int32Array(4096);
  let occurrenceNext = new Int32Array(4096);
  let touched = new Int32Array(1024);

  // A unit's slots in order, computed once per distinct text: a region's lists repeat the same
  // names and steps township after township (1.05 million units, 64 thousand distinct at 1,100
  // townships), so most units skip the character and pair look-ups. unitAt gives where a text's
  // slots start in `unitSlots`, preceded by their number.
  const unitAt = new Map<string, number>();
  let unitSlots = new Int32Array(1 << 16);
  let unitSlotsLength = 0;

  // The current chunk: its log, where each record starts and which slot it belongs to, and the
  // slots it touched in order of first sight.
  let log = new Int32Array(CHUNK_ENTRIES + 4096);
  let logLength = 0;
  let recordStart = new Int32Array(CHUNK_ENTRIES / 4);
  let recordSlot = new Int32Array(CHUNK_ENTRIES / 4);
  let records = 0;
  let chunkSlots = new Int32Array(1024);
  let chunkSlotCount = 0;
  let chunkNo = 0;
  const chunks: Chunks = { bytes: [], segments: [], positions: 0, order: new Int32Array(0), encoded: new Uint8Array(0) };

  let docNo = 0;
  for (const { item, units } of documents) {
    if (item <= lastItem) throw new Error(`search index: item ${item} after ${lastItem}; items must ascend`);
    if (!Number.isInteger(item) || item > 0x7fffffff) throw new Error(`search index: item ${item} is not a 31-bit integer`);
    lastItem = item;
    let touchedCount = 0;
    let occurrences = 0;
    let offset = 0;
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
        if (slots.size * 4 > slotState.length) {
          const size = Math.max(slotChunk.length * 2, slots.size);
          slotState = grown(slotState, size * 4).fill(-1, slotState.length);
          slotChunk = grown(slotChunk, size).fill(-1, slotChunk.length);
          slotRecords = grown(slotRecords, size);
          slotLastItem = grown(slotLastItem, size);
          slotBytes = grown(slotBytes, size);
        }
      }
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
        if (slotState[state] !== docNo) {
          slotState[state] = docNo;
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

    // The document's records: a document never straddles two chunks.
    const entries = touchedCount * 2 + occurrences;
    if (logLength > 0 && logLength + entries > CHUNK_ENTRIES) {
      encodeChunk(
        chunks,
        log,
        logLength,
        recordStart,
        recordSlot,
        records,
        chunkSlots,
        chunkSlotCount,
        slotRecords,
        slotLastItem,
        slotBytes,
      );
      logLength = records = chunkSlotCount = 0;
      chunkNo++;
    }
    if (logLength + entries > log.length) log = grown(log, logLength + entries);
    if (records + touchedCount > recordStart.length) {
      const size = Math.max(recordStart.length * 2, records + touchedCount);
      recordStart = grown(recordStart, size);
      recordSlot = grown(recordSlot, size);
    }
    for (let t = 0; t < touchedCount; t++) {
      const slot = touched[t];
      if (slotChunk[slot] !== chunkNo) {
        slotChunk[slot] = chunkNo;
        if (chunkSlotCount === chunkSlots.length) chunkSlots = grown(chunkSlots, chunkSlotCount * 2);
        chunkSlots[chunkSlotCount++] = slot;
      }
      slotRecords[slot]++;
      recordStart[records] = logLength;
      recordSlot[records++] = slot;
      log[logLength++] = item;
      log[logLength++] = slotState[slot * 4 + 3];
      for (let k = slotState[slot * 4 + 1]; k !== -1; k = occurrenceNext[k]) log[logLength++] = occurrencePosition[k];
    }
    docNo++;
  }
  encodeChunk(chunks, log, logLength, recordStart, recordSlot, records, chunkSlots, chunkSlotCount, slotRecords, slotLastItem, slotBytes);

  // Lay each pair's parts end to end, chunk after chunk.
  const pairs = slots.size;
  const postingStart = new Int32Array(pairs + 1);
  for (let slot = 0; slot < pairs; slot++) postingStart[slot + 1] = postingStart[slot] + slotBytes[slot];
  const postings = new Uint8Array(postingStart[pairs]);
  const cursor = postingStart.slice(0, pairs);
  for (let c = 0; c < chunks.bytes.length; c++) {
    const bytes = chunks.bytes[c];
    const segments = chunks.segments[c];
    for (let s = 0; s < segments.length; s += 3) {
      const slot = segments[s];
      let from = segments[s + 1];
      const length = segments[s + 2];
      let to = cursor[slot];
      cursor[slot] = to + length;
      // Most parts are a few bytes: a loop beats making a subarray for each.
      if (length < 64) for (const stop = from + length; from < stop;) postings[to++] = bytes[from++];
      else postings.set(bytes.subarray(from, from + length), to);
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
  return { buckets, files, pairs, positions: chunks.positions };
}

/**
 * Groups one chunk's records by slot (a counting sort, slots in order of first sight, items
 * ascending within each) and encodes each slot's part of its posting, continuing from the last item
 * an earlier chunk gave it. Leaves slotRecords at 0 for the next chunk.
 */
function encodeChunk(
  chunks: Chunks,
  log: Int32Array,
  logLength: number,
  recordStart: Int32Array,
  recordSlot: Int32Array,
  records: number,
  chunkSlots: Int32Array,
  chunkSlotCount: number,
  slotRecords: Int32Array,
  slotLastItem: Int32Array,
  slotBytes: Int32Array,
): void {
  if (records === 0) return;
  let at = 0;
  for (let s = 0; s < chunkSlotCount; s++) {
    const slot = chunkSlots[s];
    const n = slotRecords[slot];
    slotRecords[slot] = at;
    at += n;
  }
  if (chunks.order.length < records) chunks.order = new Int32Array(Math.max(records, recordStart.length));
  const order = chunks.order;
  for (let r = 0; r < records; r++) order[slotRecords[recordSlot[r]]++] = r;

  // Every entry (item delta, count, position delta) takes at most five bytes as a varint.
  if (chunks.encoded.length < logLength * 5) chunks.encoded = new Uint8Array(logLength * 5);
  const out = chunks.encoded;
  let length = 0;
  let positions = 0;
  const segments = new Int32Array(chunkSlotCount * 3);
  let r = 0;
  for (let s = 0; s < chunkSlotCount; s++) {
    const slot = chunkSlots[s];
    const end = slotRecords[slot];
    const begin = length;
    let previousItem = slotLastItem[slot];
    for (; r < end; r++) {
      let e = recordStart[order[r]];
      const item = log[e++];
      const count = log[e++];
      // Unsigned LEB128 as ByteWriter.varint writes it (varint.ts), inlined: this loop writes every
      // byte of the index.
      let v = item - previousItem;
      previousItem = item;
      while (v >= 0x80) {
        out[length++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      out[length++] = v;
      v = count;
      while (v >= 0x80) {
        out[length++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      out[length++] = v;
      let previous = 0;
      for (const stop = e + count; e < stop; e++) {
        const p = log[e];
        v = p - previous;
        previous = p;
        while (v >= 0x80) {
          out[length++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        out[length++] = v;
      }
      positions += count;
    }
    slotLastItem[slot] = previousItem;
    slotBytes[slot] += length - begin;
    segments[s * 3] = slot;
    segments[s * 3 + 1] = begin;
    segments[s * 3 + 2] = length - begin;
    slotRecords[slot] = 0;
  }
  chunks.bytes.push(out.slice(0, length));
  chunks.segments.push(segments);
  chunks.positions += positions;
}
