import type { SqlValue } from './sql';
import type { DatabaseProblem } from '../import/read-database';

/** Messages between the page and the database worker. Kept apart so both sides share one definition. */
export type ToWorker =
  /** `timing`: report how long each query waited for parts and ran (the benchmark's opt-in channel). */
  | { type: 'open'; dataUrl: string; timing?: boolean }
  /** A complete database the reader opened (its file name, for errors): the parts are derived in the worker. */
  | { type: 'open-file'; name: string; bytes: Uint8Array }
  | { type: 'query'; id: number; text: string; params: readonly SqlValue[]; needs: readonly string[] }
  | { type: 'prefetch'; needs: readonly string[]; first?: boolean }
  | { type: 'load'; needs: readonly string[] }
  /** Show these files in place of the parts at their paths (a review decision's regrouped parts): answered by 'replaced'. */
  | { type: 'replace-parts'; files: [path: string, bytes: Uint8Array][] };

/** Which resource failed, so the page can say which one in Chinese: 'file' is a database the reader opened. */
export type LoadStage = 'wasm' | 'db' | 'file';

/** What the page learns of the served data when it opens: each file's size and the build's meta rows. */
export interface DataInfo {
  files: [path: string, bytes: number][];
  meta: Record<string, string>;
}

export type FromWorker =
  | { type: 'progress'; loaded: number; total: number | null }
  | { type: 'ready'; info: DataInfo }
  | { type: 'replaced'; info: DataInfo }
  | { type: 'replace-error'; message: string }
  | { type: 'open-error'; stage: LoadStage; message: string; problems?: DatabaseProblem[] }
  | { type: 'result'; id: number; rows: object[]; timing?: QueryTiming }
  | { type: 'query-error'; id: number; message: string };

/**
 * Milliseconds a query spent in the worker: waiting until the parts it needs were in (fetching and
 * opening them, or another part the worker was opening meanwhile), then running.
 */
export interface QueryTiming {
  waitMs: number;
  runMs: number;
}
