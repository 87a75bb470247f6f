import type { SqlJsStatic } from 'sql.js';
import { deriveAtlas, deriveTextFiles, type AtlasFile, type ContractTables } from './derive';
import { deriveSearchFiles } from './search-files';

/**
 * Every file the site serves, derived from a complete database's tables on one thread: what the
 * page does with a database the reader opens, and the build with one it is given. The build from
 * lists derives the same files split over two threads (scripts/lib/build-worker.ts).
 */
export function deriveAllFiles(
  SQL: SqlJsStatic,
  tables: ContractTables,
  meta: Record<string, string> = {},
  /** How each file is packed for serving: the build gzips (`npm run build:db -- --database`), the page keeps them as they are. */
  pack: (bytes: Uint8Array) => Uint8Array = (bytes) => bytes,
  /** How the search index's buckets are packed, where not as the rest (the build packs them faster). */
  packIndex: (bytes: Uint8Array) => Uint8Array = pack,
): AtlasFile[] {
  const search = deriveSearchFiles(tables, packIndex);
  const text = deriveTextFiles(SQL, tables, pack);
  return deriveAtlas(SQL, tables, {
    pack,
    extraFiles: [...text, ...search.files],
    meta: { ...meta, search_buckets: String(search.buckets) },
  });
}
