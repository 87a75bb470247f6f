import type { ImportedKind, ImportedMarks } from '../state/imported-marks';
import { SHELL } from '../ui/strings';
import { IMPORTED_COLOUR } from '../ui/theme';

/**
 * The text every view writes after the name of a place holding the reader's own lists: （导入） after a
 * township added in the page, （含导入） after a county or prefecture holding one. Text, not only a
 * colour, so the mark survives a pasted screenshot, a greyscale print and a screen reader.
 */
export function markText(kind: ImportedKind | null | undefined): string {
  return kind === 'imported' ? SHELL.importedMark : kind === 'contains' ? SHELL.containsImportedMark : '';
}

/** A place's name with its mark, by its key: for tooltips, aria-labels and table cells. */
export function markedName(name: string, key: string, marks: ImportedMarks): string {
  return name + markText(marks.get(key));
}

/**
 * Writes `name` and, if any, `mark` into an SVG text element (or tspan): the mark in its own tspan of
 * class `imported-mark`, in the imported colour, so a reader sees at a glance which part is the mark.
 */
export function writeMarked(text: Element, name: string, mark: string): void {
  text.textContent = name;
  if (!mark) return;
  const tspan = text.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'tspan');
  tspan.setAttribute('class', 'imported-mark');
  // A style, not a fill attribute: the colour is a CSS variable that follows the theme (src/app.css);
  // set through the CSSOM, since the Content-Security-Policy refuses a style attribute.
  tspan.style.setProperty('fill', IMPORTED_COLOUR);
  tspan.textContent = mark;
  text.appendChild(tspan);
}
