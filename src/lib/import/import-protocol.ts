import type { ListReport } from './add-lists';
import type { AtlasFile, ListedFile } from '../atlas/derive';
import type { ImportFailure } from './import-failure';
import { REVIEW_META, type ReviewDecision } from '../review/decisions';

/** Messages between the page and the import worker (import.worker.ts). */
export type ToImportWorker =
  /** Read `files` and merge them into `base`, the complete database shown; `dataUrl` is the served data's folder (the place table). */
  | {
      type: 'preview';
      /** The files as the reader chose them: read in the worker, so a large one never occupies the page. */
      files: File[];
      base: Uint8Array;
      dataUrl: string;
      decisions: ReviewDecision[];
      /** Townships already shown whose lists the reader keeps: their files are reported, not merged. */
      keep: string[];
    }
  /**
   * Write the database the last preview merged; `imported` lists every township added so far with
   * its file, `decisions` the review decisions, both kept in meta.
   */
  | { type: 'apply'; imported: ImportedList[]; decisions: ReviewDecision[] }
  /**
   * Write `base` grouped anew, without the townships `remove` (an added list taken out again) and
   * with `decisions` applied (a review decision made or undone).
   */
  | { type: 'rewrite'; base: Uint8Array; remove: string[]; imported: ImportedList[]; decisions: ReviewDecision[] }
  /**
   * A review decision made or undone: group the items of `base` (the complete database shown, which
   * the worker keeps in memory as `key` after the first decision) anew with `decisions`, and derive
   * the parts that name duty groups. `meta` is the shown summary's meta; `kept` the other parts,
   * which do not change. The database itself is written on `write-regrouped`, so the page can show
   * the parts first.
   */
  | {
      type: 'regroup';
      base: Uint8Array;
      key: string;
      imported: ImportedList[];
      decisions: ReviewDecision[];
      meta: Record<string, string>;
      kept: ListedFile[];
    }
  /** The complete database shown with the last regroup's changes: to keep and to export. */
  | { type: 'write-regrouped' };

export type FromImportWorker =
  | { type: 'progress'; done: number; total: number; name: string }
  | { type: 'preview'; reports: ListReport[]; applicable: number }
  | { type: 'written'; bytes: Uint8Array }
  | { type: 'regrouped'; files: AtlasFile[] }
  | { type: 'error'; failure: ImportFailure };

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
 * the page, the review decisions), for the page's worker and for `build:db --database` alike.
 */
export function carriedMeta(meta: Record<string, string>): Record<string, string> {
  return Object.fromEntries([IMPORTED_META, REVIEW_META].filter((key) => meta[key]).map((key) => [key, meta[key]]));
}

export function importedOf(meta: Record<string, string>): ImportedList[] {
  try {
    const parsed: unknown = JSON.parse(meta[IMPORTED_META] ?? '[]');
    return Array.isArray(parsed) ? (parsed as ImportedList[]) : [];
  } catch {
    return [];
  }
}
