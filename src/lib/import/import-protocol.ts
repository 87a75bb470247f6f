import type { ListReport } from './add-lists';

/** Messages between the page and the import worker (import.worker.ts). */
export type ToImportWorker =
  /** Read `files` and merge them into `base`, the complete database shown; `dataUrl` is the served data's folder (the place table). */
  | { type: 'preview'; files: { name: string; bytes: Uint8Array }[]; base: Uint8Array; dataUrl: string }
  /** Write the database the last preview merged; `imported` lists every township added so far with its file, kept in meta. */
  | { type: 'apply'; imported: ImportedList[] }
  /** Write `base` without the townships `remove`: an added list taken out again. */
  | { type: 'remove'; base: Uint8Array; remove: string[]; imported: ImportedList[] };

export type FromImportWorker =
  | { type: 'progress'; done: number; total: number; name: string }
  | { type: 'preview'; reports: ListReport[]; applicable: number }
  | { type: 'written'; bytes: Uint8Array }
  | { type: 'error'; message: string };

/** A list added in the page: kept in the database's meta (`imported`), so the mark travels with an export. */
export interface ImportedList {
  townshipId: string;
  township: string;
  county: string;
  file: string;
  addedAt: string;
}

/** The meta key the added lists are kept under. */
export const IMPORTED_META = 'imported';

/**
 * The meta rows of a complete database that the parts derived from it carry on (the lists added in
 * the page), for the page's worker and for `build:db --database` alike.
 */
export function carriedMeta(meta: Record<string, string>): Record<string, string> {
  return meta[IMPORTED_META] ? { [IMPORTED_META]: meta[IMPORTED_META] } : {};
}

export function importedOf(meta: Record<string, string>): ImportedList[] {
  try {
    const parsed: unknown = JSON.parse(meta[IMPORTED_META] ?? '[]');
    return Array.isArray(parsed) ? (parsed as ImportedList[]) : [];
  } catch {
    return [];
  }
}
