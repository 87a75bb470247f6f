import type { DbClient } from './client';
import type { Sql } from './sql';
import type { DataInfo, FromWorker, LoadStage, QueryTiming, ToWorker } from './protocol';
import { ResultCache } from './result-cache';
import type { DatabaseProblem } from '../import/read-database';
import { startDbWorker } from '../host/db-worker';
import { SUMMARY_FILE } from '../atlas/parts';
import { answersByKey, sameData, sameRows, type FirstAnswers } from './first-answers';
import { refreshFirstAnswers } from './fetch-first-answers';

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

/**
 * The build's first answers are not what the data the worker opened answers (a cached file of another
 * build): what the page drew from them is not this data's, and it opens the data again without them.
 */
export class StaleFirstAnswers extends Error {
  constructor() {
    super('the first answers served are of another build than the summary');
    this.name = 'StaleFirstAnswers';
  }
}

export interface OpenOptions {
  /** Absolute URL of the served data's folder; defaults to ./data/ next to the page. */
  dataUrl?: string;
  onProgress?: (loaded: number, total: number | null) => void;
  /** Open this complete database (a file the reader chose) instead of the served data. */
  file?: { name: string; bytes: Uint8Array };
  /**
   * The build's answers for the first screen (db/first-answers.ts), on their way: where they arrive
   * (not null) before the worker is ready, the client resolves with them, answers those questions
   * from them, and sends every other once the data is open.
   */
  firstAnswers?: Promise<FirstAnswers | null>;
  /**
   * With first answers: when the worker starts, unless something not among them is asked first (see
   * openWorkerClient). Without it the worker starts at once.
   */
  startAfter?: Promise<unknown>;
}

export interface WorkerDbClient extends DbClient {
  /** Each derived file's size and the build's meta rows. */
  readonly info: { files: Map<string, number>; meta: Record<string, string> };
  /**
   * Resolves once the worker has the data open and it answers as the first answers said. Rejects
   * with DbLoadError (it failed to open), StaleFirstAnswers, or a question's error. Resolved from the
   * start for a client made once the data was open.
   */
  readonly opened: Promise<void>;
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

/** How long the worker waits for the first answers' download before it starts anyway (they take tens of ms). */
const FIRST_ANSWERS_PATIENCE_MS = 1500;

/** The served data's folder: ./data/ next to the page (resolved against the page, not the worker script in assets/). */
export const servedDataUrl = (): string => new URL('./data/', document.baseURI).href;

/**
 * Starts the sql.js worker and resolves once the database is open (or, see below, once the first
 * answers are here). Rejects with a DbLoadError naming the resource (wasm or db) that failed, so the
 * page can offer a retry; each retry starts a new worker.
 *
 * With the build's first answers (`options.firstAnswers`) it resolves as soon as they are here, and
 * with `options.startAfter` (the first chart painted) the worker starts only when that resolves or
 * something not among them is asked, whichever is first: its start — the wasm compiled, its thread and script,
 * the summary opened — is work for both of a 2-core machine's cores, which the first chart's render
 * then has to itself. Without answers (none served, or they do not read) the worker starts as soon
 * as that is known, or after FIRST_ANSWERS_PATIENCE_MS if their download has not ended by then.
 */
export function openWorkerClient(options: OpenOptions = {}): Promise<WorkerDbClient> {
  const dataUrl = options.dataUrl ?? servedDataUrl();
  const pending = new Map<number, { resolve: (rows: object[]) => void; reject: (e: Error) => void; record?: QueryRecord }>();
  const bench = globalThis.__dutyAtlasBench;
  let nextId = 1;
  /** The parts being replaced (one request at a time: the page waits for each decision). */
  let replacing: { resolve: (info: DataInfo) => void; reject: (e: Error) => void } | null = null;

  let closed = false;
  let dataOpen!: (info: DataInfo) => void;
  let openFailed!: (error: DbLoadError) => void;
  /** The worker's report on the data it opened; before it, the worker can answer nothing. */
  const opening = new Promise<DataInfo>((resolve, reject) => {
    dataOpen = resolve;
    openFailed = reject;
  });
  opening.catch(() => {});

  let worker: Worker | null = null;
  /** Starts the worker and asks it to open the data (once; not after the client is closed). */
  const start = () => {
    if (worker || closed) return;
    // The served data's summary starts downloading now, beside the worker's script (src/lib/host/db-worker.ts).
    const started = startDbWorker(options.file ? [] : [new URL(SUMMARY_FILE, dataUrl).href]);
    worker = started;
    started.onerror = (event) => {
      // The worker script itself failed to load or threw at top level (e.g. the sql.js bundle).
      event.preventDefault();
      started.terminate();
      openFailed(new DbLoadError('wasm', event.message || 'worker failed to start'));
    };
    started.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
    const open: ToWorker = options.file
      ? { type: 'open-file', name: options.file.name, bytes: options.file.bytes }
      : { type: 'open', dataUrl, timing: bench !== undefined };
    // The only message sent before the data is open.
    started.postMessage(open);
  };

  /** Posts `message` once the data is open (at once after), starting the worker if it has not: messages keep their order. */
  const post = (message: ToWorker, transfer: Transferable[] = []) => {
    start();
    void opening.then(
      () => {
        if (!closed) worker?.postMessage(message, transfer);
      },
      () => {},
    );
  };

  /** `recorded`: false for the client's own questions (checking the first answers), which the benchmark does not time. */
  const send = <Row extends object>(q: Sql, recorded = true): Promise<Row[]> => {
    if (closed) return Promise.reject(new Error('database closed'));
    const id = nextId++;
    return new Promise<Row[]>((resolve, reject) => {
      let record: QueryRecord | undefined;
      if (bench && recorded) {
        record = { text: q.text, needs: q.needs ?? [], sentAt: performance.now() };
        bench.queries.push(record);
      }
      pending.set(id, { resolve: resolve as (rows: object[]) => void, reject, record });
      // A failed open rejects what waits for it (the page reports the failure itself).
      opening.catch((error: Error) => {
        if (pending.delete(id)) reject(error);
      });
      post({ type: 'query', id, text: q.text, params: q.params, needs: q.needs ?? [] });
    });
  };

  /**
   * A client of the worker showing `info`'s data; its cached answers are its own, as the data they
   * answer, and start with `known` (the first answers).
   */
  const clientOf = (info: DataInfo, opened: Promise<void>, known: [key: string, rows: object[]][] = []): WorkerDbClient => {
    const answers = new ResultCache(undefined, known);
    let owner = true;
    return {
      info: { files: new Map(info.files), meta: info.meta },
      opened,
      query: (q) => answers.query(q, () => send(q)),
      prefetch(needs, first) {
        post({ type: 'prefetch', needs, first });
      },
      load(needs) {
        post({ type: 'load', needs });
      },
      withParts(files) {
        if (!owner || replacing) return Promise.reject(new Error('database replaced'));
        return new Promise<WorkerDbClient>((resolve, reject) => {
          replacing = {
            resolve: (next) => {
              owner = false;
              resolve(clientOf(next, Promise.resolve()));
            },
            reject,
          };
          // The page has no further use for the parts: moved, not copied.
          post(
            { type: 'replace-parts', files: files.map((f) => [f.path, f.bytes]) },
            files.map((f) => f.bytes.buffer as ArrayBuffer),
          );
        });
      },
      close() {
        if (!owner) return;
        owner = false;
        closed = true;
        worker?.terminate();
        openFailed(new DbLoadError('db', 'database closed'));
        for (const p of pending.values()) p.reject(new Error('database closed'));
        pending.clear();
        replacing?.reject(new Error('database closed'));
        replacing = null;
      },
    };
  };

  const receive = (m: FromWorker) => {
    switch (m.type) {
      case 'progress':
        options.onProgress?.(m.loaded, m.total);
        break;
      case 'ready':
        dataOpen(m.info);
        break;
      case 'open-error':
        worker?.terminate();
        openFailed(new DbLoadError(m.stage, m.message, m.problems));
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

  return new Promise((resolve, reject) => {
    opening.then(
      (info) => resolve(clientOf(info, Promise.resolve())),
      (error: DbLoadError) => reject(error),
    );
    // Without a time to wait for, the worker starts now: the first answers, if any, serve what they hold meanwhile.
    if (!options.firstAnswers || !options.startAfter) start();
    if (!options.firstAnswers) return;
    // A download that hangs must not hold the data back: past this, the worker starts anyway.
    const impatient = setTimeout(start, FIRST_ANSWERS_PATIENCE_MS);
    options.firstAnswers.then((first) => {
      clearTimeout(impatient);
      if (!first) return start();
      // Checked once the data is open: the listing and meta, then each question asked again (after
      // whatever the page has asked meanwhile), since a rebuild can change names and no file's size.
      const asSaid = opening.then(async (info) => {
        const fresh = sameData(info, first.info) && (await Promise.all(first.answers.map((a) => send(a.question, false))));
        if (!fresh || fresh.some((rows, i) => !sameRows(first.answers[i], rows))) {
          // The browser's cache may keep this file: the next visit should not draw from it again.
          void refreshFirstAnswers(dataUrl);
          throw new StaleFirstAnswers();
        }
      });
      // Whoever shows the client reports this; a client closed unshown (a kept database shown instead) does not.
      asSaid.catch(() => {});
      resolve(clientOf(first.info, asSaid, answersByKey(first)));
      options.startAfter?.then(start, start);
    }, start);
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
