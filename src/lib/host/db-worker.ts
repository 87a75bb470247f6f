/** Starts the sql.js worker (src/lib/db/worker.ts), served as its own script beside the page's. */
export const startDbWorker = (): Worker => new Worker(new URL('../db/worker.ts', import.meta.url), { type: 'module' });
