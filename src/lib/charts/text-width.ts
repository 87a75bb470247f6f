/**
 * Estimated rendered width of a label, without a DOM to measure in (the layout runs in tests and could
 * run in a worker). CJK characters are about one em wide in Noto Sans CJK; Latin letters and digits
 * about 0.6 em. Overestimating slightly is the safe side: labels then never overlap.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.62;
  return ems * fontSize;
}

/** Cuts a label to fit `maxWidth`, ending in '…' when cut. */
export function truncate(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  // One pass, adding each character's ems in order (a hundred long duty names are cut on every redraw),
  // the same sums as measuring every prefix.
  const ellipsis = textWidth('…', 1);
  let out = '';
  let ems = 0;
  for (const ch of text) {
    ems += textWidth(ch, 1);
    if ((ems + ellipsis) * fontSize > maxWidth) break;
    out += ch;
  }
  return out + '…';
}
