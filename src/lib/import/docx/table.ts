/**
 * One table (w:tbl) as rows of cells, each cell its paragraphs' lines, with merged cells resolved the
 * way a reader sees them:
 *
 * - a cell merged across columns (w:gridSpan) is one cell, as in the text export: the row has as
 *   many cells as the reader sees, however the grid below it is drawn;
 * - a cell merged down rows (w:vMerge: a 事项类别 written once for its five rows) is read as its first
 *   row's content in every row it covers, which is what each row means (the text export writes it in
 *   each row);
 * - a table inside a cell gives its cells' paragraphs to the cell, in reading order.
 *
 * Rows and cells inside content controls (w:sdt) and custom XML are read through; rows deleted with
 * tracked changes are not rows.
 */
import type { Element } from '@xmldom/xmldom';
import { readParagraph } from './paragraph';
import type { ListNumbering } from './numbering';
import type { ParagraphStyles } from './styles';
import { childElements, childValue, isWord, wordAttribute, wordChild } from './xml';

/** A cell's paragraphs, each its lines. */
export type WordCell = string[][];

/** `localName` children, also those wrapped in content controls or custom XML. */
function wrappedChildren(element: Element, localName: string): Element[] {
  const found: Element[] = [];
  for (const child of childElements(element)) {
    if (isWord(child, localName)) found.push(child);
    else if (isWord(child, 'sdt')) {
      const content = wordChild(child, 'sdtContent');
      if (content) found.push(...wrappedChildren(content, localName));
    } else if (isWord(child, 'customXml')) found.push(...wrappedChildren(child, localName));
  }
  return found;
}

export class TableReader {
  constructor(
    private readonly numbering: ListNumbering,
    private readonly styles: ParagraphStyles,
  ) {}

  read(table: Element): WordCell[][] {
    const rows: WordCell[][] = [];
    // The cell each grid column last started: what a cell merged down from it shows.
    const above: WordCell[] = [];
    for (const row of wrappedChildren(table, 'tr')) {
      const rowProperties = wordChild(row, 'trPr');
      if (wordChild(rowProperties, 'del')) continue;
      let column = Number(childValue(rowProperties, 'gridBefore') ?? 0);
      const cells: WordCell[] = [];
      for (const cell of wrappedChildren(row, 'tc')) {
        const properties = wordChild(cell, 'tcPr');
        const span = Math.max(1, Number(childValue(properties, 'gridSpan') ?? 1));
        const merge = wordChild(properties, 'vMerge');
        const continued = merge !== null && (wordAttribute(merge, 'val') ?? 'continue') === 'continue';
        const content = continued ? (above[column] ?? []) : this.cellContent(cell);
        if (!continued) for (let c = column; c < column + span; c++) above[c] = content;
        cells.push(content);
        column += span;
      }
      rows.push(cells);
    }
    return rows;
  }

  /** The paragraphs of a cell, and of any table inside it. */
  private cellContent(container: Element): WordCell {
    const paragraphs: WordCell = [];
    for (const child of childElements(container)) {
      if (isWord(child, 'p')) {
        const paragraph = readParagraph(child, this.numbering, this.styles);
        if (!paragraph.tableOfContents) paragraphs.push(paragraph.lines);
      } else if (isWord(child, 'tbl')) {
        for (const row of this.read(child)) for (const cell of row) paragraphs.push(...cell);
      } else if (isWord(child, 'sdt')) {
        const content = wordChild(child, 'sdtContent');
        if (content) paragraphs.push(...this.cellContent(content));
      } else if (isWord(child, 'customXml')) paragraphs.push(...this.cellContent(child));
    }
    return paragraphs;
  }
}
