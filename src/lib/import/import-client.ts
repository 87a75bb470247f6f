import type { ListReport } from './add-lists';
import type { FromImportWorker, ImportedList, ToImportWorker } from './import-protocol';
import type { ReviewDecision } from '../review/decisions';
import type { AtlasFile } from '../atlas/derive';
import { ImportFailed } from './import-failure';
import { startImportWorker } from '../host/import-worker';

/**
 * The page's side of the import worker: one request at a time (the shell never asks for two), the
 * worker started on the first import and kept, with its merged rows, until the page goes.
 */
export class ImportClient {
  #worker: Worker | null = null;

  #ask<T>(
    message: ToImportWorker,
    answer: (m: FromImportWorker) => T | undefined,
    onProgress?: (done: number, total: number, name: string) => void,
  ): Promise<T> {
    const worker = (this.#worker ??= startImportWorker());
    return new Promise<T>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
        const m = event.data;
        if (m.type === 'progress') return onProgress?.(m.done, m.total, m.name);
        if (m.type === 'error') return reject(new ImportFailed(m.failure));
        const value = answer(m);
        if (value !== undefined) resolve(value);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.close();
        reject(new ImportFailed({ kind: 'worker-stopped', detail: event.message || 'import worker failed' }));
      };
      worker.postMessage(message);
    });
  }

  /**
   * Reads `files` and merges them into `base` (the complete database shown), grouping with
   * `decisions`: a report per file. `files` go as they are (a File is a handle): the worker reads
   * them, so the page never holds their bytes. `base` is copied, not transferred: it may be the
   * opened database's own bytes, which the page keeps showing, storing and exporting.
   */
  preview(
    files: File[],
    base: Uint8Array,
    dataUrl: string,
    decisions: ReviewDecision[],
    keep: string[],
    onProgress?: (done: number, total: number, name: string) => void,
  ): Promise<{ reports: ListReport[]; applicable: number }> {
    return this.#ask(
      { type: 'preview', files, base, dataUrl, decisions, keep },
      (m) => (m.type === 'preview' ? { reports: m.reports, applicable: m.applicable } : undefined),
      onProgress,
    );
  }

  /** The complete database the last preview merged, with `imported` and `decisions` kept in its meta. */
  apply(imported: ImportedList[], decisions: ReviewDecision[]): Promise<Uint8Array> {
    return this.#ask({ type: 'apply', imported, decisions }, (m) => (m.type === 'written' ? m.bytes : undefined));
  }

  /** `base` grouped anew with `decisions`, without the townships `remove`. */
  rewrite(base: Uint8Array, remove: string[], imported: ImportedList[], decisions: ReviewDecision[]): Promise<Uint8Array> {
    return this.#ask({ type: 'rewrite', base, remove, imported, decisions }, (m) => (m.type === 'written' ? m.bytes : undefined));
  }

  /**
   * The parts that name duty groups, derived from `base` grouped anew with `decisions` (a review
   * decision made or undone). The worker keeps the grouped tables as `key`: the page's name for the
   * database shown, the same until other data is shown, so a second decision skips reading it.
   */
  regroup(request: Omit<Extract<ToImportWorker, { type: 'regroup' }>, 'type'>): Promise<AtlasFile[]> {
    return this.#ask({ type: 'regroup', ...request }, (m) => (m.type === 'regrouped' ? m.files : undefined));
  }

  /** The complete database the last `regroup` changed, to keep and to export. */
  writeRegrouped(): Promise<Uint8Array> {
    return this.#ask({ type: 'write-regrouped' }, (m) => (m.type === 'written' ? m.bytes : undefined));
  }

  close(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
