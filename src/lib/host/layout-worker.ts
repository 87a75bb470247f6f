/** Starts the network layout worker (src/lib/charts/network-layout.worker.ts), served as its own script. */
export const startLayoutWorker = (): Worker =>
  new Worker(new URL('../charts/network-layout.worker.ts', import.meta.url), { type: 'module' });
