/**
 * A township's id: the key of `townships.id`, of every row that names a township, and of the URL's
 * `t=` filter. It comes from the document, never from its file name, so a list builds the same
 * whatever it is called and in whatever order the files are read:
 *
 * - the official 9-digit township code where the place table knows the township (652325103);
 * - otherwise `x` and 11 base-36 digits hashed from the names that tell the township apart — its
 *   county (by code where the table knows it) and its own name, or, where the county is unknown, its
 *   prefecture as written and its name. The same names give the same id in every build; a list that
 *   later names its county, or whose township the table learns, gets a new one.
 *
 * Both are short and URL-safe. Two lists with the same id are one township listed twice, or
 * namesakes the documents do not tell apart: the build refuses both (scripts/lib/read-source.ts).
 *
 * Pure (no Node, no DOM): the browser's import derives ids the same way.
 */
import { UNKNOWN_PLACE } from '../ui/strings';
import type { ResolvedPlace } from './places';

export function townshipIdOf(place: ResolvedPlace): string {
  return place.code ?? `x${hash53(townshipNameKey(place)).toString(36).padStart(11, '0')}`;
}

/** The names a derived id is hashed from. */
export function townshipNameKey(place: ResolvedPlace): string {
  if (place.county !== UNKNOWN_PLACE) return `${place.countyCode ?? place.county}/${place.township}`;
  return `${place.prefecture}//${place.township}`;
}

/** Whether the documents leave the township's county unknown, so a namesake cannot be told from it. */
export const countyUnknown = (place: ResolvedPlace) => place.county === UNKNOWN_PLACE;

/**
 * A 53-bit string hash (cyrb53, public domain): two 32-bit multiply-xorshift lanes mixed into the
 * bits a JavaScript number holds exactly. Not cryptographic; the build refuses the (≈1 in 10¹⁰ for
 * a thousand unknown townships) case of two different names hashing alike rather than merge them.
 */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
