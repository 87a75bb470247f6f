/**
 * Character-level clean-up shared by every part of the parser.
 */

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Full-width digits (０-９) become ASCII so 序号 and step numbers parse alike. */
export function asciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const HAN = '\\u3400-\\u9fff';
// A stray English "and" between Chinese text, where the source meant 和 ("思想 and 习近平", "单位 and 个人").
const STRAY_AND = new RegExp(`([${HAN}”’」）)])\\s*\\band\\b\\s*(?=[${HAN}“‘「（(])`, 'g');

/** Collapses runs of whitespace (incl. U+3000) and replaces a stray 'and' with 和. */
export function cleanText(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .replace(STRAY_AND, '$1和')
    .trim();
}

/**
 * Removes the spaces the PDF conversion left between Chinese characters ("2025 年 7 月"),
 * keeping spaces between Latin words and numbers.
 */
export function squeezeHanSpaces(text: string): string {
  return text.replace(new RegExp(`(?<=[${HAN}\\d])\\s+(?=[${HAN}])|(?<=[${HAN}])\\s+(?=[${HAN}\\d])`, 'g'), '');
}
