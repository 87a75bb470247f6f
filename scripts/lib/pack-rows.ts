/**
 * Rows handed to a worker thread as a few flat buffers instead of a million objects.
 *
 * postMessage clones an array of row objects property by property: the items and steps of 1,100
 * townships (a million rows) took ≈2 s to serialize and ≈5 s to deserialize. Packed — every string
 * of every cell laid end to end in one string, every number in one Float64Array — they cross in a
 * fraction of that, and the typed arrays are transferred, not copied.
 */

export interface PackedRows {
  /** The first row's keys: the rows of one table share them. */
  columns: string[];
  count: number;
  /** Per cell, row by row: TAG_NULL, TAG_NUMBER, TAG_STRING or TAG_UNDEFINED. */
  tags: Uint8Array;
  /** The number cells' values, in cell order. */
  numbers: Float64Array;
  /** The string cells' values laid end to end, and each one's length in UTF-16 code units. */
  text: string;
  lengths: Int32Array;
}

const TAG_NULL = 0;
const TAG_NUMBER = 1;
const TAG_STRING = 2;
const TAG_UNDEFINED = 3;

type Packer = (rows: readonly object[], tags: Uint8Array, numbers: Float64Array, lengths: Int32Array, strings: string[]) => number;
type Unpacker = (count: number, tags: Uint8Array, numbers: Float64Array, text: string, lengths: Int32Array) => object[];

/**
 * The loops are compiled per set of columns, each column read and written by name: a loop over
 * `row[column]` with the column in a variable sends every access through V8's megamorphic path and
 * took three times as long on a million rows. Column names enter the source only as JSON string
 * literals, so any name is safe.
 */
const compiled = new Map<string, { pack: Packer; unpack: Unpacker }>();

function compile(columns: string[]): { pack: Packer; unpack: Unpacker } {
  const signature = JSON.stringify(columns);
  let loops = compiled.get(signature);
  if (loops) return loops;
  const names = columns.map((c) => JSON.stringify(c));
  const pack = names
    .map(
      (name) => `
      value = row[${name}];
      if (typeof value === 'string') { tags[cell] = ${TAG_STRING}; lengths[s++] = value.length; strings.push(value); }
      else if (typeof value === 'number') { tags[cell] = ${TAG_NUMBER}; numbers[n++] = value; }
      else if (value === null) tags[cell] = ${TAG_NULL};
      else if (value === undefined) tags[cell] = ${TAG_UNDEFINED};
      else throw new Error('pack-rows: ' + ${name} + ' holds a ' + typeof value + '; only strings, numbers and null cross');
      cell++;`,
    )
    .join('');
  const unpack = names
    .map(
      (name) => `
      ${name}: (tag = tags[cell++]) === ${TAG_STRING} ? text.slice(offset, (offset += lengths[s++])) : tag === ${TAG_NUMBER} ? numbers[n++] : tag === ${TAG_NULL} ? null : undefined,`,
    )
    .join('');
  loops = {
    pack: new Function(
      'rows',
      'tags',
      'numbers',
      'lengths',
      'strings',
      `let cell = 0, n = 0, s = 0, value;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];${pack}
      }
      return n;`,
    ) as Packer,
    unpack: new Function(
      'count',
      'tags',
      'numbers',
      'text',
      'lengths',
      `const rows = new Array(count);
      let cell = 0, n = 0, s = 0, offset = 0, tag;
      for (let r = 0; r < count; r++) rows[r] = {${unpack}
      };
      return rows;`,
    ) as Unpacker,
  };
  compiled.set(signature, loops);
  return loops;
}

/** Packs `rows`: strings, numbers, null and undefined values only. */
export function packRows(rows: readonly object[]): PackedRows {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const cells = rows.length * columns.length;
  const tags = new Uint8Array(cells);
  const numbers = new Float64Array(cells);
  const lengths = new Int32Array(cells);
  const strings: string[] = [];
  const n = compile(columns).pack(rows, tags, numbers, lengths, strings);
  return {
    columns,
    count: rows.length,
    tags,
    numbers: numbers.slice(0, n),
    text: strings.join(''),
    lengths: lengths.slice(0, strings.length),
  };
}

/** The buffers to transfer with a packed table (its text is a string, which is copied). */
export function packedBuffers(packed: PackedRows): ArrayBuffer[] {
  return [packed.tags.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer, packed.lengths.buffer as ArrayBuffer];
}

/** The rows again, each an object with the columns in their packed order. */
export function unpackRows<Row>(packed: PackedRows): Row[] {
  const { columns, count, tags, numbers, text, lengths } = packed;
  return compile(columns).unpack(count, tags, numbers, text, lengths) as Row[];
}
