import type { PlaceIndex } from './selection';

/**
 * Which places the reader's own lists are in. A township whose list was added in the page (the 数据
 * panel) is `imported`; a county or prefecture holding one is `contains`, so a view that sums
 * townships by county still tells the reader that a figure includes their data. Views ask this by a
 * place's key (a township's key is its id) and hand the answers to the charts as data: charts never
 * read the data session.
 */
export type ImportedKind = 'imported' | 'contains';

/** Marks by place key; a place not in it is published data. */
export type ImportedMarks = ReadonlyMap<string, ImportedKind>;

export const NO_MARKS: ImportedMarks = new Map();

export function importedMarks(places: PlaceIndex, imported: ReadonlySet<string>): ImportedMarks {
  if (imported.size === 0) return NO_MARKS;
  const marks = new Map<string, ImportedKind>();
  for (const id of imported) {
    const township = places.byKey.get(id);
    // An id the places do not know (a stale meta entry) marks nothing rather than a wrong place.
    if (!township || township.level !== 'township') continue;
    for (const place of places.path(township)) if (place !== township) marks.set(place.key, 'contains');
    marks.set(township.key, 'imported');
  }
  return marks;
}
