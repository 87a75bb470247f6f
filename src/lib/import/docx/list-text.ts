/**
 * A .docx list as the lines of its text export, which the parser (src/lib/parse) reads: the one
 * reading of a list, whichever form it came in, so a .docx gives the items its text export gives.
 *
 * - A paragraph is a line; a line break inside it starts another (a title over three lines).
 * - A table row is a line of its cells joined by tabs. A cell of one paragraph on one line is its
 *   text; a cell of several is `<p>…</p>` per paragraph with `<br>` at its line breaks — the markup
 *   the published text exports use, which the parser already splits into steps.
 * - Tabs and line ends inside text become spaces: in this format a tab ends a cell and a line end a row.
 *
 * Each line remembers where it came from (table 2, row 15), for refusals.
 */
import { readBody, type Block } from './body';
import { readDocxParts } from './container';
import { ListNumbering } from './numbering';
import { ParagraphStyles } from './styles';
import type { WordCell } from './table';
import { parseXml } from './xml';
import type { Where } from '../../parse/where';

export interface DocxText {
  /** The lines of the text export, joined by '\n'. */
  text: string;
  /** Where each line came from, by line number - 1: paragraph 3, table 2 row 15. */
  origins: Where[];
}

const flat = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

function cellMarkup(cell: WordCell): string {
  const paragraphs = cell.map((lines) => lines.map(flat).filter((line) => line.trim() !== '')).filter((lines) => lines.length > 0);
  if (paragraphs.length === 0) return '';
  if (paragraphs.length === 1 && paragraphs[0].length === 1) return paragraphs[0][0];
  return paragraphs.map((lines) => `<p>${lines.join('<br>')}</p>`).join(' ');
}

function linesOf(blocks: Block[]): DocxText {
  const lines: string[] = [];
  const origins: Where[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      for (const line of block.lines) {
        lines.push(flat(line));
        origins.push({ paragraph: block.index });
      }
      continue;
    }
    block.rows.forEach((cells, row) => {
      lines.push(cells.map(cellMarkup).join('\t'));
      origins.push({ table: block.index, row: row + 1 });
    });
    // A table ends as the text export's tables end: with a blank line.
    lines.push('');
    origins.push({ afterTable: block.index });
  }
  return { text: lines.join('\n'), origins };
}

/** The text export of a .docx list. Throws a DocxError for a file that is not a readable Word document. */
export function docxListText(bytes: Uint8Array): DocxText {
  const parts = readDocxParts(bytes);
  const document = parseXml(parts.document, 'word/document.xml');
  const styles = new ParagraphStyles(parts.styles === null ? null : parseXml(parts.styles, 'word/styles.xml'));
  const numbering = new ListNumbering(parts.numbering === null ? null : parseXml(parts.numbering, 'word/numbering.xml'), styles);
  return linesOf(readBody(document, numbering, styles));
}
