import { buildSearchIndex } from '../search/index-writer';
import { searchBucketFile } from './parts';
import type { AtlasFile, ContractTables } from './derive';

/**
 * The search index's bucket files for every item's name and steps (src/lib/search/), and how many
 * buckets there are — the engine needs that number to find a pair's bucket.
 */
export function deriveSearchFiles(
  tables: Pick<ContractTables, 'items' | 'steps'>,
  pack: (bytes: Uint8Array) => Uint8Array = (bytes) => bytes,
): { files: AtlasFile[]; buckets: number } {
  const stepsOf = new Map<number, string[]>();
  for (const step of tables.steps) {
    const list = stepsOf.get(step.item_id);
    if (list) list.push(step.text);
    else stepsOf.set(step.item_id, [step.text]);
  }
  const items = [...tables.items].sort((a, b) => a.id - b.id);
  const index = buildSearchIndex(items.map((item) => ({ item: item.id, units: [item.name, ...(stepsOf.get(item.id) ?? [])] })));
  return {
    buckets: index.buckets,
    files: index.files.map((bytes, bucket) => ({ path: searchBucketFile(bucket), part: 'search', bytes: pack(bytes) })),
  };
}
