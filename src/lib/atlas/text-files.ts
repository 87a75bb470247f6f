/**
 * The county text parts (parts.ts `namesFile`, `stepsFile`): the names and steps of each county's items. Apart from
 * derive.ts because they read the text and nothing else, and the build writes them on both of its
 * threads (scripts/lib/shared-text-parts.ts): the main thread loads this, not the whole derivation.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { ItemRow, StepRow } from '../db/schema';
import { insertRows } from '../db/bulk-insert';
import { LIST_CODE } from './codes';
import { buildPlaceTree } from './place-tree';
import { namesFile, stepsFile } from './parts';
import { TEXT_NAMES_SQL, TEXT_STEPS_SQL } from './schema';
import { writePart } from './write-part';
import type { AtlasFile, ContractTables } from './derive';

/** Two text files per county, its items' names then their steps, in display order (packed as deriveAtlas's). */
export function deriveTextFiles(
  SQL: SqlJsStatic,
  tables: Pick<ContractTables, 'townships' | 'items' | 'steps'>,
  pack: (bytes: Uint8Array) => Uint8Array = (bytes) => bytes,
): AtlasFile[] {
  const plan = planTextFiles(tables);
  return plan.counties.flatMap((_, index) => plan.write(SQL, index, pack));
}

/**
 * The county text parts to write, in the order the summary lists them, each county's two files
 * written on their own by `write(SQL, index, pack)`: the build's two threads take counties in turn,
 * so that whichever is free writes the next one.
 */
export function planTextFiles(tables: Pick<ContractTables, 'townships' | 'items' | 'steps'>): {
  counties: number[];
  write: (SQL: SqlJsStatic, index: number, pack: (bytes: Uint8Array) => Uint8Array) => AtlasFile[];
} {
  const places = buildPlaceTree(tables.townships);
  const countyOf = (item: ItemRow) => places.ofTownship.get(item.township_id)!;
  const byCounty = new Map<number, ItemRow[]>();
  const order = (item: ItemRow) => countyOf(item).township;
  const sorted = [...tables.items].sort((a, b) => order(a) - order(b) || LIST_CODE[a.list] - LIST_CODE[b.list] || a.seq - b.seq);
  for (const item of sorted) push(byCounty, countyOf(item).county, item);
  const stepsByItem = new Map<number, StepRow[]>();
  for (const s of tables.steps) push(stepsByItem, s.item_id, s);
  const counties = [...byCounty.keys()];
  const write = (SQL: SqlJsStatic, index: number, pack: (bytes: Uint8Array) => Uint8Array): AtlasFile[] => {
    const county = counties[index];
    const items = byCounty.get(county)!;
    const names = writePart(SQL, TEXT_NAMES_SQL, (db) => {
      const words = insertWords(
        db,
        'item_words',
        items.map((i) => i.name),
      );
      insertRows(
        db,
        'item_text',
        ['item', 'word', 'source_line'],
        items.map((i) => ({ item: i.id, word: words.get(i.name)!, source_line: i.source_line })),
      );
    });
    const steps = writePart(SQL, TEXT_STEPS_SQL, (db) => {
      const countySteps = items.flatMap((i) => stepsByItem.get(i.id) ?? []);
      const words = insertWords(
        db,
        'step_words',
        countySteps.flatMap((s) => (s.heading === null ? [s.text] : [s.text, s.heading])),
      );
      insertRows(
        db,
        'step_text',
        ['item', 'party', 'department', 'ord', 'word', 'heading'],
        countySteps.map((s) => ({
          item: s.item_id,
          party: s.party,
          department: s.department_id,
          ord: s.ord,
          word: words.get(s.text)!,
          heading: s.heading === null ? null : words.get(s.heading)!,
        })),
      );
    });
    return [
      { path: namesFile(county), part: 'text', bytes: pack(names) },
      { path: stepsFile(county), part: 'text', bytes: pack(steps) },
    ];
  };
  return { counties, write };
}

/**
 * Writes each distinct text once into `table` (item_words, step_words), numbered in sorted order (like
 * texts side by side compress best), and returns each text's id.
 */
function insertWords(db: Database, table: 'item_words' | 'step_words', texts: readonly string[]): Map<string, number> {
  const ids = new Map([...new Set(texts)].sort().map((text, i) => [text, i + 1]));
  insertRows(
    db,
    table,
    ['id', 'text'],
    [...ids].map(([text, id]) => ({ id, text })),
  );
  return ids;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
