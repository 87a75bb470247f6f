import type { DepartmentNetwork } from '../queries/network';
import { networkLayout, type NetworkLayout, type NetworkLayoutOptions } from './network-layout';
import { startLayoutWorker } from '../host/layout-worker';

/**
 * The force layout off the main thread. At a region's size the simulation and the label placement
 * take long enough to freeze the page (a long task during which neither a hover nor a drag answers),
 * so a module Web Worker runs the same pure, seeded `networkLayout` and posts the result back: the
 * positions are the ones a test in Node computes for the same network and options.
 */

export interface LayoutRequest {
  id: number;
  network: DepartmentNetwork;
  options: NetworkLayoutOptions;
}

export type LayoutResponse = { id: number; layout: NetworkLayout; ms: number } | { id: number; error: string };

/** What the worker does with a request: pure apart from the clock, so Node tests run it as is. */
export function answerLayout(request: LayoutRequest): LayoutResponse {
  const started = performance.now();
  try {
    const layout = networkLayout(request.network, request.options);
    return { id: request.id, layout, ms: performance.now() - started };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The page's side: one worker per view, started on first use; `layout` resolves with the positions. */
export class LayoutWorker {
  #worker: Worker | null = null;
  #next = 1;
  #pending = new Map<number, { resolve: (layout: NetworkLayout) => void; reject: (e: Error) => void }>();
  /** How long the last layout took inside the worker (ms): for the benchmark and the e2e tests. */
  lastMs = 0;

  layout(network: DepartmentNetwork, options: NetworkLayoutOptions): Promise<NetworkLayout> {
    const worker = (this.#worker ??= this.#start());
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const request: LayoutRequest = { id, network, options };
      worker.postMessage(request);
    });
  }

  close(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const p of this.#pending.values()) p.reject(new Error('layout worker closed'));
    this.#pending.clear();
  }

  #start(): Worker {
    const worker = startLayoutWorker();
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const answer = event.data;
      const pending = this.#pending.get(answer.id);
      if (!pending) return;
      this.#pending.delete(answer.id);
      if ('error' in answer) pending.reject(new Error(answer.error));
      else {
        this.lastMs = answer.ms;
        pending.resolve(answer.layout);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const p of this.#pending.values()) p.reject(new Error(event.message || 'layout worker failed'));
      this.#pending.clear();
      this.#worker?.terminate();
      this.#worker = null;
    };
    return worker;
  }
}
