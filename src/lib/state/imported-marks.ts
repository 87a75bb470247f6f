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

/**
 * The same places and imported set give the same marks object: views derive their marks from props
 * that signal on every change of the URL, and new marks redrew every chart that is handed them.
 */
const known = new WeakMap<PlaceIndex, WeakMap<ReadonlySet<string>, ImportedMarks>>();

export function importedMarks(places: PlaceIndex, imported: ReadonlySet<string>): ImportedMarks {
  if (imported.size === 0) return NO_MARKS;
  let byImported = known.get(places);
  if (!byImported) known.set(places, (byImported = new WeakMap()));
  let marks = byImported.get(imported);
  if (!marks) byImported.set(imported, (marks = marksOf(places, imported)));
  return marks;
}

function marksOf(places: PlaceIndex, imported: ReadonlySet<string>): ImportedMarks {
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
