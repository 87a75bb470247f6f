/** Starts the import worker (src/lib/import/import.worker.ts), served as its own script beside the page's. */
export const startImportWorker = (): Worker => new Worker(new URL('../import/import.worker.ts', import.meta.url), { type: 'module' });
