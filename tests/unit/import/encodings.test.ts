import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readListFile } from '../../../src/lib/import';
import { parseDocument } from '../../../src/lib/parse';
import { encodeGb18030, encodeUtf16, encodeUtf8WithBom } from './encode';

/** Every bundled list saved the ways Windows tools save text reads as the same list. */
const RAW = fileURLToPath(new URL('../../../data/raw/', import.meta.url));
const LISTS = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((file) => ({ file, text: readFileSync(join(RAW, file), 'utf8') }));

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const ENCODINGS: [string, (text: string) => Uint8Array][] = [
  ['UTF-8 with a BOM and CRLF (Notepad)', (text) => encodeUtf8WithBom(crlf(text))],
  ['GB18030 with CRLF (Chinese Windows)', (text) => encodeGb18030(crlf(text))],
  ['UTF-16 LE with a BOM and CRLF (Notepad "Unicode", Excel "Unicode text")', (text) => encodeUtf16(crlf(text), 'le')],
  ['UTF-16 BE with a BOM', (text) => encodeUtf16(text, 'be')],
];

describe.each(LISTS)('$file', ({ file, text }) => {
  const expected = parseDocument(text, file);
  it.each(ENCODINGS)('reads the same in %s', (_, encode) => {
    expect(readListFile(file, encode(text))).toEqual(expected);
  });
});
