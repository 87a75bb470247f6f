import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readListFile } from '../../../src/lib/import';
import { parseDocument, type ParsedDocument } from '../../../src/lib/parse';
import { listToDocx } from './docx-fixture';

/**
 * A check against a second Word writer, where LibreOffice is installed (`apt-get install
 * libreoffice-writer-nogui`; CI does not install it, and skips this): a bundled list as HTML tables
 * saved as .docx by LibreOffice, and its generated .docx re-saved by it, read as the same list. One
 * list, the first: LibreOffice takes seconds to start, and docx-reader.test.ts reads them all.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const RAW = fileURLToPath(new URL('../../../data/raw/', import.meta.url));
const LISTS = readdirSync(RAW)
  .filter((f) => f.endsWith('.txt'))
  .slice(0, 1)
  .map((file) => ({ file, name: file.replace(/\.txt$/, ''), text: readFileSync(join(RAW, file), 'utf8') }));

/** Text escaped for HTML, but the export's own cell markup (<p>, <ol>, <li>, <br>) kept as markup. */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/&lt;(\/?(?:p|ol|ul|li|br)\b[^&]*?)&gt;/g, '<$1>');

/**
 * An <ol> whose items the export ran together without their numbers ("<ol …> 甲； 乙； 丙") as the list it
 * was: an <li> per item. (Typed numbers need nothing: one paragraph "1. 甲； 2. 乙" reads the same.)
 */
const listItems = (cell: string) =>
  cell.replace(/(<ol\b[^>]*>)((?:(?!<\/?(?:ol|li|p)\b)[^])*)/g, (whole, open: string, body: string) =>
    /(?:^|\s)1[.．、]/.test(body) || !body.trim()
      ? whole
      : `${open}${body
          .trim()
          .split(/(?<=[；;])\s+/)
          .map((item) => `<li>${item}</li>`)
          .join('')}</ol>`,
  );

/** A text export as an HTML page: its lines as paragraphs, each list's rows as one table. */
function asHtml(text: string): string {
  const out: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split('\t');
    const row = /^(?:序号|\d+)\t/.test(line);
    if (row && !inTable) out.push('<table border="1">');
    if (!row && line.trim() && inTable) out.push('</table>');
    if (row) out.push(`<tr>${cells.map((c) => `<td>${listItems(html(c))}</td>`).join('')}</tr>`);
    else if (line.trim()) out.push(`<p>${html(line.replace(/^#+\s*/, '').replace(/\t/g, ' '))}</p>`);
    inTable = row || (inTable && !line.trim());
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}

/** Converts every file in `dir` with LibreOffice in one run: filter is its export filter name. */
function convert(dir: string, files: string[], extension: string, filter: string, inFilter?: string): void {
  execFileSync(
    SOFFICE!,
    [
      '--headless',
      '--norestore',
      ...(inFilter ? [`--infilter=${inFilter}`] : []),
      '--convert-to',
      `${extension}:${filter}`,
      '--outdir',
      join(dir, 'out'),
      ...files.map((f) => join(dir, f)),
    ],
    { stdio: 'ignore', timeout: 300_000, env: { ...process.env, HOME: dir } },
  );
}

const items = (document: ParsedDocument) =>
  document.items.map(({ list, seq, category, name, leadDepartments, departmentSteps, townshipSteps }) => ({
    list,
    seq,
    category,
    name,
    leadDepartments,
    departmentSteps,
    townshipSteps,
  }));

describe.skipIf(!SOFFICE)('.docx written by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-soffice-'));
  beforeAll(async () => {
    for (const { name, text } of LISTS) {
      writeFileSync(join(dir, `${name}.html`), asHtml(text));
      const everything = {
        autoNumbering: true,
        autoNumberedSeq: true,
        mergeCategories: true,
        titleRows: true,
        splitTables: 'with-header',
      } as const;
      writeFileSync(join(dir, `${name}-word.docx`), await listToDocx(text, everything));
    }
    convert(
      dir,
      LISTS.map((l) => `${l.name}.html`),
      'docx',
      'MS Word 2007 XML',
      'HTML (StarWriter)',
    );
    // Through LibreOffice's own format and back: what it writes of numbering and merged cells.
    convert(
      dir,
      LISTS.map((l) => `${l.name}-word.docx`),
      'odt',
      'writer8',
    );
    convert(
      join(dir, 'out'),
      LISTS.map((l) => `${l.name}-word.odt`),
      'docx',
      'MS Word 2007 XML',
    );
  }, 300_000);

  it.each(LISTS)('reads $file saved from HTML as the same items', ({ file, name, text }) => {
    const read = readListFile(`${name}.docx`, readFileSync(join(dir, 'out', `${name}.docx`)));
    expect(items(read)).toEqual(items(parseDocument(text, file)));
  });

  it.each(LISTS)('reads $file re-saved by LibreOffice as the same items', ({ file, name, text }) => {
    const read = readListFile(`${name}.docx`, readFileSync(join(dir, 'out', 'out', `${name}-word.docx`)));
    expect(items(read)).toEqual(items(parseDocument(text, file)));
  });
});
