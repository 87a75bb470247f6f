/// <reference lib="webworker" />
/**
 * The only browser module that imports sql.js. It loads the wasm (bundled by Vite, never a CDN) and
 * the database file, reporting download progress, then answers queries one message at a time.
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { runQuery } from './sqljs-client';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => self.postMessage(message);

let db: Database | null = null;

async function fetchWithProgress(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  const header = response.headers.get('content-length');
  const total = header ? Number(header) : null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    post({ type: 'progress', loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function open(dbUrl: string) {
  db?.close();
  db = null;
  let SQL: Awaited<ReturnType<typeof initSqlJs>>;
  try {
    SQL = await initSqlJs({ locateFile: () => wasmUrl });
  } catch (e) {
    post({ type: 'open-error', stage: 'wasm', message: String(e) });
    return;
  }
  try {
    post({ type: 'progress', loaded: 0, total: null }); // the engine is up; the download starts
    const bytes = await fetchWithProgress(dbUrl);
    db = new SQL.Database(bytes);
    // A file that is not SQLite only fails on first use; fail here, where the page can say so.
    db.exec('SELECT count(*) FROM items');
    post({ type: 'ready' });
  } catch (e) {
    db = null;
    post({ type: 'open-error', stage: 'db', message: String(e) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'open') {
    void open(message.dbUrl);
    return;
  }
  if (!db) {
    post({ type: 'query-error', id: message.id, message: 'database not open' });
    return;
  }
  try {
    const rows = runQuery(db, { text: message.text, params: message.params });
    post({ type: 'result', id: message.id, rows });
  } catch (e) {
    post({ type: 'query-error', id: message.id, message: String(e) });
  }
};
