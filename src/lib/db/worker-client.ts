import type { DbClient } from './client';
import type { Sql } from './sql';
import type { FromWorker, LoadStage, ToWorker } from './protocol';

export type { LoadStage } from './protocol';

export class DbLoadError extends Error {
  constructor(
    readonly stage: LoadStage,
    message: string,
  ) {
    super(message);
    this.name = 'DbLoadError';
  }
}

export interface OpenOptions {
  /** Absolute URL of the database file; defaults to ./data/duties.sqlite next to the page. */
  dbUrl?: string;
  onProgress?: (loaded: number, total: number | null) => void;
}

export interface WorkerDbClient extends DbClient {
  close(): void;
}

/**
 * Starts the sql.js worker and resolves once the database is open. Rejects with a DbLoadError naming
 * the resource (wasm or db) that failed, so the page can offer a retry; each retry starts a new worker.
 */
export function openWorkerClient(options: OpenOptions = {}): Promise<WorkerDbClient> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  // Resolved against the page, not the worker script (which lives in assets/).
  const dbUrl = options.dbUrl ?? new URL('./data/duties.sqlite', document.baseURI).href;
  const pending = new Map<number, { resolve: (rows: object[]) => void; reject: (e: Error) => void }>();
  let nextId = 1;

  const client: WorkerDbClient = {
    query<Row extends object>(q: Sql): Promise<Row[]> {
      const id = nextId++;
      return new Promise<Row[]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (rows: object[]) => void, reject });
        const message: ToWorker = { type: 'query', id, text: q.text, params: q.params };
        worker.postMessage(message);
      });
    },
    close() {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('database closed'));
      pending.clear();
    },
  };

  return new Promise((resolve, reject) => {
    worker.onerror = (event) => {
      // The worker script itself failed to load or threw at top level (e.g. the sql.js bundle).
      event.preventDefault();
      worker.terminate();
      reject(new DbLoadError('wasm', event.message || 'worker failed to start'));
    };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      switch (m.type) {
        case 'progress':
          options.onProgress?.(m.loaded, m.total);
          break;
        case 'ready':
          resolve(client);
          break;
        case 'open-error':
          worker.terminate();
          reject(new DbLoadError(m.stage, m.message));
          break;
        case 'result':
          pending.get(m.id)?.resolve(m.rows);
          pending.delete(m.id);
          break;
        case 'query-error':
          pending.get(m.id)?.reject(new Error(m.message));
          pending.delete(m.id);
          break;
      }
    };
    const open: ToWorker = { type: 'open', dbUrl };
    worker.postMessage(open);
  });
}

/**
 * Wraps an async loader so only the latest call's result is delivered: when filters change quickly,
 * an older, slower query must not overwrite the newer answer. Returns undefined for a superseded call.
 */
export function latestOnly<A extends unknown[], R>(load: (...args: A) => Promise<R>) {
  let generation = 0;
  return async (...args: A): Promise<{ value: R } | undefined> => {
    const mine = ++generation;
    try {
      const value = await load(...args);
      return mine === generation ? { value } : undefined;
    } catch (e) {
      if (mine === generation) throw e;
      return undefined;
    }
  };
}
