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

let captionSheet: CSSStyleSheet | null = null;

/**
 * The rule that holds `--print-caption` for print.css: `:root` in a style sheet of its own that
 * applies to print only (adopted by the document, so the Content-Security-Policy allows it). Set on
 * the root element's style instead, every change of the filters made the browser compute the style of
 * every element on the screen again (a custom property is inherited): 30–60 ms with a region's heatmap
 * drawn. A rule of a sheet whose media do not match the screen changes nothing there.
 */
export function printCaptionRule(): { style: CSSStyleDeclaration } {
  if (!captionSheet) {
    try {
      const sheet = new CSSStyleSheet({ media: 'print' });
      sheet.insertRule(':root {}');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      captionSheet = sheet;
    } catch {
      // A browser without constructed style sheets: the root element's style, as before.
      return document.documentElement;
    }
  }
  return captionSheet.cssRules[0] as CSSStyleRule;
}
