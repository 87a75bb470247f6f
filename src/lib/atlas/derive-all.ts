import type { SqlJsStatic } from 'sql.js';
import { deriveAtlas, deriveTextFiles, type AtlasFile, type ContractTables } from './derive';
import { deriveSearchFiles } from './search-files';

/**
 * Every file the site serves, derived from a complete database's tables on one thread: what the
 * page does with a database the reader opens. The build derives the same files, split over two
 * threads (scripts/lib/build-worker.ts); nothing is gzipped here, as nothing travels.
 */
export function deriveAllFiles(SQL: SqlJsStatic, tables: ContractTables, meta: Record<string, string> = {}): AtlasFile[] {
  const search = deriveSearchFiles(tables);
  const text = deriveTextFiles(SQL, tables);
  return deriveAtlas(SQL, tables, {
    extraFiles: [...text, ...search.files],
    meta: { ...meta, search_buckets: String(search.buckets) },
  });
}
