/**
 * A query that reads `search_hits` names its terms as a need, so the engine can fetch their index
 * buckets and fill the table with exactly those terms' matches before running it.
 */
const PREFIX = 'search:';

export const searchNeed = (terms: readonly string[]): string => PREFIX + JSON.stringify(terms);

/** The terms of a search need; null for any other need. */
export function parseSearchNeed(need: string): string[] | null {
  if (!need.startsWith(PREFIX)) return null;
  const terms: unknown = JSON.parse(need.slice(PREFIX.length));
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) throw new Error(`malformed search need ${need}`);
  return terms;
}
