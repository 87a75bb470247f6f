import type { DbClient } from './client';
import type { Sql } from './sql';
import type { DataInfo, FromWorker, LoadStage, QueryTiming, ToWorker } from './protocol';
import { ResultCache } from './result-cache';
import type { DatabaseProblem } from '../import/read-database';
import { startDbWorker } from '../host/db-worker';
import { SUMMARY_FILE } from '../atlas/parts';

export type { LoadStage } from './protocol';

/** One query as the benchmark sees it: main-thread times (performance.now()) and the worker's own. */
export interface QueryRecord extends Partial<QueryTiming> {
  text: string;
  needs: readonly string[];
  sentAt: number;
  /** When its answer (or error) reached the page; absent while it is pending. */
  receivedAt?: number;
  rows?: number;
  failed?: boolean;
}

declare global {
  /**
   * The benchmark's opt-in timing channel (scripts/bench): when the page defines this before the app
   * starts, the worker times every query and the client appends it here. The app never defines it.
   */
  var __dutyAtlasBench: { queries: QueryRecord[] } | undefined;
}

export class DbLoadError extends Error {
  constructor(
    readonly stage: LoadStage,
    message: string,
    /** What is wrong with a database the reader opened (stage 'file'). */
    readonly problems: DatabaseProblem[] = [],
  ) {
    super(message);
    this.name = 'DbLoadError';
  }
}

export interface OpenOptions {
  /** Absolute URL of the served data's folder; defaults to ./data/ next to the page. */
  dataUrl?: string;
  onProgress?: (loaded: number, total: number | null) => void;
  /** Open this complete database (a file the reader chose) instead of the served data. */
  file?: { name: string; bytes: Uint8Array };
}

export interface WorkerDbClient extends DbClient {
  /** Each derived file's size and the build's meta rows. */
  readonly info: { files: Map<string, number>; meta: Record<string, string> };
  /** Starts loading parts without waiting for them (see AtlasEngine.prefetch); `first`: ahead of those asked for before. */
  prefetch(needs: readonly string[], first?: boolean): void;
  /** Starts loading parts now, beside the queries being answered (see DbClient.load). */
  load(needs: readonly string[]): void;
  /**
   * The same worker with `files` in place of the parts at their paths (a review decision's
   * regrouped parts; the others stay loaded as they are): a new client, with answers of its own, to
   * show instead of this one, which then no longer owns the worker (closing it does nothing).
   * Rejects, changing nothing, when the new summary does not open.
   */
  withParts(files: readonly { path: string; bytes: Uint8Array }[]): Promise<WorkerDbClient>;
  close(): void;
}

/**
 * Starts the sql.js worker and resolves once the database is open. Rejects with a DbLoadError naming
 * the resource (wasm or db) that failed, so the page can offer a retry; each retry starts a new worker.
 */
export function openWorkerClient(options: OpenOptions = {}): Promise<WorkerDbClient> {
  // Resolved against the page, not the worker script (which lives in assets/).
  const dataUrl = options.dataUrl ?? new URL('./data/', document.baseURI).href;
  // The served data's summary starts downloading now, beside the worker's script (src/lib/host/db-worker.ts).
  const worker = startDbWorker(options.file ? [] : [new URL(SUMMARY_FILE, dataUrl).href]);
  const pending = new Map<number, { resolve: (rows: object[]) => void; reject: (e: Error) => void; record?: QueryRecord }>();
  const bench = globalThis.__dutyAtlasBench;
  let nextId = 1;
  /** The parts being replaced (one request at a time: the page waits for each decision). */
  let replacing: { resolve: (info: DataInfo) => void; reject: (e: Error) => void } | null = null;

  const send = <Row extends object>(q: Sql): Promise<Row[]> => {
    const id = nextId++;
    return new Promise<Row[]>((resolve, reject) => {
      let record: QueryRecord | undefined;
      if (bench) {
        record = { text: q.text, needs: q.needs ?? [], sentAt: performance.now() };
        bench.queries.push(record);
      }
      pending.set(id, { resolve: resolve as (rows: object[]) => void, reject, record });
      const message: ToWorker = { type: 'query', id, text: q.text, params: q.params, needs: q.needs ?? [] };
      worker.postMessage(message);
    });
  };

  /** A client of the worker showing `info`'s data; its cached answers are its own, as the data they answer. */
  const clientOf = (info: DataInfo): WorkerDbClient => {
    const answers = new ResultCache();
    let owner = true;
    return {
      info: { files: new Map(info.files), meta: info.meta },
      query: (q) => answers.query(q, () => send(q)),
      prefetch(needs, first) {
        const message: ToWorker = { type: 'prefetch', needs, first };
        worker.postMessage(message);
      },
      load(needs) {
        const message: ToWorker = { type: 'load', needs };
        worker.postMessage(message);
      },
      withParts(files) {
        if (!owner || replacing) return Promise.reject(new Error('database replaced'));
        return new Promise<WorkerDbClient>((resolve, reject) => {
          replacing = {
            resolve: (next) => {
              owner = false;
              resolve(clientOf(next));
            },
            reject,
          };
          const message: ToWorker = { type: 'replace-parts', files: files.map((f) => [f.path, f.bytes]) };
          // The page has no further use for the parts: moved, not copied.
          worker.postMessage(
            message,
            files.map((f) => f.bytes.buffer as ArrayBuffer),
          );
        });
      },
      close() {
        if (!owner) return;
        owner = false;
        worker.terminate();
        for (const p of pending.values()) p.reject(new Error('database closed'));
        pending.clear();
        replacing?.reject(new Error('database closed'));
        replacing = null;
      },
    };
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
          resolve(clientOf(m.info));
          break;
        case 'open-error':
          worker.terminate();
          reject(new DbLoadError(m.stage, m.message, m.problems));
          break;
        case 'replaced':
          replacing?.resolve(m.info);
          replacing = null;
          break;
        case 'replace-error':
          replacing?.reject(new Error(m.message));
          replacing = null;
          break;
        case 'result': {
          const p = pending.get(m.id);
          if (p?.record) Object.assign(p.record, m.timing, { receivedAt: performance.now(), rows: m.rows.length });
          p?.resolve(m.rows);
          pending.delete(m.id);
          break;
        }
        case 'query-error': {
          const p = pending.get(m.id);
          if (p?.record) Object.assign(p.record, { receivedAt: performance.now(), failed: true });
          p?.reject(new Error(m.message));
          pending.delete(m.id);
          break;
        }
      }
    };
    const open: ToWorker = options.file
      ? { type: 'open-file', name: options.file.name, bytes: options.file.bytes }
      : { type: 'open', dataUrl, timing: bench !== undefined };
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
