import { DatabaseRefused, type DatabaseProblem } from './read-database';

/**
 * Why the import worker could not do what the page asked, as data, as list refusals are
 * (list-refusal.ts): not a list file's fault but the worker's own. The page says each in Chinese
 * (describe-import-failure.ts, with the sentences in src/lib/ui/strings.ts `IMPORT_STRINGS.failures`).
 */
export type ImportFailure =
  /** The place table (atlas/places.json.gz) could not be fetched: the server's status, or null when it did not answer. */
  | { kind: 'place-table-missing'; status: number | null }
  /** It arrived but is no place table (cut short, or another file served in its place). */
  | { kind: 'place-table-unreadable' }
  /** Apply asked for lists the worker no longer holds (it was restarted since they were read). */
  | { kind: 'nothing-to-apply' }
  /** A review decision's database asked for before its grouping (the worker was restarted meanwhile). */
  | { kind: 'nothing-to-write' }
  /** The database shown, sent to be merged into or grouped anew, did not read. */
  | { kind: 'database-refused'; problems: DatabaseProblem[] }
  /** The worker stopped (out of memory, or its script failed to load). */
  | { kind: 'worker-stopped'; detail: string }
  /** Anything else: a fault of the page itself, with what the code said, for the maintainers. */
  | { kind: 'unexpected'; detail: string };

/** A failure of the import worker, crossing from the worker to the page as data (its kind and what was found). */
export class ImportFailed extends Error {
  constructor(readonly failure: ImportFailure) {
    super(`import: ${failure.kind}${'detail' in failure ? ` (${failure.detail})` : ''}`);
    this.name = 'ImportFailed';
  }
}

/** The failure an error thrown in the worker stands for. */
export function failureOf(error: unknown): ImportFailure {
  if (error instanceof ImportFailed) return error.failure;
  if (error instanceof DatabaseRefused) return { kind: 'database-refused', problems: error.problems };
  return { kind: 'unexpected', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
