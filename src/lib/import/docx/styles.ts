/**
 * What the reader needs of word/styles.xml: which paragraph styles number their paragraphs (a "List
 * Number" style does, through its own w:numPr or one it inherits by w:basedOn), and which are a table
 * of contents' entries. Style ids vary with Word's language (TOC1 in English Word, 11 in Chinese),
 * so entries are known by the built-in name, "toc 1"…"toc 9".
 */
import type { Element } from '@xmldom/xmldom';
import { childElements, childValue, wordAttribute, wordChild } from './xml';

interface Style {
  name: string;
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

export class ParagraphStyles {
  private readonly styles = new Map<string, Style>();

  constructor(styles: Element | null) {
    if (!styles) return;
    for (const style of childElements(styles, 'style')) {
      if (wordAttribute(style, 'type') !== 'paragraph') continue;
      const numPr = wordChild(wordChild(style, 'pPr'), 'numPr');
      const ilvl = childValue(numPr, 'ilvl');
      this.styles.set(wordAttribute(style, 'styleId') ?? '', {
        name: (childValue(style, 'name') ?? '').toLowerCase(),
        numId: childValue(numPr, 'numId'),
        ilvl: ilvl === null ? null : Number(ilvl),
        basedOn: childValue(style, 'basedOn'),
      });
    }
  }

  /** The numbering a style gives its paragraphs, its own or inherited; null for none. */
  numbering(styleId: string | null): { numId: string; ilvl: number | null } | null {
    const seen = new Set<string>();
    for (let id = styleId; id !== null && !seen.has(id);) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) return null;
      if (style.numId !== null) return { numId: style.numId, ilvl: style.ilvl };
      id = style.basedOn;
    }
    return null;
  }

  /** Whether paragraphs of this style are table-of-contents entries. */
  isTableOfContents(styleId: string | null): boolean {
    return /^toc \d$/.test(this.styles.get(styleId ?? '')?.name ?? '');
  }
}
