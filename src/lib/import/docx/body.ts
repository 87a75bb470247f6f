/**
 * The document's body (w:body) as blocks in reading order: its paragraphs, each with its lines, and
 * its tables, each with its rows. Blocks are numbered as a reader counts them (paragraph 12, table 2),
 * so a refusal can say where. A table of contents (a content control of that kind, or entries in the
 * toc styles) is left out: a list's TOC repeats its section titles.
 */
import type { Element } from '@xmldom/xmldom';
import { DocxError } from './docx-error';
import type { ListNumbering } from './numbering';
import { readParagraph } from './paragraph';
import type { ParagraphStyles } from './styles';
import { TableReader, type WordCell } from './table';
import { childElements, childValue, isWord, wordChild } from './xml';

export type Block = { kind: 'paragraph'; index: number; lines: string[] } | { kind: 'table'; index: number; rows: WordCell[][] };

const isTableOfContents = (sdt: Element) =>
  childValue(wordChild(wordChild(sdt, 'sdtPr'), 'docPartObj'), 'docPartGallery') === 'Table of Contents';

export function readBody(document: Element, numbering: ListNumbering, styles: ParagraphStyles): Block[] {
  const body = wordChild(document, 'body');
  if (!body) throw new DocxError({ kind: 'no-body' });
  const tables = new TableReader(numbering, styles);
  const blocks: Block[] = [];
  let paragraphs = 0;
  let tableCount = 0;
  const walk = (container: Element) => {
    for (const child of childElements(container)) {
      if (isWord(child, 'p')) {
        const paragraph = readParagraph(child, numbering, styles);
        paragraphs++;
        if (!paragraph.tableOfContents) blocks.push({ kind: 'paragraph', index: paragraphs, lines: paragraph.lines });
      } else if (isWord(child, 'tbl')) {
        blocks.push({ kind: 'table', index: ++tableCount, rows: tables.read(child) });
      } else if (isWord(child, 'sdt')) {
        const content = wordChild(child, 'sdtContent');
        if (content && !isTableOfContents(child)) walk(content);
      } else if (isWord(child, 'customXml')) walk(child);
    }
  };
  walk(body);
  return blocks;
}
