import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { handDownloads } from '../db/handed-downloads';

/**
 * Starts the sql.js worker (src/lib/db/worker.ts), served as its own script beside the page's. The
 * page starts the wasm's download and compile and the downloads in `urls` (the summary, for the
 * served data) at once, rather than after the worker's script has arrived, and hands them over
 * (src/lib/db/handed-downloads.ts).
 */
export const startDbWorker = (urls: readonly string[] = []): Worker => {
  const worker = new Worker(new URL('../db/worker.ts', import.meta.url), { type: 'module' });
  handDownloads(worker, new URL(wasmUrl, document.baseURI).href, urls);
  return worker;
};
