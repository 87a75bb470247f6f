import type { PlaceRow } from '../../lib/queries/places';
import type { PlaceIndex } from '../../lib/state/selection';

/**
 * The counties the explorer's list starts in, first to last: its rows run township by township in
 * id order (searchPageSql), so the first screen of any search under `scope` falls in the counties
 * of its lowest-numbered townships — the first one for a common term, a few more for a rare one.
 * The `n` first counties under the scope (the scope itself for a county or a township's county).
 */
export function firstListCounties(places: PlaceIndex, scope: PlaceRow | null, n: number): number[] {
  const townships = [...places.townshipsUnder(scope)].sort((a, b) => a.id - b.id);
  const counties: number[] = [];
  for (const township of townships) {
    const county = township.parent;
    if (county === null || counties.includes(county)) continue;
    counties.push(county);
    if (counties.length >= n) break;
  }
  return counties;
}
