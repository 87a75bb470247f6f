/**
 * One paragraph (w:p) as text: its runs' text in order, split into lines where Word breaks a line
 * (w:br, w:cr), with the number Word draws before a numbered paragraph. Deleted and hidden text,
 * field codes, and drawings are not text a reader sees, and are left out; inserted text, hyperlinks
 * and content controls are read through.
 */
import type { Element } from '@xmldom/xmldom';
import type { ListNumbering } from './numbering';
import type { ParagraphStyles } from './styles';
import { childElements, childValue, isOn, isWord, wordChild } from './xml';

export interface WordParagraph {
  /** Its lines, the first starting with its number, if it has one. */
  lines: string[];
  /** A table-of-contents entry: a title and a page number, not a part of the list. */
  tableOfContents: boolean;
}

/** Elements whose content a reader does not see as the paragraph's text. */
const NOT_TEXT = new Set([
  'pPr',
  'rPr',
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'fldChar',
  'sdtPr',
  'sdtEndPr',
  'drawing',
  'pict',
  'object',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);

function collect(element: Element, lines: string[]): void {
  for (const child of childElements(element)) {
    const name = child.localName ?? '';
    // Other vocabularies inside a paragraph (mc:AlternateContent around text boxes, m:oMath) hold no list text.
    if (!isWord(child, name)) continue;
    switch (name) {
      case 't':
        lines[lines.length - 1] += child.textContent ?? '';
        break;
      case 'tab':
      case 'ptab':
        lines[lines.length - 1] += ' ';
        break;
      case 'br':
      case 'cr':
        lines.push('');
        break;
      case 'noBreakHyphen':
        lines[lines.length - 1] += '-';
        break;
      case 'r':
        if (!isOn(wordChild(wordChild(child, 'rPr'), 'vanish'))) collect(child, lines);
        break;
      default:
        if (!NOT_TEXT.has(name)) collect(child, lines);
    }
  }
}

export function readParagraph(paragraph: Element, numbering: ListNumbering, styles: ParagraphStyles): WordParagraph {
  const properties = wordChild(paragraph, 'pPr');
  if (styles.isTableOfContents(childValue(properties, 'pStyle'))) return { lines: [], tableOfContents: true };
  const lines = [''];
  collect(paragraph, lines);
  lines[0] = numbering.numberOf(properties) + lines[0];
  return { lines, tableOfContents: false };
}
