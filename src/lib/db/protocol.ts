import type { SqlValue } from './sql';

/** Messages between the page and the database worker. Kept apart so both sides share one definition. */
export type ToWorker = { type: 'open'; dbUrl: string } | { type: 'query'; id: number; text: string; params: readonly SqlValue[] };

/** Which resource failed, so the page can say which one in Chinese. */
export type LoadStage = 'wasm' | 'db';

export type FromWorker =
  | { type: 'progress'; loaded: number; total: number | null }
  | { type: 'ready' }
  | { type: 'open-error'; stage: LoadStage; message: string }
  | { type: 'result'; id: number; rows: object[] }
  | { type: 'query-error'; id: number; message: string };
