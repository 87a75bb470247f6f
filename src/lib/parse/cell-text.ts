import { FORMATTING_TAG } from './cell-steps';
import { cleanText } from './text';

/**
 * Cells that hold one value or a list of names — 序号, 事项类别, 事项名称, 对应上级部门, a column header —
 * as a Word list may write them: over several paragraphs or lines, which reach the parser as <p> and
 * <br> (src/lib/import/docx). A text export writes such a cell on one line without tags, and is only
 * cleaned here, exactly as before.
 */

// Not global, unlike FORMATTING_TAG: test() on a global expression would carry lastIndex between cells.
const HAS_FORMATTING_TAG = new RegExp(FORMATTING_TAG.source, 'i');
// Chinese characters and the punctuation set with them: CJK, full-width, and “” ‘’ — … from General Punctuation.
const HAN_OR_PUNCTUATION = /[\u2010-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The paragraphs and lines of a cell, cleaned, without empty ones. */
export function cellPieces(cell: string): string[] {
  return cell
    .split(FORMATTING_TAG)
    .map(cleanText)
    .filter((piece) => piece !== '');
}

/**
 * A cell's one value: its pieces joined as one text. A break between two Chinese characters was where
 * the line wrapped, not a space ("对违法建设行为的" / "处罚" is 对违法建设行为的处罚).
 */
export function cellText(cell: string): string {
  if (!HAS_FORMATTING_TAG.test(cell)) return cleanText(cell);
  return cellPieces(cell).reduce((text, piece) => {
    if (!text) return piece;
    const wrapped = HAN_OR_PUNCTUATION.test(text[text.length - 1]) && HAN_OR_PUNCTUATION.test(piece[0]);
    return text + (wrapped ? '' : ' ') + piece;
  }, '');
}
