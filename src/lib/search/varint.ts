/**
 * Unsigned LEB128 varints: the search index stores item ids and positions as small deltas, most of
 * which fit in one byte.
 */

/** A growable byte buffer that varints are appended to. */
export class ByteWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(initial = 64) {
    this.buffer = new Uint8Array(initial);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  varint(value: number): void {
    if (this.length + 8 > this.buffer.length) this.reserve(8);
    // The index writes tens of millions of these: small values take the one-byte path.
    if (value >= 0 && value < 0x80 && (value | 0) === value) {
      this.buffer[this.length++] = value;
      return;
    }
    if (!Number.isInteger(value) || value < 0 || value > Number.MAX_SAFE_INTEGER)
      throw new Error(`varint: not a non-negative integer: ${value}`);
    let v = value;
    if (v <= 0x7fffffff) {
      // Integer arithmetic, no doubles: item ids and positions always take this path.
      while (v >= 0x80) {
        this.buffer[this.length++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      this.buffer[this.length++] = v;
      return;
    }
    while (v >= 0x80) {
      this.buffer[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buffer[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads varints from `bytes` starting at `offset`; `end` bounds the slice being read. */
export class ByteReader {
  constructor(
    readonly bytes: Uint8Array,
    public offset = 0,
    readonly end = bytes.length,
  ) {}

  get done(): boolean {
    return this.offset >= this.end;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.end) throw new Error('search index: a varint runs past the end of its data');
      const byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new Error('search index: a varint is too long');
    }
  }
}
