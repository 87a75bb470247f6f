import LayoutWorker from '../charts/network-layout.worker?worker&inline';
import type * as served from '../host/layout-worker';

/** Starts the network layout worker from code in the page; it reads no files. */
export const startLayoutWorker: typeof served.startLayoutWorker = () => new LayoutWorker();
