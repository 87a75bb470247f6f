import type { ComparedDuty, Comparison } from './township-sets';
import { fullMask } from './township-sets';

/**
 * What the reader clicked to list duties: an UpSet column (exactly these townships), or a cell of
 * the category table (a category's duties all, some or one township alone lists). Kept in the URL
 * as `key`: `set:5`, `cat:党的建设:all`, `cat:党的建设:some`, `cat:党的建设:2` (township index 2 alone).
 */
export type Chosen =
  { kind: 'set'; mask: number; key: string } | { kind: 'category'; category: string; bucket: 'all' | 'some' | number; key: string };

export function choiceOf(key: string | undefined): Chosen | null {
  if (!key) return null;
  const set = /^set:(\d+)$/.exec(key);
  if (set) return { kind: 'set', mask: Number(set[1]), key };
  const cat = /^cat:(.+):(all|some|\d)$/.exec(key);
  if (!cat) return null;
  const bucket = cat[2] === 'all' || cat[2] === 'some' ? cat[2] : Number(cat[2]);
  return { kind: 'category', category: cat[1], bucket, key };
}

export const categoryChoice = (category: string, bucket: 'all' | 'some' | number): Chosen => ({
  kind: 'category',
  category,
  bucket,
  key: `cat:${category}:${bucket}`,
});

const bits = (mask: number) => mask.toString(2).replace(/0/g, '').length;

/** The duties behind a choice, in the comparison's order. */
export function chosenDuties(comparison: Comparison, chosen: Chosen): ComparedDuty[] {
  if (chosen.kind === 'set') return comparison.duties.filter((d) => d.mask === chosen.mask);
  const full = fullMask(comparison.townships.length);
  return comparison.duties.filter((d) => {
    if (d.category !== chosen.category) return false;
    if (chosen.bucket === 'all') return d.mask === full;
    if (chosen.bucket === 'some') return d.mask !== full && bits(d.mask) > 1;
    return d.mask === 1 << chosen.bucket;
  });
}
