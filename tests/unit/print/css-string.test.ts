import { describe, expect, it } from 'vitest';
import { cssString } from '../../../src/lib/print/css-string';

/** Reads a CSS string back the way a browser does (the escapes cssString writes). */
function parseCssString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') throw new Error(`unescaped quote at ${i}`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const hex = /^[0-9a-fA-F]{1,6} ?/.exec(body.slice(i + 1));
    if (hex) {
      out += String.fromCodePoint(parseInt(hex[0].trim(), 16));
      i += hex[0].length;
    } else out += body[++i];
  }
  return out;
}

describe('text as a CSS string', () => {
  it('reads back as the same text, whatever the data holds', () => {
    for (const text of [
      '筛选：乡镇：吉布库镇',
      'a "quoted" \\ back',
      '第一行\n第二行',
      '"); } body { display: none',
      '\u0000\u001f\u2028',
    ]) {
      expect(parseCssString(cssString(text))).toBe(text);
    }
  });
});
