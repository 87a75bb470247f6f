/**
 * Breaks a line of Chinese (with numbers and Latin mixed in) into lines no wider than `maxWidth`,
 * as `measure` reports widths: the export's title, filters and source are drawn as SVG text, which
 * does not wrap by itself. Breaks fall between characters, never inside a number or Latin word
 * (1,237 or 2025-07), and a line never starts with closing punctuation (，。、）…), which moves to
 * the end of the line before it (the kinsoku rule Chinese typesetting follows).
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const tokens = text.match(/[A-Za-z0-9][A-Za-z0-9.,:%\-–/]*|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (!line || measure(candidate) <= maxWidth || NO_LINE_START.test(token)) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

const NO_LINE_START = /^[，。、；：？！）》」』】〕,.;:?!)\]}%·…]$/u;
