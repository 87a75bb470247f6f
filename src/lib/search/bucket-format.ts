import { ByteReader, ByteWriter } from './varint';

/**
 * One bucket file of the search index:
 *
 *   'DAS1'                                   magic
 *   varint  pairs
 *   pairs × (varint first code point, varint second code point or 0 for END, varint posting bytes)
 *   the postings, in the same order
 *
 * A posting is, per item in ascending order: varint item − previous item, varint count, then count
 * varint position − previous position.
 */

const MAGIC = [0x44, 0x41, 0x53, 0x31]; // 'DAS1'

export function encodeBucket(entries: [key: string, posting: Uint8Array][]): Uint8Array {
  const out = new ByteWriter(1024);
  out.bytes(Uint8Array.from(MAGIC));
  out.varint(entries.length);
  for (const [key, posting] of entries) {
    const [first, second] = Array.from(key);
    out.varint(first.codePointAt(0)!);
    out.varint(second === undefined ? 0 : second.codePointAt(0)!);
    out.varint(posting.length);
  }
  for (const [, posting] of entries) out.bytes(posting);
  return out.result();
}

/** A decoded bucket header: where each pair's posting lies in the file. */
export class SearchBucket {
  private readonly ranges = new Map<string, [start: number, end: number]>();
  /** Pairs by their first character: a one-character term reads all of them. */
  private readonly byFirst = new Map<string, string[]>();

  constructor(readonly bytes: Uint8Array) {
    if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('search index: not a bucket file');
    const reader = new ByteReader(bytes, 4);
    const count = reader.varint();
    const header: [string, number][] = [];
    for (let i = 0; i < count; i++) {
      const first = String.fromCodePoint(reader.varint());
      const second = reader.varint();
      header.push([second === 0 ? first : first + String.fromCodePoint(second), reader.varint()]);
    }
    let offset = reader.offset;
    for (const [key, length] of header) {
      if (offset + length > bytes.length) throw new Error('search index: a posting runs past the end of its bucket');
      this.ranges.set(key, [offset, offset + length]);
      const first = String.fromCodePoint(key.codePointAt(0)!);
      const keys = this.byFirst.get(first);
      if (keys) keys.push(key);
      else this.byFirst.set(first, [key]);
      offset += length;
    }
  }

  /** The posting of one pair, or undefined when no item has it. */
  posting(key: string): ByteReader | undefined {
    const range = this.ranges.get(key);
    return range && new ByteReader(this.bytes, range[0], range[1]);
  }

  /** Every pair that starts with `first` (its one-character term). */
  keysStartingWith(first: string): string[] {
    return this.byFirst.get(first) ?? [];
  }
}
