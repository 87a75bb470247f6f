import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readListFile } from '../../../src/lib/import';
import { decodeListFile, parseDocument, type ParsedDocument } from '../../../src/lib/parse';
import { listToDocx, type FixtureOptions } from './docx-fixture';

/**
 * Every bundled list, written back as the Word document it was published as (docx-fixture.ts), reads
 * as the same list as its text export: the same items with the same 序号, names, departments and
 * steps, whichever way Word holds them.
 */
const RAW = fileURLToPath(new URL('../../../data/raw/', import.meta.url));
const LISTS = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .map((file) => ({ file, text: decodeListFile(readFileSync(join(RAW, file))).text }));

/** The Word markup each way must hold, so that a way that stopped writing it would not pass unnoticed. */
const MARKUP: Record<keyof FixtureOptions, RegExp> = {
  autoNumbering: /<w:numPr>/,
  autoNumberedSeq: /<w:numPr>/,
  mergeCategories: /<w:vMerge w:val="continue"\/>/,
  lineBreaks: /<w:br\/>/,
  splitTables: /<w:br w:type="page"\/>/,
  titleRows: /<w:gridSpan w:val="\d"\/>/,
};

const documentXml = (docx: Uint8Array) =>
  strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);

const WAYS: [string, FixtureOptions][] = [
  ['as typed: one paragraph per <p>, typed step numbers', {}],
  [
    'steps numbered by Word, 序号 numbered by Word, 事项类别 merged down its rows',
    { autoNumbering: true, autoNumberedSeq: true, mergeCategories: true },
  ],
  [
    'a cell’s paragraphs as line breaks, each table split at a page break, its header repeated',
    { lineBreaks: true, splitTables: 'with-header' },
  ],
  [
    'the list title as a row merged across the table, each table split without a header, 事项类别 merged',
    { titleRows: true, splitTables: 'without-header', mergeCategories: true },
  ],
];

/** What the list says, without where its lines are (a Word document has no lines to compare). */
function content(document: ParsedDocument) {
  const withoutLines = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'line' ? undefined : v)) as unknown;
  return {
    place: document.place,
    published: document.published,
    stated: withoutLines(document.stated),
    items: withoutLines(document.items),
  };
}

describe.each(LISTS)('$file as a .docx', ({ file, text }) => {
  const expected = content(parseDocument(text, file));

  it.each(WAYS)('reads the same list, %s', async (_, options) => {
    const docx = await listToDocx(text, options);
    const xml = documentXml(docx);
    for (const option of Object.keys(options) as (keyof FixtureOptions)[]) expect(xml, option).toMatch(MARKUP[option]);
    if (options.splitTables) expect(xml.match(/<w:tbl>/g)).toHaveLength(2 * 3);
    const read = content(readListFile(file.replace(/\.txt$/, '.docx'), docx));
    expect(read.items).toEqual(expected.items);
    expect(read).toEqual(expected);
  });
});
