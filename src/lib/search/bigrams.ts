/**
 * How the search index cuts text, shared by the build (which writes it) and the engine (which reads
 * it), so both sides agree to the character.
 *
 * A search term matches a duty when it is a substring of its name or of one of its steps, exactly as
 * `LIKE '%term%'` would (SQLite's LIKE ignores the case of ASCII letters only; so does this). The
 * index records, for every pair of adjacent characters in a unit of text (the name, each step), the
 * items and positions where it occurs; a term of n ≥ 2 characters matches where its n − 1 pairs occur
 * at consecutive positions in one unit (match.ts looks up every other one, which is enough: pairOffsets). The last character of a unit is recorded paired with END, so
 * every character starts exactly one pair and a one-character term is the union of its pairs.
 */

/** The second half of the pair recorded for a unit's last character. */
export const END = '';

/** The characters of a text as search compares them: ASCII letters lowercased, one string per code point. */
export function searchChars(text: string): string[] {
  return Array.from(text.replace(/[A-Z]+/g, (s) => s.toLowerCase()));
}

/** The key of a pair of characters (or of a last character, with END). */
export const pairKey = (first: string, second: string): string => first + second;

/** The bucket file a pair lives in: by its first character, so one-character terms read one bucket. */
export function bucketOf(firstChar: string, buckets: number): number {
  const codePoint = firstChar.codePointAt(0) ?? 0;
  // Fibonacci hashing spreads neighbouring code points (一, 丁, 七…) over different buckets.
  return (Math.imul(codePoint, 0x9e3779b1) >>> 0) % buckets;
}
