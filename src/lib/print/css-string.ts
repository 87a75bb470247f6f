/**
 * Text as a CSS string literal, for `content:` through a custom property: every character that could
 * end the string or start an escape is escaped, line breaks become `\A`, so data stays text.
 */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((ch) => {
      if (ch === '\n') return '\\A ';
      if (ch === '"' || ch === '\\') return `\\${ch}`;
      const code = ch.codePointAt(0)!;
      // Other control characters (and the line separators CSS would treat as breaks) as hex escapes.
      return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? `\\${code.toString(16)} ` : ch;
    })
    .join('');
  return `"${escaped}"`;
}
